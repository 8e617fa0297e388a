package dev.attune.benchmarks;

import static dev.attune.repositories.schema.Tables.PACK;

import dev.attune.db.Database;
import dev.attune.db.SchemaName;
import dev.attune.repositories.Page;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.schema.tables.pojos.Pack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PackRepository} against {@link JdbcPacks} (hand-written JDBC) on one HikariCP pool of one migrated schema:
 * find by id, insert returning the row, and a page of 50 rows. Each pair is named {@code <operation>Repository} /
 * {@code <operation>Jdbc}; {@link BenchmarkMain} pairs them into the ratio table. The reads also run as
 * {@code <operation>PlainJooq}: the repository's jOOQ query on the pool's own {@code DSLContext}, executed by jOOQ —
 * what such a read costs when jOOQ runs it (the repositories read directly where nothing configured could tell,
 * docs/repositories.md). Single-threaded, autocommit, the connection borrowed and returned per call on all sides.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(PackBenchmarks.FORKS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class PackBenchmarks {

    /**
     * JVMs per benchmark ({@link BenchmarkMain} runs them as rounds, the order reversed every other round). On a small
     * virtual machine the mean of one JVM moves by a fifth or more from one JVM to the next (the server, the disk's
     * flush latency for the insert, a neighbour): four JVMs of five iterations each halve the weight of any one.
     */
    static final int FORKS = 4;

    /** Refs written by the insert benchmarks start with this: after every seeded ref, so lists never see them. */
    private static final String INSERTED_PREFIX = "zz_";
    private static final Page FIFTY = Page.first(50);

    private SchemaName schema;
    private boolean ownsSchema;
    private Database database;
    private PackRepository repository;
    private JdbcPacks jdbc;
    private long[] ids;
    private int nextId;
    private long inserted;

    /**
     * Opens the pool on the runner's schema ({@value BenchmarkSchema#PROPERTY}), or, when run straight from JMH, on a
     * schema of its own, and checks that both sides return equal results before anything is timed.
     */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        String given = System.getProperty(BenchmarkSchema.PROPERTY);
        ownsSchema = given == null;
        schema = ownsSchema ? BenchmarkSchema.newName() : SchemaName.of(given);
        try {
            if (ownsSchema) {
                BenchmarkSchema.createMigratedAndSeeded(schema);
            }
            database = BenchmarkSchema.open(schema, 4);
            prepare();
        } catch (SQLException | RuntimeException | Error e) {
            // JMH runs no tear-down after a failed set-up: clean up here, or the pool and the schema would stay.
            try {
                if (database != null) {
                    database.close();
                }
                if (ownsSchema) {
                    BenchmarkSchema.drop(schema);
                }
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void prepare() throws SQLException {
        // Constructed once, as a service holds its repositories; both sides borrow from database.dataSource().
        repository = new PackRepository(database.dsl());
        jdbc = new JdbcPacks(database.dataSource());
        deleteInserted();

        List<Pack> seeded = repository.listPaginated(FIFTY);
        ids = seeded.stream().mapToLong(Pack::id).toArray();
        if (ids.length != BenchmarkSchema.SEEDED_PACKS
                || !seeded.stream().allMatch(pack -> pack.ref().startsWith(BenchmarkSchema.SEEDED_PREFIX))) {
            throw new IllegalStateException("schema " + schema + " does not hold the " + BenchmarkSchema.SEEDED_PACKS
                    + " seeded packs");
        }
        requireEqual("list of 50", seeded, jdbc.list(FIFTY.limit(), FIFTY.offset()));
        requireEqual("findById", repository.findById(ids[0]), jdbc.findById(ids[0]));
        requireEqual("findById, plain jOOQ", repository.findById(ids[1]),
                database.dsl().selectFrom(PACK).where(PACK.ID.eq(ids[1])).fetchOptionalInto(Pack.class));
        requireEqual("list of 50, plain jOOQ", seeded, list50PlainJooq());
        Pack byRepository = repository.create(PackSamples.newPack(INSERTED_PREFIX + "check_r"));
        Pack byJdbc = jdbc.create(PackSamples.newPack(INSERTED_PREFIX + "check_j"));
        requireEqual("insert returning", withoutIdentity(byRepository), withoutIdentity(byJdbc));
        deleteInserted();
    }

    /** Keeps the table at its seeded size between iterations, so each iteration inserts into the same table. */
    @TearDown(Level.Iteration)
    public void deleteInsertedRows() throws SQLException {
        deleteInserted();
    }

    /** Closes the pool; drops the schema when this JVM created it. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        try {
            deleteInserted();
        } finally {
            database.close();
            if (ownsSchema) {
                BenchmarkSchema.drop(schema);
            }
        }
    }

    /** The repository's find by primary key. */
    @Benchmark
    public Optional<Pack> findByIdRepository() {
        return repository.findById(nextId());
    }

    /** The repository's query, executed by jOOQ. */
    @Benchmark
    public Optional<Pack> findByIdPlainJooq() {
        return database.dsl().selectFrom(PACK).where(PACK.ID.eq(nextId())).fetchOptionalInto(Pack.class);
    }

    /** The same query by hand. */
    @Benchmark
    public Optional<Pack> findByIdJdbc() throws SQLException {
        return jdbc.findById(nextId());
    }

    /** The repository's create: input checks, INSERT ... RETURNING, the new row mapped. */
    @Benchmark
    public Pack insertReturningRepository() {
        return repository.create(PackSamples.newPack(nextInsertedRef()));
    }

    /** The same INSERT ... RETURNING by hand. */
    @Benchmark
    public Pack insertReturningJdbc() throws SQLException {
        return jdbc.create(PackSamples.newPack(nextInsertedRef()));
    }

    /** The repository's first page of 50 packs by ref. */
    @Benchmark
    public List<Pack> list50Repository() {
        return repository.listPaginated(FIFTY);
    }

    /** The repository's page query, executed by jOOQ. */
    @Benchmark
    public List<Pack> list50PlainJooq() {
        return database.dsl().selectFrom(PACK).orderBy(PACK.REF).limit(FIFTY.limit()).offset(FIFTY.offset())
                .fetchInto(Pack.class);
    }

    /** The same page by hand. */
    @Benchmark
    public List<Pack> list50Jdbc() throws SQLException {
        return jdbc.list(FIFTY.limit(), FIFTY.offset());
    }

    private long nextId() {
        long id = ids[nextId];
        nextId = (nextId + 1) % ids.length;
        return id;
    }

    private String nextInsertedRef() {
        return INSERTED_PREFIX + inserted++;
    }

    private void deleteInserted() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from pack where ref like '" + INSERTED_PREFIX + "%'");
            // Without autovacuum (as on the test servers) dead rows would pile up iteration after iteration.
            statement.execute("vacuum pack");
        }
    }

    private static Pack withoutIdentity(Pack pack) {
        return new Pack(null, null, pack.label(), pack.description(), pack.version(), pack.confSchema(), pack.config(),
                pack.meta(), pack.tags(), pack.runtimeDeps(), pack.isStandard(), null, null);
    }

    private static void requireEqual(String what, Object byRepository, Object byJdbc) {
        if (!byRepository.equals(byJdbc)) {
            throw new IllegalStateException(what + ": the JDBC side does not return what the repository returns:\n  "
                    + byRepository + "\n  " + byJdbc);
        }
    }
}
