package dev.attune.repositories.runtime;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.PACK;
import static dev.attune.repositories.schema.Tables.RUNTIME;
import static dev.attune.repositories.schema.Tables.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.enums.RuntimeTypeEnum;
import dev.attune.repositories.schema.enums.WorkerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Runtime;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

@IsolatedSchemaTest
class RuntimeRepositoryTest {

    private static NewRuntime runtime(PackRecord pack, RuntimeTypeEnum type, String name) {
        return new NewRuntime(pack.getRef() + "." + type.getLiteral() + "." + name, pack.getId(), pack.getRef(), null,
                type, name, null, null);
    }

    @Test
    void createsARuntimeAndFindsItByIdAndRef(DSLContext dsl) {
        RuntimeRepository runtimes = new RuntimeRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");

        Runtime created = runtimes.create(new NewRuntime("core.action.python", pack.getId(), "core", "CPython",
                RuntimeTypeEnum.action, "python", json("{\"ubuntu\":[\"22.04\"]}"), json("{\"pip\":true}")));

        assertThat(created.id()).isPositive();
        assertThat(created.pack()).isEqualTo(pack.getId());
        assertThat(created.packRef()).isEqualTo("core");
        assertThat(created.description()).isEqualTo("CPython");
        assertThat(created.runtimeType()).isEqualTo(RuntimeTypeEnum.action);
        assertThat(created.name()).isEqualTo("python");
        assertThat(created.distributions()).isEqualTo(json("{\"ubuntu\":[\"22.04\"]}"));
        assertThat(created.installation()).isEqualTo(json("{\"pip\":true}"));
        assertThat(runtimes.getById(created.id())).isEqualTo(created);
        assertThat(runtimes.getByRef("core.action.python")).isEqualTo(created);
        assertThat(runtimes.findByRef("core.action.python")).contains(created);
    }

    @Test
    void aRuntimeWithoutPackGetsEmptyDistributions(DSLContext dsl) {
        Runtime created = new RuntimeRepository(dsl).create(NewRuntime.of("shared.sensor.node", RuntimeTypeEnum.sensor,
                "node"));

        assertThat(created.pack()).isNull();
        assertThat(created.distributions()).isEqualTo(JsonNodeFactory.instance.objectNode());
        assertThat(created.installation()).isNull();
    }

