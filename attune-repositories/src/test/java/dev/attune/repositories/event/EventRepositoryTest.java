package dev.attune.repositories.event;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.ENFORCEMENT;
import static dev.attune.repositories.schema.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.Event;
import dev.attune.repositories.schema.tables.records.EnforcementRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.SensorRecord;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class EventRepositoryTest {

    private static final OffsetDateTime BASE = OffsetDateTime.parse("2026-01-29T12:00:00Z");

    @Test
    void createsAnEventWithEveryFieldAndFindsItById(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        TriggerRecord trigger = fixtures.trigger(pack, "timer");
        SensorRecord sensor = fixtures.sensor(pack, "clock", fixtures.runtime(pack, "python"), trigger);
        EventRepository events = new EventRepository(dsl);

        Event created = events.create(new NewEvent(trigger.getId(), trigger.getRef(), json("{\"every\":5}"),
                json("{\"tick\":1}"), sensor.getId(), sensor.getRef()));

        assertThat(created.id()).isPositive();
        assertThat(created.trigger()).isEqualTo(trigger.getId());
        assertThat(created.triggerRef()).isEqualTo("core.timer");
        assertThat(created.config()).isEqualTo(json("{\"every\":5}"));
        assertThat(created.payload()).isEqualTo(json("{\"tick\":1}"));
        assertThat(created.source()).isEqualTo(sensor.getId());
        assertThat(created.sourceRef()).isEqualTo("core.clock");
        assertThat(events.findById(created.id())).contains(created);
        assertThat(events.getById(created.id())).isEqualTo(created);
    }

    @Test
    void theShortFormLeavesConfigAndSourceEmptyAndATriggerRefIsRequired(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        TriggerRecord trigger = fixtures.trigger(fixtures.pack("core"), "timer");

        Event created = new EventRepository(dsl).create(NewEvent.of(trigger.getId(), trigger.getRef(), null));

        assertThat(created.config()).isNull();
        assertThat(created.payload()).isNull();
        assertThat(created.source()).isNull();
        assertThatThrownBy(() -> new NewEvent(null, null, null, null, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("event.trigger_ref");
    }

    @Test
    void aMissingEventIsNotFound(DSLContext dsl) {
        EventRepository events = new EventRepository(dsl);

        assertThat(events.findById(42)).isEmpty();
        assertThatThrownBy(() -> events.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("event with id = 42 not found");
    }

    @Test
    void anUnknownTriggerOrSourceSensorIsAReferenceViolation(DSLContext dsl) {
        EventRepository events = new EventRepository(dsl);

        assertThatThrownBy(() -> events.create(NewEvent.of(999, "core.gone", null)))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("event");
                    assertThat(e.field()).isEqualTo("trigger");
                    assertThat(e.otherTable()).isEqualTo("trigger");
                });
        assertThatThrownBy(() -> events.create(new NewEvent(null, "core.timer", null, null, 999L, "core.gone")))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("source");
                    assertThat(e.otherTable()).isEqualTo("sensor");
                });
    }

    @Test
    void listsAndFindsByTriggerAndByTriggerRefNewestFirst(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        TriggerRecord timer = fixtures.trigger(pack, "timer");
        TriggerRecord hook = fixtures.trigger(pack, "hook");
        EventRepository events = new EventRepository(dsl);
        long oldTimer = events.create(NewEvent.of(timer.getId(), timer.getRef(), null)).id();
        long newTimer = events.create(NewEvent.of(timer.getId(), timer.getRef(), null)).id();
        long middleHook = events.create(NewEvent.of(hook.getId(), hook.getRef(), null)).id();
        long orphan = events.create(new NewEvent(null, "core.timer", null, null, null, null)).id();
        setCreated(dsl, newTimer, BASE.plusMinutes(3));
        setCreated(dsl, middleHook, BASE.plusMinutes(2));
        setCreated(dsl, orphan, BASE.plusMinutes(1));
        setCreated(dsl, oldTimer, BASE);

        assertThat(events.list()).extracting(Event::id).containsExactly(newTimer, middleHook, orphan, oldTimer);
        assertThat(events.findByTrigger(timer.getId())).extracting(Event::id).containsExactly(newTimer, oldTimer);
        assertThat(events.findByTriggerRef("core.timer")).extracting(Event::id)
                .containsExactly(newTimer, orphan, oldTimer);
        assertThat(events.findByTrigger(999)).isEmpty();
    }

    @Test
    void everyListIsCappedAtAThousandRows(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        TriggerRecord trigger = fixtures.trigger(fixtures.pack("core"), "timer");
        dsl.insertInto(EVENT, EVENT.TRIGGER, EVENT.TRIGGER_REF)
                .select(DSL.select(DSL.val(trigger.getId()), DSL.val(trigger.getRef()))
                        .from(DSL.generateSeries(1, Limits.LIST_LIMIT + 1)))
                .execute();
        EventRepository events = new EventRepository(dsl);

        assertThat(events.list()).hasSize(1000);
        assertThat(events.findByTrigger(trigger.getId())).hasSize(1000);
        assertThat(events.findByTriggerRef(trigger.getRef())).hasSize(1000);
    }

    @Test
    void updatesConfigAndPayloadAndCanSetThemBackToNull(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        TriggerRecord trigger = fixtures.trigger(fixtures.pack("core"), "timer");
        EventRepository events = new EventRepository(dsl);
        Event created = events.create(new NewEvent(trigger.getId(), trigger.getRef(), json("{\"c\":1}"),
                json("{\"p\":1}"), null, null));

        Event updated = events.update(created.id(), RowUpdate.of(EVENT).set(EVENT.PAYLOAD, json("{\"p\":2}")));
        assertThat(updated.payload()).isEqualTo(json("{\"p\":2}"));
        assertThat(updated.config()).isEqualTo(json("{\"c\":1}"));
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());

        Event cleared = events.update(created.id(), RowUpdate.of(EVENT).set(EVENT.CONFIG, null).set(EVENT.PAYLOAD, null));
        assertThat(cleared.config()).isNull();
        assertThat(cleared.payload()).isNull();
        assertThat(cleared.triggerRef()).isEqualTo("core.timer");
        assertThat(events.update(created.id(), RowUpdate.of(EVENT))).isEqualTo(cleared);
    }

    @Test
    void updatingOrDeletingAMissingEvent(DSLContext dsl) {
        EventRepository events = new EventRepository(dsl);

        assertThatThrownBy(() -> events.update(7, RowUpdate.of(EVENT).set(EVENT.PAYLOAD, json("{}"))))
                .isInstanceOf(NotFoundException.class).hasMessage("event with id = 7 not found");
        assertThatThrownBy(() -> events.update(7, RowUpdate.of(EVENT)))
                .isInstanceOf(NotFoundException.class);
        assertThat(events.delete(7)).isFalse();
    }

    @Test
    void deletingAnEventDetachesItsEnforcements(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        TriggerRecord trigger = fixtures.trigger(pack, "timer");
        EventRepository events = new EventRepository(dsl);
        Event event = events.create(NewEvent.of(trigger.getId(), trigger.getRef(), null));
        EnforcementRecord enforcement = fixtures.enforcement(
                fixtures.rule(pack, "on_timer", fixtures.action(pack, "echo"), trigger),
                dsl.fetchSingle(EVENT, EVENT.ID.eq(event.id())));

        assertThat(events.delete(event.id())).isTrue();

        assertThat(events.findById(event.id())).isEmpty();
        assertThat(dsl.fetchSingle(ENFORCEMENT, ENFORCEMENT.ID.eq(enforcement.getId())).getEvent()).isNull();
    }

    @Test
    void eventsOutliveTheirTriggerAndStayFindableByRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        TriggerRecord trigger = fixtures.trigger(fixtures.pack("core"), "timer");
        EventRepository events = new EventRepository(dsl);
        Event event = events.create(NewEvent.of(trigger.getId(), trigger.getRef(), null));

        trigger.delete();

        assertThat(events.getById(event.id()).trigger()).isNull();
        assertThat(events.findByTriggerRef("core.timer")).extracting(Event::id).containsExactly(event.id());
    }

    private static void setCreated(DSLContext dsl, long id, OffsetDateTime created) {
        dsl.update(EVENT).set(EVENT.CREATED, created).where(EVENT.ID.eq(id)).execute();
    }
}
