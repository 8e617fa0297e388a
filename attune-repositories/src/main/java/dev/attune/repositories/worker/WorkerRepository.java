package dev.attune.repositories.worker;

import static dev.attune.repositories.schema.Tables.WORKER;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.enums.WorkerStatusEnum;
import dev.attune.repositories.schema.enums.WorkerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Worker;
import dev.attune.repositories.schema.tables.records.WorkerRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;

/**
 * Registered worker processes. Lists are ordered by name, then id (names are not unique).
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class WorkerRepository {

    static final String ENTITY = "worker";

    private static final Updates<WorkerRecord> UPDATES = Updates.of(ENTITY, WORKER.ID,
            WORKER.NAME, WORKER.STATUS, WORKER.CAPABILITIES, WORKER.META, WORKER.HOST, WORKER.PORT);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public WorkerRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The worker with this id; empty when there is none. */
    public Optional<Worker> findById(long id) {
        return dsl.selectFrom(WORKER).where(WORKER.ID.eq(id)).fetchOptionalInto(Worker.class);
    }

    /** @throws NotFoundException when there is no worker with this id */
    public Worker getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** Every worker, by name. */
    public List<Worker> list() {
        return dsl.selectFrom(WORKER).orderBy(WORKER.NAME, WORKER.ID).fetchInto(Worker.class);
    }

    /** Workers in {@code status}, by name. */
    public List<Worker> findByStatus(WorkerStatusEnum status) {
        Refs.requireValue(ENTITY, "status", status);
        return dsl.selectFrom(WORKER).where(WORKER.STATUS.eq(status)).orderBy(WORKER.NAME, WORKER.ID)
                .fetchInto(Worker.class);
    }

    /** Workers of {@code workerType}, by name. */
    public List<Worker> findByType(WorkerTypeEnum workerType) {
        Refs.requireValue(ENTITY, "worker_type", workerType);
        return dsl.selectFrom(WORKER).where(WORKER.WORKER_TYPE.eq(workerType)).orderBy(WORKER.NAME, WORKER.ID)
                .fetchInto(Worker.class);
    }

    /** The worker with this name; names are not unique, so the one with the lowest id. */
    public Optional<Worker> findByName(String name) {
        Refs.requireValue(ENTITY, "name", name);
        return dsl.selectFrom(WORKER).where(WORKER.NAME.eq(name)).orderBy(WORKER.ID).limit(1)
                .fetchOptionalInto(Worker.class);
    }

    /**
     * Registers a worker. A {@code null} status is not bound, so the column default {@code inactive} applies (a
     * deliberate fix: Attune inserted NULL).
     *
     * @throws dev.attune.repositories.ReferenceViolationException when the runtime is missing
     */
    public Worker create(NewWorker worker) {
        InsertSetMoreStep<WorkerRecord> insert = dsl.insertInto(WORKER)
                .set(WORKER.NAME, worker.name())
                .set(WORKER.WORKER_TYPE, worker.workerType())
                .set(WORKER.RUNTIME, worker.runtime())
                .set(WORKER.HOST, worker.host())
                .set(WORKER.PORT, worker.port())
                .set(WORKER.CAPABILITIES, worker.capabilities())
                .set(WORKER.META, worker.meta());
        if (worker.status() != null) {
            insert = insert.set(WORKER.STATUS, worker.status());
        }
        return insert.returning().fetchSingleInto(Worker.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code name, status, capabilities, meta, host, port}; {@code port} must be
     * null or 1–65535.
     *
     * @throws NotFoundException when there is no worker with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Worker update(long id, RowUpdate<WorkerRecord> update) {
        if (update != null) {
            requirePort(update.value(WORKER.PORT));
        }
        return UPDATES.apply(dsl, id, update, Worker.class);
    }

    /**
     * Sets {@code last_heartbeat} to the database's {@code now()} (the update trigger also bumps {@code updated}).
     * Attune returned nothing and ignored a missing worker; here a missing worker is an error.
     *
     * @return the updated worker
     * @throws NotFoundException when there is no worker with this id
     */
    public Worker updateHeartbeat(long id) {
        return dsl.update(WORKER)
                .set(WORKER.LAST_HEARTBEAT, DSL.currentOffsetDateTime())
                .where(WORKER.ID.eq(id))
                .returning()
                .fetchOptionalInto(Worker.class)
                .orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return dsl.deleteFrom(WORKER).where(WORKER.ID.eq(id)).execute() > 0;
    }

    /** {@code port} when it is null or 1–65535 (CHECK {@code worker_port_range}). */
    static Integer requirePort(Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new ValidationException(ENTITY, "port", port, "must be between 1 and 65535");
        }
        return port;
    }
}
