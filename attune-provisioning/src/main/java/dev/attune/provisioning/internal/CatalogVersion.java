package dev.attune.provisioning.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.postgresql.PGStatement;

/**
 * A cheap detector of any DDL in one schema: sums over the identities and row versions ({@code xmin}) of every
 * catalog row that describes an object of the schema, found from the schema's {@code pg_depend} entries through the
 * catalogs' indexes (about a millisecond, where deparsing every object takes tens).
 *
 * <p>Every {@code CREATE}, {@code ALTER}, {@code DROP}, {@code GRANT}/{@code REVOKE}, {@code COMMENT} or
 * {@code CREATE OR REPLACE} writes a new version of (or adds, or removes) at least one of these rows — {@code pg_class}
 * (also privileges, options, row security, owner), {@code pg_attribute} (also column privileges), {@code pg_attrdef},
 * {@code pg_constraint}, {@code pg_index}, {@code pg_trigger} (also enabling/disabling), {@code pg_rewrite},
 * {@code pg_policy}, {@code pg_sequence}, {@code pg_proc}, {@code pg_type}, {@code pg_enum}, {@code pg_description}
 * (comments), {@code pg_default_acl} and the schema's other object catalogs — while {@code INSERT}, {@code DELETE},
 * {@code setval} and (auto)vacuum statistics, which update {@code pg_class} in place, write none. So comparing the
 * version taken when a schema was verified with the version after a test tells, in about a millisecond, whether the test
 * changed anything a {@link CatalogFingerprint} would see (and more: privileges and comments), without deparsing every
 * object. A change makes the schema unusable for recycling; a false alarm (say, a catalog row frozen by
 * {@code VACUUM FREEZE}) only costs a replacement, never a wrong reuse.
 *
 * <p>Object identifiers and row versions are stable across {@code ALTER SCHEMA ... RENAME}; the schema's own row is
 * represented by its owner and privileges only, so renaming it and rewriting its marker comment keep the version.
 */
public final class CatalogVersion {

    // Catalog queries cannot be expressed with the generated classes; kept here, in one place.
    private static final String QUERY = """
            with ns as (select oid, nspowner, nspacl from pg_catalog.pg_namespace where nspname = ?),
            top as (select d.classid, d.objid, d.xmin from pg_catalog.pg_depend d join ns on d.refobjid = ns.oid
                    where d.refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass),
            tbl as (select c.oid, c.xmin from pg_catalog.pg_class c join top on c.oid = top.objid
                    where top.classid = 'pg_catalog.pg_class'::pg_catalog.regclass),
            idx as (select i.indexrelid as oid, i.xmin from pg_catalog.pg_index i join tbl on i.indrelid = tbl.oid),
            rel as (select oid, xmin from tbl union all select c.oid, c.xmin from pg_catalog.pg_class c join idx using (oid)),
            fn as (select p.oid, p.xmin from pg_catalog.pg_proc p join top on p.oid = top.objid
                   where top.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass),
            typ as (select t.oid, t.xmin from pg_catalog.pg_type t join top on t.oid = top.objid
                    where top.classid = 'pg_catalog.pg_type'::pg_catalog.regclass),
            con as (select k.oid, k.xmin from pg_catalog.pg_constraint k join tbl on k.conrelid = tbl.oid),
            trg as (select t.oid, t.xmin from pg_catalog.pg_trigger t join tbl on t.tgrelid = tbl.oid),
            rows as (
                select objid::int8 * 3 + classid::int8 as o, xmin::text::int8 as x from top
                union all select oid::int8, xmin::text::int8 from rel
                union all select oid::int8, xmin::text::int8 from idx
                union all select oid::int8, xmin::text::int8 from fn
                union all select oid::int8, xmin::text::int8 from typ
                union all select oid::int8, xmin::text::int8 from con
                union all select oid::int8, xmin::text::int8 from trg
                union all select a.attrelid::int8 * 1000 + a.attnum, a.xmin::text::int8
                    from pg_catalog.pg_attribute a join tbl on a.attrelid = tbl.oid
                union all select d.oid::int8, d.xmin::text::int8
                    from pg_catalog.pg_attrdef d join tbl on d.adrelid = tbl.oid
                union all select w.oid::int8, w.xmin::text::int8
                    from pg_catalog.pg_rewrite w join tbl on w.ev_class = tbl.oid
                union all select y.oid::int8, y.xmin::text::int8
                    from pg_catalog.pg_policy y join tbl on y.polrelid = tbl.oid
                union all select s.seqrelid::int8, s.xmin::text::int8
                    from pg_catalog.pg_sequence s join tbl on s.seqrelid = tbl.oid
                union all select e.oid::int8, e.xmin::text::int8
                    from pg_catalog.pg_enum e join typ on e.enumtypid = typ.oid
                union all select m.objoid::int8 * 1000 + m.objsubid, m.xmin::text::int8
                    from pg_catalog.pg_description m
                    join (select oid from rel union all select oid from fn union all select oid from typ
                          union all select oid from con union all select oid from trg) o on m.objoid = o.oid
                union all select f.oid::int8, f.xmin::text::int8
                    from pg_catalog.pg_default_acl f join ns on f.defaclnamespace = ns.oid
                union all select nspowner::int8, hashtext(coalesce(nspacl::text, ''))::int8 from ns
            )
            select count(*), coalesce(sum(o), 0), coalesce(sum(x), 0), coalesce(sum(o # x), 0) from rows
            """;

