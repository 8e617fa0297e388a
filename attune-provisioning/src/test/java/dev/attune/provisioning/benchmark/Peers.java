package dev.attune.provisioning.benchmark;

import dev.attune.db.SchemaName;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.provisioning.internal.SchemaRecycler;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/** The mechanisms other tools use, measured in the same harness run (every name is unique to this run). */
final class Peers {

    /** Part of every name this harness run creates, so that concurrent runs never meet. */
    static final String RUN = randomId();

    private Peers() {
    }

    /**
     * The pgtestdb/IntegreSQL mechanism: a template database migrated once, then per test {@code CREATE DATABASE ...
     * TEMPLATE} and {@code DROP DATABASE}.
     */
    static Timings templateDatabaseClone(TestDatabaseServer server, ServerConnections connections,
            MigrationReplayer replayer, int iterations, int warmup) throws Exception {
        String template = "bench_tpl_" + RUN;
        try (Connection admin = connections.open("attune-benchmark"); Statement statement = admin.createStatement()) {
            statement.execute("create database " + template);
            try {
                try (Connection inTemplate = open(server, template)) {
                    replayer.createSchema(inTemplate, SchemaName.of("attune"), "benchmark template");
                }
                return Timings.measure("Template database clone + drop (CREATE DATABASE ... TEMPLATE)", iterations,
                        warmup, i -> {
                            String clone = "bench_clone_" + RUN + "_" + i;
                            statement.execute("create database " + clone + " template " + template);
                            statement.execute("drop database " + clone);
                        });
            } finally {
                statement.execute("drop database if exists " + template);
            }
        }
    }

    /** A reset of one schema on a warm connection, after the test inserted one row: TRUNCATE or the recycler's DELETEs. */
    static Timings reset(String name, TestDatabaseServer server, ServerConnections connections,
            MigrationReplayer replayer, boolean truncate, int iterations, int warmup) throws Exception {
        SchemaName schema = SchemaName.of("bench_reset_" + RUN + (truncate ? "_t" : "_d"));
        try (Connection admin = connections.open("attune-benchmark")) {
            replayer.createSchema(admin, schema, "benchmark");
            try (Connection connection = connections.open("attune-benchmark");
                    Statement statement = connection.createStatement()) {
                statement.execute("set search_path to " + schema.value());
                String reset = truncate ? truncateAll(connection, schema)
                        : SchemaRecycler.forTemplate(admin, schema.value()).resetScript(schema);
                return Timings.measureParts(name, iterations, warmup, clock -> {
                    clock.pause();
                    statement.execute("insert into pack (ref, label, version) values ('bench', 'Bench', '1.0.0')");
                    clock.resume();
                    connection.setAutoCommit(false);
                    statement.execute(reset);
                    connection.commit();
                    connection.setAutoCommit(true);
                });
            } finally {
                MigrationReplayer.dropSchema(admin, schema);
            }
        }
    }

    private static String truncateAll(Connection connection, SchemaName schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select tablename from pg_catalog.pg_tables where schemaname = '"
                        + schema.value() + "' order by 1")) {
            while (result.next()) {
                tables.add("\"" + result.getString(1) + "\"");
            }
        }
        return "truncate " + String.join(", ", tables) + " restart identity cascade";
    }

    /** A connection to database {@code database} of the test server (same host, port and credentials). */
    private static Connection open(TestDatabaseServer server, String database) throws SQLException {
        String url = server.url().replaceFirst("(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + database);
        Properties properties = new Properties();
        if (server.user() != null) {
            properties.setProperty("user", server.user());
        }
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        return DriverManager.getConnection(url, properties);
    }

    private static String randomId() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
