-- =============================================================================
-- V20260129000001 — fix webhook function overload
--
-- Historical step (Attune 20260129000001_fix_webhook_function_overload.sql):
--   drop enable_trigger_webhook(bigint): next to
--   enable_trigger_webhook(bigint, jsonb DEFAULT '{}') it made every
--   one-argument call ambiguous ("function ... is not unique"). Then verify,
--   in current_schema(), that the jsonb overload exists.
--
-- Deviations from Attune (see migrations/README.md):
--   * DESIGN FIX: disable_trigger_webhook(bigint) and
--     regenerate_trigger_webhook_key(bigint) are NOT dropped. Attune dropped
--     them here by accident (they had no overloads) and restored them on
--     4 Feb 2026; here they keep working throughout.
--   * The verification step additionally checks that those two functions
--     still exist.
-- =============================================================================

DROP FUNCTION enable_trigger_webhook(bigint);

-- Verify the webhook functions in the schema being migrated. current_schema()
-- is the first schema of search_path, i.e. the target of these migrations.
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1
        FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
          AND p.proname = 'enable_trigger_webhook'
          AND pg_catalog.pg_get_function_arguments(p.oid) LIKE '%jsonb%'
    ) THEN
        RAISE EXCEPTION 'enable_trigger_webhook function with JSONB config not found after migration';
    END IF;

    IF NOT EXISTS (
        SELECT 1
        FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
          AND p.proname = 'disable_trigger_webhook'
    ) OR NOT EXISTS (
        SELECT 1
        FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
          AND p.proname = 'regenerate_trigger_webhook_key'
    ) THEN
        RAISE EXCEPTION 'disable_trigger_webhook / regenerate_trigger_webhook_key not found after migration';
    END IF;
END
$$;
