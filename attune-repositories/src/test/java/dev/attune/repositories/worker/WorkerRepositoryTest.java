package dev.attune.repositories.worker;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.enums.WorkerStatusEnum;
import dev.attune.repositories.schema.enums.WorkerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Worker;
import dev.attune.repositories.schema.tables.records.RuntimeRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class WorkerRepositoryTest {

    private static NewWorker worker(String name, WorkerTypeEnum type, WorkerStatusEnum status) {
        return new NewWorker(name, type, null, null, null, status, null, null);
    }

    /** Regression test: Attune bound NULL for an absent status, so the column default never applied. */
    @Test
    void aWorkerCreatedWithoutStatusIsInactive(DSLContext dsl) {
        WorkerRepository workers = new WorkerRepository(dsl);

        Worker created = workers.create(NewWorker.of("w1", WorkerTypeEnum.local));

        assertThat(created.status()).isEqualTo(WorkerStatusEnum.inactive);
        assertThat(workers.getById(created.id()).status()).isEqualTo(WorkerStatusEnum.inactive);
    }

    @Test
    void createsAWorkerWithEveryFieldAndFindsItById(DSLContext dsl) {
        WorkerRepository workers = new WorkerRepository(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        RuntimeRecord runtime = fixtures.runtime(fixtures.pack("core"), "python");

        Worker created = workers.create(new NewWorker("w1", WorkerTypeEnum.remote, runtime.getId(), "10.0.0.5", 8080,
                WorkerStatusEnum.active, json("{\"gpu\":true}"), json("{\"zone\":\"a\"}")));

        assertThat(created.id()).isPositive();
        assertThat(created.name()).isEqualTo("w1");
        assertThat(created.workerType()).isEqualTo(WorkerTypeEnum.remote);
        assertThat(created.runtime()).isEqualTo(runtime.getId());
        assertThat(created.host()).isEqualTo("10.0.0.5");
        assertThat(created.port()).isEqualTo(8080);
        assertThat(created.status()).isEqualTo(WorkerStatusEnum.active);
        assertThat(created.capabilities()).isEqualTo(json("{\"gpu\":true}"));
        assertThat(created.meta()).isEqualTo(json("{\"zone\":\"a\"}"));
        assertThat(created.lastHeartbeat()).isNull();
        assertThat(workers.getById(created.id())).isEqualTo(created);
        assertThat(workers.findById(created.id())).contains(created);
    }

    @Test
    void aMissingWorkerIsNotFound(DSLContext dsl) {
        WorkerRepository workers = new WorkerRepository(dsl);

        assertThat(workers.findById(42)).isEmpty();
        assertThatThrownBy(() -> workers.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("worker with id = 42 not found");
    }

    @Test
    void portsOutsideOneTo65535AndMissingRequiredFieldsAreRejectedBeforeAnySqlRuns() {
        for (int bad : new int[] {0, -1, 65536}) {
            assertThatThrownBy(() -> new NewWorker("w", WorkerTypeEnum.local, null, null, bad, null, null, null))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("worker.port = '" + bad + "' is invalid: must be between 1 and 65535");
            // no connection: the update must be refused before any SQL runs
            WorkerRepository unconnected = new WorkerRepository(DSL.using(SQLDialect.POSTGRES));
            assertThatThrownBy(() -> unconnected.update(1, RowUpdate.of(WORKER).set(WORKER.PORT, bad)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("worker.port");
        }
        assertThat(new NewWorker("w", WorkerTypeEnum.local, null, null, 1, null, null, null).port()).isEqualTo(1);
        assertThat(new NewWorker("w", WorkerTypeEnum.local, null, null, 65535, null, null, null).port())
                .isEqualTo(65535);
        assertThatThrownBy(() -> NewWorker.of(null, WorkerTypeEnum.local))
                .isInstanceOf(ValidationException.class).hasMessageContaining("worker.name");
        assertThatThrownBy(() -> NewWorker.of("w", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("worker.worker_type");
    }

    @Test
    void aMissingRuntimeIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new WorkerRepository(dsl).create(new NewWorker("w", WorkerTypeEnum.local, 999L,
                null, null, null, null, null)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("runtime"));
    }

    @Test
    void listsByNameAndFindsByStatusTypeAndName(DSLContext dsl) {
        WorkerRepository workers = new WorkerRepository(dsl);
        Worker charlie = workers.create(worker("charlie", WorkerTypeEnum.container, WorkerStatusEnum.busy));
        Worker alpha = workers.create(worker("alpha", WorkerTypeEnum.local, WorkerStatusEnum.active));
        Worker bravo = workers.create(worker("bravo", WorkerTypeEnum.local, null));
        Worker alphaTwin = workers.create(worker("alpha", WorkerTypeEnum.remote, WorkerStatusEnum.active));

        assertThat(workers.list()).extracting(Worker::id)
                .containsExactly(alpha.id(), alphaTwin.id(), bravo.id(), charlie.id());
        assertThat(workers.findByStatus(WorkerStatusEnum.active)).extracting(Worker::id)
                .containsExactly(alpha.id(), alphaTwin.id());
        assertThat(workers.findByStatus(WorkerStatusEnum.inactive)).extracting(Worker::id).containsExactly(bravo.id());
        assertThat(workers.findByStatus(WorkerStatusEnum.error)).isEmpty();
        assertThat(workers.findByType(WorkerTypeEnum.local)).extracting(Worker::id)
                .containsExactly(alpha.id(), bravo.id());
        assertThat(workers.findByName("alpha")).contains(alpha);
        assertThat(workers.findByName("delta")).isEmpty();
        assertThatThrownBy(() -> workers.findByStatus(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> workers.findByType(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanSetNullableColumnsBackToNull(DSLContext dsl) {
        WorkerRepository workers = new WorkerRepository(dsl);
        Worker created = workers.create(new NewWorker("w1", WorkerTypeEnum.remote, null, "h1", 8080,
                WorkerStatusEnum.active, json("{\"gpu\":true}"), json("{\"zone\":\"a\"}")));

        Worker updated = workers.update(created.id(), RowUpdate.of(WORKER).set(WORKER.NAME, "w2").set(WORKER.STATUS, WorkerStatusEnum.busy)
                .set(WORKER.HOST, null).set(WORKER.PORT, null).set(WORKER.META, null));

        assertThat(updated.name()).isEqualTo("w2");
        assertThat(updated.status()).isEqualTo(WorkerStatusEnum.busy);
        assertThat(updated.host()).isNull();
        assertThat(updated.port()).isNull();
        assertThat(updated.meta()).isNull();
        assertThat(updated.capabilities()).isEqualTo(json("{\"gpu\":true}"));
        assertThat(updated.workerType()).isEqualTo(WorkerTypeEnum.remote);
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());

        Worker again = workers.update(created.id(), RowUpdate.of(WORKER).set(WORKER.STATUS, null).set(WORKER.CAPABILITIES, null)
                .set(WORKER.HOST, "h2").set(WORKER.PORT, 9090));
        assertThat(again.status()).isNull();
        assertThat(again.capabilities()).isNull();
        assertThat(again.host()).isEqualTo("h2");
        assertThat(again.port()).isEqualTo(9090);
        assertThat(workers.update(created.id(), RowUpdate.of(WORKER))).isEqualTo(again);
    }

    @Test
    void updatingAMissingWorkerOrTheNameToNullFails(DSLContext dsl) {
        WorkerRepository workers = new WorkerRepository(dsl);

        assertThatThrownBy(() -> workers.update(7, RowUpdate.of(WORKER).set(WORKER.NAME, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("worker with id = 7 not found");
        assertThatThrownBy(() -> workers.update(7, RowUpdate.of(WORKER))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RowUpdate.of(WORKER).set(WORKER.NAME, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("worker.name");
    }

    @Test
    void aHeartbeatSetsLastHeartbeatAndAMissingWorkerIsNotFound(DSLContext dsl) {
        WorkerRepository workers = new WorkerRepository(dsl);
        Worker created = workers.create(NewWorker.of("w1", WorkerTypeEnum.local));

        Worker beat = workers.updateHeartbeat(created.id());

        assertThat(beat.lastHeartbeat()).isNotNull().isAfterOrEqualTo(created.created());
        assertThat(beat.status()).isEqualTo(created.status());
        assertThat(workers.getById(created.id()).lastHeartbeat()).isEqualTo(beat.lastHeartbeat());
        assertThatThrownBy(() -> workers.updateHeartbeat(created.id() + 1))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("worker with id");
    }

    @Test
    void deletesAWorker(DSLContext dsl) {
        WorkerRepository workers = new WorkerRepository(dsl);
        Worker created = workers.create(NewWorker.of("w1", WorkerTypeEnum.local));

        assertThat(workers.delete(created.id())).isTrue();
        assertThat(workers.delete(created.id())).isFalse();
        assertThat(workers.findById(created.id())).isEmpty();
    }
}