    @Test
    void aMissingRuntimeIsNotFoundByIdOrRef(DSLContext dsl) {
        RuntimeRepository runtimes = new RuntimeRepository(dsl);

        assertThat(runtimes.findById(42)).isEmpty();
        assertThat(runtimes.findByRef("core.action.none")).isEmpty();
        assertThatThrownBy(() -> runtimes.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("runtime with id = 42 not found");
        assertThatThrownBy(() -> runtimes.getByRef("core.action.none"))
                .isInstanceOf(NotFoundException.class).hasMessage("runtime with ref = core.action.none not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExists(DSLContext dsl) {
        RuntimeRepository runtimes = new RuntimeRepository(dsl);
        runtimes.create(NewRuntime.of("core.action.python", RuntimeTypeEnum.action, "python"));

        assertThatThrownBy(() -> runtimes.create(NewRuntime.of("core.action.python", RuntimeTypeEnum.action, "py")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("runtime");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core.action.python");
                });
    }

    @Test
    void badInputsAreRejectedBeforeAnySqlRuns() {
        for (String bad : List.of("core.python", "Core.action.python", "core.worker.python", "core.action.py.x",
                "core..python", "")) {
            assertThatThrownBy(() -> NewRuntime.of(bad, RuntimeTypeEnum.action, "python"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("runtime.ref");
        }
        assertThatThrownBy(() -> NewRuntime.of("core.action.python", null, "python"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("runtime.runtime_type");
        assertThatThrownBy(() -> NewRuntime.of("core.action.python", RuntimeTypeEnum.action, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("runtime.name");
    }

    @Test
    void aMissingPackIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new RuntimeRepository(dsl).create(new NewRuntime("core.action.python", 999L, "core",
                null, RuntimeTypeEnum.action, "python", null, null)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("pack"));
    }

    @Test
    void listsByRefAndFindsByPackAndByType(DSLContext dsl) {
        RuntimeRepository runtimes = new RuntimeRepository(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord linux = fixtures.pack("linux");
        runtimes.create(runtime(linux, RuntimeTypeEnum.action, "shell"));
        runtimes.create(runtime(core, RuntimeTypeEnum.sensor, "python"));
        runtimes.create(runtime(core, RuntimeTypeEnum.action, "python"));
        runtimes.create(runtime(core, RuntimeTypeEnum.action, "node"));

        assertThat(runtimes.list()).extracting(Runtime::ref).containsExactly("core.action.node", "core.action.python",
                "core.sensor.python", "linux.action.shell");
        assertThat(runtimes.findByPack(core.getId())).extracting(Runtime::ref)
                .containsExactly("core.action.node", "core.action.python", "core.sensor.python");
        assertThat(runtimes.findByPack(999)).isEmpty();
        assertThat(runtimes.findByType(RuntimeTypeEnum.action)).extracting(Runtime::ref)
                .containsExactly("core.action.node", "core.action.python", "linux.action.shell");
        assertThat(runtimes.findByType(RuntimeTypeEnum.sensor)).extracting(Runtime::ref)
                .containsExactly("core.sensor.python");
        assertThatThrownBy(() -> runtimes.findByType(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanSetNullableColumnsBackToNull(DSLContext dsl) {
        RuntimeRepository runtimes = new RuntimeRepository(dsl);
        Runtime created = runtimes.create(new NewRuntime("core.action.python", null, null, "CPython",
                RuntimeTypeEnum.action, "python", json("{\"a\":1}"), json("{\"pip\":true}")));

        Runtime updated = runtimes.update(created.id(), RowUpdate.of(RUNTIME).set(RUNTIME.NAME, "python3").set(RUNTIME.DESCRIPTION, null)
                .set(RUNTIME.INSTALLATION, null).set(RUNTIME.DISTRIBUTIONS, json("{\"b\":2}")));

        assertThat(updated.name()).isEqualTo("python3");
        assertThat(updated.description()).isNull();
        assertThat(updated.installation()).isNull();
        assertThat(updated.distributions()).isEqualTo(json("{\"b\":2}"));
        assertThat(updated.ref()).isEqualTo("core.action.python");
        assertThat(updated.runtimeType()).isEqualTo(RuntimeTypeEnum.action);
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());
        assertThat(runtimes.update(created.id(), RowUpdate.of(RUNTIME))).isEqualTo(updated);
        assertThat(runtimes.update(created.id(), RowUpdate.of(RUNTIME).set(RUNTIME.DESCRIPTION, "again")).description())
                .isEqualTo("again");
    }

    @Test
    void updatingAMissingRuntimeOrANotNullColumnToNullFails(DSLContext dsl) {
        RuntimeRepository runtimes = new RuntimeRepository(dsl);

        assertThatThrownBy(() -> runtimes.update(7, RowUpdate.of(RUNTIME).set(RUNTIME.NAME, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("runtime with id = 7 not found");
        assertThatThrownBy(() -> runtimes.update(7, RowUpdate.of(RUNTIME))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RowUpdate.of(RUNTIME).set(RUNTIME.NAME, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("runtime.name");
        assertThatThrownBy(() -> RowUpdate.of(RUNTIME).set(RUNTIME.DISTRIBUTIONS, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("runtime.distributions");
    }

    @Test
    void deletesARuntimeUnlessAWorkerStillUsesIt(DSLContext dsl) {
        RuntimeRepository runtimes = new RuntimeRepository(dsl);
        Runtime free = runtimes.create(NewRuntime.of("core.action.shell", RuntimeTypeEnum.action, "shell"));
        Runtime used = runtimes.create(NewRuntime.of("core.action.python", RuntimeTypeEnum.action, "python"));
        dsl.insertInto(WORKER).set(WORKER.NAME, "w1").set(WORKER.WORKER_TYPE, WorkerTypeEnum.local)
                .set(WORKER.RUNTIME, used.id()).execute();

        assertThat(runtimes.delete(free.id())).isTrue();
        assertThat(runtimes.delete(free.id())).isFalse();
        assertThatThrownBy(() -> runtimes.delete(used.id()))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("worker"));
        assertThat(runtimes.findById(used.id())).isPresent();
    }

    @Test
    void deletingThePackDeletesItsRuntimes(DSLContext dsl) {
        RuntimeRepository runtimes = new RuntimeRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");
        Runtime created = runtimes.create(runtime(pack, RuntimeTypeEnum.action, "python"));

        dsl.deleteFrom(PACK).where(PACK.ID.eq(pack.getId())).execute();

        assertThat(runtimes.findById(created.id())).isEmpty();
    }
}
