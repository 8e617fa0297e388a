-- Migration 20250101000005: supporting tables
--
-- Historically: notifications (with the insert trigger that fans them out via NOTIFY),
-- artifacts produced by executions, and per-action queue statistics.
--
-- Deliberate difference from Attune: no privilege statements. Nothing is schema-qualified.

-- ---------------------------------------------------------------------------
-- notification: change notice for real-time fan-out; every insert is published
-- with pg_notify on the row's own `channel`
-- ---------------------------------------------------------------------------
CREATE TABLE notification (
    id          BIGSERIAL PRIMARY KEY,
    channel     TEXT NOT NULL,  -- also the NOTIFY channel name
    entity_type TEXT NOT NULL,
    entity      TEXT NOT NULL,
    activity    TEXT NOT NULL,
    state       notification_status_enum NOT NULL DEFAULT 'created',
    content     JSONB,
    created     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_notification_channel ON notification (channel);
CREATE INDEX idx_notification_entity_type ON notification (entity_type);
CREATE INDEX idx_notification_entity ON notification (entity);
CREATE INDEX idx_notification_state ON notification (state);
CREATE INDEX idx_notification_created ON notification (created DESC);
CREATE INDEX idx_notification_channel_state ON notification (channel, state);
CREATE INDEX idx_notification_entity_type_entity ON notification (entity_type, entity);
CREATE INDEX idx_notification_state_created ON notification (state, created DESC);
CREATE INDEX idx_notification_content_gin ON notification USING GIN (content);

CREATE TRIGGER update_notification_updated
    BEFORE UPDATE ON notification
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- Publishes a new notification on NEW.channel. The payload is JSON text with id,
-- entity_type, entity and activity (the content itself is not sent).
CREATE OR REPLACE FUNCTION notify_on_insert()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify(
        NEW.channel,
        json_build_object(
            'id', NEW.id,
            'entity_type', NEW.entity_type,
            'entity', NEW.entity,
            'activity', NEW.activity
        )::text
    );
    RETURN NEW;
END;
$$;

CREATE TRIGGER notify_on_notification_insert
    AFTER INSERT ON notification
    FOR EACH ROW
    EXECUTE FUNCTION notify_on_insert();

-- ---------------------------------------------------------------------------
-- artifact: file / log / output produced by executions
-- (ref is neither unique nor format-checked)
-- ---------------------------------------------------------------------------
CREATE TABLE artifact (
    id               BIGSERIAL PRIMARY KEY,
    ref              TEXT NOT NULL,
    scope            owner_type_enum NOT NULL DEFAULT 'system',
    owner            TEXT NOT NULL DEFAULT '',
    type             artifact_type_enum NOT NULL,
    retention_policy artifact_retention_enum NOT NULL DEFAULT 'versions',
    retention_limit  INTEGER NOT NULL DEFAULT 1,
    created          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_artifact_ref ON artifact (ref);
CREATE INDEX idx_artifact_scope ON artifact (scope);
CREATE INDEX idx_artifact_owner ON artifact (owner);
CREATE INDEX idx_artifact_type ON artifact (type);
CREATE INDEX idx_artifact_created ON artifact (created DESC);
CREATE INDEX idx_artifact_scope_owner ON artifact (scope, owner);
CREATE INDEX idx_artifact_type_created ON artifact (type, created DESC);

CREATE TRIGGER update_artifact_updated
    BEFORE UPDATE ON artifact
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- queue_stats: per-action execution-queue counters, one row per action.
-- Keyed by action_id (no sequence); last_updated is maintained by the repository
-- (no trigger).
-- ---------------------------------------------------------------------------
CREATE TABLE queue_stats (
    action_id          BIGINT PRIMARY KEY REFERENCES action (id) ON DELETE CASCADE,
    queue_length       INTEGER NOT NULL DEFAULT 0,
    active_count       INTEGER NOT NULL DEFAULT 0,
    max_concurrent     INTEGER NOT NULL DEFAULT 1,
    oldest_enqueued_at TIMESTAMPTZ,
    total_enqueued     BIGINT NOT NULL DEFAULT 0,
    total_completed    BIGINT NOT NULL DEFAULT 0,
    last_updated       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_queue_stats_last_updated ON queue_stats (last_updated);
