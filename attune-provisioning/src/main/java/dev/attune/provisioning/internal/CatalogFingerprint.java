package dev.attune.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A comparable description of everything one schema defines: tables and their columns (type, nullability, default),
 * persistence and row security, constraints, indexes, sequences and their parameters, enum types and labels, functions
 * (signature, body, volatility, security, settings), triggers (and whether they are enabled, foreign-key triggers
 * included) and views. Names of
 * the schema itself are removed, so two schemas built from the same migrations have equal fingerprints.
 *
 * <p>The Flyway history table is left out: the template has one, replayed schemas do not.
 */
public final class CatalogFingerprint {

    // Catalog queries cannot be expressed with the generated classes; they are kept here, in one place.
    private static final String[] QUERIES = {
        // columns of tables and views
        """
        select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || case when a.attnotnull then ' not null' else '' end
               || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') || ' #' || a.attnum
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
        where n.nspname = ? and c.relkind in ('r', 'v', 'p') and c.relname <> 'flyway_schema_history'
        """,
        """
        select 'relation ' || c.relkind::text || ' ' || c.relname || ' persistence ' || c.relpersistence::text
               || ' rls ' || c.relrowsecurity::text
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and c.relname not like 'flyway_schema_history%'
        """,
        """
        select 'sequence ' || c.relname || ' ' || format_type(s.seqtypid, null) || ' start ' || s.seqstart
               || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
               || ' cache ' || s.seqcache || ' cycle ' || s.seqcycle::text
        from pg_sequence s
        join pg_class c on c.oid = s.seqrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ?
        """,
        """
        select 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_namespace n on n.oid = k.connamespace
        where n.nspname = ? and c.relname <> 'flyway_schema_history'
        """,
        """
        select 'index ' || pg_get_indexdef(i.indexrelid)
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and c.relname not like 'flyway_schema_history%'
        """,
        """
        select 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)
        from pg_type t
        join pg_namespace n on n.oid = t.typnamespace
        join pg_enum e on e.enumtypid = t.oid
        where n.nspname = ?
        group by t.typname
        """,
        """
        select 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
               || pg_get_function_result(p.oid) || ' ' || md5(p.prosrc) || ' volatility ' || p.provolatile::text
               || ' security definer ' || p.prosecdef::text || ' config ' || coalesce(array_to_string(p.proconfig, ','), '')
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = ?
        """,
        """
        select 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled ' || t.tgenabled::text
        from pg_trigger t
        join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and not t.tgisinternal
        """,
        // Internal (foreign-key) triggers have generated names: compare how many each table has and how many are off.
        """
        select 'internal triggers ' || c.relname || ' ' || count(*) || ' disabled '
               || count(*) filter (where t.tgenabled = 'D')
        from pg_trigger t
        join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and t.tgisinternal
        group by c.relname
        """,
        """
        select 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid)
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and c.relkind = 'v'
        """,
    };

    /** Every query above as one statement; each takes the schema name as its only parameter. */
    private static final String ALL_QUERIES = Arrays.stream(QUERIES)
            .map(query -> "(" + query.strip() + ")")
            .collect(Collectors.joining("\nunion all\n"));

    private final List<String> lines;
    private final String digest;

    private CatalogFingerprint(List<String> lines) {
        this.lines = List.copyOf(lines);
        this.digest = sha256(String.join("\n", lines));
    }

    /**
     * Reads the fingerprint of {@code schema} through {@code connection} (any search path).
     *
     * @param connection a connection to the test server
     * @param schema     the schema's name
     * @return the fingerprint
     * @throws SQLException when the catalog cannot be read
     */
    public static CatalogFingerprint of(Connection connection, String schema) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        String qualifier = schema + ".";
        // One round trip: the fingerprint is taken on every recycle, a hot path of the test suite.
        try (PreparedStatement statement = connection.prepareStatement(ALL_QUERIES)) {
            for (int i = 1; i <= QUERIES.length; i++) {
                statement.setString(i, schema);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    lines.add(result.getString(1).replace(qualifier, ""));
                }
            }
        }
        return new CatalogFingerprint(new ArrayList<>(lines));
    }

    /** {@return the SHA-256 of the lines, in hex: equal digests mean equal fingerprints} */
    public String digest() {
        return digest;
    }

    /** {@return the sorted, schema-free description lines} */
    public List<String> lines() {
        return lines;
    }

    /**
     * Number of lines of a given kind ({@code relation r}, {@code trigger}, {@code enum}, ...).
     *
     * @param prefix the kind, as the lines start
     * @return how many lines start with it
     */
    public long count(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    /**
     * Human-readable difference: lines only in this, then lines only in {@code other} (at most 20 each).
     *
     * @param other the fingerprint to compare with
     * @return the difference, for an error message
     */
    public String differenceFrom(CatalogFingerprint other) {
        StringBuilder out = new StringBuilder();
        lines.stream().filter(line -> !other.lines.contains(line)).limit(20)
                .forEach(line -> out.append("\n  - ").append(line));
        other.lines.stream().filter(line -> !lines.contains(line)).limit(20)
                .forEach(line -> out.append("\n  + ").append(line));
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogFingerprint that && digest.equals(that.digest);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "CatalogFingerprint[" + digest.substring(0, 12) + ", " + lines.size() + " lines]";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
