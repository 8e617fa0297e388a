package dev.attune.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark of a class once per round, one fork each, in name order in the odd rounds and in reverse in
 * the even ones (A B B A). JMH alone runs all forks of one benchmark before the next, so a repository benchmark would
 * always run minutes after its JDBC partner: anything that drifts over a run (a neighbour on the host, the server's
 * caches, the disk) would land on one side of a ratio only. Alternating the order gives both sides of a pair the same
 * share of every part of the run.
 */
final class InterleavedRounds {

    private final Class<?> benchmarks;
    private final Options common;

    /**
     * @param benchmarks the class whose {@link Benchmark} methods are run
     * @param common     the options every fork gets (JVM arguments, profilers); include and forks are set here
     */
    InterleavedRounds(Class<?> benchmarks, Options common) {
        this.benchmarks = benchmarks;
        this.common = common;
    }

    /**
     * Runs {@code rounds} rounds.
     *
     * @param rounds how many forks each benchmark gets
     * @return per benchmark method name, its forks' results in the order they ran
     * @throws RunnerException when JMH fails
     */
    Map<String, List<RunResult>> run(int rounds) throws RunnerException {
        List<String> methods = methodNames();
        Map<String, List<RunResult>> results = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(methods);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String method : order) {
                Options one = new OptionsBuilder().parent(common)
                        .include(Pattern.quote(benchmarks.getName() + "." + method) + "$")
                        .forks(1)
                        .build();
                results.computeIfAbsent(method, name -> new ArrayList<>()).addAll(new Runner(one).run());
            }
        }
        return results;
    }

    private List<String> methodNames() {
        return Arrays.stream(benchmarks.getMethods())
                .filter(method -> method.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)
                .sorted()
                .toList();
    }
}
