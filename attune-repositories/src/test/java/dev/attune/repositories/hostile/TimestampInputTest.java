package dev.attune.repositories.hostile;

import static dev.attune.repositories.schema.Tables.INQUIRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.inquiry.InquiryRepository;
import dev.attune.repositories.inquiry.NewInquiry;
import dev.attune.repositories.pack.PackTestRepository;
import dev.attune.repositories.queue.QueueStatsRepository;
import dev.attune.repositories.schema.enums.InquiryStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Inquiry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Timestamps and ages outside PostgreSQL's range: a ValidationException before SQL, never "timestamp out of range". */
@IsolatedSchemaTest
class TimestampInputTest {

    @Test
    void hasPassingTestsWithIntegerMaxValueHoursIsAValidationError(DSLContext dsl) {
        long pack = new Fixtures(dsl).pack("core").getId();
        assertThatThrownBy(() -> new PackTestRepository(dsl).hasPassingTests(pack, Integer.MAX_VALUE))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack_test_execution");
                    assertThat(e.field()).isEqualTo("hours");
                    assertThat(e.value()).isEqualTo((long) Integer.MAX_VALUE);
                })
                .hasMessage("pack_test_execution.hours = '2147483647' is invalid: must be between 1 and 876600"
                        + " (36525 days)");
    }

    @Test
    void theLargestAcceptedAgesRunWithoutError(DSLContext dsl) {
        long pack = new Fixtures(dsl).pack("core").getId();
        assertThat(new PackTestRepository(dsl).hasPassingTests(pack, 876_600)).isFalse();
        assertThat(new PackTestRepository(dsl).deleteOldExecutions(36_525)).isZero();
        assertThat(new QueueStatsRepository(dsl).clearStale(3_155_760_000L)).isZero();
    }

    @Test
    void deleteOldExecutionsWithIntegerMaxValueDaysIsAValidationError(DSLContext dsl) {
        assertThatThrownBy(() -> new PackTestRepository(dsl).deleteOldExecutions(Integer.MAX_VALUE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("days"))
                .hasMessageEndingWith("must be between 0 and 36525 (36525 days)");
    }

    @Test
    void clearStaleWithLongMaxValueSecondsIsAValidationError(DSLContext dsl) {
        assertThatThrownBy(() -> new QueueStatsRepository(dsl).clearStale(Long.MAX_VALUE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("seconds"))
                .hasMessageEndingWith("must be between 0 and 3155760000 (36525 days)");
    }

    static Stream<OffsetDateTime> outOfRange() {
        return Stream.of(OffsetDateTime.MAX, OffsetDateTime.MIN,
                OffsetDateTime.of(294277, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(-4713, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "an inquiry timeout of {0} is refused before SQL")
    @MethodSource("outOfRange")
    void timestampsOutsidePostgresRangeAreRefused(OffsetDateTime timeout, DSLContext dsl) {
        var fixtures = new Fixtures(dsl);
        long execution = fixtures.execution(fixtures.action(fixtures.pack("core"), "echo")).getId();
        NewInquiry inquiry = new NewInquiry(execution, "Approve?", null, null, InquiryStatusEnum.pending, null, timeout);
        assertThatThrownBy(() -> new InquiryRepository(dsl).create(inquiry))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("inquiry");
                    assertThat(e.field()).isEqualTo("timeout_at");
                    assertThat(e.value()).isEqualTo(timeout);
                })
                .hasMessageEndingWith("is invalid: must be between 4713-11-24 BC and 294276-12-31 AD (PostgreSQL's"
                        + " timestamp range)");
    }

    @Test
    void theEdgesOfPostgresRangeRoundTrip(DSLContext dsl) {
        var fixtures = new Fixtures(dsl);
        long execution = fixtures.execution(fixtures.action(fixtures.pack("core"), "echo")).getId();
        InquiryRepository inquiries = new InquiryRepository(dsl);
        OffsetDateTime latest = OffsetDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC);
        Inquiry inquiry = inquiries.create(new NewInquiry(execution, "Approve?", null, null, InquiryStatusEnum.pending,
                null, latest));
        assertThat(inquiry.timeoutAt().toInstant()).isEqualTo(latest.toInstant());
        OffsetDateTime earliest = OffsetDateTime.of(-4712, 11, 24, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(inquiries.update(inquiry.id(), RowUpdate.of(INQUIRY).set(INQUIRY.RESPONDED_AT, earliest)).respondedAt()
                .toInstant()).isEqualTo(earliest.toInstant());
        assertThatThrownBy(() -> inquiries.update(inquiry.id(), RowUpdate.of(INQUIRY).set(INQUIRY.RESPONDED_AT, OffsetDateTime.MIN)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("responded_at"));
    }
}
