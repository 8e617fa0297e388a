-- =============================================================================
-- V20260120000001 — add webhook support
--
-- Historical step (Attune 20260120000001_add_webhook_support.sql):
--   * trigger.webhook_enabled / webhook_key (varchar(64) UNIQUE) / webhook_secret
--   * indexes idx_trigger_webhook_key, idx_trigger_webhook_enabled
--   * event expression indexes idx_event_webhook_source, idx_event_webhook_key
--   * functions generate_webhook_key(), enable_trigger_webhook(bigint),
--     disable_trigger_webhook(bigint), regenerate_trigger_webhook_key(bigint)
--   * view webhook_stats
--   (Attune's GRANTs in this file were commented out; there are none here.)
--
-- Deviations from Attune (see migrations/README.md):
--   * No pgcrypto: generate_webhook_key() builds the key from core
--     gen_random_uuid() (a strong random source) instead of
--     gen_random_bytes(). Keys are always 'wh_' + exactly 32 lower-case hex
--     characters (128 random bits: the fixed version/variant nibbles of each
--     UUID are skipped). Attune's keys were 'wh_' + up to 32 lower-case
--     base64 characters. The 10-attempt collision loop is kept.
-- =============================================================================

ALTER TABLE trigger
    ADD COLUMN webhook_enabled boolean NOT NULL DEFAULT false,
    ADD COLUMN webhook_key     varchar(64) UNIQUE,
    ADD COLUMN webhook_secret  varchar(128);

COMMENT ON COLUMN trigger.webhook_enabled IS
    'Whether webhooks are enabled for this trigger: external systems may POST to the webhook URL to create events.';
COMMENT ON COLUMN trigger.webhook_key IS
    'Unique webhook key used in the webhook URL (wh_ + 32 lower-case hex characters); acts as a bearer token.';
COMMENT ON COLUMN trigger.webhook_secret IS
    'Optional secret for HMAC signature verification.';

CREATE INDEX idx_trigger_webhook_key
    ON trigger (webhook_key)
    WHERE webhook_key IS NOT NULL;

CREATE INDEX idx_trigger_webhook_enabled
    ON trigger (webhook_enabled)
    WHERE webhook_enabled = true;

-- Webhook-created events carry "source": "webhook" and "webhook_key" in event.config.
CREATE INDEX idx_event_webhook_source
    ON event ((config ->> 'source'))
    WHERE (config ->> 'source') = 'webhook';

CREATE INDEX idx_event_webhook_key
    ON event ((config ->> 'webhook_key'))
    WHERE (config ->> 'webhook_key') IS NOT NULL;

-- -----------------------------------------------------------------------------
-- generate_webhook_key(): 'wh_' + 32 random lower-case hex characters,
-- guaranteed not to be in use by any trigger (up to 10 attempts).
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION generate_webhook_key()
RETURNS varchar(64)
LANGUAGE plpgsql
AS $$
DECLARE
    v_max_attempts CONSTANT integer := 10;
    v_attempt      integer := 0;
    v_uuid_hex     text;
    v_random_hex   text;
    v_key          varchar(64);
BEGIN
    LOOP
        -- Two v4 UUIDs give 2 x 30 fully random hex digits once the version
        -- digit (13th) and the variant digit (17th) are skipped.
        v_random_hex := '';
        FOR i IN 1..2 LOOP
            v_uuid_hex := replace(gen_random_uuid()::text, '-', '');
            v_random_hex := v_random_hex
                || substr(v_uuid_hex, 1, 12)
                || substr(v_uuid_hex, 14, 3)
                || substr(v_uuid_hex, 18, 15);
        END LOOP;

        v_key := 'wh_' || lower(left(v_random_hex, 32));

        IF NOT EXISTS (SELECT 1 FROM trigger t WHERE t.webhook_key = v_key) THEN
            RETURN v_key;
        END IF;

        v_attempt := v_attempt + 1;
        IF v_attempt >= v_max_attempts THEN
            RAISE EXCEPTION 'Failed to generate unique webhook key after % attempts', v_max_attempts;
        END IF;
    END LOOP;
END;
$$;

COMMENT ON FUNCTION generate_webhook_key() IS
    'Generates a unique webhook key wh_<32 lower-case hex chars> from gen_random_uuid(); checks existing keys.';

-- -----------------------------------------------------------------------------
-- enable_trigger_webhook(bigint): enable webhooks, keeping an existing key or
-- generating a new one. (Replaced by a jsonb overload in V20260127000001 and
-- dropped in V20260129000001.)
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION enable_trigger_webhook(p_trigger_id bigint)
RETURNS TABLE (
    webhook_enabled boolean,
    webhook_key     varchar(64),
    webhook_url     text
)
LANGUAGE plpgsql
AS $$
DECLARE
    v_existing_key varchar(64);
    v_key          varchar(64);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM trigger t WHERE t.id = p_trigger_id) THEN
        RAISE EXCEPTION 'Trigger with id % does not exist', p_trigger_id;
    END IF;

    SELECT t.webhook_key INTO v_existing_key
    FROM trigger t
    WHERE t.id = p_trigger_id;

    v_key := COALESCE(v_existing_key, generate_webhook_key());

    UPDATE trigger t
    SET webhook_enabled = true,
        webhook_key     = v_key,
        updated         = now()
    WHERE t.id = p_trigger_id;

    RETURN QUERY
    SELECT true, v_key, '/api/v1/webhooks/' || v_key;
END;
$$;

COMMENT ON FUNCTION enable_trigger_webhook(bigint) IS
    'Enables webhooks for a trigger, generating a webhook key if it has none. Returns enabled flag, key and relative URL.';

-- -----------------------------------------------------------------------------
-- disable_trigger_webhook(bigint): disable webhooks, keeping key for audit.
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
    'Disables webhooks for a trigger. The webhook key is retained for audit purposes.';

-- -----------------------------------------------------------------------------
-- regenerate_trigger_webhook_key(bigint): always store a fresh key.
-- -----------------------------------------------------------------------------
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
-- webhook_stats: webhook-enabled triggers with counts of their webhook events.
-- (Re-created with webhook_config in V20260127000001.)
-- -----------------------------------------------------------------------------
CREATE VIEW webhook_stats AS
SELECT
    t.id              AS trigger_id,
    t.ref             AS trigger_ref,
    t.webhook_enabled,
    t.webhook_key,
    t.created         AS webhook_created_at,
    count(e.id)       AS total_events,
    max(e.created)    AS last_event_at,
    min(e.created)    AS first_event_at
FROM trigger t
LEFT JOIN event e
       ON e.trigger = t.id
      AND (e.config ->> 'source') = 'webhook'
WHERE t.webhook_enabled = true
GROUP BY t.id, t.ref, t.webhook_enabled, t.webhook_key, t.created;

COMMENT ON VIEW webhook_stats IS
    'Statistics for webhook-enabled triggers including event counts and timestamps.';

DO $$
BEGIN
    RAISE NOTICE 'Webhook support migration completed successfully';
    RAISE NOTICE 'Webhook-enabled triggers can now receive events via POST /api/v1/webhooks/:webhook_key';
END
$$;
