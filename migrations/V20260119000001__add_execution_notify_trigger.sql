-- =============================================================================
-- V20260119000001 — add execution notify trigger
--
-- Historical step (Attune 20260119000001_add_execution_notify_trigger.sql):
--   function notify_execution_change() and the AFTER INSERT OR UPDATE row
--   trigger notify_execution_change on execution, publishing every change of
--   an execution with pg_notify (used for real-time streaming to clients).
--
-- Deviations from Attune (see migrations/README.md):
--   * Channel is schema-scoped: TG_TABLE_SCHEMA || '_notifications'
--     (= attune_notifications in production) instead of the fixed
--     'attune_notifications', so neighbouring schemas do not hear each other.
--   * The payload names its schema in a top-level "schema" key.
--   * The payload is kept under PostgreSQL's 8000-byte NOTIFY limit: when the
--     full payload would reach 7900 bytes, data.result is left out and
--     data.result_omitted = true / data.result_bytes = <size of the result>
--     are added instead (and, should it still be too large, data.action_ref
--     is left out too, flagged by data.action_ref_omitted = true). An INSERT
--     or UPDATE of an execution therefore never fails because of its result.
--
-- Payload shape:
--   { "entity_type": "execution", "entity_id": <id>, "schema": "<schema>",
--     "timestamp": <now()>,
--     "data": { "id", "status", "action_id", "action_ref", "result",
--               "created", "updated" } }
-- =============================================================================

CREATE OR REPLACE FUNCTION notify_execution_change()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    -- NOTIFY rejects payloads of 8000 bytes or more; keep a safety margin.
    v_max_payload_bytes CONSTANT integer := 7900;
    v_channel text := TG_TABLE_SCHEMA || '_notifications';
    v_data    jsonb;
    v_payload text;
BEGIN
    v_data := jsonb_build_object(
        'id',         NEW.id,
        'status',     NEW.status,
        'action_id',  NEW.action,
        'action_ref', NEW.action_ref,
        'result',     NEW.result,
        'created',    NEW.created,
        'updated',    NEW.updated
    );

    v_payload := jsonb_build_object(
        'entity_type', 'execution',
        'entity_id',   NEW.id,
        'schema',      TG_TABLE_SCHEMA,
        'timestamp',   now(),
        'data',        v_data
    )::text;

    IF octet_length(v_payload) >= v_max_payload_bytes AND NEW.result IS NOT NULL THEN
        -- Too large for NOTIFY: drop the result and say so.
        v_data := (v_data - 'result') || jsonb_build_object(
            'result_omitted', true,
            'result_bytes',   octet_length(NEW.result::text)
        );
        v_payload := jsonb_build_object(
            'entity_type', 'execution',
            'entity_id',   NEW.id,
            'schema',      TG_TABLE_SCHEMA,
            'timestamp',   now(),
            'data',        v_data
        )::text;
    END IF;

    IF octet_length(v_payload) >= v_max_payload_bytes THEN
        -- Only a pathological action_ref can still be too large.
        v_data := (v_data - 'action_ref') || jsonb_build_object('action_ref_omitted', true);
        v_payload := jsonb_build_object(
            'entity_type', 'execution',
            'entity_id',   NEW.id,
            'schema',      TG_TABLE_SCHEMA,
            'timestamp',   now(),
            'data',        v_data
        )::text;
    END IF;

    PERFORM pg_notify(v_channel, v_payload);

    RETURN NEW;
END;
$$;

CREATE TRIGGER notify_execution_change
    AFTER INSERT OR UPDATE ON execution
    FOR EACH ROW
    EXECUTE FUNCTION notify_execution_change();

COMMENT ON FUNCTION notify_execution_change() IS
    'Sends pg_notify on channel <schema>_notifications for every execution insert/update; '
    'a result that would push the payload over the NOTIFY size limit is omitted and flagged (data.result_omitted).';
COMMENT ON TRIGGER notify_execution_change ON execution IS
    'Broadcasts execution changes via pg_notify on <schema>_notifications';
