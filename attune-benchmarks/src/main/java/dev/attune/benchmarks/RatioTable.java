package dev.attune.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The markdown tables of a run: per operation the repository's µs/op over JDBC's (target at most {@value #TARGET}),
 * with the plain jOOQ query where measured, and the ratio of each round on its own; then every benchmark's mean over
 * all its measured iterations, with the 99.9 % error.
 */
final class RatioTable {

    /** The target of issue 11: a repository call costs at most this many times its hand-written JDBC equivalent. */
    static final double TARGET = 1.15;
    private static final String REPOSITORY = "Repository";
    private static final String JDBC = "Jdbc";
    private static final String PLAIN_JOOQ = "PlainJooq";

    private RatioTable() {
    }

    /**
     * @param results per benchmark method, its forks' results in the order of the rounds
     * @return the two tables
     */
    static String of(Map<String, List<RunResult>> results) {
        Map<String, Score> scores = new TreeMap<>();
        results.forEach((method, forks) -> scores.put(method, Score.of(forks)));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| benchmark | repository µs/op | JDBC µs/op | ratio | target ≤ %.2f met? | ratio per round |"
                        + " plain jOOQ µs/op | plain jOOQ / JDBC |%n|---|---|---|---|---|---|---|---|%n", TARGET));
        scores.forEach((method, repository) -> {
            if (!method.endsWith(REPOSITORY)) {
                return;
            }
            String operation = method.substring(0, method.length() - REPOSITORY.length());
            Score jdbc = scores.get(operation + JDBC);
            if (jdbc == null) {
                return;
            }
            double ratio = repository.mean() / jdbc.mean();
            Score plainJooq = scores.get(operation + PLAIN_JOOQ);
            String plain = plainJooq == null ? "— | —" : String.format(Locale.ROOT, "%.2f | %.3f", plainJooq.mean(),
                    plainJooq.mean() / jdbc.mean());
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %s | %s | %s |%n", operation,
                    repository.mean(), jdbc.mean(), ratio, ratio <= TARGET ? "yes" : "no",
                    perRound(repository, jdbc), plain));
        });
        table.append("\n| JMH benchmark | µs/op | ± error (99.9%) | iterations | per round µs/op |\n|---|---|---|---|---|\n");
        scores.forEach((method, score) -> table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %d | %s |%n",
                method, score.mean(), score.error(), score.iterations(), score.rounds().stream()
                        .map(value -> String.format(Locale.ROOT, "%.2f", value)).collect(Collectors.joining(" / ")))));
        return table.toString();
    }

    private static String perRound(Score repository, Score jdbc) {
        StringBuilder ratios = new StringBuilder();
        for (int round = 0; round < Math.min(repository.rounds().size(), jdbc.rounds().size()); round++) {
            ratios.append(round == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.3f",
                    repository.rounds().get(round) / jdbc.rounds().get(round)));
        }
        return ratios.toString();
    }

    /** A benchmark's mean and error over every measured iteration of every fork, and each fork's own mean. */
    private record Score(double mean, double error, long iterations, List<Double> rounds) {

        static Score of(List<RunResult> forks) {
            ListStatistics all = new ListStatistics();
            for (RunResult fork : forks) {
                for (BenchmarkResult benchmark : fork.getBenchmarkResults()) {
                    for (IterationResult iteration : benchmark.getIterationResults()) {
                        all.addValue(iteration.getPrimaryResult().getScore());
                    }
                }
            }
            List<Double> rounds = forks.stream().map(fork -> fork.getPrimaryResult().getScore()).toList();
            return new Score(all.getMean(), all.getMeanErrorAt(0.999), all.getN(), rounds);
        }
    }
}
