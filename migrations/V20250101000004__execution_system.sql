-- Migration 20250101000004: execution system
--
-- Historically: actions, rules, executions, inquiries and the workflow engine tables
-- (workflow_definition, workflow_execution, workflow_task_execution) with three views.
-- Adds the foreign keys that had to wait for `action` and `rule`: policy_action_fkey,
-- key_owner_action_fkey and enforcement_rule_fkey. action.is_workflow / workflow_def are
-- added at the end, so they physically come after action.updated.
--
-- workflow_task_execution (and with it the view workflow_task_detail) is dropped again by
-- migration 20260127212500, which moves task state into execution.workflow_task.
--
-- Deliberate difference from Attune: no privilege statements. Nothing is schema-qualified.

-- ---------------------------------------------------------------------------
-- action: executable operation
-- ---------------------------------------------------------------------------
CREATE TABLE action (
    id           BIGSERIAL PRIMARY KEY,
    ref          TEXT NOT NULL UNIQUE,
    pack         BIGINT NOT NULL REFERENCES pack (id) ON DELETE CASCADE,
    pack_ref     TEXT NOT NULL,
    label        TEXT NOT NULL,
    description  TEXT NOT NULL,
    entrypoint   TEXT NOT NULL,
    runtime      BIGINT REFERENCES runtime (id),
    param_schema JSONB,
    out_schema   JSONB,
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated      TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT action_ref_lowercase CHECK (ref = lower(ref)),
    CONSTRAINT action_ref_format CHECK (ref ~ '^[^.]+\.[^.]+$')
);

CREATE INDEX idx_action_ref ON action (ref);
CREATE INDEX idx_action_pack ON action (pack);
CREATE INDEX idx_action_runtime ON action (runtime);
CREATE INDEX idx_action_created ON action (created DESC);
CREATE INDEX idx_action_pack_runtime ON action (pack, runtime);
CREATE INDEX idx_action_pack_created ON action (pack, created DESC);

CREATE TRIGGER update_action_updated
    BEFORE UPDATE ON action
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- Policies and keys attached to an action go away with the action.
ALTER TABLE policy
    ADD CONSTRAINT policy_action_fkey
    FOREIGN KEY (action) REFERENCES action (id) ON DELETE CASCADE;

ALTER TABLE key
    ADD CONSTRAINT key_owner_action_fkey
    FOREIGN KEY (owner_action) REFERENCES action (id) ON DELETE CASCADE;

-- ---------------------------------------------------------------------------
-- rule: connects a trigger to an action with conditions
-- ---------------------------------------------------------------------------
CREATE TABLE rule (
    id             BIGSERIAL PRIMARY KEY,
    ref            TEXT NOT NULL UNIQUE,
    pack           BIGINT NOT NULL REFERENCES pack (id) ON DELETE CASCADE,
    pack_ref       TEXT NOT NULL,
    label          TEXT NOT NULL,
    description    TEXT NOT NULL,
    action         BIGINT NOT NULL REFERENCES action (id),
    action_ref     TEXT NOT NULL,
    trigger        BIGINT NOT NULL REFERENCES trigger (id),
    trigger_ref    TEXT NOT NULL,
    conditions     JSONB NOT NULL DEFAULT '[]'::jsonb,
    action_params  JSONB DEFAULT '{}'::jsonb,
    trigger_params JSONB DEFAULT '{}'::jsonb,
    enabled        BOOLEAN NOT NULL,
    created        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated        TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT rule_ref_lowercase CHECK (ref = lower(ref)),
    CONSTRAINT rule_ref_format CHECK (ref ~ '^[^.]+\.[^.]+$')
);

