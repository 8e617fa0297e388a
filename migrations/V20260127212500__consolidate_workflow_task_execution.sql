-- =============================================================================
-- V20260127212500 — consolidate workflow_task_execution into execution
--
-- Historical step (Attune 20260127212500_consolidate_workflow_task_execution.sql):
--   1. add execution.workflow_task jsonb (only set for workflow task executions)
--   2. DATA MIGRATION: copy every workflow_task_execution row into the
--      workflow_task JSON of its execution, keys:
--        workflow_execution, task_name, task_index, task_batch, retry_count,
--        max_retries, next_retry_at, timeout_seconds, timed_out, duration_ms,
--        started_at, completed_at
--      (status, result and error already live on the execution row itself)
--   3. six partial indexes on workflow_task
--   4. DROP TABLE workflow_task_execution CASCADE (also removes the view
--      workflow_task_detail and the table's update trigger)
--
-- Deviations from Attune (see migrations/README.md):
--   * FIX: timestamps are rendered from `ts AT TIME ZONE 'UTC'`, so the
--     appended "Z" is true. Attune formatted the timestamptz in the session
--     time zone and still appended "Z" (wrong by the session's UTC offset).
--     Format: YYYY-MM-DDTHH24:MI:SS.<6-digit microseconds>Z (RFC 3339).
--   * Should several task rows point at the same execution, the one with the
--     highest id wins deterministically (Attune: an arbitrary one).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- 1. New column
-- -----------------------------------------------------------------------------
ALTER TABLE execution
    ADD COLUMN workflow_task jsonb;

COMMENT ON COLUMN execution.workflow_task IS
    'Workflow task metadata (only populated for workflow task executions)';

-- -----------------------------------------------------------------------------
-- 2. Data migration
-- -----------------------------------------------------------------------------
UPDATE execution e
SET workflow_task = jsonb_build_object(
        'workflow_execution', wte.workflow_execution,
        'task_name',          wte.task_name,
        'task_index',         wte.task_index,
        'task_batch',         wte.task_batch,
        'retry_count',        wte.retry_count,
        'max_retries',        wte.max_retries,
        'next_retry_at',      to_char(wte.next_retry_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'timeout_seconds',    wte.timeout_seconds,
        'timed_out',          wte.timed_out,
        'duration_ms',        wte.duration_ms,
        'started_at',         to_char(wte.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'completed_at',       to_char(wte.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    )
FROM (
    SELECT DISTINCT ON (w.execution) w.*
    FROM workflow_task_execution w
    ORDER BY w.execution, w.id DESC
) wte
WHERE e.id = wte.execution;

-- -----------------------------------------------------------------------------
-- 3. Indexes (expression indexes are on the text form: compare as text)
-- -----------------------------------------------------------------------------
CREATE INDEX idx_execution_workflow_task_gin
    ON execution USING gin (workflow_task)
    WHERE workflow_task IS NOT NULL;

CREATE INDEX idx_execution_workflow_execution
    ON execution ((workflow_task ->> 'workflow_execution'))
    WHERE workflow_task IS NOT NULL;

CREATE INDEX idx_execution_task_name
    ON execution ((workflow_task ->> 'task_name'))
    WHERE workflow_task IS NOT NULL;

CREATE INDEX idx_execution_pending_retries
    ON execution ((workflow_task ->> 'next_retry_at'))
    WHERE workflow_task IS NOT NULL
      AND (workflow_task ->> 'next_retry_at') IS NOT NULL;

CREATE INDEX idx_execution_timed_out
    ON execution ((workflow_task ->> 'timed_out'))
    WHERE workflow_task IS NOT NULL;

CREATE INDEX idx_execution_workflow_status
    ON execution (status, (workflow_task ->> 'workflow_execution'))
    WHERE workflow_task IS NOT NULL;

COMMENT ON INDEX idx_execution_workflow_task_gin IS 'GIN index for general JSONB queries on workflow_task';
COMMENT ON INDEX idx_execution_workflow_execution IS 'Finds tasks by workflow execution id (text)';
COMMENT ON INDEX idx_execution_task_name IS 'Finds tasks by name';
COMMENT ON INDEX idx_execution_pending_retries IS 'Finds tasks pending retry';
COMMENT ON INDEX idx_execution_timed_out IS 'Finds timed-out tasks';
COMMENT ON INDEX idx_execution_workflow_status IS 'Workflow task status queries';

-- -----------------------------------------------------------------------------
-- 4. The old table (and, by CASCADE, view workflow_task_detail)
-- -----------------------------------------------------------------------------
DROP TABLE workflow_task_execution CASCADE;
