package dev.attune.benchmarks;

import dev.attune.db.SchemaName;
import dev.attune.testserver.TestDatabaseServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PackBenchmarks} in {@value #ROUNDS} interleaved rounds ({@link InterleavedRounds}) and prints the ratio
 * table ({@link RatioTable}), also written to the file named by the first argument. What {@code -Pbenchmark} runs.
 *
 * <p>The schema is created and migrated once here and handed to the forked benchmark JVMs together with this JVM's
 * test server ({@link TestDatabaseServer#childJvmArguments()}), so an embedded server is started once, not per fork;
 * it is dropped at the end, also when the run fails or is interrupted. {@code -Dbenchmark.profilers=gc,stack} adds
 * JMH profilers.
 */
public final class BenchmarkMain {

    /** Forks per benchmark, one per round, as many as {@link PackBenchmarks} asks of JMH when run without this runner. */
    static final int ROUNDS = PackBenchmarks.FORKS;

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args optional: where to write the markdown table
     */
    public static void main(String[] args) throws RunnerException, IOException {
        String loadBefore = loadAverage();
        TestDatabaseServer server = TestDatabaseServer.get();
        SchemaName schema = BenchmarkSchema.newName();
        Thread dropOnInterrupt = new Thread(() -> {
            try {
                BenchmarkSchema.drop(schema);
            } catch (RuntimeException e) { // e.g. an embedded server already stopped by its own hook: nothing left
                System.err.println(e.getMessage());
            }
        }, "drop-" + schema.value());
        Runtime.getRuntime().addShutdownHook(dropOnInterrupt);
        Map<String, List<RunResult>> results;
        try {
            BenchmarkSchema.createMigratedAndSeeded(schema);
            List<String> jvmArgs = new ArrayList<>(server.childJvmArguments());
            jvmArgs.add("-D" + BenchmarkSchema.PROPERTY + "=" + schema.value());
            ChainedOptionsBuilder options = new OptionsBuilder().jvmArgsAppend(jvmArgs.toArray(String[]::new));
            for (String profiler : System.getProperty("benchmark.profilers", "").split(",")) {
                if (!profiler.isBlank() && !profiler.startsWith("${")) { // "${...}": Maven left it unset
                    options.addProfiler(profiler.strip());
                }
            }
            System.out.println("Benchmarks on " + server.description() + ", schema " + schema);
            results = new InterleavedRounds(PackBenchmarks.class, options.build()).run(ROUNDS);
        } finally {
            BenchmarkSchema.drop(schema);
            Runtime.getRuntime().removeShutdownHook(dropOnInterrupt);
        }
        String table = RatioTable.of(results) + String.format(Locale.ROOT,
                "%n%d rounds, each one fork (a new JVM) of every benchmark, in name order and in reverse by turns;"
                        + " %d processors; load average (1 min) %s at the start, %s at the end.%n", ROUNDS,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
        System.out.println();
        System.out.print(table);
        if (args.length > 0) {
            Path file = Path.of(args[0]);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table);
            System.out.println("Written to " + file);
        }
    }

    /** The 1-minute load average, for the record of how busy the machine was ({@code ?} where unknown). */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "?" : String.format(Locale.ROOT, "%.1f", load);
    }
}
