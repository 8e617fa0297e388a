package dev.attune.provisioning.internal;

import dev.attune.db.SchemaName;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How test schemas are named and marked, in one place so that the provisioner and the janitor cannot disagree.
 *
 * <p>Name: {@code test_<runid>_<n>}, where {@code runid} is 8 lower-case hex digits (the run's lease key) and {@code n} a
 * counter ({@code 0} is the run's Flyway-migrated template). Marker: the schema comment
 * {@code attune-test-schema run=<runid> created=<instant> test=<test name>}.
 */
public final class TestSchemaNames {

    /** Exact pattern of a test schema name; group 1 is the run id. */
    public static final Pattern NAME = Pattern.compile("test_([0-9a-f]{8})_([0-9]+)");

    /** Pattern usable in a SQL {@code LIKE} to pre-select candidates (then {@link #NAME} decides). */
    public static final String LIKE_PATTERN = "test\\_%\\_%";

    private static final String MARKER_PREFIX = "attune-test-schema run=";
    private static final Pattern MARKER = Pattern.compile("attune-test-schema run=([0-9a-f]{8}) created=(\\S+) test=(.*)",
            Pattern.DOTALL);

    private TestSchemaNames() {
    }

    /**
     * The name of schema {@code n} of run {@code runId}.
     *
     * @param runId the run id (8 hex digits)
     * @param n     the schema's number in the run
     * @return {@code test_<runId>_<n>}
     */
    public static SchemaName schema(String runId, long n) {
        return SchemaName.of("test_" + runId + "_" + n);
    }

    /**
     * The run id in a name that matches the exact pattern {@code test_<8 hex>_<n>}.
     *
     * @param schemaName a schema name
     * @return the run id, or empty when the name does not match
     */
    public static Optional<String> runIdOf(String schemaName) {
        Matcher matcher = NAME.matcher(schemaName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The marker comment put on a schema of {@code runId}, created now for {@code testName}.
     *
     * @param runId    the run the schema belongs to
     * @param testName the test (control characters become spaces), or null
     * @return the comment
     */
    public static String marker(String runId, String testName) {
        String test = testName == null ? "" : testName.replaceAll("\\p{Cntrl}", " ");
        return MARKER_PREFIX + runId + " created=" + Instant.now() + " test=" + test;
    }

    /**
     * The statement that writes {@code marker} as the comment of {@code schema} (a validated name; quotes doubled).
     *
     * @param schema the schema
     * @param marker the comment
     * @return the {@code COMMENT ON SCHEMA} statement
     */
    public static String commentStatement(SchemaName schema, String marker) {
        return "comment on schema " + schema.value() + " is '" + marker.replace("'", "''") + "'";
    }

    /**
     * Whether {@code comment} is a marker written for run {@code runId}.
     *
     * @param comment a schema's comment, or null
     * @param runId   the run id in the schema's name
     * @return true when the schema is marked as that run's
     */
    public static boolean isMarkerOf(String comment, String runId) {
        if (comment == null) {
            return false;
        }
        Matcher matcher = MARKER.matcher(comment);
        return matcher.matches() && matcher.group(1).equals(runId);
    }

    /**
     * The 32-bit advisory-lock key of a run id (the run id is that key in hex).
     *
     * @param runId the run id (8 hex digits)
     * @return the key
     */
    public static int lockKey(String runId) {
        return Integer.parseUnsignedInt(runId, 16);
    }

    /** The first half of every run's advisory-lock key pair, so our locks never meet another application's. */
    public static final int LOCK_NAMESPACE = 0x41747475; // "Attu"
}
