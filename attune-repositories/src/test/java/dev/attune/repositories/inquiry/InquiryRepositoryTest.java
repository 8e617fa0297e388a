package dev.attune.repositories.inquiry;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.INQUIRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.enums.InquiryStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Inquiry;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class InquiryRepositoryTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 20, 12, 0, 0, 0, ZoneOffset.UTC);

    private static long execution(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        ActionRecord action = fixtures.action(fixtures.pack("core"), "approve");
        return fixtures.execution(action).getId();
    }

    private static void setCreated(DSLContext dsl, Inquiry inquiry, OffsetDateTime created) {
        dsl.update(INQUIRY).set(INQUIRY.CREATED, created).where(INQUIRY.ID.eq(inquiry.id())).execute();
    }

    @Test
    void createsAnInquiryAndFindsItById(DSLContext dsl) {
        long execution = execution(dsl);
        long alice = new Fixtures(dsl).identity("alice").getId();
        InquiryRepository inquiries = new InquiryRepository(dsl);

        Inquiry created = inquiries.create(new NewInquiry(execution, "Deploy?", json("{\"type\":\"boolean\"}"), alice,
                InquiryStatusEnum.pending, null, T0));

        assertThat(created.id()).isPositive();
        assertThat(created.execution()).isEqualTo(execution);
        assertThat(created.prompt()).isEqualTo("Deploy?");
        assertThat(created.responseSchema()).isEqualTo(json("{\"type\":\"boolean\"}"));
        assertThat(created.assignedTo()).isEqualTo(alice);
        assertThat(created.status()).isEqualTo(InquiryStatusEnum.pending);
        assertThat(created.timeoutAt()).isEqualTo(T0);
        assertThat(created.respondedAt()).isNull();
        assertThat(inquiries.findById(created.id())).contains(created);
        assertThat(inquiries.getById(created.id())).isEqualTo(created);
    }

    @Test
    void aMissingInquiryIsNotFound(DSLContext dsl) {
        InquiryRepository inquiries = new InquiryRepository(dsl);

        assertThat(inquiries.findById(3)).isEmpty();
        assertThatThrownBy(() -> inquiries.getById(3))
                .isInstanceOf(NotFoundException.class).hasMessage("inquiry with id = 3 not found");
    }

    @Test
    void invalidInputIsRejectedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> NewInquiry.of(1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("inquiry.prompt");
        assertThatThrownBy(() -> new NewInquiry(1, "?", null, null, null, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("inquiry.status");
        assertThatThrownBy(() -> RowUpdate.of(INQUIRY).set(INQUIRY.STATUS, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("inquiry.status");
    }

    @Test
    void aMissingExecutionOrAssigneeIsAReferenceViolation(DSLContext dsl) {
        long execution = execution(dsl);
        InquiryRepository inquiries = new InquiryRepository(dsl);

        assertThatThrownBy(() -> inquiries.create(NewInquiry.of(execution + 100, "?")))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("inquiry");
                    assertThat(e.field()).isEqualTo("execution");
                    assertThat(e.otherTable()).isEqualTo("execution");
                });
        long id = inquiries.create(NewInquiry.of(execution, "?")).id();
        assertThatThrownBy(() -> inquiries.update(id, RowUpdate.of(INQUIRY).set(INQUIRY.ASSIGNED_TO, 404L)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("identity"));
    }

    @Test
    void listsNewestFirstCappedAtAThousand(DSLContext dsl) {
        long execution = execution(dsl);
        InquiryRepository inquiries = new InquiryRepository(dsl);
        Inquiry older = inquiries.create(NewInquiry.of(execution, "first"));
        Inquiry newer = inquiries.create(NewInquiry.of(execution, "second"));
        setCreated(dsl, older, T0);
        setCreated(dsl, newer, T0.plusSeconds(1));
        assertThat(inquiries.list()).extracting(Inquiry::id).containsExactly(newer.id(), older.id());

        dsl.insertInto(INQUIRY, INQUIRY.EXECUTION, INQUIRY.PROMPT, INQUIRY.CREATED)
                .select(DSL.select(DSL.val(execution), DSL.val("bulk"), DSL.val(T0.minusDays(1)))
                        .from(DSL.generateSeries(1, Limits.LIST_LIMIT)))
                .execute();

        assertThat(inquiries.list()).hasSize(Limits.LIST_LIMIT)
                .extracting(Inquiry::id).startsWith(newer.id(), older.id());
    }

    @Test
    void inquiriesCreatedAtTheSameTimeAreListedHighestIdFirst(DSLContext dsl) {
        long execution = execution(dsl);
        InquiryRepository inquiries = new InquiryRepository(dsl);
        Inquiry first = inquiries.create(NewInquiry.of(execution, "first"));
        Inquiry second = inquiries.create(NewInquiry.of(execution, "second"));
        setCreated(dsl, first, T0);
        setCreated(dsl, second, T0);

        assertThat(inquiries.list()).extracting(Inquiry::id).containsExactly(second.id(), first.id());
        assertThat(inquiries.findByStatus(InquiryStatusEnum.pending)).extracting(Inquiry::id)
                .containsExactly(second.id(), first.id());
        assertThat(inquiries.findByExecution(execution)).extracting(Inquiry::id).containsExactly(second.id(), first.id());
    }

    @Test
    void findsByStatusAndByExecutionNewestFirst(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        ActionRecord action = fixtures.action(fixtures.pack("core"), "approve");
        long execution = fixtures.execution(action).getId();
        long otherExecution = fixtures.execution(action).getId();
        InquiryRepository inquiries = new InquiryRepository(dsl);
        Inquiry a = inquiries.create(NewInquiry.of(execution, "a"));
        Inquiry b = inquiries.create(NewInquiry.of(execution, "b"));
        Inquiry c = inquiries.create(new NewInquiry(otherExecution, "c", null, null, InquiryStatusEnum.timeout, null, null));
        setCreated(dsl, a, T0.plusDays(2));
        setCreated(dsl, b, T0);

        assertThat(inquiries.findByStatus(InquiryStatusEnum.pending)).extracting(Inquiry::id).containsExactly(a.id(), b.id());
        assertThat(inquiries.findByStatus(InquiryStatusEnum.timeout)).extracting(Inquiry::id).containsExactly(c.id());
        assertThat(inquiries.findByStatus(InquiryStatusEnum.responded)).isEmpty();
        assertThat(inquiries.findByExecution(execution)).extracting(Inquiry::id).containsExactly(a.id(), b.id());
        assertThat(inquiries.findByExecution(otherExecution)).extracting(Inquiry::id).containsExactly(c.id());
        assertThat(inquiries.findByExecution(otherExecution + 1)).isEmpty();
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearNullableOnes(DSLContext dsl) {
        long execution = execution(dsl);
        long alice = new Fixtures(dsl).identity("alice").getId();
        InquiryRepository inquiries = new InquiryRepository(dsl);
        Inquiry created = inquiries.create(new NewInquiry(execution, "Deploy?", null, alice, InquiryStatusEnum.pending,
                null, T0));

        Inquiry answered = inquiries.update(created.id(), RowUpdate.of(INQUIRY)
                .set(INQUIRY.STATUS, InquiryStatusEnum.responded).set(INQUIRY.RESPONSE, json("{\"answer\":true}")).set(INQUIRY.RESPONDED_AT, T0.plusMinutes(5)));
        assertThat(answered.status()).isEqualTo(InquiryStatusEnum.responded);
        assertThat(answered.response()).isEqualTo(json("{\"answer\":true}"));
        assertThat(answered.respondedAt()).isEqualTo(T0.plusMinutes(5));
        assertThat(answered.assignedTo()).isEqualTo(alice);
        assertThat(answered.prompt()).isEqualTo("Deploy?");
        assertThat(answered.updated()).isAfterOrEqualTo(created.updated());

        Inquiry cleared = inquiries.update(created.id(),
                RowUpdate.of(INQUIRY).set(INQUIRY.RESPONSE, null).set(INQUIRY.RESPONDED_AT, null).set(INQUIRY.ASSIGNED_TO, null));
        assertThat(cleared.response()).isNull();
        assertThat(cleared.respondedAt()).isNull();
        assertThat(cleared.assignedTo()).isNull();
        assertThat(cleared.status()).isEqualTo(InquiryStatusEnum.responded);
        assertThat(inquiries.update(created.id(), RowUpdate.of(INQUIRY))).isEqualTo(cleared);
    }

    @Test
    void updatingOrDeletingAMissingInquiry(DSLContext dsl) {
        InquiryRepository inquiries = new InquiryRepository(dsl);

        assertThatThrownBy(() -> inquiries.update(5, RowUpdate.of(INQUIRY).set(INQUIRY.STATUS, InquiryStatusEnum.cancelled)))
                .isInstanceOf(NotFoundException.class).hasMessage("inquiry with id = 5 not found");
        assertThatThrownBy(() -> inquiries.update(5, RowUpdate.of(INQUIRY))).isInstanceOf(NotFoundException.class);
        assertThat(inquiries.delete(5)).isFalse();
    }

    @Test
    void deletesAnInquiry(DSLContext dsl) {
        InquiryRepository inquiries = new InquiryRepository(dsl);
        Inquiry created = inquiries.create(NewInquiry.of(execution(dsl), "?"));

        assertThat(inquiries.delete(created.id())).isTrue();
        assertThat(inquiries.findById(created.id())).isEmpty();
    }
}
