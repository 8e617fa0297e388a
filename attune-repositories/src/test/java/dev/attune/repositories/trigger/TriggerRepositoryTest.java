package dev.attune.repositories.trigger;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.EVENT;
import static dev.attune.repositories.schema.Tables.SENSOR;
import static dev.attune.repositories.schema.Tables.TRIGGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.schema.tables.records.EventRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

@IsolatedSchemaTest
class TriggerRepositoryTest {

    @Test
    void createsATriggerWithWebhooksOffAndFindsItByIdAndRef(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        TriggerRepository triggers = new TriggerRepository(dsl);

        Trigger created = triggers.create(new NewTrigger("core.timer", pack.getId(), "core", "Timer", "Fires on time",
                false, json("{\"type\":\"object\"}"), json("{\"type\":\"string\"}")));

        assertThat(created.id()).isPositive();
        assertThat(created.pack()).isEqualTo(pack.getId());
        assertThat(created.packRef()).isEqualTo("core");
        assertThat(created.label()).isEqualTo("Timer");
        assertThat(created.description()).isEqualTo("Fires on time");
        assertThat(created.enabled()).isFalse();
        assertThat(created.paramSchema()).isEqualTo(json("{\"type\":\"object\"}"));
        assertThat(created.outSchema()).isEqualTo(json("{\"type\":\"string\"}"));
        assertThat(created.webhookEnabled()).isFalse();
        assertThat(created.webhookKey()).isNull();
        assertThat(created.webhookConfig()).isEqualTo(JsonNodeFactory.instance.objectNode());
        assertThat(triggers.getById(created.id())).isEqualTo(created);
        assertThat(triggers.findByRef("core.timer")).contains(created);
        assertThat(triggers.getByRef("core.timer")).isEqualTo(created);
    }

    @Test
    void theShortFormCreatesAnEnabledTriggerWithoutPack(DSLContext dsl) {
        Trigger created = new TriggerRepository(dsl).create(NewTrigger.of("ad.hoc", "Ad hoc"));

        assertThat(created.enabled()).isTrue();
        assertThat(created.pack()).isNull();
        assertThat(created.description()).isNull();
        assertThat(created.paramSchema()).isNull();
    }

    @Test
    void aMissingTriggerIsNotFoundByIdOrRef(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);

