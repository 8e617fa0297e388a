-- Migration 20250101000002: core tables
--
-- Historically: packs, runtimes, workers, identities and permissions, policies and keys.
-- policy.action, key.owner_action and key.owner_sensor point at tables created by later
-- migrations; their foreign keys are added there (key_owner_sensor_fkey in 003,
-- policy_action_fkey and key_owner_action_fkey in 004).
--
-- Deliberate difference from Attune: no privilege statements (the migrator sets
-- privileges after migrating). Nothing is schema-qualified.

-- ---------------------------------------------------------------------------
-- pack: bundle of automation content (actions, triggers, sensors, rules, ...)
-- ---------------------------------------------------------------------------
CREATE TABLE pack (
    id           BIGSERIAL PRIMARY KEY,
    ref          TEXT NOT NULL UNIQUE,
    label        TEXT NOT NULL,
    description  TEXT,
    version      TEXT NOT NULL,
    conf_schema  JSONB NOT NULL DEFAULT '{}'::jsonb,
    config       JSONB NOT NULL DEFAULT '{}'::jsonb,
    meta         JSONB NOT NULL DEFAULT '{}'::jsonb,
    tags         TEXT[] NOT NULL DEFAULT '{}'::text[],
    runtime_deps TEXT[] NOT NULL DEFAULT '{}'::text[],
    is_standard  BOOLEAN NOT NULL DEFAULT false,
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated      TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pack_ref_lowercase CHECK (ref = lower(ref)),
    -- a lower-case letter, then one or more of a-z 0-9 _ - (at least 2 chars, no dots)
    CONSTRAINT pack_ref_format CHECK (ref ~ '^[a-z][a-z0-9_-]+$'),
    -- MAJOR.MINOR.PATCH, optional -prerelease and +build (dot-separated [0-9A-Za-z-] identifiers)
    CONSTRAINT pack_version_semver CHECK (
        version ~ '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
    )
);

CREATE INDEX idx_pack_ref ON pack (ref);
CREATE INDEX idx_pack_created ON pack (created DESC);
CREATE INDEX idx_pack_is_standard ON pack (is_standard) WHERE is_standard = true;
CREATE INDEX idx_pack_is_standard_created ON pack (is_standard, created DESC);
CREATE INDEX idx_pack_version_created ON pack (version, created DESC);
CREATE INDEX idx_pack_config_gin ON pack USING GIN (config);
CREATE INDEX idx_pack_meta_gin ON pack USING GIN (meta);
CREATE INDEX idx_pack_tags_gin ON pack USING GIN (tags);
CREATE INDEX idx_pack_runtime_deps_gin ON pack USING GIN (runtime_deps);

CREATE TRIGGER update_pack_updated
    BEFORE UPDATE ON pack
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- runtime: execution environment definition for actions or sensors
-- ---------------------------------------------------------------------------
CREATE TABLE runtime (
    id            BIGSERIAL PRIMARY KEY,
    ref           TEXT NOT NULL UNIQUE,
    pack          BIGINT REFERENCES pack (id) ON DELETE CASCADE,
    pack_ref      TEXT,
    description   TEXT,
    runtime_type  runtime_type_enum NOT NULL,
    name          TEXT NOT NULL,
    distributions JSONB NOT NULL,
    installation  JSONB,
    created       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated       TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT runtime_ref_lowercase CHECK (ref = lower(ref)),
    -- <pack>.<action|sensor>.<name>, e.g. core.action.python
    CONSTRAINT runtime_ref_format CHECK (ref ~ '^[^.]+\.(action|sensor)\.[^.]+$')
);

CREATE INDEX idx_runtime_ref ON runtime (ref);
CREATE INDEX idx_runtime_pack ON runtime (pack);
CREATE INDEX idx_runtime_type ON runtime (runtime_type);
CREATE INDEX idx_runtime_created ON runtime (created DESC);
CREATE INDEX idx_runtime_pack_type ON runtime (pack, runtime_type);
CREATE INDEX idx_runtime_type_created ON runtime (runtime_type, created DESC);

CREATE TRIGGER update_runtime_updated
    BEFORE UPDATE ON runtime
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- worker: registered worker process
-- ---------------------------------------------------------------------------
CREATE TABLE worker (
    id             BIGSERIAL PRIMARY KEY,
    name           TEXT NOT NULL,
    worker_type    worker_type_enum NOT NULL,
    runtime        BIGINT REFERENCES runtime (id),
    host           TEXT,
    port           INTEGER,
    status         worker_status_enum DEFAULT 'inactive',
    capabilities   JSONB,
    meta           JSONB,
    last_heartbeat TIMESTAMPTZ,
    created        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated        TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT worker_port_range CHECK (port IS NULL OR (port >= 1 AND port <= 65535))
);

