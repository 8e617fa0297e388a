package dev.attune.provisioning.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** The timed iterations of one benchmark scenario, in milliseconds. */
record Timings(String name, double[] millis, String note) {

    /** One iteration of a scenario. */
    @FunctionalInterface
    interface Step {
        void run(int iteration) throws Exception;
    }

    /** One iteration whose untimed parts are bracketed with {@link Clock#pause()} and {@link Clock#resume()}. */
    @FunctionalInterface
    interface PartStep {
        void run(Clock clock) throws Exception;
    }

    /** Excludes parts of an iteration from its time. */
    static final class Clock {
        private long excluded;
        private long pausedAt;

        void pause() {
            pausedAt = System.nanoTime();
        }

        void resume() {
            excluded += System.nanoTime() - pausedAt;
        }
    }

    static Timings measure(String name, int iterations, int warmup, Step step) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run(iterations + i); // warm-up iterations get their own names
        }
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            step.run(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "%s: %d iterations done%n", name, iterations);
        return new Timings(name, millis, "");
    }

    static Timings measureParts(String name, int iterations, int warmup, PartStep step) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run(new Clock());
        }
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            Clock clock = new Clock();
            long start = System.nanoTime();
            step.run(clock);
            millis[i] = (System.nanoTime() - start - clock.excluded) / 1e6;
        }
        System.out.printf(Locale.ROOT, "%s: %d iterations done%n", name, iterations);
        return new Timings(name, millis, "");
    }

    Timings withNote(String text) {
        return new Timings(name, millis, text);
    }

    double p50() {
        return percentile(0.50);
    }

    double p95() {
        return percentile(0.95);
    }

    private double percentile(double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        // nearest rank
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
