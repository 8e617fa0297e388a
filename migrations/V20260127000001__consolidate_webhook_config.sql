-- =============================================================================
-- V20260127000001 — consolidate webhook configuration into trigger.webhook_config
--
-- Historical step (Attune 20260127000001_consolidate_webhook_config.sql):
--   1. add trigger.webhook_config jsonb DEFAULT '{}'
--   2. DATA MIGRATION: copy webhook_secret and the nine transient webhook_*
--      columns into webhook_config for triggers that were webhook-enabled or
--      had a key (other rows keep '{}'):
--        { "secret": <webhook_secret>,
--          "hmac":         { "enabled", "secret", "algorithm" (default sha256) },
--          "rate_limit":   { "enabled", "requests", "window_seconds" },
--          "ip_whitelist": { "enabled", "ips": [ ... ] },
--          "payload_size_limit_kb": <int> }
--   3. drop views webhook_stats and webhook_stats_detailed
--   4. drop the ten columns (webhook_secret + nine transient ones)
--   5. re-create idx_trigger_webhook_enabled, add GIN idx_trigger_webhook_config
--   6. re-create webhook_stats (now including webhook_config)
--   7. add enable_trigger_webhook(bigint, jsonb DEFAULT '{}'); re-create
--      disable_trigger_webhook(bigint) and regenerate_trigger_webhook_key(bigint)
--   8. drop enable_trigger_webhook_hmac(bigint, varchar) and
--      disable_trigger_webhook_hmac(bigint)
--
-- Deviations from Attune (see migrations/README.md):
--   * DESIGN FIX: configure_trigger_webhook_rate_limit and
--     configure_trigger_webhook_ip_whitelist are re-created here (same
--     signatures, result columns and validation) to read/write
--     webhook_config -> 'rate_limit' / 'ip_whitelist' instead of the columns
--     dropped below. In Attune they kept updating the dropped columns and
--     failed at call time.
--   * Attune's "DROP CONSTRAINT IF EXISTS trigger_webhook_*_not_null"
--     statements are left out: they were no-ops before PostgreSQL 18, and
--     DROP COLUMN removes a column's NOT NULL constraint in every version.
--   * ip_whitelist.ips keeps the order of the old array (to_jsonb of the
--     array; Attune aggregated an unnest without ORDER BY).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- 1. New column
-- -----------------------------------------------------------------------------
ALTER TABLE trigger
    ADD COLUMN webhook_config jsonb DEFAULT '{}'::jsonb;

COMMENT ON COLUMN trigger.webhook_config IS
    'Webhook configuration: secret, hmac, rate_limit, ip_whitelist, payload_size_limit_kb.';

-- -----------------------------------------------------------------------------
-- 2. Data migration: old per-feature columns -> webhook_config
-- -----------------------------------------------------------------------------
UPDATE trigger t
SET webhook_config = jsonb_build_object(
        'secret', t.webhook_secret,
        'hmac', jsonb_build_object(
            'enabled',   COALESCE(t.webhook_hmac_enabled, false),
            'secret',    t.webhook_hmac_secret,
            'algorithm', COALESCE(t.webhook_hmac_algorithm, 'sha256')
        ),
        'rate_limit', jsonb_build_object(
            'enabled',        COALESCE(t.webhook_rate_limit_enabled, false),
            'requests',       t.webhook_rate_limit_requests,
            'window_seconds', t.webhook_rate_limit_window_seconds
        ),
        'ip_whitelist', jsonb_build_object(
            'enabled', COALESCE(t.webhook_ip_whitelist_enabled, false),
            'ips',     COALESCE(to_jsonb(t.webhook_ip_whitelist), '[]'::jsonb)
        ),
        'payload_size_limit_kb', t.webhook_payload_size_limit_kb
    )
WHERE t.webhook_enabled = true
   OR t.webhook_key IS NOT NULL;

-- -----------------------------------------------------------------------------
-- 3. Views that depend on the columns about to be dropped
-- -----------------------------------------------------------------------------
DROP VIEW webhook_stats;
DROP VIEW webhook_stats_detailed;

-- -----------------------------------------------------------------------------
-- 4. Old columns (webhook_enabled and webhook_key stay as indexed columns)
-- -----------------------------------------------------------------------------
ALTER TABLE trigger
    DROP COLUMN webhook_secret,
    DROP COLUMN webhook_hmac_enabled,
    DROP COLUMN webhook_hmac_secret,
    DROP COLUMN webhook_hmac_algorithm,
    DROP COLUMN webhook_rate_limit_enabled,
    DROP COLUMN webhook_rate_limit_requests,
    DROP COLUMN webhook_rate_limit_window_seconds,
    DROP COLUMN webhook_ip_whitelist_enabled,
    DROP COLUMN webhook_ip_whitelist,
    DROP COLUMN webhook_payload_size_limit_kb;

