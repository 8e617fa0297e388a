package dev.attune.repositories.sensor;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.EVENT;
import static dev.attune.repositories.schema.Tables.SENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.Sensor;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.RuntimeRecord;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class SensorRepositoryTest {

    private static NewSensor sensor(PackRecord pack, String name, RuntimeRecord runtime, TriggerRecord trigger,
            boolean enabled) {
        return new NewSensor(pack.getRef() + "." + name, pack.getId(), pack.getRef(), "Sensor " + name,
                "Watches " + name, name + ".py", runtime.getId(), runtime.getRef(), trigger.getId(), trigger.getRef(),
                enabled, null, null);
    }

    @Test
    void createsASensorAndFindsItByIdAndRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        RuntimeRecord python = fixtures.runtime(core, "python");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        SensorRepository sensors = new SensorRepository(dsl);

        Sensor created = sensors.create(new NewSensor("core.ticker", core.getId(), "core", "Ticker", "Ticks",
                "ticker.py", python.getId(), python.getRef(), timer.getId(), timer.getRef(), true,
                json("{\"type\":\"object\"}"), json("{\"interval\":5}")));
        Sensor packless = sensors.create(NewSensor.of("other.s", null, null, "S", "d", "s.py",
                python.getId(), python.getRef(), timer.getId(), timer.getRef()));

        assertThat(created.id()).isPositive();
        assertThat(created.runtime()).isEqualTo(python.getId());
        assertThat(created.trigger()).isEqualTo(timer.getId());
        assertThat(created.enabled()).isTrue();
        assertThat(created.paramSchema()).isEqualTo(json("{\"type\":\"object\"}"));
        assertThat(created.config()).isEqualTo(json("{\"interval\":5}"));
        assertThat(packless.pack()).isNull();
        assertThat(packless.paramSchema()).isNull();
        assertThat(packless.config()).isNull();
        assertThat(sensors.findById(created.id())).contains(created);
        assertThat(sensors.getById(created.id())).isEqualTo(created);
        assertThat(sensors.findByRef("core.ticker")).contains(created);
        assertThat(sensors.getByRef("core.ticker")).isEqualTo(created);
    }

    @Test
    void aMissingSensorIsNotFoundByIdOrRef(DSLContext dsl) {
        SensorRepository sensors = new SensorRepository(dsl);

        assertThat(sensors.findById(42)).isEmpty();
        assertThat(sensors.findByRef("core.nope")).isEmpty();
        assertThatThrownBy(() -> sensors.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("sensor with id = 42 not found");
        assertThatThrownBy(() -> sensors.getByRef("core.nope"))
                .isInstanceOf(NotFoundException.class).hasMessage("sensor with ref = core.nope not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExistsNamingTheRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        RuntimeRecord python = fixtures.runtime(core, "python");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        SensorRepository sensors = new SensorRepository(dsl);
        sensors.create(sensor(core, "s", python, timer, true));

        assertThatThrownBy(() -> sensors.create(sensor(core, "s", python, timer, false)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("sensor");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core.s");
                });
    }

    @Test
    void badRefsAndMissingRequiredValuesAreRejectedBeforeAnySqlRuns() {
        for (String bad : Arrays.asList("Core.s", "core", "core.s.x", "", null)) {
            assertThatThrownBy(() -> NewSensor.of(bad, null, null, "S", "d", "s.py", 1, "r", 1, "t"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.ref");
        }
        assertThatThrownBy(() -> NewSensor.of("core.s", null, null, null, "d", "s.py", 1, "r", 1, "t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.label");
        assertThatThrownBy(() -> NewSensor.of("core.s", null, null, "S", null, "s.py", 1, "r", 1, "t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.description");
        assertThatThrownBy(() -> NewSensor.of("core.s", null, null, "S", "d", null, 1, "r", 1, "t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.entrypoint");
        assertThatThrownBy(() -> NewSensor.of("core.s", null, null, "S", "d", "s.py", 1, null, 1, "t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.runtime_ref");
        assertThatThrownBy(() -> NewSensor.of("core.s", null, null, "S", "d", "s.py", 1, "r", 1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.trigger_ref");
    }

    @Test
    void aMissingRuntimeOrTriggerIsAReferenceViolation(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        RuntimeRecord python = fixtures.runtime(core, "python");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        SensorRepository sensors = new SensorRepository(dsl);

        assertThatThrownBy(() -> sensors.create(NewSensor.of("core.s", null, null, "S", "d", "s.py",
                999, "core.action.gone", timer.getId(), timer.getRef())))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("runtime");
                    assertThat(e.otherTable()).isEqualTo("runtime");
                });
        assertThatThrownBy(() -> sensors.create(NewSensor.of("core.s", null, null, "S", "d", "s.py",
                python.getId(), python.getRef(), 999, "core.gone")))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("trigger"));
        assertThat(dsl.fetchCount(SENSOR)).isZero();
    }

    @Test
    void listsByRefAndFindsByTriggerEnabledAndPack(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord linux = fixtures.pack("linux");
        RuntimeRecord python = fixtures.runtime(core, "python");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        TriggerRecord file = fixtures.trigger(core, "file");
        SensorRepository sensors = new SensorRepository(dsl);
        sensors.create(sensor(linux, "zz", python, timer, true));
        sensors.create(sensor(core, "cc", python, file, false));
        sensors.create(sensor(core, "aa", python, timer, true));
        sensors.create(sensor(core, "bb", python, file, true));

        assertThat(sensors.list()).extracting(Sensor::ref).containsExactly("core.aa", "core.bb", "core.cc", "linux.zz");
        assertThat(sensors.findByTrigger(timer.getId())).extracting(Sensor::ref).containsExactly("core.aa", "linux.zz");
        assertThat(sensors.findByTrigger(file.getId())).extracting(Sensor::ref).containsExactly("core.bb", "core.cc");
        assertThat(sensors.findEnabled()).extracting(Sensor::ref).containsExactly("core.aa", "core.bb", "linux.zz");
        assertThat(sensors.findByPack(core.getId())).extracting(Sensor::ref)
                .containsExactly("core.aa", "core.bb", "core.cc");
        assertThat(sensors.findByPack(linux.getId())).extracting(Sensor::ref).containsExactly("linux.zz");
        assertThat(sensors.findByTrigger(999)).isEmpty();
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearTheParamSchema(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        RuntimeRecord python = fixtures.runtime(core, "python");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        SensorRepository sensors = new SensorRepository(dsl);
        Sensor created = sensors.create(new NewSensor("core.s", core.getId(), "core", "S", "d", "s.py",
                python.getId(), python.getRef(), timer.getId(), timer.getRef(), true,
                json("{\"a\":1}"), json("{\"c\":1}")));

        Sensor updated = sensors.update(created.id(), RowUpdate.of(SENSOR)
                .set(SENSOR.LABEL, "S2").set(SENSOR.DESCRIPTION, "d2").set(SENSOR.ENTRYPOINT, "s2.py").set(SENSOR.ENABLED, false));
        assertThat(updated.label()).isEqualTo("S2");
        assertThat(updated.description()).isEqualTo("d2");
        assertThat(updated.entrypoint()).isEqualTo("s2.py");
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.paramSchema()).isEqualTo(json("{\"a\":1}"));
        assertThat(updated.config()).isEqualTo(json("{\"c\":1}"));
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());

        Sensor cleared = sensors.update(created.id(), RowUpdate.of(SENSOR).set(SENSOR.PARAM_SCHEMA, null));
        assertThat(cleared.paramSchema()).isNull();
        assertThat(cleared.label()).isEqualTo("S2");
        assertThat(cleared.config()).isEqualTo(json("{\"c\":1}"));
        assertThat(sensors.update(created.id(), RowUpdate.of(SENSOR))).isEqualTo(cleared);
    }

    @Test
    void updatingAMissingSensorOrNotNullColumnsToNullFails(DSLContext dsl) {
        SensorRepository sensors = new SensorRepository(dsl);

        assertThatThrownBy(() -> sensors.update(7, RowUpdate.of(SENSOR).set(SENSOR.ENABLED, true)))
                .isInstanceOf(NotFoundException.class).hasMessage("sensor with id = 7 not found");
        assertThatThrownBy(() -> sensors.update(7, RowUpdate.of(SENSOR))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RowUpdate.of(SENSOR).set(SENSOR.LABEL, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.label");
        assertThatThrownBy(() -> RowUpdate.of(SENSOR).set(SENSOR.DESCRIPTION, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.description");
        assertThatThrownBy(() -> RowUpdate.of(SENSOR).set(SENSOR.ENTRYPOINT, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sensor.entrypoint");
    }

    @Test
    void deletesASensor(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        RuntimeRecord python = fixtures.runtime(core, "python");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        SensorRepository sensors = new SensorRepository(dsl);
        Sensor created = sensors.create(sensor(core, "s", python, timer, true));

        assertThat(sensors.delete(created.id())).isTrue();
        assertThat(sensors.findById(created.id())).isEmpty();
        assertThat(sensors.delete(created.id())).isFalse();
    }

    @Test
    void aSensorThatIsTheSourceOfEventsCannotBeDeleted(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        RuntimeRecord python = fixtures.runtime(core, "python");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        SensorRepository sensors = new SensorRepository(dsl);
        Sensor created = sensors.create(sensor(core, "s", python, timer, true));
        dsl.insertInto(EVENT).set(EVENT.TRIGGER, timer.getId()).set(EVENT.TRIGGER_REF, timer.getRef())
                .set(EVENT.SOURCE, created.id()).set(EVENT.SOURCE_REF, created.ref()).execute();

        assertThatThrownBy(() -> sensors.delete(created.id()))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("sensor");
                    assertThat(e.otherTable()).isEqualTo("event");
                });
        assertThat(sensors.findById(created.id())).isPresent();
    }
}
