package dev.attune.repositories.enforcement;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.ENFORCEMENT;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.enums.EnforcementConditionEnum;
import dev.attune.repositories.schema.enums.EnforcementStatusEnum;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Enforcement;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import dev.attune.repositories.schema.tables.records.EventRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.RuleRecord;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class EnforcementRepositoryTest {

    private static final OffsetDateTime BASE = OffsetDateTime.parse("2026-01-29T12:00:00Z");

    /** A rule on a trigger, with one event of that trigger. */
    private record Setup(PackRecord pack, ActionRecord action, TriggerRecord trigger, RuleRecord rule,
            EventRecord event) {

        static Setup create(DSLContext dsl) {
            Fixtures fixtures = new Fixtures(dsl);
            PackRecord pack = fixtures.pack("core");
            ActionRecord action = fixtures.action(pack, "echo");
            TriggerRecord trigger = fixtures.trigger(pack, "timer");
            RuleRecord rule = fixtures.rule(pack, "on_timer", action, trigger);
            return new Setup(pack, action, trigger, rule, fixtures.event(trigger));
        }

        NewEnforcement enforcement() {
            return NewEnforcement.of(rule.getId(), rule.getRef(), trigger.getRef(), event.getId(), json("{\"x\":1}"));
        }
    }

    @Test
    void createsAnEnforcementWithColumnDefaultsAndFindsItById(DSLContext dsl) {
        Setup setup = Setup.create(dsl);
        EnforcementRepository enforcements = new EnforcementRepository(dsl);

        Enforcement created = enforcements.create(setup.enforcement());

        assertThat(created.id()).isPositive();
        assertThat(created.rule()).isEqualTo(setup.rule().getId());
        assertThat(created.ruleRef()).isEqualTo("core.on_timer");
        assertThat(created.triggerRef()).isEqualTo("core.timer");
        assertThat(created.event()).isEqualTo(setup.event().getId());
        assertThat(created.config()).isNull();
        assertThat(created.status()).isEqualTo(EnforcementStatusEnum.created);
        assertThat(created.payload()).isEqualTo(json("{\"x\":1}"));
        assertThat(created.condition()).isEqualTo(EnforcementConditionEnum.all);
        assertThat(created.conditions()).isEqualTo(json("[]"));
        assertThat(enforcements.findById(created.id())).contains(created);
        assertThat(enforcements.getById(created.id())).isEqualTo(created);
    }

    @Test
    void createsAnEnforcementWithEveryFieldGiven(DSLContext dsl) {
        Enforcement created = new EnforcementRepository(dsl).create(new NewEnforcement(null, "core.gone", "core.timer",
                json("{\"c\":true}"), null, EnforcementStatusEnum.disabled, json("{}"), EnforcementConditionEnum.any,
                json("[{\"op\":\"eq\"}]")));

        assertThat(created.rule()).isNull();
        assertThat(created.event()).isNull();
        assertThat(created.config()).isEqualTo(json("{\"c\":true}"));
        assertThat(created.status()).isEqualTo(EnforcementStatusEnum.disabled);
        assertThat(created.condition()).isEqualTo(EnforcementConditionEnum.any);
        assertThat(created.conditions()).isEqualTo(json("[{\"op\":\"eq\"}]"));
    }

    @Test
    void requiredFieldsAreCheckedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> NewEnforcement.of(1, null, "core.timer", null, json("{}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("enforcement.rule_ref");
        assertThatThrownBy(() -> NewEnforcement.of(1, "core.rule", null, null, json("{}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("enforcement.trigger_ref");
        assertThatThrownBy(() -> NewEnforcement.of(1, "core.rule", "core.timer", null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("enforcement.payload");
    }

    @Test
    void anUnknownRuleOrEventIsAReferenceViolation(DSLContext dsl) {
        Setup setup = Setup.create(dsl);
        EnforcementRepository enforcements = new EnforcementRepository(dsl);

        assertThatThrownBy(() -> enforcements.create(NewEnforcement.of(999, "core.gone", "core.timer", null,
                json("{}"))))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("enforcement");
                    assertThat(e.field()).isEqualTo("rule");
                    assertThat(e.otherTable()).isEqualTo("rule");
                });
        assertThatThrownBy(() -> enforcements.create(NewEnforcement.of(setup.rule().getId(), "core.on_timer",
                "core.timer", 999L, json("{}"))))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("event");
                    assertThat(e.otherTable()).isEqualTo("event");
                });
    }

    @Test
    void aMissingEnforcementIsNotFound(DSLContext dsl) {
        EnforcementRepository enforcements = new EnforcementRepository(dsl);

        assertThat(enforcements.findById(42)).isEmpty();
        assertThatThrownBy(() -> enforcements.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("enforcement with id = 42 not found");
    }

    @Test
    void listsAndFindsByRuleStatusAndEventNewestFirst(DSLContext dsl) {
        Setup setup = Setup.create(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        EventRecord otherEvent = fixtures.event(setup.trigger());
        RuleRecord otherRule = fixtures.rule(setup.pack(), "other", setup.action(), setup.trigger());
        EnforcementRepository enforcements = new EnforcementRepository(dsl);
        long oldest = enforcements.create(setup.enforcement()).id();
        long newest = enforcements.create(setup.enforcement()).id();
        long other = enforcements.create(new NewEnforcement(otherRule.getId(), otherRule.getRef(), "core.timer", null,
                otherEvent.getId(), EnforcementStatusEnum.processed, json("{}"), null, null)).id();
        setCreated(dsl, newest, BASE.plusMinutes(2));
        setCreated(dsl, other, BASE.plusMinutes(1));
        setCreated(dsl, oldest, BASE);

        assertThat(enforcements.list()).extracting(Enforcement::id).containsExactly(newest, other, oldest);
        assertThat(enforcements.findByRule(setup.rule().getId())).extracting(Enforcement::id)
                .containsExactly(newest, oldest);
        assertThat(enforcements.findByStatus(EnforcementStatusEnum.created)).extracting(Enforcement::id)
                .containsExactly(newest, oldest);
        assertThat(enforcements.findByStatus(EnforcementStatusEnum.processed)).extracting(Enforcement::id)
                .containsExactly(other);
        assertThat(enforcements.findByStatus(EnforcementStatusEnum.disabled)).isEmpty();
        assertThat(enforcements.findByEvent(setup.event().getId())).extracting(Enforcement::id)
                .containsExactly(newest, oldest);
        assertThat(enforcements.findByEvent(otherEvent.getId())).extracting(Enforcement::id).containsExactly(other);
    }

    @Test
    void theListIsCappedAtAThousandRowsButTheFiltersAreNot(DSLContext dsl) {
        Setup setup = Setup.create(dsl);
        dsl.insertInto(ENFORCEMENT, ENFORCEMENT.RULE, ENFORCEMENT.RULE_REF, ENFORCEMENT.TRIGGER_REF,
                        ENFORCEMENT.PAYLOAD)
                .select(DSL.select(DSL.val(setup.rule().getId()), DSL.val(setup.rule().getRef()),
                                DSL.val(setup.trigger().getRef()), DSL.val(json("{}"), ENFORCEMENT.PAYLOAD))
                        .from(DSL.generateSeries(1, Limits.LIST_LIMIT + 1)))
                .execute();
        EnforcementRepository enforcements = new EnforcementRepository(dsl);

        assertThat(enforcements.list()).hasSize(1000);
        assertThat(enforcements.findByRule(setup.rule().getId())).hasSize(1001);
        assertThat(enforcements.findByStatus(EnforcementStatusEnum.created)).hasSize(1001);
    }

    @Test
    void updatesStatusAndPayloadOnlyAndRefusesNull(DSLContext dsl) {
        Setup setup = Setup.create(dsl);
        EnforcementRepository enforcements = new EnforcementRepository(dsl);
        Enforcement created = enforcements.create(setup.enforcement());

        Enforcement processed = enforcements.update(created.id(),
                RowUpdate.of(ENFORCEMENT).set(ENFORCEMENT.STATUS, EnforcementStatusEnum.processed));
        assertThat(processed.status()).isEqualTo(EnforcementStatusEnum.processed);
        assertThat(processed.payload()).isEqualTo(json("{\"x\":1}"));
        assertThat(processed.updated()).isAfterOrEqualTo(created.updated());

        Enforcement repaid = enforcements.update(created.id(), RowUpdate.of(ENFORCEMENT).set(ENFORCEMENT.PAYLOAD, json("{\"y\":2}")));
        assertThat(repaid.payload()).isEqualTo(json("{\"y\":2}"));
        assertThat(repaid.status()).isEqualTo(EnforcementStatusEnum.processed);
        assertThat(enforcements.update(created.id(), RowUpdate.of(ENFORCEMENT))).isEqualTo(repaid);

        assertThatThrownBy(() -> RowUpdate.of(ENFORCEMENT).set(ENFORCEMENT.STATUS, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("enforcement.status");
        assertThatThrownBy(() -> RowUpdate.of(ENFORCEMENT).set(ENFORCEMENT.PAYLOAD, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("enforcement.payload");
    }

    @Test
    void updatingOrDeletingAMissingEnforcement(DSLContext dsl) {
        EnforcementRepository enforcements = new EnforcementRepository(dsl);

        assertThatThrownBy(() -> enforcements.update(7,
                RowUpdate.of(ENFORCEMENT).set(ENFORCEMENT.STATUS, EnforcementStatusEnum.processed)))
                .isInstanceOf(NotFoundException.class).hasMessage("enforcement with id = 7 not found");
        assertThatThrownBy(() -> enforcements.update(7, RowUpdate.of(ENFORCEMENT)))
                .isInstanceOf(NotFoundException.class);
        assertThat(enforcements.delete(7)).isFalse();
    }

    @Test
    void deletesAnEnforcementUnlessAnExecutionRefersToIt(DSLContext dsl) {
        Setup setup = Setup.create(dsl);
        EnforcementRepository enforcements = new EnforcementRepository(dsl);
        Enforcement free = enforcements.create(setup.enforcement());
        Enforcement used = enforcements.create(setup.enforcement());
        dsl.insertInto(EXECUTION).set(EXECUTION.ACTION, setup.action().getId())
                .set(EXECUTION.ACTION_REF, setup.action().getRef()).set(EXECUTION.ENFORCEMENT, used.id())
                .set(EXECUTION.STATUS, ExecutionStatusEnum.requested)
                .execute();

        assertThat(enforcements.delete(free.id())).isTrue();
        assertThat(enforcements.findById(free.id())).isEmpty();
        assertThatThrownBy(() -> enforcements.delete(used.id()))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("enforcement");
                    assertThat(e.otherTable()).isEqualTo("execution");
                });
        assertThat(enforcements.findById(used.id())).isPresent();
    }

    private static void setCreated(DSLContext dsl, long id, OffsetDateTime created) {
        dsl.update(ENFORCEMENT).set(ENFORCEMENT.CREATED, created).where(ENFORCEMENT.ID.eq(id)).execute();
    }
}