-- -----------------------------------------------------------------------------
-- 5. Indexes
-- -----------------------------------------------------------------------------
DROP INDEX idx_trigger_webhook_enabled;

CREATE INDEX idx_trigger_webhook_enabled
    ON trigger (webhook_enabled)
    WHERE webhook_enabled = true;

-- idx_trigger_webhook_key from V20260120000001 is unchanged.

CREATE INDEX idx_trigger_webhook_config
    ON trigger USING gin (webhook_config)
    WHERE webhook_config IS NOT NULL AND webhook_config <> '{}'::jsonb;

-- -----------------------------------------------------------------------------
-- 6. webhook_stats, now with webhook_config
-- -----------------------------------------------------------------------------
CREATE VIEW webhook_stats AS
SELECT
    t.id              AS trigger_id,
    t.ref             AS trigger_ref,
    t.webhook_enabled,
    t.webhook_key,
    t.webhook_config,
    t.created         AS webhook_created_at,
    count(e.id)       AS total_events,
    max(e.created)    AS last_event_at,
    min(e.created)    AS first_event_at
FROM trigger t
LEFT JOIN event e
       ON e.trigger = t.id
      AND (e.config ->> 'source') = 'webhook'
WHERE t.webhook_enabled = true
GROUP BY t.id, t.ref, t.webhook_enabled, t.webhook_key, t.webhook_config, t.created;

COMMENT ON VIEW webhook_stats IS
    'Statistics for webhook-enabled triggers including event counts and timestamps.';

-- -----------------------------------------------------------------------------
-- 7a. enable_trigger_webhook(bigint, jsonb DEFAULT '{}')
--     (the 1-argument overload from V20260120000001 still exists until
--     V20260129000001 drops it)
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION enable_trigger_webhook(
    p_trigger_id bigint,
    p_config     jsonb DEFAULT '{}'::jsonb
)
RETURNS TABLE (
    webhook_enabled boolean,
    webhook_key     varchar(64),
    webhook_url     text,
    webhook_config  jsonb
)
LANGUAGE plpgsql
AS $$
DECLARE
    v_existing_key varchar(64);
    v_key          varchar(64);
    v_config       jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM trigger t WHERE t.id = p_trigger_id) THEN
        RAISE EXCEPTION 'Trigger with id % does not exist', p_trigger_id;
    END IF;

    SELECT t.webhook_key INTO v_existing_key
    FROM trigger t
    WHERE t.id = p_trigger_id;

    v_key := COALESCE(v_existing_key, generate_webhook_key());

    -- The given config, with hmac / rate_limit / ip_whitelist defaulted when absent.
    v_config := p_config || jsonb_build_object(
        'hmac',         COALESCE(p_config -> 'hmac',
                                 jsonb_build_object('enabled', false, 'algorithm', 'sha256')),
        'rate_limit',   COALESCE(p_config -> 'rate_limit',
                                 jsonb_build_object('enabled', false)),
        'ip_whitelist', COALESCE(p_config -> 'ip_whitelist',
                                 jsonb_build_object('enabled', false, 'ips', '[]'::jsonb))
    );

    UPDATE trigger t
    SET webhook_enabled = true,
        webhook_key     = v_key,
        webhook_config  = v_config,
        updated         = now()
    WHERE t.id = p_trigger_id;

    RETURN QUERY
    SELECT true, v_key, '/api/v1/webhooks/' || v_key, v_config;
END;
$$;

COMMENT ON FUNCTION enable_trigger_webhook(bigint, jsonb) IS
    'Enables webhooks for a trigger with optional configuration (replaces webhook_config), generating a key if it has none.';

-- -----------------------------------------------------------------------------
-- 7b. disable_trigger_webhook / regenerate_trigger_webhook_key (unchanged
--     behaviour; key and webhook_config are kept on disable)
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION disable_trigger_webhook(p_trigger_id bigint)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM trigger t WHERE t.id = p_trigger_id) THEN
        RAISE EXCEPTION 'Trigger with id % does not exist', p_trigger_id;
    END IF;

    UPDATE trigger t
    SET webhook_enabled = false,
        updated         = now()
    WHERE t.id = p_trigger_id;

    RETURN true;
END;
$$;

COMMENT ON FUNCTION disable_trigger_webhook(bigint) IS
    'Disables webhooks for a trigger. Webhook key and config are retained for audit purposes.';

