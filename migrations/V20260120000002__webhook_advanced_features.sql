-- =============================================================================
-- V20260120000002 — webhook advanced features (HMAC, rate limiting, IP whitelist)
--
-- Historical step (Attune 20260120000002_webhook_advanced_features.sql):
--   * nine transient webhook_* columns on trigger (all dropped again, together
--     with webhook_secret, in V20260127000001)
--   * tables webhook_event_log and webhook_rate_limit
--   * functions generate_webhook_hmac_secret(), enable_trigger_webhook_hmac,
--     disable_trigger_webhook_hmac, configure_trigger_webhook_rate_limit,
--     configure_trigger_webhook_ip_whitelist, check_webhook_rate_limit,
--     check_webhook_ip_whitelist
--   * view webhook_stats_detailed
--   At this version the configure_* functions write the transient columns,
--   which exist here; V20260127000001 re-creates them on webhook_config.
--
-- Deviations from Attune (see migrations/README.md):
--   * No pgcrypto: generate_webhook_hmac_secret() builds 128 random hex
--     characters (512 bits) from core gen_random_uuid() values.
--   * No GRANTs to role attune_api: migrations create and reference no roles;
--     the Java migrator grants privileges to a configured role after migrating.
--   * check_webhook_rate_limit computes the epoch seconds as bigint (Attune:
--     integer, which overflows in 2038); the window arithmetic is unchanged.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Transient per-feature columns (replaced by trigger.webhook_config on 27 Jan)
-- -----------------------------------------------------------------------------
ALTER TABLE trigger
    ADD COLUMN webhook_hmac_enabled              boolean NOT NULL DEFAULT false,
    ADD COLUMN webhook_hmac_secret               varchar(128),
    ADD COLUMN webhook_hmac_algorithm            varchar(32) DEFAULT 'sha256',
    ADD COLUMN webhook_rate_limit_enabled        boolean NOT NULL DEFAULT false,
    ADD COLUMN webhook_rate_limit_requests       integer DEFAULT 100,
    ADD COLUMN webhook_rate_limit_window_seconds integer DEFAULT 60,
    ADD COLUMN webhook_ip_whitelist_enabled      boolean NOT NULL DEFAULT false,
    ADD COLUMN webhook_ip_whitelist              text[],
    ADD COLUMN webhook_payload_size_limit_kb     integer DEFAULT 1024;

COMMENT ON COLUMN trigger.webhook_hmac_enabled IS 'Whether HMAC signature verification is required';
COMMENT ON COLUMN trigger.webhook_hmac_secret IS 'Secret key for HMAC signature verification';
COMMENT ON COLUMN trigger.webhook_hmac_algorithm IS 'HMAC algorithm (sha256, sha512, sha1)';
COMMENT ON COLUMN trigger.webhook_rate_limit_enabled IS 'Whether rate limiting is enabled';
COMMENT ON COLUMN trigger.webhook_rate_limit_requests IS 'Max requests allowed per window';
COMMENT ON COLUMN trigger.webhook_rate_limit_window_seconds IS 'Rate limit time window in seconds';
COMMENT ON COLUMN trigger.webhook_ip_whitelist_enabled IS 'Whether IP whitelist is enabled';
COMMENT ON COLUMN trigger.webhook_ip_whitelist IS 'Allowed IP addresses / CIDR blocks';
COMMENT ON COLUMN trigger.webhook_payload_size_limit_kb IS 'Maximum webhook payload size in KB';

