package dev.attune.repositories.worker;

import static dev.attune.repositories.schema.Tables.WORKER;

import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.WorkerStatusEnum;
import dev.attune.repositories.schema.enums.WorkerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Worker;
import dev.attune.repositories.schema.tables.records.WorkerRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Registered worker processes. Lists are ordered by name, then id (names are not unique).
 *
 * <p>{@link #update} may change {@code name, status, capabilities, meta, host, port}; {@code port} must be null or
 * 1–65535.
 *
 * <p>{@link #create} registers a worker: a {@code null} status is left to the column default {@code inactive} (a
 * deliberate fix: Attune inserted NULL); a missing runtime is refused.
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class WorkerRepository extends UpdatableTableRepository<WorkerRecord, Worker, NewWorker> {

    /** The name errors carry: the table's. */
    static final String ENTITY = WORKER.getName();

    private static final EntityTable<WorkerRecord, Worker> TABLE = EntityTable.of(WORKER.ID, Worker.class)
            .orderedBy(WORKER.NAME, WORKER.ID)
            .updatable(WORKER.NAME, WORKER.STATUS, WORKER.CAPABILITIES, WORKER.META, WORKER.HOST, WORKER.PORT);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public WorkerRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Workers in {@code status}.
     *
     * @param status the status
     * @return the workers, by name
     * @throws ValidationException when {@code status} is null
     */
    public List<Worker> findByStatus(WorkerStatusEnum status) {
        return where(WORKER.STATUS.eq(require("status", status)));
    }

    /**
     * Workers of {@code workerType}.
     *
     * @param workerType the worker type
     * @return the workers, by name
     * @throws ValidationException when {@code workerType} is null
     */
    public List<Worker> findByType(WorkerTypeEnum workerType) {
        return where(WORKER.WORKER_TYPE.eq(require("worker_type", workerType)));
    }

    /**
     * The worker with this name; names are not unique, so the one with the lowest id.
     *
     * @param name the worker's name
     * @return the worker; empty when there is none
     * @throws ValidationException when {@code name} is null
     */
    public Optional<Worker> findByName(String name) {
        return firstWhere(WORKER.NAME.eq(require("name", name)));
    }


    /**
     * Sets {@code last_heartbeat} to the database's {@code now()} (the update trigger also bumps {@code updated}).
     * Attune returned nothing and ignored a missing worker; here a missing worker is an error.
     *
     * @param id the worker's id
     * @return the updated worker
     * @throws dev.attune.repositories.NotFoundException when there is no worker with this id
     */
    public Worker updateHeartbeat(long id) {
        return updateRow(id, dsl().update(WORKER).set(WORKER.LAST_HEARTBEAT, DSL.currentOffsetDateTime()));
    }

    /**
     * A new port must be null or 1–65535, as on create.
     *
     * @param update the update, not null
     * @throws ValidationException when it sets a port outside that range
     */
    @Override
    protected void checkUpdate(RowUpdate<WorkerRecord> update) {
        requirePort(update.value(WORKER.PORT));
    }

    /** {@code port} when it is null or 1–65535 (CHECK {@code worker_port_range}). */
    static Integer requirePort(Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new ValidationException(ENTITY, "port", port, "must be between 1 and 65535");
        }
        return port;
    }
}
