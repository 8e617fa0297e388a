package dev.attune.repositories.execution;

import static dev.attune.repositories.schema.Tables.EXECUTION;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.records.ExecutionRecord;

/**
 * The columns of an execution to change: status, result, executor and workflow task (the action, its ref, config,
 * parent and enforcement are fixed at creation). Start from {@link #create()}; each method returns a new update that
 * also sets one column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL.
 */
public final class ExecutionUpdate {

    private final Changes<ExecutionRecord> changes;

    private ExecutionUpdate(Changes<ExecutionRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static ExecutionUpdate create() {
        return new ExecutionUpdate(Changes.none());
    }

    /**
     * An update that writes back the four updatable columns of {@code execution} as they are in it (read a row, change it,
     * write it). A JSON {@code null} in {@code workflowTask} is written as SQL NULL.
     */
    public static ExecutionUpdate from(Execution execution) {
        JsonNode task = execution.workflowTask();
        return new ExecutionUpdate(Changes.<ExecutionRecord>none()
                .set(EXECUTION.STATUS, Refs.requireValue("execution", "status", execution.status()))
                .set(EXECUTION.RESULT, execution.result())
                .set(EXECUTION.EXECUTOR, execution.executor())
                .set(EXECUTION.WORKFLOW_TASK, task == null || task.isNull() ? null : task));
    }

    public ExecutionUpdate status(ExecutionStatusEnum status) {
        return new ExecutionUpdate(changes.set(EXECUTION.STATUS, status));
    }

    /** Nullable: {@code null} clears the result. */
    public ExecutionUpdate result(JsonNode result) {
        return new ExecutionUpdate(changes.set(EXECUTION.RESULT, result));
    }

    /** Nullable: {@code null} clears the executor. */
    public ExecutionUpdate executor(Long executor) {
        return new ExecutionUpdate(changes.set(EXECUTION.EXECUTOR, executor));
    }

    /** Nullable: {@code null} makes {@code workflow_task} SQL NULL (not a JSON {@code null}). */
    public ExecutionUpdate workflowTask(WorkflowTaskMetadata workflowTask) {
        return new ExecutionUpdate(changes.set(EXECUTION.WORKFLOW_TASK,
                workflowTask == null ? null : workflowTask.toJson()));
    }

    Changes<ExecutionRecord> changes() {
        return changes;
    }
}
