package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.Limits;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.binding.JsonbJsonNodeConverter;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/** {@link Timestamps}, {@link JsonChecks} and {@link Updates#requireUpdatable}: values returned, bounds, messages. */
class ValueChecksTest {

    private static final JsonbJsonNodeConverter JSON = new JsonbJsonNodeConverter();

    @Test
    void aTimestampInRangeIsReturnedAndNullPasses() {
        OffsetDateTime now = OffsetDateTime.of(2026, 12, 6, 4, 0, 0, 0, ZoneOffset.UTC);

        assertThat(Timestamps.requireInRange("event", "created", now)).isSameAs(now);
        assertThat(Timestamps.requireInRange("event", "created", Timestamps.MAX)).isSameAs(Timestamps.MAX);
        assertThat(Timestamps.requireInRange("event", "created", null)).isNull();
        assertThatThrownBy(() -> Timestamps.requireInRange("event", "created", Timestamps.MAX.plusNanos(1000)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void anAgeIsReturnedFromItsMinimumUpToTheLimitInclusive() {
        long maxHours = Limits.MAX_AGE_DAYS * 24L;

        assertThat(Timestamps.requireAge("execution", "olderThan", 1, 1, ChronoUnit.HOURS)).isEqualTo(1);
        assertThat(Timestamps.requireAge("execution", "olderThan", maxHours, 1, ChronoUnit.HOURS)).isEqualTo(maxHours);
        assertThatThrownBy(() -> Timestamps.requireAge("execution", "olderThan", 0, 1, ChronoUnit.HOURS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule())
                        .isEqualTo("must be between 1 and " + maxHours + " (" + Limits.MAX_AGE_DAYS + " days)"));
        assertThatThrownBy(() -> Timestamps.requireAge("execution", "olderThan", maxHours + 1, 1, ChronoUnit.HOURS))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void validJsonIsReturnedAsGivenAndNullPasses() {
        var value = JSON.from(JSONB.valueOf("{\"a\": [1, 2.5, \"x\"], \"b\": {\"c\": null}}"));

        assertThat(JsonChecks.requireValid("event", "payload", value)).isSameAs(value);
        assertThat(JsonChecks.requireValid("event", "payload", null)).isNull();
    }

    @Test
    void nestingIsCountedThroughObjectsAsThroughArrays() {
        String deepObjects = "{\"a\":".repeat(Limits.MAX_JSON_DEPTH) + "{}" + "}".repeat(Limits.MAX_JSON_DEPTH);
        String deepestAllowed = "{\"a\":".repeat(Limits.MAX_JSON_DEPTH - 1) + "{}" + "}".repeat(Limits.MAX_JSON_DEPTH - 1);

        assertThatThrownBy(() -> JsonChecks.requireValid("event", "payload", JSON.from(JSONB.valueOf(deepObjects))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule())
                        .startsWith("JSON must be nested at most " + Limits.MAX_JSON_DEPTH + " levels deep"));
        var allowed = JSON.from(JSONB.valueOf(deepestAllowed));
        assertThat(JsonChecks.requireValid("event", "payload", allowed)).isSameAs(allowed);
    }

    @Test
    void anUpdateMustBeGivenBeOfTheTableAndSetOnlyUpdatableColumns() {
        Updates<PackRecord> updates = Updates.of("pack", PACK.ID, PACK.LABEL, PACK.DESCRIPTION);

        assertThatThrownBy(() -> updates.requireUpdatable(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("update");
                    assertThat(e.rule()).isEqualTo("is required (RowUpdate.of(table) changes nothing)");
                });
        @SuppressWarnings({"unchecked", "rawtypes"})
        RowUpdate<PackRecord> otherTable = (RowUpdate) RowUpdate.of(ACTION).set(ACTION.LABEL, "x");
        assertThatThrownBy(() -> updates.requireUpdatable(otherTable))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.value()).isEqualTo("action");
                    assertThat(e.rule()).isEqualTo("must update table pack");
                });
        assertThatThrownBy(() -> updates.requireUpdatable(RowUpdate.of(PACK).set(PACK.VERSION, "2.0.0")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("version");
                    assertThat(e.value()).isEqualTo("2.0.0");
                    assertThat(e.rule()).isEqualTo("cannot be changed by update; updatable columns: label, description");
                });
        updates.requireUpdatable(RowUpdate.of(PACK).set(PACK.LABEL, "ok").set(PACK.DESCRIPTION, null));
    }
}
