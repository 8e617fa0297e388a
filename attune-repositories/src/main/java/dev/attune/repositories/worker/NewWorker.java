package dev.attune.repositories.worker;

import dev.attune.repositories.internal.Identifiers;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.WorkerStatusEnum;
import dev.attune.repositories.schema.enums.WorkerTypeEnum;
import tools.jackson.databind.JsonNode;

/**
 * A worker process to register.
 *
 * @param name         required; not unique
 * @param workerType   required
 * @param runtime      runtime id; optional
 * @param host         optional
 * @param port         1–65535 or {@code null}; checked before any SQL runs
 * @param status       optional: {@code null} leaves the column default {@code inactive} (Attune bound NULL explicitly
 *                     and so stored no status at all)
 * @param capabilities optional
 * @param meta         optional
 */
public record NewWorker(
        String name,
        WorkerTypeEnum workerType,
        Long runtime,
        String host,
        Integer port,
        WorkerStatusEnum status,
        JsonNode capabilities,
        JsonNode meta) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param name         required; not unique
     * @param workerType   required
     * @param runtime      runtime id; optional
     * @param host         optional
     * @param port         1–65535 or {@code null}; checked before any SQL runs
     * @param status       optional: {@code null} leaves the column default {@code inactive} (Attune bound NULL
     *                     explicitly and so stored no status at all)
     * @param capabilities optional
     * @param meta         optional
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewWorker {
        Identifiers.requireName(WorkerRepository.ENTITY, "name", name);
        Refs.requireValue(WorkerRepository.ENTITY, "worker_type", workerType);
        WorkerRepository.requirePort(port);
    }

    /**
     * A worker with only a name and a type (status {@code inactive}).
     *
     * @param name       required; not unique
     * @param workerType required
     * @return the worker to register
     */
    public static NewWorker of(String name, WorkerTypeEnum workerType) {
        return new NewWorker(name, workerType, null, null, null, null, null, null);
    }
}