CREATE OR REPLACE FUNCTION regenerate_trigger_webhook_key(p_trigger_id bigint)
RETURNS TABLE (
    webhook_key          varchar(64),
    previous_key_revoked boolean
)
LANGUAGE plpgsql
AS $$
DECLARE
    v_old_key varchar(64);
    v_new_key varchar(64);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM trigger t WHERE t.id = p_trigger_id) THEN
        RAISE EXCEPTION 'Trigger with id % does not exist', p_trigger_id;
    END IF;

    SELECT t.webhook_key INTO v_old_key
    FROM trigger t
    WHERE t.id = p_trigger_id;

    v_new_key := generate_webhook_key();

    UPDATE trigger t
    SET webhook_key = v_new_key,
        updated     = now()
    WHERE t.id = p_trigger_id;

    RETURN QUERY
    SELECT v_new_key, (v_old_key IS NOT NULL);
END;
$$;

COMMENT ON FUNCTION regenerate_trigger_webhook_key(bigint) IS
    'Regenerates the webhook key for a trigger. The old key is revoked immediately.';

-- -----------------------------------------------------------------------------
-- 7c. DESIGN FIX: rate-limit / IP-whitelist configuration on webhook_config.
--     Same signatures and result columns as V20260120000002, so CREATE OR
--     REPLACE applies. Each replaces its own sub-object of webhook_config and
--     leaves the other keys untouched.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION configure_trigger_webhook_rate_limit(
    p_trigger_id     bigint,
    p_enabled        boolean,
    p_requests       integer DEFAULT 100,
    p_window_seconds integer DEFAULT 60
)
RETURNS TABLE (
    rate_limit_enabled        boolean,
    rate_limit_requests       integer,
    rate_limit_window_seconds integer
)
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_requests < 1 OR p_requests > 10000 THEN
        RAISE EXCEPTION 'Rate limit requests must be between 1 and 10000';
    END IF;

    IF p_window_seconds < 1 OR p_window_seconds > 3600 THEN
        RAISE EXCEPTION 'Rate limit window must be between 1 and 3600 seconds';
    END IF;

    UPDATE trigger t
    SET webhook_config =
            CASE WHEN jsonb_typeof(t.webhook_config) = 'object'
                 THEN t.webhook_config
                 ELSE '{}'::jsonb
            END
            || jsonb_build_object(
                   'rate_limit', jsonb_build_object(
                       'enabled',        p_enabled,
                       'requests',       p_requests,
                       'window_seconds', p_window_seconds
                   )
               ),
        updated = now()
    WHERE t.id = p_trigger_id;

    IF NOT FOUND THEN
        RAISE EXCEPTION 'Trigger with id % does not exist', p_trigger_id;
    END IF;

    RETURN QUERY
    SELECT p_enabled, p_requests, p_window_seconds;
END;
$$;

COMMENT ON FUNCTION configure_trigger_webhook_rate_limit(bigint, boolean, integer, integer) IS
    'Configures rate limiting for a trigger webhook (webhook_config.rate_limit)';

CREATE OR REPLACE FUNCTION configure_trigger_webhook_ip_whitelist(
    p_trigger_id bigint,
    p_enabled    boolean,
    p_ip_list    text[] DEFAULT ARRAY[]::text[]
)
RETURNS TABLE (
    ip_whitelist_enabled boolean,
    ip_whitelist         text[]
)
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE trigger t
    SET webhook_config =
            CASE WHEN jsonb_typeof(t.webhook_config) = 'object'
                 THEN t.webhook_config
                 ELSE '{}'::jsonb
            END
            || jsonb_build_object(
                   'ip_whitelist', jsonb_build_object(
                       'enabled', p_enabled,
                       'ips',     COALESCE(to_jsonb(p_ip_list), '[]'::jsonb)
                   )
               ),
        updated = now()
    WHERE t.id = p_trigger_id;

    IF NOT FOUND THEN
        RAISE EXCEPTION 'Trigger with id % does not exist', p_trigger_id;
    END IF;

    RETURN QUERY
    SELECT p_enabled, p_ip_list;
END;
$$;

COMMENT ON FUNCTION configure_trigger_webhook_ip_whitelist(bigint, boolean, text[]) IS
    'Configures the IP whitelist for a trigger webhook (webhook_config.ip_whitelist)';

-- -----------------------------------------------------------------------------
-- 8. HMAC helpers that only worked on the dropped columns
-- -----------------------------------------------------------------------------
DROP FUNCTION enable_trigger_webhook_hmac(bigint, varchar);
DROP FUNCTION disable_trigger_webhook_hmac(bigint);

DO $$
BEGIN
    RAISE NOTICE 'Webhook configuration consolidation completed successfully';
    RAISE NOTICE 'Webhook settings now stored in webhook_config JSONB column';
    RAISE NOTICE 'Kept separate columns: webhook_enabled (indexed), webhook_key (indexed)';
END
$$;
