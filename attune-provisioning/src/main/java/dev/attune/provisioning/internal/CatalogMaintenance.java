package dev.attune.provisioning.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vacuums the system catalogs that creating and dropping schemas churns, when the server's autovacuum is off.
 *
 * <p>Every schema built and dropped leaves thousands of dead rows in {@code pg_attribute}, {@code pg_class},
 * {@code pg_depend}, ... Without autovacuum (some CI servers turn it off) they pile up run after run and every catalog
 * lookup — the server's own and ours — slows down by orders of magnitude. A plain {@code VACUUM (ANALYZE)} at the end of a
 * run (once enough dead rows piled up) makes the space reusable and refreshes statistics; it takes no exclusive lock. Catalogs the user may not vacuum
 * are skipped by the server with a warning.
 */
public final class CatalogMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogMaintenance.class);
    private static final String CHURNED_CATALOGS = String.join(", ", "pg_catalog.pg_attribute", "pg_catalog.pg_class",
            "pg_catalog.pg_type", "pg_catalog.pg_depend", "pg_catalog.pg_constraint", "pg_catalog.pg_index",
            "pg_catalog.pg_attrdef", "pg_catalog.pg_trigger", "pg_catalog.pg_proc", "pg_catalog.pg_description",
            "pg_catalog.pg_namespace", "pg_catalog.pg_rewrite", "pg_catalog.pg_sequence", "pg_catalog.pg_enum",
            "pg_catalog.pg_shdepend", "pg_catalog.pg_statistic");

    private CatalogMaintenance() {
    }

    /**
     * Dead rows in {@code pg_attribute} (the largest churned catalog; building and dropping one test schema leaves about
     * 700) above which a run vacuums: about 290 dropped schemas. Measured by the benchmark harness (docs/performance.md,
     * "Catalog bloat"): up to 200,000 dead rows neither a replay, nor a catalog version read, nor a fingerprint got
     * measurably slower, while the vacuum costs a few hundred milliseconds whatever it finds (it reads the catalogs
     * whole) — and far more when runs end together. The earlier 20,000 made nearly every suite run pay for it.
     */
    public static final long DEAD_ROWS_THRESHOLD = 200_000;

    /**
     * Vacuums and analyzes the churned catalogs if autovacuum is off and they hold enough dead rows; else nothing.
     *
     * @param connection a connection to the test database, in auto-commit mode (no transaction may be open)
     * @throws SQLException when the statistics cannot be read or the vacuum fails
     */
    public static void vacuumIfNeeded(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("select current_setting('autovacuum'),"
                    + " (select n_dead_tup from pg_catalog.pg_stat_sys_tables where relid = 'pg_catalog.pg_attribute'"
                    + "::pg_catalog.regclass)")) {
                result.next();
                if (!"off".equals(result.getString(1)) || result.getLong(2) < DEAD_ROWS_THRESHOLD) {
                    return;
                }
            }
        }
        long start = System.nanoTime();
        vacuum(connection);
        LOG.info("Autovacuum is off on the test server: vacuumed the system catalogs in {} ms",
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Vacuums and analyzes the churned catalogs now. A catalog another session is vacuuming is skipped rather than
     * waited for ({@code SKIP_LOCKED}): runs ending together would otherwise vacuum one after the other, each for
     * nothing once the first is done.
     *
     * @param connection a connection to the test database, in auto-commit mode (no transaction may be open)
     * @throws SQLException when the vacuum fails
     */
    public static void vacuum(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze, skip_locked) " + CHURNED_CATALOGS);
        }
    }

    /**
     * Dead rows in {@code pg_attribute} as the statistics collector last reported them.
     *
     * @param connection a connection to the test database
     * @return the number of dead rows
     * @throws SQLException when the statistics cannot be read
     */
    public static long deadAttributeRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select n_dead_tup from pg_catalog.pg_stat_sys_tables"
                        + " where relid = 'pg_catalog.pg_attribute'::pg_catalog.regclass")) {
            return result.next() ? result.getLong(1) : 0;
        }
    }
}
