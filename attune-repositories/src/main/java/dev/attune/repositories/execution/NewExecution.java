package dev.attune.repositories.execution;

import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import tools.jackson.databind.JsonNode;

/**
 * An execution to create: one run of an action, a workflow's parent execution, or one task of a workflow.
 *
 * @param action       id of the action; optional
 * @param actionRef    required (kept even when the action goes away)
 * @param config       snapshot of the configuration/parameters; optional
 * @param parent       id of the parent execution (workflow parent); optional
 * @param enforcement  id of the enforcement that caused it; optional
 * @param executor     id of the identity that started it; optional
 * @param status       required
 * @param result       optional
 * @param workflowTask task metadata of a workflow task execution; absent ({@code null}) is stored as SQL NULL
 */
public record NewExecution(
        Long action,
        String actionRef,
        JsonNode config,
        Long parent,
        Long enforcement,
        Long executor,
        ExecutionStatusEnum status,
        JsonNode result,
        WorkflowTaskMetadata workflowTask) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param action       id of the action; optional
     * @param actionRef    required (kept even when the action goes away)
     * @param config       snapshot of the configuration/parameters; optional
     * @param parent       id of the parent execution (workflow parent); optional
     * @param enforcement  id of the enforcement that caused it; optional
     * @param executor     id of the identity that started it; optional
     * @param status       required
     * @param result       optional
     * @param workflowTask task metadata of a workflow task execution; absent ({@code null}) is stored as SQL NULL
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewExecution {
        Refs.requireValue("execution", "action_ref", actionRef);
        Refs.requireValue("execution", "status", status);
    }

    /**
     * A {@code requested} execution of the action, with nothing else set.
     *
     * @param action    id of the action; optional
     * @param actionRef required (kept even when the action goes away)
     * @return the execution to create
     */
    public static NewExecution of(long action, String actionRef) {
        return new NewExecution(action, actionRef, null, null, null, null, ExecutionStatusEnum.requested, null, null);
    }

    /**
     * A {@code requested} execution of one workflow task under {@code parent}.
     *
     * @param action    id of the action; optional
     * @param actionRef required (kept even when the action goes away)
     * @param parent    id of the parent execution (workflow parent); optional
     * @param task the task's metadata; required
     * @return the execution to create
     */
    public static NewExecution workflowTask(long action, String actionRef, long parent, WorkflowTaskMetadata task) {
        return new NewExecution(action, actionRef, null, parent, null, null, ExecutionStatusEnum.requested, null,
                Refs.requireValue("execution", "workflow_task", task));
    }
}