        assertThat(triggers.findById(42)).isEmpty();
        assertThat(triggers.findByRef("core.nope")).isEmpty();
        assertThatThrownBy(() -> triggers.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("trigger with id = 42 not found");
        assertThatThrownBy(() -> triggers.getByRef("core.nope"))
                .isInstanceOf(NotFoundException.class).hasMessage("trigger with ref = core.nope not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExistsNamingTheRef(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);
        triggers.create(NewTrigger.of("core.timer", "Timer"));

        assertThatThrownBy(() -> triggers.create(NewTrigger.of("core.timer", "Other")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("trigger");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core.timer");
                });
    }

    @Test
    void badRefsAndAMissingLabelAreRejectedBeforeAnySqlRuns() {
        for (String bad : Arrays.asList("Core.timer", "core", "core.a.b", ".timer", "core.", "", null)) {
            assertThatThrownBy(() -> NewTrigger.of(bad, "Timer"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("trigger.ref");
        }
        assertThatThrownBy(() -> NewTrigger.of("core.timer", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.label");
    }

    @Test
    void anUnknownPackIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new TriggerRepository(dsl).create(NewTrigger.of("core.timer", 999, "core", "Timer")))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("trigger");
                    assertThat(e.field()).isEqualTo("pack");
                    assertThat(e.otherTable()).isEqualTo("pack");
                });
    }

    @Test
    void listsFindsByPackAndFindsEnabledTriggersByRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord web = fixtures.pack("web");
        TriggerRepository triggers = new TriggerRepository(dsl);
        triggers.create(NewTrigger.of("core.zeta", core.getId(), "core", "Zeta"));
        triggers.create(new NewTrigger("core.alpha", core.getId(), "core", "Alpha", null, false, null, null));
        triggers.create(NewTrigger.of("web.hook", web.getId(), "web", "Hook"));
        triggers.create(NewTrigger.of("ad.hoc", "No pack"));

        assertThat(triggers.list()).extracting(Trigger::ref)
                .containsExactly("ad.hoc", "core.alpha", "core.zeta", "web.hook");
        assertThat(triggers.findByPack(core.getId())).extracting(Trigger::ref).containsExactly("core.alpha", "core.zeta");
        assertThat(triggers.findByPack(999)).isEmpty();
        assertThat(triggers.findEnabled()).extracting(Trigger::ref).containsExactly("ad.hoc", "core.zeta", "web.hook");
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanSetNullableColumnsBackToNull(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);
        Trigger created = triggers.create(new NewTrigger("core.timer", null, null, "Timer", "Fires", true,
                json("{\"a\":1}"), json("{\"b\":2}")));

        Trigger updated = triggers.update(created.id(),
                RowUpdate.of(TRIGGER).set(TRIGGER.LABEL, "Timer 2").set(TRIGGER.ENABLED, false).set(TRIGGER.DESCRIPTION, null).set(TRIGGER.PARAM_SCHEMA, null));

        assertThat(updated.label()).isEqualTo("Timer 2");
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.description()).isNull();
        assertThat(updated.paramSchema()).isNull();
        assertThat(updated.outSchema()).isEqualTo(json("{\"b\":2}"));
        assertThat(updated.ref()).isEqualTo("core.timer");
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());

        Trigger again = triggers.update(created.id(),
                RowUpdate.of(TRIGGER).set(TRIGGER.DESCRIPTION, "Back").set(TRIGGER.PARAM_SCHEMA, json("{}")).set(TRIGGER.OUT_SCHEMA, null));
        assertThat(again.description()).isEqualTo("Back");
        assertThat(again.paramSchema()).isEqualTo(json("{}"));
        assertThat(again.outSchema()).isNull();
        assertThat(triggers.update(created.id(), RowUpdate.of(TRIGGER))).isEqualTo(again);
    }

    @Test
    void updatingOrDeletingAMissingTrigger(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);

        assertThatThrownBy(() -> triggers.update(7, RowUpdate.of(TRIGGER).set(TRIGGER.LABEL, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("trigger with id = 7 not found");
        assertThatThrownBy(() -> triggers.update(7, RowUpdate.of(TRIGGER)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RowUpdate.of(TRIGGER).set(TRIGGER.LABEL, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.label");
        assertThat(triggers.delete(7)).isFalse();
    }

    @Test
    void deletingATriggerRemovesItsSensorsAndDetachesItsEvents(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        TriggerRecord trigger = fixtures.trigger(pack, "timer");
        fixtures.sensor(pack, "watcher", fixtures.runtime(pack, "python"), trigger);
        EventRecord event = fixtures.event(trigger);
        TriggerRepository triggers = new TriggerRepository(dsl);

        assertThat(triggers.delete(trigger.getId())).isTrue();

        assertThat(triggers.findById(trigger.getId())).isEmpty();
        assertThat(dsl.fetchCount(SENSOR)).isZero();
        EventRecord kept = dsl.fetchSingle(EVENT, EVENT.ID.eq(event.getId()));
        assertThat(kept.getTrigger()).isNull();
        assertThat(kept.getTriggerRef()).isEqualTo("core.timer");
    }

    @Test
    void aTriggerUsedByARuleCannotBeDeleted(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        TriggerRecord trigger = fixtures.trigger(pack, "timer");
        fixtures.rule(pack, "on_timer", fixtures.action(pack, "echo"), trigger);
        TriggerRepository triggers = new TriggerRepository(dsl);

        assertThatThrownBy(() -> triggers.delete(trigger.getId()))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("trigger");
                    assertThat(e.otherTable()).isEqualTo("rule");
                });
        assertThat(triggers.findById(trigger.getId())).isPresent();
    }
}
