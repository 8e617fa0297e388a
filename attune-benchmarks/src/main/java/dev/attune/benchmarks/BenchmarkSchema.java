package dev.attune.benchmarks;

import dev.attune.db.Database;
import dev.attune.db.SchemaName;
import dev.attune.migrations.Migrator;
import dev.attune.provisioning.TestServerConfigs;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A schema {@code bench_<16 random hex digits>} on the test server ({@link TestDatabaseServer}: the
 * {@code ATTUNE_TEST_DATABASE_URL} server, else an embedded one), migrated by the production {@link Migrator} and
 * seeded with the rows the benchmarks read. Only {@link #drop} removes it; the name is unique to one benchmark run.
 */
public final class BenchmarkSchema {

    /** System property through which the runner hands its schema to the forked benchmark JVMs. */
    public static final String PROPERTY = "attune.benchmark.schema";
    /** Rows seeded for the list benchmarks; their refs sort before every ref the insert benchmarks write. */
    public static final int SEEDED_PACKS = 50;
    /** Prefix of the seeded packs' refs. */
    public static final String SEEDED_PREFIX = "list_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private BenchmarkSchema() {
    }

    /** A new name, {@code bench_<16 random hex digits>}: nothing else on a shared server can carry it. */
    public static SchemaName newName() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return SchemaName.of("bench_" + HexFormat.of().formatHex(random));
    }

    /** Creates {@code name} with every migration (as production does) and the seeded packs. */
    public static void createMigratedAndSeeded(SchemaName name) {
        try (Database database = open(name, 2)) {
            new Migrator(database).migrate();
            PackRepository packs = new PackRepository(database.dsl());
            for (int i = 0; i < SEEDED_PACKS; i++) {
                packs.create(PackSamples.newPack(String.format("%s%03d", SEEDED_PREFIX, i)));
            }
        }
    }

    /** A pool of at most {@code maxConnections} bound to {@code name}; the caller closes it. */
    public static Database open(SchemaName name, int maxConnections) {
        return Database.open(TestServerConfigs.forSchema(TestDatabaseServer.get(), name, maxConnections),
                "attune-benchmark:" + name.value());
    }

    /** Drops {@code name} and everything in it, whatever state it is in. */
    public static void drop(SchemaName name) {
        try (Connection admin = new ServerConnections(TestDatabaseServer.get()).open("attune-benchmark-admin");
                Statement statement = admin.createStatement()) {
            statement.execute("drop schema if exists " + name.value() + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping benchmark schema " + name + " failed: " + e.getMessage(), e);
        }
    }
}
