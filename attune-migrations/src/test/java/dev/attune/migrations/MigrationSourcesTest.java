package dev.attune.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Static checks of the migration sources in {@code ../migrations}: the files Flyway applies must be schema-agnostic and
 * must not touch database- or cluster-wide objects (see {@code migrations/README.md}, "Rules for writing a new
 * migration"). The SQL is reduced to its code by {@link SqlCode} first, so comments and string literals never count,
 * while function and {@code DO} bodies (dollar-quoted) do.
 */
class MigrationSourcesTest {

    private static final Path MIGRATIONS = Path.of("..", "migrations").toAbsolutePath().normalize();

    private static final List<String> ATTUNE_MIGRATIONS = List.of(
            "V20250101000001__initial_setup.sql",
            "V20250101000002__core_tables.sql",
            "V20250101000003__event_system.sql",
            "V20250101000004__execution_system.sql",
            "V20250101000005__supporting_tables.sql",
            "V20260119000001__add_execution_notify_trigger.sql",
            "V20260120000001__add_webhook_support.sql",
            "V20260120000002__webhook_advanced_features.sql",
            "V20260120200000__add_pack_test_results.sql",
            "V20260122000001__pack_installation_metadata.sql",
            "V20260127000001__consolidate_webhook_config.sql",
            "V20260127212500__consolidate_workflow_task_execution.sql",
            "V20260129000001__fix_webhook_function_overload.sql");

    /** A schema-ish word used as a qualifier: {@code public.}, {@code attune.}, {@code test_…}, … */
    private static final Pattern SCHEMA_QUALIFIER = Pattern.compile(
            "\\b(public|attune|attune_\\w+|information_schema|test_\\w+|it_\\w+|pg_temp\\w*|pg_toast\\w*)\\s*\\.",
            Pattern.CASE_INSENSITIVE);

    /** A quoted identifier used as a qualifier ({@code "attune"."pack"}); only {@code pg_catalog} may qualify. */
    private static final Pattern QUOTED_QUALIFIER = Pattern.compile("\"((?:[^\"]|\"\")*)\"\\s*\\.");

    /** Any {@code word.} qualifier (a letter first, so numbers such as {@code 1.0} do not count). */
    private static final Pattern ANY_QUALIFIER = Pattern.compile("(?<![\\w$.])([A-Za-z_][A-Za-z0-9_$]*)\\s*\\.\\s*(?=[A-Za-z_\"*])");

    private static final Pattern CREATE_TABLE = Pattern.compile("\\bCREATE\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    /** Statements a migration must not contain: database- or cluster-wide objects, privileges, non-transactional DDL. */
    private static final List<Pattern> FORBIDDEN_STATEMENTS = Stream.of(
                    "\\b(CREATE|ALTER|DROP)\\s+EXTENSION\\b",
                    "\\b(CREATE|ALTER|DROP)\\s+SCHEMA\\b",
                    "\\b(CREATE|ALTER|DROP)\\s+(ROLE|USER|GROUP)\\b",
                    "\\bGRANT\\b",
                    "\\bREVOKE\\b",
                    "\\bCONCURRENTLY\\b",
                    "\\bALTER\\s+(DATABASE|SYSTEM)\\b",
                    "\\bSECURITY\\s+DEFINER\\b",
                    "\\bSET\\s+(LOCAL\\s+|SESSION\\s+)?search_path\\b",
                    "\\bVACUUM\\b",
                    "\\b(COMMIT|ROLLBACK)\\s*;",
                    "\\bBEGIN\\s*(TRANSACTION|WORK)?\\s*;",
                    "(?m)^\\s*\\\\[a-z]",
                    "\\bpg_notify\\s*\\(\\s*'")
            .map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE))
            .toList();

    record Migration(String fileName, String sql, String code) {
        @Override
        public String toString() {
            return fileName;
        }
    }

    static List<Migration> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .map(MigrationSourcesTest::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + MIGRATIONS, e);
        }
    }

    private static Migration read(Path path) {
        try {
            String sql = Files.readString(path, StandardCharsets.UTF_8);
            return new Migration(path.getFileName().toString(), sql, SqlCode.of(sql));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    // --- the set of files ----------------------------------------------------------------------------------------

    @Test
    void theMigrationsFolderHoldsAttunesThirteenVersionsInOrder() {
        assertThat(migrations()).extracting(Migration::fileName).containsExactlyElementsOf(ATTUNE_MIGRATIONS);
    }

    @Test
    void theClasspathCarriesExactlyTheMigrationFilesInVersionOrder() {
        List<MigrationScripts.Script> scripts = MigrationScripts.load();

        assertThat(scripts).extracting(MigrationScripts.Script::fileName).containsExactlyElementsOf(ATTUNE_MIGRATIONS);
        assertThat(scripts).extracting(MigrationScripts.Script::version).containsExactly(
                "20250101000001", "20250101000002", "20250101000003", "20250101000004", "20250101000005",
                "20260119000001", "20260120000001", "20260120000002", "20260120200000", "20260122000001",
                "20260127000001", "20260127212500", "20260129000001");
        assertThat(scripts).extracting(MigrationScripts.Script::description).containsExactly(
                "initial setup", "core tables", "event system", "execution system", "supporting tables",
                "add execution notify trigger", "add webhook support", "webhook advanced features",
                "add pack test results", "pack installation metadata", "consolidate webhook config",
                "consolidate workflow task execution", "fix webhook function overload");
        List<Migration> sources = migrations();
        for (int i = 0; i < scripts.size(); i++) {
            assertThat(scripts.get(i).sql()).as("classpath copy of %s", scripts.get(i).fileName())
                    .isEqualTo(sources.get(i).sql());
        }
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertThat(MigrationScripts.compareVersions("1.10", "1.9")).isPositive();
        assertThat(MigrationScripts.compareVersions("2", "10")).isNegative();
        assertThat(MigrationScripts.compareVersions("1.0", "1")).isZero();
        assertThat(MigrationScripts.compareVersions("20260127212500", "20260127000001")).isPositive();
    }

    // --- per-file rules ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("migrations")
    void noIdentifierIsQualifiedWithASchema(Migration migration) {
        assertThat(findAll(SCHEMA_QUALIFIER, migration)).as("schema-qualified names in %s", migration).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("migrations")
    void noQuotedIdentifierIsUsedAsAQualifierExceptPgCatalog(Migration migration) {
        List<String> found = new ArrayList<>();
        Matcher matcher = QUOTED_QUALIFIER.matcher(migration.code());
        while (matcher.find()) {
            if (!matcher.group(1).equals("pg_catalog")) {
                found.add(location(migration, matcher.start()) + matcher.group());
            }
        }
        assertThat(found).as("quoted qualifiers in %s", migration).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("migrations")
    void everyQualifierIsATableAnAliasARowVariableOrPgCatalog(Migration migration) {
        assertThat(unexpectedQualifiers(migration))
                .as("qualifiers in %s that are neither a table, an alias, NEW/OLD nor pg_catalog", migration)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("migrations")
    void noStatementTouchesDatabaseOrClusterWideObjectsOrLeavesTheTransaction(Migration migration) {
        List<String> found = new ArrayList<>();
        for (Pattern forbidden : FORBIDDEN_STATEMENTS) {
            found.addAll(findAll(forbidden, migration));
        }
        assertThat(found).as("forbidden statements in %s", migration).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("migrations")
    void everyFileHasCodeLeftAfterRemovingCommentsAndLiterals(Migration migration) {
        // Guards the checks above against a reducer that blanks everything.
        assertThat(migration.code()).hasSameSizeAs(migration.sql()).containsPattern("(?i)\\b(CREATE|ALTER|DROP|DO)\\b");
    }

    // --- the checks themselves can fail -------------------------------------------------------------------------

    @Test
    void theChecksFindViolationsInCodeAndInFunctionBodiesButNotInCommentsOrLiterals() {
        String sql = """
                -- public.pack in a comment is fine
                /* attune.pack /* nested */ still a comment */
                COMMENT ON TABLE pack IS 'lives in public.pack, GRANT and CREATE EXTENSION are only words here';
                CREATE TABLE public.pack_copy (id bigint);
                CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $fn$
                BEGIN
                    PERFORM 1 FROM attune.pack; -- it's a comment with a quote
                    PERFORM pg_notify('attune_notifications', 'x');
                END;
                $fn$;
                SELECT 1 FROM "attune"."pack";
                CREATE EXTENSION pgcrypto;
                GRANT SELECT ON pack TO svc_attune;
                CREATE INDEX CONCURRENTLY i ON pack (id);
                """;
        Migration migration = new Migration("V0__sample.sql", sql, SqlCode.of(sql));

        assertThat(findAll(SCHEMA_QUALIFIER, migration)).containsExactly(
                "V0__sample.sql:4: public.", "V0__sample.sql:7: attune.");
        assertThat(QUOTED_QUALIFIER.matcher(migration.code()).results().map(m -> m.group(1)))
                .containsExactly("attune");
        List<String> statements = new ArrayList<>();
        FORBIDDEN_STATEMENTS.forEach(pattern -> statements.addAll(findAll(pattern, migration)));
        assertThat(statements).hasSize(4).anyMatch(s -> s.contains(":8: pg_notify"))
                .anyMatch(s -> s.contains(":12: CREATE EXTENSION"))
                .anyMatch(s -> s.contains(":13: GRANT"))
                .anyMatch(s -> s.contains(":14: CONCURRENTLY"));
    }

    @Test
    void theReducerBlanksCommentsAndLiteralsAndKeepsBodiesAndLineNumbers() {
        String sql = "SELECT 'a''b' AS x, E'c\\'d' AS y, \"Quoted\"\"Name\".z -- note\n"
                + "/* one /* two */ one */ FROM t; DO $$ BEGIN RAISE NOTICE 'it''s'; END $$;\n"
                + "SELECT $1, a$b$c FROM t WHERE s = 'unterminated";

        String code = SqlCode.of(sql);

        assertThat(code).hasSameSizeAs(sql);
        assertThat(code.lines().toList()).containsExactly(
                "SELECT '" + blanks(4) + "' AS x, E'" + blanks(4) + "' AS y, \"Quoted\"\"Name\".z " + blanks(7),
                blanks(23) + " FROM t; DO $$ BEGIN RAISE NOTICE '" + blanks(5) + "'; END $$;",
                "SELECT $1, a$b$c FROM t WHERE s = '" + blanks(12));
        assertThat(SqlCode.lineOf(sql, sql.indexOf("DO $$"))).isEqualTo(2);
    }

    @Test
    void anUnbalancedQuoteInsideADollarBodyDoesNotHideTheCodeAfterTheBody() {
        String sql = "COMMENT ON TABLE pack IS $c$don't$c$; CREATE TABLE public.x (id int);";

        assertThat(SqlCode.of(sql)).contains("CREATE TABLE public.x (id int);");
    }

    @Test
    void aQualifierThatIsNoTableOrAliasIsFlaggedWhateverTheSchemaIsCalled() {
        String sql = """
                UPDATE trigger t SET label = 'x' WHERE t.pack = (SELECT tenant_a.pack.id) AND NEW.id = OLD.id;
                SELECT pg_catalog.now(), trigger.ref, 1.5 FROM trigger;
                """;

        assertThat(unexpectedQualifiers(new Migration("V0__sample.sql", sql, SqlCode.of(sql))))
                .containsExactly("V0__sample.sql:1: tenant_a.");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static List<String> unexpectedQualifiers(Migration migration) {
        Set<String> allowed = new TreeSet<>(Set.of("pg_catalog", "new", "old"));
        allowed.addAll(tableNames());
        allowed.addAll(aliases(migration.code()));

        List<String> unexpected = new ArrayList<>();
        Matcher matcher = ANY_QUALIFIER.matcher(migration.code());
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                unexpected.add(location(migration, matcher.start()) + matcher.group(1) + ".");
            }
        }
        return unexpected;
    }

    private static String blanks(int count) {
        return " ".repeat(count);
    }

    private static List<String> findAll(Pattern pattern, Migration migration) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(migration.code());
        while (matcher.find()) {
            found.add(location(migration, matcher.start()) + matcher.group().replaceAll("\\s+", " "));
        }
        return found;
    }

    private static String location(Migration migration, int offset) {
        return migration.fileName() + ":" + SqlCode.lineOf(migration.sql(), offset) + ": ";
    }

    /** Every table any migration creates (a table name may qualify its columns, e.g. in COMMENT ON COLUMN). */
    private static Set<String> tableNames() {
        Set<String> tables = new TreeSet<>();
        for (Migration migration : migrations()) {
            CREATE_TABLE.matcher(migration.code()).results()
                    .forEach(m -> tables.add(m.group(1).toLowerCase(Locale.ROOT)));
        }
        return tables;
    }

    /**
     * Range-variable aliases declared in {@code code}: the word after a table name ({@code FROM trigger t},
     * {@code INSERT INTO webhook_rate_limit AS r}) or after a parenthesised subquery ({@code (...) wte}).
     */
    private static Set<String> aliases(String code) {
        Set<String> aliases = new TreeSet<>();
        String tables = String.join("|", tableNames()) + "|pg_catalog\\s*\\.\\s*\\w+";
        Pattern afterTable = Pattern.compile("\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(?:" + tables + ")\\s+(?:AS\\s+)?([A-Za-z_]\\w*)",
                Pattern.CASE_INSENSITIVE);
        Pattern afterSubquery = Pattern.compile("\\)\\s+(?:AS\\s+)?([A-Za-z_]\\w*)\\s+(?:WHERE|ON|JOIN|LEFT|ORDER|GROUP)\\b",
                Pattern.CASE_INSENSITIVE);
        afterTable.matcher(code).results().forEach(m -> aliases.add(m.group(1).toLowerCase(Locale.ROOT)));
        afterSubquery.matcher(code).results().forEach(m -> aliases.add(m.group(1).toLowerCase(Locale.ROOT)));
        return aliases;
    }
}