CREATE INDEX idx_rule_ref ON rule (ref);
CREATE INDEX idx_rule_pack ON rule (pack);
CREATE INDEX idx_rule_action ON rule (action);
CREATE INDEX idx_rule_trigger ON rule (trigger);
CREATE INDEX idx_rule_enabled ON rule (enabled) WHERE enabled = true;
CREATE INDEX idx_rule_created ON rule (created DESC);
CREATE INDEX idx_rule_trigger_enabled ON rule (trigger, enabled);
CREATE INDEX idx_rule_action_enabled ON rule (action, enabled);
CREATE INDEX idx_rule_pack_enabled ON rule (pack, enabled);
CREATE INDEX idx_rule_action_params_gin ON rule USING GIN (action_params);
CREATE INDEX idx_rule_trigger_params_gin ON rule USING GIN (trigger_params);

CREATE TRIGGER update_rule_updated
    BEFORE UPDATE ON rule
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- Enforcements outlive their rule (rule_ref is kept).
ALTER TABLE enforcement
    ADD CONSTRAINT enforcement_rule_fkey
    FOREIGN KEY (rule) REFERENCES rule (id) ON DELETE SET NULL;

-- ---------------------------------------------------------------------------
-- execution: one run of an action (also workflow parents and workflow tasks)
-- `action` has no ON DELETE action: an action with executions cannot be deleted.
-- ---------------------------------------------------------------------------
CREATE TABLE execution (
    id          BIGSERIAL PRIMARY KEY,
    action      BIGINT REFERENCES action (id),
    action_ref  TEXT NOT NULL,
    config      JSONB,  -- snapshot of configuration / parameters at run time
    parent      BIGINT REFERENCES execution (id),
    enforcement BIGINT REFERENCES enforcement (id),
    executor    BIGINT REFERENCES identity (id) ON DELETE SET NULL,
    status      execution_status_enum NOT NULL DEFAULT 'requested',
    result      JSONB,
    created     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_execution_action ON execution (action);
CREATE INDEX idx_execution_action_ref ON execution (action_ref);
CREATE INDEX idx_execution_parent ON execution (parent);
CREATE INDEX idx_execution_enforcement ON execution (enforcement);
CREATE INDEX idx_execution_executor ON execution (executor);
CREATE INDEX idx_execution_status ON execution (status);
CREATE INDEX idx_execution_created ON execution (created DESC);
CREATE INDEX idx_execution_updated ON execution (updated DESC);
CREATE INDEX idx_execution_status_created ON execution (status, created DESC);
CREATE INDEX idx_execution_status_updated ON execution (status, updated DESC);
CREATE INDEX idx_execution_action_status ON execution (action, status);
CREATE INDEX idx_execution_executor_created ON execution (executor, created DESC);
CREATE INDEX idx_execution_parent_created ON execution (parent, created DESC);
CREATE INDEX idx_execution_result_gin ON execution USING GIN (result);

CREATE TRIGGER update_execution_updated
    BEFORE UPDATE ON execution
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- inquiry: human-in-the-loop question attached to an execution
-- ---------------------------------------------------------------------------
CREATE TABLE inquiry (
    id              BIGSERIAL PRIMARY KEY,
    execution       BIGINT NOT NULL REFERENCES execution (id) ON DELETE CASCADE,
    prompt          TEXT NOT NULL,
    response_schema JSONB,
    assigned_to     BIGINT REFERENCES identity (id) ON DELETE SET NULL,
    status          inquiry_status_enum NOT NULL DEFAULT 'pending',
    response        JSONB,
    timeout_at      TIMESTAMPTZ,
    responded_at    TIMESTAMPTZ,
    created         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_inquiry_execution ON inquiry (execution);
CREATE INDEX idx_inquiry_assigned_to ON inquiry (assigned_to);
CREATE INDEX idx_inquiry_status ON inquiry (status);
CREATE INDEX idx_inquiry_timeout_at ON inquiry (timeout_at) WHERE timeout_at IS NOT NULL;
CREATE INDEX idx_inquiry_created ON inquiry (created DESC);
CREATE INDEX idx_inquiry_status_created ON inquiry (status, created DESC);
CREATE INDEX idx_inquiry_assigned_status ON inquiry (assigned_to, status);
CREATE INDEX idx_inquiry_execution_status ON inquiry (execution, status);
CREATE INDEX idx_inquiry_response_gin ON inquiry USING GIN (response);

CREATE TRIGGER update_inquiry_updated
    BEFORE UPDATE ON inquiry
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- workflow_definition: parsed workflow YAML stored as JSON
-- (no format or lower-case check on ref)
-- ---------------------------------------------------------------------------
CREATE TABLE workflow_definition (
    id           BIGSERIAL PRIMARY KEY,
    ref          VARCHAR(255) NOT NULL UNIQUE,
    pack         BIGINT NOT NULL REFERENCES pack (id) ON DELETE CASCADE,
    pack_ref     VARCHAR(255) NOT NULL,
    label        VARCHAR(255) NOT NULL,
    description  TEXT,
    version      VARCHAR(50) NOT NULL,
    param_schema JSONB,
    out_schema   JSONB,
    definition   JSONB NOT NULL,  -- tasks, variables, transitions
    tags         TEXT[] DEFAULT '{}'::text[],
    enabled      BOOLEAN NOT NULL DEFAULT true,
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_workflow_def_pack ON workflow_definition (pack);
CREATE INDEX idx_workflow_def_enabled ON workflow_definition (enabled);
CREATE INDEX idx_workflow_def_ref ON workflow_definition (ref);
CREATE INDEX idx_workflow_def_tags ON workflow_definition USING GIN (tags);

CREATE TRIGGER update_workflow_definition_updated
    BEFORE UPDATE ON workflow_definition
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- workflow_execution: orchestration state of one running workflow
-- `execution` is the workflow's own execution row. `workflow_def` has no ON DELETE
-- action, so a definition with executions cannot be deleted.
-- ---------------------------------------------------------------------------
CREATE TABLE workflow_execution (
    id              BIGSERIAL PRIMARY KEY,
    execution       BIGINT NOT NULL REFERENCES execution (id) ON DELETE CASCADE,
    workflow_def    BIGINT NOT NULL REFERENCES workflow_definition (id),
    current_tasks   TEXT[] DEFAULT '{}'::text[],
    completed_tasks TEXT[] DEFAULT '{}'::text[],
    failed_tasks    TEXT[] DEFAULT '{}'::text[],
    skipped_tasks   TEXT[] DEFAULT '{}'::text[],
    variables       JSONB DEFAULT '{}'::jsonb,
    task_graph      JSONB NOT NULL,
    status          execution_status_enum NOT NULL DEFAULT 'requested',
    error_message   TEXT,
    paused          BOOLEAN NOT NULL DEFAULT false,
    pause_reason    TEXT,
    created         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_workflow_exec_execution ON workflow_execution (execution);
CREATE INDEX idx_workflow_exec_workflow_def ON workflow_execution (workflow_def);
CREATE INDEX idx_workflow_exec_status ON workflow_execution (status);
CREATE INDEX idx_workflow_exec_paused ON workflow_execution (paused) WHERE paused = true;

CREATE TRIGGER update_workflow_execution_updated
    BEFORE UPDATE ON workflow_execution
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- workflow_task_execution: one task run inside a workflow.
-- Transitional: dropped by migration 20260127212500 (replaced by execution.workflow_task).
-- ---------------------------------------------------------------------------
CREATE TABLE workflow_task_execution (
    id                 BIGSERIAL PRIMARY KEY,
    workflow_execution BIGINT NOT NULL REFERENCES workflow_execution (id) ON DELETE CASCADE,
    execution          BIGINT NOT NULL REFERENCES execution (id) ON DELETE CASCADE,
    task_name          VARCHAR(255) NOT NULL,
    task_index         INTEGER,  -- 0-based index for with-items iteration
    task_batch         INTEGER,  -- batch number for batched with-items processing
    status             execution_status_enum NOT NULL DEFAULT 'requested',
    started_at         TIMESTAMPTZ,
    completed_at       TIMESTAMPTZ,
    duration_ms        BIGINT,
    result             JSONB,
    error              JSONB,
    retry_count        INTEGER NOT NULL DEFAULT 0,
    max_retries        INTEGER NOT NULL DEFAULT 0,
    next_retry_at      TIMESTAMPTZ,
    timeout_seconds    INTEGER,
    timed_out          BOOLEAN NOT NULL DEFAULT false,
    created            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated            TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_wf_task_exec_workflow ON workflow_task_execution (workflow_execution);
CREATE INDEX idx_wf_task_exec_execution ON workflow_task_execution (execution);
CREATE INDEX idx_wf_task_exec_status ON workflow_task_execution (status);
CREATE INDEX idx_wf_task_exec_task_name ON workflow_task_execution (task_name);
CREATE INDEX idx_wf_task_exec_retry ON workflow_task_execution (retry_count) WHERE retry_count > 0;
CREATE INDEX idx_wf_task_exec_timeout ON workflow_task_execution (timed_out) WHERE timed_out = true;

CREATE TRIGGER update_workflow_task_execution_updated
    BEFORE UPDATE ON workflow_task_execution
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- action: workflow support (added last so the columns follow `updated`)
-- A workflow action is deleted together with its workflow definition.
-- ---------------------------------------------------------------------------
ALTER TABLE action
    ADD COLUMN is_workflow BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN workflow_def BIGINT REFERENCES workflow_definition (id) ON DELETE CASCADE;

CREATE INDEX idx_action_is_workflow ON action (is_workflow) WHERE is_workflow = true;
CREATE INDEX idx_action_workflow_def ON action (workflow_def);

-- ---------------------------------------------------------------------------
-- Views
-- ---------------------------------------------------------------------------

-- One row per workflow execution with its definition and task counts.
-- The counts are array_length(...), so they are NULL (not 0) for empty arrays.
CREATE VIEW workflow_execution_summary AS
SELECT
    we.id,
    we.execution,
    wd.ref                              AS workflow_ref,
    wd.label                            AS workflow_label,
    wd.version                          AS workflow_version,
    we.status,
    we.paused,
    array_length(we.current_tasks, 1)   AS current_task_count,
    array_length(we.completed_tasks, 1) AS completed_task_count,
    array_length(we.failed_tasks, 1)    AS failed_task_count,
    array_length(we.skipped_tasks, 1)   AS skipped_task_count,
    we.error_message,
    we.created,
    we.updated
FROM workflow_execution we
JOIN workflow_definition wd ON wd.id = we.workflow_def;

-- Task executions with their workflow context (dropped with workflow_task_execution).
CREATE VIEW workflow_task_detail AS
SELECT
    wte.id,
    wte.workflow_execution,
    we.execution AS workflow_execution_id,
    wd.ref       AS workflow_ref,
    wte.task_name,
    wte.task_index,
    wte.task_batch,
    wte.status,
    wte.retry_count,
    wte.max_retries,
    wte.timed_out,
    wte.duration_ms,
    wte.started_at,
    wte.completed_at,
    wte.created,
    wte.updated
FROM workflow_task_execution wte
JOIN workflow_execution we ON we.id = wte.workflow_execution
JOIN workflow_definition wd ON wd.id = we.workflow_def;

-- Every workflow definition with the workflow action(s) that point at it, if any.
CREATE VIEW workflow_action_link AS
SELECT
    wd.id       AS workflow_def_id,
    wd.ref      AS workflow_ref,
    wd.label,
    wd.version,
    wd.enabled,
    a.id        AS action_id,
    a.ref       AS action_ref,
    a.pack      AS pack_id,
    a.pack_ref
FROM workflow_definition wd
LEFT JOIN action a ON a.workflow_def = wd.id AND a.is_workflow = true;
