package dev.attune.provisioning.internal;

import dev.attune.db.SchemaName;
import dev.attune.migrations.MigrationScripts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies a template that runs may share: a hash of the migration scripts (names and contents), the library's
 * version and layout, and the server's major version. Runs with the same key can use the same template and spare
 * schemas; a changed migration, library or server gives a new key, hence a new template, and the old one becomes
 * stale (the janitor reclaims it once no run uses it).
 *
 * <p>Names: template {@code test_tpl_<key>}, spare schemas {@code test_spare_<key>_<run>_<n>}; the key is 16 hex
 * digits. Runs using a template hold a shared advisory lock ({@link #USE_LOCK}, {@link #lockKey()}) on their lease
 * connection; building takes {@link #BUILD_LOCK} exclusively; dropping a stale one needs {@link #USE_LOCK} exclusively.
 */
public record TemplateKey(String value) {

    /** Bump when the shape of templates or spare schemas changes, so that older ones are never reused. */
    private static final String LAYOUT = "attune-test-template-1";
    /** First half of the advisory lock of runs using a template ("Attv"). */
    public static final int USE_LOCK = 0x41747476;
    /** First half of the advisory lock of a run building a template ("Attw"). */
    public static final int BUILD_LOCK = 0x41747477;

    private static final Pattern TEMPLATE = Pattern.compile("test_tpl_([0-9a-f]{16})");
    private static final Pattern SPARE = Pattern.compile("test_spare_([0-9a-f]{16})_([0-9a-f]{8})_([0-9]+)");

    /**
     * Checks the form of a key.
     *
     * @param value 16 lower-case hex digits
     * @throws IllegalArgumentException when {@code value} is not 16 lower-case hex digits
     */
    public TemplateKey {
        if (!value.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("a template key is 16 hex digits (got '" + value + "')");
        }
    }

    /**
     * The key of {@code scripts} on the server behind {@code connection}.
     *
     * @param connection a connection to the server, for its major version
     * @param scripts    the migration scripts on the classpath
     * @return the key
     * @throws SQLException when the server's version cannot be read
     */
    public static TemplateKey of(Connection connection, List<MigrationScripts.Script> scripts) throws SQLException {
        int major;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            result.next();
            major = result.getInt(1);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String version = TemplateKey.class.getPackage().getImplementationVersion();
            sha.update((LAYOUT + "\n" + (version == null ? "dev" : version) + "\npostgresql " + major + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (MigrationScripts.Script script : scripts) {
                sha.update((script.fileName() + "\n" + script.sql() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new TemplateKey(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** {@return the shared template's schema, {@code test_tpl_<key>}} */
    public SchemaName templateName() {
        return SchemaName.of("test_tpl_" + value);
    }

    /**
     * A spare schema handed back by run {@code runId}.
     *
     * @param runId the run handing it back
     * @param n     the schema's number in that run
     * @return {@code test_spare_<key>_<runId>_<n>}
     */
    public SchemaName spareName(String runId, long n) {
        return SchemaName.of("test_spare_" + value + "_" + runId + "_" + n);
    }

    /** {@return the SQL {@code LIKE} pattern of this key's spare schemas} */
    public String sparePattern() {
        return "test\\_spare\\_" + value + "\\_%";
    }

    /** {@return the second half of this key's advisory locks} */
    public int lockKey() {
        return Integer.parseUnsignedInt(value.substring(0, 8), 16);
    }

    /**
     * The key in a template or spare schema name.
     *
     * @param schema a schema name
     * @return the key, or null when the name is neither a template's nor a spare's
     */
    public static TemplateKey inName(String schema) {
        Matcher template = TEMPLATE.matcher(schema);
        if (template.matches()) {
            return new TemplateKey(template.group(1));
        }
        Matcher spare = SPARE.matcher(schema);
        return spare.matches() ? new TemplateKey(spare.group(1)) : null;
    }

    /**
     * Marker comment of this key's template: {@code building}, or {@code ready} with its fingerprint's digest.
     *
     * @param state             {@code building} or {@code ready}
     * @param fingerprintDigest the template's fingerprint digest ({@code -} while building)
     * @return the comment
     */
    public String templateMarker(String state, String fingerprintDigest) {
        return "attune-test-template key=" + value + " state=" + state + " fingerprint=" + fingerprintDigest;
    }

    /**
     * The fingerprint digest in a ready template's marker.
     *
     * @param comment the template schema's comment, or null
     * @return the digest, or null when {@code comment} is not the ready marker of this key
     */
    public String readyFingerprint(String comment) {
        String prefix = "attune-test-template key=" + value + " state=ready fingerprint=";
        return comment != null && comment.startsWith(prefix) ? comment.substring(prefix.length()) : null;
    }

    /**
     * Marker comment of a spare schema of this key whose catalog version is {@code version}.
     *
     * @param version the spare's catalog version when it was handed back
     * @return the comment
     */
    public String spareMarker(CatalogVersion version) {
        return "attune-test-spare key=" + value + " version=" + version.token();
    }

    /**
     * The catalog version in a spare's marker.
     *
     * @param comment the spare schema's comment, or null
     * @return the version, or null when {@code comment} is not a spare marker of this key
     */
    public CatalogVersion spareVersion(String comment) {
        String prefix = "attune-test-spare key=" + value + " version=";
        return comment != null && comment.startsWith(prefix)
                ? CatalogVersion.parse(comment.substring(prefix.length())).orElse(null) : null;
    }
}
