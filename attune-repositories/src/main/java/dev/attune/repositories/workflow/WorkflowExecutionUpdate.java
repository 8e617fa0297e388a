package dev.attune.repositories.workflow;

import static dev.attune.repositories.schema.Tables.WORKFLOW_EXECUTION;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.records.WorkflowExecutionRecord;
import java.util.List;

/**
 * The columns of a workflow execution to change (execution, definition and task graph are fixed). Start from
 * {@link #create()}; each method returns a new update that also sets one column. A column never mentioned is left as it
 * is; a nullable column set to {@code null} becomes NULL.
 */
public final class WorkflowExecutionUpdate {

    private final Changes<WorkflowExecutionRecord> changes;

    private WorkflowExecutionUpdate(Changes<WorkflowExecutionRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static WorkflowExecutionUpdate create() {
        return new WorkflowExecutionUpdate(Changes.none());
    }

    /** Nullable column: {@code null} makes it NULL (use an empty list for "none"). */
    public WorkflowExecutionUpdate currentTasks(List<String> currentTasks) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.CURRENT_TASKS, array(currentTasks)));
    }

    /** Nullable column: {@code null} makes it NULL (use an empty list for "none"). */
    public WorkflowExecutionUpdate completedTasks(List<String> completedTasks) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.COMPLETED_TASKS, array(completedTasks)));
    }

    /** Nullable column: {@code null} makes it NULL (use an empty list for "none"). */
    public WorkflowExecutionUpdate failedTasks(List<String> failedTasks) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.FAILED_TASKS, array(failedTasks)));
    }

    /** Nullable column: {@code null} makes it NULL (use an empty list for "none"). */
    public WorkflowExecutionUpdate skippedTasks(List<String> skippedTasks) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.SKIPPED_TASKS, array(skippedTasks)));
    }

    /** Nullable column: {@code null} makes it NULL. */
    public WorkflowExecutionUpdate variables(JsonNode variables) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.VARIABLES, variables));
    }

    public WorkflowExecutionUpdate status(ExecutionStatusEnum status) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.STATUS,
                Refs.requireValue("workflow_execution", "status", status)));
    }

    /** Nullable: {@code null} clears the error message. */
    public WorkflowExecutionUpdate errorMessage(String errorMessage) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.ERROR_MESSAGE, errorMessage));
    }

    public WorkflowExecutionUpdate paused(boolean paused) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.PAUSED, paused));
    }

    /** Nullable: {@code null} clears the pause reason. */
    public WorkflowExecutionUpdate pauseReason(String pauseReason) {
        return new WorkflowExecutionUpdate(changes.set(WORKFLOW_EXECUTION.PAUSE_REASON, pauseReason));
    }

    Changes<WorkflowExecutionRecord> changes() {
        return changes;
    }

    private static String[] array(List<String> tasks) {
        return tasks == null ? null : tasks.toArray(String[]::new);
    }
}
