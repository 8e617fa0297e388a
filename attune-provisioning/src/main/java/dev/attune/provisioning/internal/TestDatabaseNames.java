package dev.attune.provisioning.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How run databases are named and marked, in one place so that their creator and the database janitor cannot disagree.
 *
 * <p>Name: {@code attune_test_<runid>}, where {@code runid} is the 8 lower-case hex digits of the run's lease. Marker:
 * the database comment {@code attune-test-database run=<runid> lease=<database> created=<instant> purpose=<purpose>},
 * where {@code lease} names the database in which the run holds its lease: advisory locks are per database, so only a
 * janitor connected to that same database can tell whether the run is alive.
 */
public final class TestDatabaseNames {

    /** Exact pattern of a run database name; group 1 is the run id. */
    public static final Pattern NAME = Pattern.compile("attune_test_([0-9a-f]{8})");

    /** Pattern usable in a SQL {@code LIKE} to pre-select candidates (then {@link #NAME} decides). */
    public static final String LIKE_PATTERN = "attune\\_test\\_%";

    private static final Pattern MARKER = Pattern.compile(
            "attune-test-database run=([0-9a-f]{8}) lease=(\\S+) created=(\\S+) purpose=(.*)", Pattern.DOTALL);

    private TestDatabaseNames() {
    }

    /**
     * The name of the database of run {@code runId}.
     *
     * @param runId the run id (8 hex digits)
     * @return {@code attune_test_<runId>}
     * @throws IllegalArgumentException when {@code runId} is not 8 lower-case hex digits
     */
    public static String database(String runId) {
        if (!runId.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("run id '" + runId + "' is invalid: must be 8 lower-case hex digits");
        }
        return "attune_test_" + runId;
    }

    /**
     * The run id in a name that matches the exact pattern {@code attune_test_<8 hex>}.
     *
     * @param databaseName a database name
     * @return the run id, or empty when the name does not match
     */
    public static Optional<String> runIdOf(String databaseName) {
        Matcher matcher = NAME.matcher(databaseName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The statement that marks run {@code runId}'s database as created now for {@code purpose}, with its lease held in
     * {@code leaseDatabase}.
     *
     * @param runId         the run the database belongs to
     * @param leaseDatabase the database in which the run holds its lease
     * @param purpose       what the database is for (e.g. the test class)
     * @return the {@code COMMENT ON DATABASE} statement
     */
    public static String commentStatement(String runId, String leaseDatabase, String purpose) {
        String marker = "attune-test-database run=" + runId + " lease=" + leaseDatabase + " created=" + Instant.now()
                + " purpose="
                + (purpose == null ? "" : purpose.replaceAll("\\p{Cntrl}", " "));
        return "comment on database " + database(runId) + " is '" + marker.replace("'", "''") + "'";
    }

    /**
     * The lease database named by {@code comment} when it is a marker written for run {@code runId}.
     *
     * @param comment a database's comment, or null
     * @param runId   the run id in the database's name
     * @return the database holding the run's lease, or empty when {@code comment} is not that run's marker
     */
    public static Optional<String> leaseDatabaseOf(String comment, String runId) {
        if (comment == null) {
            return Optional.empty();
        }
        Matcher matcher = MARKER.matcher(comment);
        return matcher.matches() && matcher.group(1).equals(runId) ? Optional.of(matcher.group(2)) : Optional.empty();
    }
}