    /** Set for the current transaction only; a caller inside a transaction of its own may reset them. */
    static final String PLANNER_SETTINGS = "set local enable_seqscan = off; set local enable_hashjoin = off;"
            + " set local enable_mergejoin = off; set local plan_cache_mode = force_generic_plan";

    private final long rows;
    private final long objects;
    private final long versions;
    private final long pairs;

    private CatalogVersion(long rows, long objects, long versions, long pairs) {
        this.rows = rows;
        this.objects = objects;
        this.versions = versions;
        this.pairs = pairs;
    }

    /**
     * Reads the version of {@code schema} through {@code connection} (any search path).
     *
     * @param connection a connection to the test server
     * @param schema     the schema's name
     * @return the version
     * @throws SQLException when the catalog cannot be read
     */
    public static CatalogVersion of(Connection connection, String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement settings = connection.createStatement();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            // The catalogs' statistics (bloated by every schema ever built) would make the planner scan them whole;
            // the query follows the indexes from the schema's own rows instead, and its plan is kept per connection.
            settings.execute(PLANNER_SETTINGS);
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            statement.setString(1, schema);
            CatalogVersion version;
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                version = new CatalogVersion(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4));
            }
            if (autoCommit) {
                connection.commit();
            }
            return version;
        } catch (SQLException | RuntimeException e) {
            if (autoCommit) {
                connection.rollback();
            }
            throw e;
        } finally {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * The version query with more columns evaluated in the same round trip: {@code select <version columns 1-4>,
     * <from's columns> from (<version query>) v, <from>}; the schema's name is parameter 1, {@code from}'s parameters
     * follow. Run it inside a transaction after {@link #usePlannerSettings(Connection)}; read the version with
     * {@link #read(ResultSet)}.
     */
    static String queryWith(String from) {
        return "select v.*, x.* from (" + QUERY + ") v, " + from + " x";
    }

    /** Sets, for the current transaction, the planner settings the version query is meant to run with. */
    static void usePlannerSettings(Connection connection) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute(PLANNER_SETTINGS);
        }
    }

    /** The version in columns 1 to 4 of {@code result}'s current row. */
    static CatalogVersion read(ResultSet result) throws SQLException {
        return new CatalogVersion(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4));
    }

    /**
     * {@return the version as text ({@code <rows>.<objects>.<versions>.<pairs>}), for the marker of a schema kept between
     * runs}
     */
    public String token() {
        return rows + "." + objects + "." + versions + "." + pairs;
    }

    /**
     * The version written by {@link #token()}, if {@code token} is one.
     *
     * @param token the text, or null
     * @return the version, or empty when {@code token} is not one
     */
    public static Optional<CatalogVersion> parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CatalogVersion(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]), Long.parseLong(parts[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogVersion that && rows == that.rows && objects == that.objects
                && versions == that.versions && pairs == that.pairs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(objects ^ versions ^ pairs) + (int) rows;
    }

    @Override
    public String toString() {
        return "CatalogVersion[" + token() + "]";
    }
}