-- -----------------------------------------------------------------------------
-- webhook_event_log — audit of every inbound webhook request
-- -----------------------------------------------------------------------------
CREATE TABLE webhook_event_log (
    id                 bigserial PRIMARY KEY,
    trigger_id         bigint NOT NULL REFERENCES trigger (id) ON DELETE CASCADE,
    trigger_ref        varchar(255) NOT NULL,
    webhook_key        varchar(64) NOT NULL,
    event_id           bigint REFERENCES event (id) ON DELETE SET NULL,
    source_ip          inet,
    user_agent         text,
    payload_size_bytes integer,
    headers            jsonb,
    status_code        integer NOT NULL,
    error_message      text,
    processing_time_ms integer,
    hmac_verified      boolean,
    rate_limited       boolean DEFAULT false,
    ip_allowed         boolean,
    created            timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_webhook_event_log_trigger_id  ON webhook_event_log (trigger_id);
CREATE INDEX idx_webhook_event_log_webhook_key ON webhook_event_log (webhook_key);
CREATE INDEX idx_webhook_event_log_created     ON webhook_event_log (created DESC);
CREATE INDEX idx_webhook_event_log_status      ON webhook_event_log (status_code);
CREATE INDEX idx_webhook_event_log_source_ip   ON webhook_event_log (source_ip);

COMMENT ON TABLE webhook_event_log IS 'Audit log of all webhook requests';
COMMENT ON COLUMN webhook_event_log.status_code IS 'HTTP status code returned (200, 400, 403, 429, ...)';
COMMENT ON COLUMN webhook_event_log.error_message IS 'Error message if the request failed';
COMMENT ON COLUMN webhook_event_log.processing_time_ms IS 'Time taken to process the webhook in milliseconds';
COMMENT ON COLUMN webhook_event_log.hmac_verified IS 'Whether the HMAC signature was verified successfully';
COMMENT ON COLUMN webhook_event_log.rate_limited IS 'Whether the request was rate limited';
COMMENT ON COLUMN webhook_event_log.ip_allowed IS 'Whether the source IP was in the whitelist (if enabled)';

-- -----------------------------------------------------------------------------
-- webhook_rate_limit — per-key, per-window request counter
-- (no update trigger: check_webhook_rate_limit sets updated itself)
-- -----------------------------------------------------------------------------
CREATE TABLE webhook_rate_limit (
    id            bigserial PRIMARY KEY,
    webhook_key   varchar(64) NOT NULL,
    window_start  timestamptz NOT NULL,
    request_count integer NOT NULL DEFAULT 1,
    created       timestamptz NOT NULL DEFAULT now(),
    updated       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (webhook_key, window_start)
);

CREATE INDEX idx_webhook_rate_limit_key    ON webhook_rate_limit (webhook_key);
CREATE INDEX idx_webhook_rate_limit_window ON webhook_rate_limit (window_start DESC);

COMMENT ON TABLE webhook_rate_limit IS 'Tracks webhook request counts for rate limiting';
COMMENT ON COLUMN webhook_rate_limit.window_start IS 'Start of the rate limit time window';
COMMENT ON COLUMN webhook_rate_limit.request_count IS 'Number of requests in this window';

-- -----------------------------------------------------------------------------
-- generate_webhook_hmac_secret(): 128 random lower-case hex characters.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION generate_webhook_hmac_secret()
RETURNS varchar(128)
LANGUAGE plpgsql
AS $$
DECLARE
    v_uuid_hex   text;
    v_random_hex text := '';
BEGIN
    -- Five v4 UUIDs give 5 x 30 = 150 fully random hex digits once the
    -- version digit (13th) and the variant digit (17th) are skipped.
    FOR i IN 1..5 LOOP
        v_uuid_hex := replace(gen_random_uuid()::text, '-', '');
        v_random_hex := v_random_hex
            || substr(v_uuid_hex, 1, 12)
            || substr(v_uuid_hex, 14, 3)
            || substr(v_uuid_hex, 18, 15);
    END LOOP;

    RETURN lower(left(v_random_hex, 128));
END;
$$;

COMMENT ON FUNCTION generate_webhook_hmac_secret() IS
    'Generates a random HMAC secret: 128 lower-case hex characters (512 bits) from gen_random_uuid().';

-- -----------------------------------------------------------------------------
-- enable_trigger_webhook_hmac / disable_trigger_webhook_hmac
-- (transient: dropped in V20260127000001)
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION enable_trigger_webhook_hmac(
    p_trigger_id bigint,
    p_algorithm  varchar(32) DEFAULT 'sha256'
)
RETURNS TABLE (
    webhook_hmac_enabled   boolean,
    webhook_hmac_secret    varchar(128),
    webhook_hmac_algorithm varchar(32)
)
LANGUAGE plpgsql
AS $$
DECLARE
    v_webhook_enabled boolean;
    v_secret          varchar(128);
BEGIN
    SELECT t.webhook_enabled INTO v_webhook_enabled
    FROM trigger t
    WHERE t.id = p_trigger_id;

    IF NOT FOUND THEN
        RAISE EXCEPTION 'Trigger with id % not found', p_trigger_id;
    END IF;

    IF NOT v_webhook_enabled THEN
        RAISE EXCEPTION 'Webhooks must be enabled before enabling HMAC verification';
    END IF;

    IF p_algorithm NOT IN ('sha256', 'sha512', 'sha1') THEN
        RAISE EXCEPTION 'Invalid HMAC algorithm. Supported: sha256, sha512, sha1';
    END IF;

    v_secret := generate_webhook_hmac_secret();

    UPDATE trigger t
    SET webhook_hmac_enabled   = true,
        webhook_hmac_secret    = v_secret,
        webhook_hmac_algorithm = p_algorithm,
        updated                = now()
    WHERE t.id = p_trigger_id;

    RETURN QUERY
    SELECT true, v_secret, p_algorithm;
END;
$$;

COMMENT ON FUNCTION enable_trigger_webhook_hmac(bigint, varchar) IS
    'Enables HMAC signature verification for a webhook-enabled trigger with a fresh secret';

CREATE OR REPLACE FUNCTION disable_trigger_webhook_hmac(p_trigger_id bigint)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE trigger t
    SET webhook_hmac_enabled = false,
        webhook_hmac_secret  = NULL,
        updated              = now()
    WHERE t.id = p_trigger_id;

    RETURN FOUND;
END;
$$;

COMMENT ON FUNCTION disable_trigger_webhook_hmac(bigint) IS
    'Disables HMAC verification for a trigger (returns false if the trigger does not exist)';

-- -----------------------------------------------------------------------------
-- configure_trigger_webhook_rate_limit / configure_trigger_webhook_ip_whitelist
-- (this version writes the transient columns; re-created on webhook_config in
-- V20260127000001 with the same signatures and result columns)
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
    SET webhook_rate_limit_enabled        = p_enabled,
        webhook_rate_limit_requests       = p_requests,
        webhook_rate_limit_window_seconds = p_window_seconds,
        updated                           = now()
    WHERE t.id = p_trigger_id;

    IF NOT FOUND THEN
        RAISE EXCEPTION 'Trigger with id % not found', p_trigger_id;
    END IF;

    RETURN QUERY
    SELECT p_enabled, p_requests, p_window_seconds;
END;
$$;

COMMENT ON FUNCTION configure_trigger_webhook_rate_limit(bigint, boolean, integer, integer) IS
    'Configures rate limiting for a trigger webhook';

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
    SET webhook_ip_whitelist_enabled = p_enabled,
        webhook_ip_whitelist         = p_ip_list,
        updated                      = now()
    WHERE t.id = p_trigger_id;

    IF NOT FOUND THEN
        RAISE EXCEPTION 'Trigger with id % not found', p_trigger_id;
    END IF;

    RETURN QUERY
    SELECT p_enabled, p_ip_list;
END;
$$;

COMMENT ON FUNCTION configure_trigger_webhook_ip_whitelist(bigint, boolean, text[]) IS
    'Configures the IP whitelist for a trigger webhook';

-- -----------------------------------------------------------------------------
-- check_webhook_rate_limit: count this request in the current window and
-- report whether the key is still within p_max_requests. Also purges windows
-- older than one hour (for every key).
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION check_webhook_rate_limit(
    p_webhook_key    varchar(64),
    p_max_requests   integer,
    p_window_seconds integer
)
RETURNS boolean
LANGUAGE plpgsql
AS $$
DECLARE
    v_minute        timestamptz := date_trunc('minute', now());
    v_window_start  timestamptz;
    v_request_count integer;
BEGIN
    -- Window start: the current minute, moved back to the window boundary.
    v_window_start := v_minute
        - make_interval(secs => (extract(epoch FROM v_minute)::bigint % p_window_seconds));

    INSERT INTO webhook_rate_limit AS r (webhook_key, window_start, request_count)
    VALUES (p_webhook_key, v_window_start, 1)
    ON CONFLICT (webhook_key, window_start)
    DO UPDATE SET request_count = r.request_count + 1,
                  updated       = now()
    RETURNING r.request_count INTO v_request_count;

    DELETE FROM webhook_rate_limit r
    WHERE r.window_start < now() - interval '1 hour';

    RETURN v_request_count <= p_max_requests;
END;
$$;

COMMENT ON FUNCTION check_webhook_rate_limit(varchar, integer, integer) IS
    'Counts a webhook request in the current window; true if the key is within its rate limit';

-- -----------------------------------------------------------------------------
-- check_webhook_ip_whitelist: is the source IP equal to / inside any entry?
-- An empty or NULL whitelist denies.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION check_webhook_ip_whitelist(
    p_source_ip inet,
    p_whitelist text[]
)
RETURNS boolean
LANGUAGE plpgsql
AS $$
DECLARE
    v_entry text;
BEGIN
    IF p_whitelist IS NULL OR array_length(p_whitelist, 1) IS NULL THEN
        RETURN false;
    END IF;

    FOREACH v_entry IN ARRAY p_whitelist LOOP
        -- Works for single addresses and CIDR blocks alike.
        IF p_source_ip <<= v_entry::inet THEN
            RETURN true;
        END IF;
    END LOOP;

    RETURN false;
END;
$$;

COMMENT ON FUNCTION check_webhook_ip_whitelist(inet, text[]) IS
    'Checks whether a source IP is in a whitelist of addresses / CIDR blocks';

-- -----------------------------------------------------------------------------
-- webhook_stats_detailed (dropped in V20260127000001)
-- -----------------------------------------------------------------------------
CREATE VIEW webhook_stats_detailed AS
SELECT
    t.id                                AS trigger_id,
    t.ref                               AS trigger_ref,
    t.label                             AS trigger_label,
    t.webhook_enabled,
    t.webhook_key,
    t.webhook_hmac_enabled,
    t.webhook_rate_limit_enabled,
    t.webhook_rate_limit_requests,
    t.webhook_rate_limit_window_seconds,
    t.webhook_ip_whitelist_enabled,
    count(DISTINCT l.id)                                                AS total_requests,
    count(DISTINCT l.id) FILTER (WHERE l.status_code = 200)             AS successful_requests,
    count(DISTINCT l.id) FILTER (WHERE l.status_code >= 400)            AS failed_requests,
    count(DISTINCT l.id) FILTER (WHERE l.rate_limited = true)           AS rate_limited_requests,
    count(DISTINCT l.id) FILTER (WHERE l.hmac_verified = false
                                   AND t.webhook_hmac_enabled = true)   AS hmac_failures,
    count(DISTINCT l.id) FILTER (WHERE l.ip_allowed = false
                                   AND t.webhook_ip_whitelist_enabled = true) AS ip_blocked_requests,
    count(DISTINCT l.event_id)                                          AS events_created,
    avg(l.processing_time_ms)                                           AS avg_processing_time_ms,
    max(l.created)                                                      AS last_request_at,
    t.created                                                           AS webhook_enabled_at
FROM trigger t
LEFT JOIN webhook_event_log l ON l.trigger_id = t.id
WHERE t.webhook_enabled = true
GROUP BY t.id, t.ref, t.label, t.webhook_enabled, t.webhook_key,
         t.webhook_hmac_enabled, t.webhook_rate_limit_enabled,
         t.webhook_rate_limit_requests, t.webhook_rate_limit_window_seconds,
         t.webhook_ip_whitelist_enabled, t.created;

COMMENT ON VIEW webhook_stats_detailed IS 'Detailed statistics for webhook-enabled triggers';
