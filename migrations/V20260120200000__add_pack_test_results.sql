-- =============================================================================
-- V20260120200000 — add pack test results
--
-- Historical step (Attune 20260120200000_add_pack_test_results.sql):
--   * table pack_test_execution with checks valid_test_counts, valid_pass_rate,
--     valid_trigger_reason and four indexes
--   * trigger function update_pack_test_metadata() (a no-op placeholder) and
--     AFTER INSERT trigger trigger_update_pack_test_metadata
--   * views pack_test_summary and pack_latest_test
--   * functions get_pack_test_stats(bigint), pack_has_passing_tests(bigint, int)
--
-- Deviations from Attune: none in behaviour. (pass_rate stays numeric(5,4) as
-- in January 2026; read it as BigDecimal.)
-- =============================================================================

CREATE TABLE pack_test_execution (
    id             bigserial PRIMARY KEY,
    pack_id        bigint NOT NULL REFERENCES pack (id) ON DELETE CASCADE,
    pack_version   varchar(50) NOT NULL,
    execution_time timestamptz NOT NULL DEFAULT now(),
    trigger_reason varchar(50) NOT NULL,
    total_tests    integer NOT NULL,
    passed         integer NOT NULL,
    failed         integer NOT NULL,
    skipped        integer NOT NULL,
    pass_rate      numeric(5,4) NOT NULL,
    duration_ms    bigint NOT NULL,
    result         jsonb NOT NULL,
    created        timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT valid_test_counts
        CHECK (total_tests >= 0 AND passed >= 0 AND failed >= 0 AND skipped >= 0),
    CONSTRAINT valid_pass_rate
        CHECK (pass_rate >= 0.0 AND pass_rate <= 1.0),
    CONSTRAINT valid_trigger_reason
        CHECK (trigger_reason IN ('install', 'update', 'manual', 'validation'))
);

CREATE INDEX idx_pack_test_execution_pack_id   ON pack_test_execution (pack_id);
CREATE INDEX idx_pack_test_execution_time      ON pack_test_execution (execution_time DESC);
CREATE INDEX idx_pack_test_execution_pass_rate ON pack_test_execution (pass_rate);
CREATE INDEX idx_pack_test_execution_trigger   ON pack_test_execution (trigger_reason);

COMMENT ON TABLE pack_test_execution IS 'Pack test execution results, for validation and auditing';
COMMENT ON COLUMN pack_test_execution.pack_id IS 'The pack that was tested';
COMMENT ON COLUMN pack_test_execution.pack_version IS 'Version of the pack at test time';
COMMENT ON COLUMN pack_test_execution.trigger_reason IS 'What triggered the test: install, update, manual, validation';
COMMENT ON COLUMN pack_test_execution.pass_rate IS 'Fraction of tests passed (0.0000 to 1.0000)';
COMMENT ON COLUMN pack_test_execution.result IS 'Full structured test result (JSON)';

-- -----------------------------------------------------------------------------
-- Views
-- -----------------------------------------------------------------------------
CREATE VIEW pack_test_summary AS
SELECT
    p.id               AS pack_id,
    p.ref              AS pack_ref,
    p.label            AS pack_label,
    pte.id             AS test_execution_id,
    pte.pack_version,
    pte.execution_time AS test_time,
    pte.trigger_reason,
    pte.total_tests,
    pte.passed,
    pte.failed,
    pte.skipped,
    pte.pass_rate,
    pte.duration_ms,
    row_number() OVER (PARTITION BY p.id ORDER BY pte.execution_time DESC) AS rn
FROM pack p
JOIN pack_test_execution pte ON pte.pack_id = p.id;

COMMENT ON VIEW pack_test_summary IS
    'All pack test executions with pack details; rn = 1 is the latest per pack';

CREATE VIEW pack_latest_test AS
SELECT
    pack_id,
    pack_ref,
    pack_label,
    test_execution_id,
    pack_version,
    test_time,
    trigger_reason,
    total_tests,
    passed,
    failed,
    skipped,
    pass_rate,
    duration_ms
FROM pack_test_summary
WHERE rn = 1;

COMMENT ON VIEW pack_latest_test IS 'Latest test result of each pack';

-- -----------------------------------------------------------------------------
-- get_pack_test_stats(pack id): always exactly one row.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_pack_test_stats(p_pack_id bigint)
RETURNS TABLE (
    total_executions      bigint,
    successful_executions bigint,
    failed_executions     bigint,
    avg_pass_rate         numeric,
    avg_duration_ms       bigint,
    last_test_time        timestamptz,
    last_test_passed      boolean
)
LANGUAGE plpgsql
AS $$
BEGIN
    RETURN QUERY
    SELECT
        count(*)::bigint,
        count(*) FILTER (WHERE pte.passed = pte.total_tests)::bigint,
        count(*) FILTER (WHERE pte.failed > 0)::bigint,
        avg(pte.pass_rate),
        avg(pte.duration_ms)::bigint,
        max(pte.execution_time),
        (SELECT latest.failed = 0
         FROM pack_test_execution latest
         WHERE latest.pack_id = p_pack_id
         ORDER BY latest.execution_time DESC
         LIMIT 1)
    FROM pack_test_execution pte
    WHERE pte.pack_id = p_pack_id;
END;
$$;

COMMENT ON FUNCTION get_pack_test_stats(bigint) IS
    'Statistical summary of the test executions of a pack';

-- -----------------------------------------------------------------------------
-- pack_has_passing_tests(pack id, hours): a passing, non-empty run recently?
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION pack_has_passing_tests(
    p_pack_id   bigint,
    p_hours_ago integer DEFAULT 24
)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    RETURN EXISTS (
        SELECT 1
        FROM pack_test_execution pte
        WHERE pte.pack_id = p_pack_id
          AND pte.execution_time > now() - make_interval(hours => p_hours_ago)
          AND pte.failed = 0
          AND pte.total_tests > 0
    );
END;
$$;

COMMENT ON FUNCTION pack_has_passing_tests(bigint, integer) IS
    'True if the pack has a passing test execution (no failures, at least one test) within the last N hours';

-- -----------------------------------------------------------------------------
-- Placeholder trigger (kept for fidelity: it is part of the schema)
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION update_pack_test_metadata()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    -- Placeholder: could record a last-tested timestamp on pack one day.
    RETURN NEW;
END;
$$;

CREATE TRIGGER trigger_update_pack_test_metadata
    AFTER INSERT ON pack_test_execution
    FOR EACH ROW
    EXECUTE FUNCTION update_pack_test_metadata();

COMMENT ON TRIGGER trigger_update_pack_test_metadata ON pack_test_execution IS
    'Updates pack metadata when tests are executed (currently a no-op)';
