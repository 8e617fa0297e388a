-- Migration 20250101000003: event system
--
-- Historically: triggers (event types), sensors that emit events, events, and enforcements
-- (a rule applied to an event). Also adds key_owner_sensor_fkey now that `sensor` exists.
-- enforcement.rule points at `rule`, created in migration 004, which adds
-- enforcement_rule_fkey. The webhook columns of `trigger` and the webhook indexes of
-- `event` arrive with the 2026 webhook migrations.
--
-- Deliberate difference from Attune: no privilege statements. Nothing is schema-qualified.

-- ---------------------------------------------------------------------------
-- trigger: event type definition that rules subscribe to
-- ---------------------------------------------------------------------------
CREATE TABLE trigger (
    id           BIGSERIAL PRIMARY KEY,
    ref          TEXT NOT NULL UNIQUE,
    pack         BIGINT REFERENCES pack (id) ON DELETE CASCADE,
    pack_ref     TEXT,
    label        TEXT NOT NULL,
    description  TEXT,
    enabled      BOOLEAN NOT NULL DEFAULT true,
    param_schema JSONB,  -- JSON schema of the config a rule or sensor passes when using the trigger
    out_schema   JSONB,  -- JSON schema of event payloads
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated      TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT trigger_ref_lowercase CHECK (ref = lower(ref)),
    CONSTRAINT trigger_ref_format CHECK (ref ~ '^[^.]+\.[^.]+$')
);

CREATE INDEX idx_trigger_ref ON trigger (ref);
CREATE INDEX idx_trigger_pack ON trigger (pack);
CREATE INDEX idx_trigger_enabled ON trigger (enabled) WHERE enabled = true;
CREATE INDEX idx_trigger_created ON trigger (created DESC);
CREATE INDEX idx_trigger_pack_enabled ON trigger (pack, enabled);
CREATE INDEX idx_trigger_enabled_created ON trigger (enabled, created DESC) WHERE enabled = true;

CREATE TRIGGER update_trigger_updated
    BEFORE UPDATE ON trigger
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- sensor: code that watches for a trigger condition and emits events
-- ---------------------------------------------------------------------------
CREATE TABLE sensor (
    id           BIGSERIAL PRIMARY KEY,
    ref          TEXT NOT NULL UNIQUE,
    pack         BIGINT REFERENCES pack (id) ON DELETE CASCADE,
    pack_ref     TEXT,
    label        TEXT NOT NULL,
    description  TEXT NOT NULL,
    entrypoint   TEXT NOT NULL,
    runtime      BIGINT NOT NULL REFERENCES runtime (id) ON DELETE CASCADE,
    runtime_ref  TEXT NOT NULL,
    trigger      BIGINT NOT NULL REFERENCES trigger (id) ON DELETE CASCADE,
    trigger_ref  TEXT NOT NULL,
    enabled      BOOLEAN NOT NULL,
    param_schema JSONB,
    config       JSONB,  -- instance configuration (conforms to the trigger's param_schema)
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated      TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT sensor_ref_lowercase CHECK (ref = lower(ref)),
    CONSTRAINT sensor_ref_format CHECK (ref ~ '^[^.]+\.[^.]+$')
);

CREATE INDEX idx_sensor_ref ON sensor (ref);
CREATE INDEX idx_sensor_pack ON sensor (pack);
CREATE INDEX idx_sensor_runtime ON sensor (runtime);
CREATE INDEX idx_sensor_trigger ON sensor (trigger);
CREATE INDEX idx_sensor_enabled ON sensor (enabled) WHERE enabled = true;
CREATE INDEX idx_sensor_created ON sensor (created DESC);
CREATE INDEX idx_sensor_trigger_enabled ON sensor (trigger, enabled);
CREATE INDEX idx_sensor_pack_enabled ON sensor (pack, enabled);
CREATE INDEX idx_sensor_runtime_enabled ON sensor (runtime, enabled);
CREATE INDEX idx_sensor_config ON sensor USING GIN (config);

CREATE TRIGGER update_sensor_updated
    BEFORE UPDATE ON sensor
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- Keys owned by a sensor go away with the sensor.
ALTER TABLE key
    ADD CONSTRAINT key_owner_sensor_fkey
    FOREIGN KEY (owner_sensor) REFERENCES sensor (id) ON DELETE CASCADE;

-- ---------------------------------------------------------------------------
-- event: one firing of a trigger
-- trigger_ref is kept when the trigger is deleted. `source` has no ON DELETE action:
-- deleting a sensor (directly or through its pack) fails while events reference it.
-- ---------------------------------------------------------------------------
CREATE TABLE event (
    id          BIGSERIAL PRIMARY KEY,
    trigger     BIGINT REFERENCES trigger (id) ON DELETE SET NULL,
    trigger_ref TEXT NOT NULL,
    config      JSONB,  -- snapshot of trigger/sensor config at firing time
    payload     JSONB,
    source      BIGINT REFERENCES sensor (id),
    source_ref  TEXT,
    created     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_event_trigger ON event (trigger);
CREATE INDEX idx_event_trigger_ref ON event (trigger_ref);
CREATE INDEX idx_event_source ON event (source);
CREATE INDEX idx_event_created ON event (created DESC);
CREATE INDEX idx_event_trigger_created ON event (trigger, created DESC);
CREATE INDEX idx_event_trigger_ref_created ON event (trigger_ref, created DESC);
CREATE INDEX idx_event_source_created ON event (source, created DESC);
CREATE INDEX idx_event_payload_gin ON event USING GIN (payload);

CREATE TRIGGER update_event_updated
    BEFORE UPDATE ON event
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- enforcement: a rule being applied to an event
-- (FK enforcement_rule_fkey on `rule` is added in migration 004)
-- ---------------------------------------------------------------------------
CREATE TABLE enforcement (
    id          BIGSERIAL PRIMARY KEY,
    rule        BIGINT,
    rule_ref    TEXT NOT NULL,
    trigger_ref TEXT NOT NULL,
    config      JSONB,
    event       BIGINT REFERENCES event (id) ON DELETE SET NULL,
    status      enforcement_status_enum NOT NULL DEFAULT 'created',
    payload     JSONB NOT NULL,
    condition   enforcement_condition_enum NOT NULL DEFAULT 'all',
    conditions  JSONB NOT NULL DEFAULT '[]'::jsonb,
    created     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated     TIMESTAMPTZ NOT NULL DEFAULT now(),

    -- redundant with the enum type, kept because Attune has it
    CONSTRAINT enforcement_condition_check CHECK (condition IN ('any', 'all'))
);

CREATE INDEX idx_enforcement_rule ON enforcement (rule);
CREATE INDEX idx_enforcement_rule_ref ON enforcement (rule_ref);
CREATE INDEX idx_enforcement_trigger_ref ON enforcement (trigger_ref);
CREATE INDEX idx_enforcement_event ON enforcement (event);
CREATE INDEX idx_enforcement_status ON enforcement (status);
CREATE INDEX idx_enforcement_created ON enforcement (created DESC);
CREATE INDEX idx_enforcement_status_created ON enforcement (status, created DESC);
CREATE INDEX idx_enforcement_rule_status ON enforcement (rule, status);
CREATE INDEX idx_enforcement_event_status ON enforcement (event, status);
CREATE INDEX idx_enforcement_payload_gin ON enforcement USING GIN (payload);
CREATE INDEX idx_enforcement_conditions_gin ON enforcement USING GIN (conditions);

CREATE TRIGGER update_enforcement_updated
    BEFORE UPDATE ON enforcement
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();
