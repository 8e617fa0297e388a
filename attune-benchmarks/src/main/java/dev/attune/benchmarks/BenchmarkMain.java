package dev.attune.benchmarks;

import dev.attune.db.SchemaName;
import dev.attune.testserver.TestDatabaseServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PackBenchmarks} and prints the ratio table (repository µs/op over JDBC µs/op per operation, target at
 * most {@value #TARGET}; where measured, the plain jOOQ query too), also written to the file named by the first argument. What {@code -Pbenchmark} runs.
 *
 * <p>The schema is created and migrated once here and handed to the forked benchmark JVMs together with this JVM's
 * test server ({@link TestDatabaseServer#childJvmArguments()}), so an embedded server is started once, not per fork;
 * it is dropped at the end, also when the run fails or is interrupted. {@code -Dbenchmark.profilers=gc,stack} adds
 * JMH profilers.
 */
public final class BenchmarkMain {

    /** The target of issue 11: a repository call costs at most this many times its hand-written JDBC equivalent. */
    static final double TARGET = 1.15;
    private static final String REPOSITORY = "Repository";
    private static final String JDBC = "Jdbc";
    private static final String PLAIN_JOOQ = "PlainJooq";

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
        Collection<RunResult> results;
        try {
            BenchmarkSchema.createMigratedAndSeeded(schema);
            List<String> jvmArgs = new ArrayList<>(server.childJvmArguments());
            jvmArgs.add("-D" + BenchmarkSchema.PROPERTY + "=" + schema.value());
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(PackBenchmarks.class.getName() + "\\.")
                    .jvmArgsAppend(jvmArgs.toArray(String[]::new));
            for (String profiler : System.getProperty("benchmark.profilers", "").split(",")) {
                if (!profiler.isBlank() && !profiler.startsWith("${")) { // "${...}": Maven left it unset
                    options.addProfiler(profiler.strip());
                }
            }
            System.out.println("Benchmarks on " + server.description() + ", schema " + schema);
            results = new Runner(options.build()).run();
        } finally {
            BenchmarkSchema.drop(schema);
            Runtime.getRuntime().removeShutdownHook(dropOnInterrupt);
        }
        String table = table(results) + String.format(Locale.ROOT,
                "%n%d forks per benchmark (each a new JVM), run one after another; %d processors; load average"
                        + " (1 min) %s at the start, %s at the end.%n", PackBenchmarks.FORKS,
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

    /** The ratio table, then every score with its error, as markdown. */
    static String table(Collection<RunResult> results) {
        Map<String, Result<?>> repository = new TreeMap<>();
        Map<String, Result<?>> jdbc = new TreeMap<>();
        Map<String, Result<?>> plainJooq = new TreeMap<>();
        StringBuilder scores = new StringBuilder(
                "| JMH benchmark | µs/op | ± error (99.9%) | iterations |\n|---|---|---|---|\n");
        for (RunResult run : results) {
            String method = run.getParams().getBenchmark().replaceAll(".*\\.", "");
            Result<?> primary = run.getPrimaryResult();
            scores.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %d |%n", method, primary.getScore(),
                    primary.getScoreError(), primary.getSampleCount()));
            if (method.endsWith(REPOSITORY)) {
                repository.put(method.substring(0, method.length() - REPOSITORY.length()), primary);
            } else if (method.endsWith(JDBC)) {
                jdbc.put(method.substring(0, method.length() - JDBC.length()), primary);
            } else if (method.endsWith(PLAIN_JOOQ)) {
                plainJooq.put(method.substring(0, method.length() - PLAIN_JOOQ.length()), primary);
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| benchmark | repository µs/op | JDBC µs/op | ratio | target ≤ %.2f met? | plain jOOQ µs/op | plain jOOQ"
                        + " / JDBC |%n|---|---|---|---|---|---|---|%n", TARGET));
        for (Map.Entry<String, Result<?>> entry : repository.entrySet()) {
            Result<?> byJdbc = jdbc.get(entry.getKey());
            if (byJdbc == null) {
                continue;
            }
            double ratio = entry.getValue().getScore() / byJdbc.getScore();
            Result<?> byPlainJooq = plainJooq.get(entry.getKey());
            String plain = byPlainJooq == null ? "— | —" : String.format(Locale.ROOT, "%.2f | %.3f",
                    byPlainJooq.getScore(), byPlainJooq.getScore() / byJdbc.getScore());
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %s | %s |%n", entry.getKey(),
                    entry.getValue().getScore(), byJdbc.getScore(), ratio, ratio <= TARGET ? "yes" : "no", plain));
        }
        return table.append('\n').append(scores).toString();
    }
}
