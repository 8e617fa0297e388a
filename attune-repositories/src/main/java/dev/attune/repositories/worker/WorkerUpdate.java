package dev.attune.repositories.worker;

import static dev.attune.repositories.schema.Tables.WORKER;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.WorkerStatusEnum;
import dev.attune.repositories.schema.tables.records.WorkerRecord;

/**
 * The columns of a worker to change (type and runtime are fixed; the heartbeat has
 * {@link WorkerRepository#updateHeartbeat}). Start from {@link #create()}; each method returns a new update that also
 * sets one column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL.
 */
public final class WorkerUpdate {

    private final Changes<WorkerRecord> changes;

    private WorkerUpdate(Changes<WorkerRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static WorkerUpdate create() {
        return new WorkerUpdate(Changes.none());
    }

    public WorkerUpdate name(String name) {
        return new WorkerUpdate(changes.set(WORKER.NAME, Refs.requireValue(WorkerRepository.ENTITY, "name", name)));
    }

    /** Nullable column: {@code null} stores no status. */
    public WorkerUpdate status(WorkerStatusEnum status) {
        return new WorkerUpdate(changes.set(WORKER.STATUS, status));
    }

    /** Nullable: {@code null} clears the capabilities. */
    public WorkerUpdate capabilities(JsonNode capabilities) {
        return new WorkerUpdate(changes.set(WORKER.CAPABILITIES, capabilities));
    }

    /** Nullable: {@code null} clears the metadata. */
    public WorkerUpdate meta(JsonNode meta) {
        return new WorkerUpdate(changes.set(WORKER.META, meta));
    }

    /** Nullable: {@code null} clears the host. */
    public WorkerUpdate host(String host) {
        return new WorkerUpdate(changes.set(WORKER.HOST, host));
    }

    /** 1–65535, checked here; {@code null} clears the port. */
    public WorkerUpdate port(Integer port) {
        return new WorkerUpdate(changes.set(WORKER.PORT, WorkerRepository.requirePort(port)));
    }

    Changes<WorkerRecord> changes() {
        return changes;
    }
}