CREATE INDEX idx_worker_name ON worker (name);
CREATE INDEX idx_worker_type ON worker (worker_type);
CREATE INDEX idx_worker_runtime ON worker (runtime);
CREATE INDEX idx_worker_status ON worker (status);
CREATE INDEX idx_worker_last_heartbeat ON worker (last_heartbeat DESC);
CREATE INDEX idx_worker_status_runtime ON worker (status, runtime);
CREATE INDEX idx_worker_type_status ON worker (worker_type, status);

CREATE TRIGGER update_worker_updated
    BEFORE UPDATE ON worker
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- identity: user or service account
-- ---------------------------------------------------------------------------
CREATE TABLE identity (
    id            BIGSERIAL PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    display_name  TEXT,
    password_hash TEXT,  -- Argon2 hash; NULL for service / external accounts
    attributes    JSONB NOT NULL DEFAULT '{}'::jsonb,
    created       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_identity_login ON identity (login);
CREATE INDEX idx_identity_created ON identity (created DESC);
CREATE INDEX idx_identity_password_hash ON identity (password_hash) WHERE password_hash IS NOT NULL;
CREATE INDEX idx_identity_attributes_gin ON identity USING GIN (attributes);

CREATE TRIGGER update_identity_updated
    BEFORE UPDATE ON identity
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- permission_set: named group of grants (role-like)
-- ---------------------------------------------------------------------------
CREATE TABLE permission_set (
    id          BIGSERIAL PRIMARY KEY,
    ref         TEXT NOT NULL UNIQUE,
    pack        BIGINT REFERENCES pack (id) ON DELETE CASCADE,
    pack_ref    TEXT,
    label       TEXT,
    description TEXT,
    grants      JSONB NOT NULL DEFAULT '[]'::jsonb,
    created     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated     TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT permission_set_ref_lowercase CHECK (ref = lower(ref)),
    CONSTRAINT permission_set_ref_format CHECK (ref ~ '^[^.]+\.[^.]+$')
);

CREATE INDEX idx_permission_set_ref ON permission_set (ref);
CREATE INDEX idx_permission_set_pack ON permission_set (pack);
CREATE INDEX idx_permission_set_created ON permission_set (created DESC);

CREATE TRIGGER update_permission_set_updated
    BEFORE UPDATE ON permission_set
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- permission_assignment: identity <-> permission_set link (many-to-many);
-- insert/delete only, so no `updated` column and no update trigger
-- ---------------------------------------------------------------------------
CREATE TABLE permission_assignment (
    id       BIGSERIAL PRIMARY KEY,
    identity BIGINT NOT NULL REFERENCES identity (id) ON DELETE CASCADE,
    permset  BIGINT NOT NULL REFERENCES permission_set (id) ON DELETE CASCADE,
    created  TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT unique_identity_permset UNIQUE (identity, permset)
);

CREATE INDEX idx_permission_assignment_identity ON permission_assignment (identity);
CREATE INDEX idx_permission_assignment_permset ON permission_assignment (permset);
CREATE INDEX idx_permission_assignment_created ON permission_assignment (created DESC);
CREATE INDEX idx_permission_assignment_identity_created ON permission_assignment (identity, created DESC);
CREATE INDEX idx_permission_assignment_permset_created ON permission_assignment (permset, created DESC);

-- ---------------------------------------------------------------------------
-- policy: execution control (rate / concurrency) attached to an action
-- (FK policy_action_fkey on `action` is added in migration 004)
-- ---------------------------------------------------------------------------
CREATE TABLE policy (
    id          BIGSERIAL PRIMARY KEY,
    ref         TEXT NOT NULL UNIQUE,
    pack        BIGINT REFERENCES pack (id) ON DELETE CASCADE,
    pack_ref    TEXT,
    action      BIGINT,
    action_ref  TEXT,
    parameters  TEXT[] NOT NULL DEFAULT '{}'::text[],
    method      policy_method_enum NOT NULL,
    threshold   INTEGER NOT NULL,
    name        TEXT NOT NULL,
    description TEXT,
    tags        TEXT[] NOT NULL DEFAULT '{}'::text[],
    created     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated     TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT policy_ref_lowercase CHECK (ref = lower(ref)),
    CONSTRAINT policy_ref_format CHECK (ref ~ '^[^.]+\.[^.]+$'),
    CONSTRAINT policy_threshold_positive CHECK (threshold > 0)
);

CREATE INDEX idx_policy_ref ON policy (ref);
CREATE INDEX idx_policy_pack ON policy (pack);
CREATE INDEX idx_policy_action ON policy (action);
CREATE INDEX idx_policy_created ON policy (created DESC);
CREATE INDEX idx_policy_action_created ON policy (action, created DESC);
CREATE INDEX idx_policy_pack_created ON policy (pack, created DESC);
CREATE INDEX idx_policy_parameters_gin ON policy USING GIN (parameters);
CREATE INDEX idx_policy_tags_gin ON policy USING GIN (tags);

CREATE TRIGGER update_policy_updated
    BEFORE UPDATE ON policy
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();

-- ---------------------------------------------------------------------------
-- key: configuration value / secret with an ownership scope
-- `owner` is derived by validate_key_owner(); together with idx_key_unique this allows
-- one key name per owner. FKs key_owner_sensor_fkey (003) and key_owner_action_fkey (004)
-- are added later.
-- ---------------------------------------------------------------------------
CREATE TABLE key (
    id                  BIGSERIAL PRIMARY KEY,
    ref                 TEXT NOT NULL UNIQUE,
    owner_type          owner_type_enum NOT NULL,
    owner               TEXT,
    owner_identity      BIGINT REFERENCES identity (id),
    owner_pack          BIGINT REFERENCES pack (id),
    owner_pack_ref      TEXT,
    owner_action        BIGINT,
    owner_action_ref    TEXT,
    owner_sensor        BIGINT,
    owner_sensor_ref    TEXT,
    name                TEXT NOT NULL,
    encrypted           BOOLEAN NOT NULL,
    encryption_key_hash TEXT,
    value               TEXT NOT NULL,
    created             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated             TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT key_ref_lowercase CHECK (ref = lower(ref)),
    -- `name` or `owner.name`
    CONSTRAINT key_ref_format CHECK (ref ~ '^[^.]+(\.[^.]+)?$')
);

CREATE UNIQUE INDEX idx_key_unique ON key (owner_type, owner, name);
CREATE INDEX idx_key_ref ON key (ref);
CREATE INDEX idx_key_owner_type ON key (owner_type);
CREATE INDEX idx_key_owner_identity ON key (owner_identity);
CREATE INDEX idx_key_owner_pack ON key (owner_pack);
CREATE INDEX idx_key_owner_action ON key (owner_action);
CREATE INDEX idx_key_owner_sensor ON key (owner_sensor);
CREATE INDEX idx_key_created ON key (created DESC);
CREATE INDEX idx_key_owner_type_owner ON key (owner_type, owner);
CREATE INDEX idx_key_owner_identity_name ON key (owner_identity, name);
CREATE INDEX idx_key_owner_pack_name ON key (owner_pack, name);

-- Checks that exactly the owner column matching owner_type is set (none for 'system')
-- and derives `owner`: 'system', or the owning row's id as text. Any caller-supplied
-- `owner` is overwritten.
CREATE OR REPLACE FUNCTION validate_key_owner()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    owner_count integer;
BEGIN
    owner_count := num_nonnulls(NEW.owner_identity, NEW.owner_pack, NEW.owner_action, NEW.owner_sensor);

    IF NEW.owner_type = 'system' THEN
        IF owner_count > 0 THEN
            RAISE EXCEPTION 'System owner cannot have specific owner fields set (owner_type %)', NEW.owner_type
                USING ERRCODE = 'check_violation';
        END IF;
        NEW.owner := 'system';
        RETURN NEW;
    END IF;

    IF owner_count <> 1 THEN
        RAISE EXCEPTION 'Exactly one owner field must be set for owner_type % (found %)', NEW.owner_type, owner_count
            USING ERRCODE = 'check_violation';
    END IF;

    CASE NEW.owner_type
        WHEN 'identity' THEN
            IF NEW.owner_identity IS NULL THEN
                RAISE EXCEPTION 'owner_identity must be set for owner_type %', NEW.owner_type
                    USING ERRCODE = 'check_violation', COLUMN = 'owner_identity';
            END IF;
            NEW.owner := NEW.owner_identity::text;
        WHEN 'pack' THEN
            IF NEW.owner_pack IS NULL THEN
                RAISE EXCEPTION 'owner_pack must be set for owner_type %', NEW.owner_type
                    USING ERRCODE = 'check_violation', COLUMN = 'owner_pack';
            END IF;
            NEW.owner := NEW.owner_pack::text;
        WHEN 'action' THEN
            IF NEW.owner_action IS NULL THEN
                RAISE EXCEPTION 'owner_action must be set for owner_type %', NEW.owner_type
                    USING ERRCODE = 'check_violation', COLUMN = 'owner_action';
            END IF;
            NEW.owner := NEW.owner_action::text;
        WHEN 'sensor' THEN
            IF NEW.owner_sensor IS NULL THEN
                RAISE EXCEPTION 'owner_sensor must be set for owner_type %', NEW.owner_type
                    USING ERRCODE = 'check_violation', COLUMN = 'owner_sensor';
            END IF;
            NEW.owner := NEW.owner_sensor::text;
    END CASE;

    RETURN NEW;
END;
$$;

CREATE TRIGGER validate_key_owner_trigger
    BEFORE INSERT OR UPDATE ON key
    FOR EACH ROW
    EXECUTE FUNCTION validate_key_owner();

CREATE TRIGGER update_key_updated
    BEFORE UPDATE ON key
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_column();
