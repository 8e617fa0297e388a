package dev.attune.repositories.workflow;

import dev.attune.repositories.internal.Json;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import tools.jackson.databind.JsonNode;

/**
 * The orchestration state of a workflow to create. The task lists start empty and the workflow unpaused.
 *
 * @param execution   id of the workflow's own execution row
 * @param workflowDef id of the workflow definition
 * @param taskGraph   required
 * @param variables   default empty object
 * @param status      required
 */
public record NewWorkflowExecution(
        long execution,
        long workflowDef,
        JsonNode taskGraph,
        JsonNode variables,
        ExecutionStatusEnum status) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param execution   id of the workflow's own execution row
     * @param workflowDef id of the workflow definition
     * @param taskGraph   required
     * @param variables   default empty object
     * @param status      required
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewWorkflowExecution {
        Refs.requireValue("workflow_execution", "task_graph", taskGraph);
        variables = Json.objectIfNull(variables);
        Refs.requireValue("workflow_execution", "status", status);
    }

    /**
     * A {@code requested} workflow execution without variables.
     *
     * @param execution   id of the workflow's own execution row
     * @param workflowDef id of the workflow definition
     * @param taskGraph   required
     * @return the workflow execution to create
     */
    public static NewWorkflowExecution of(long execution, long workflowDef, JsonNode taskGraph) {
        return new NewWorkflowExecution(execution, workflowDef, taskGraph, null, ExecutionStatusEnum.requested);
    }
}
