package dev.attune.provisioning.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's output: a Markdown table (ratios against the first row) and a text bar chart of the medians. */
final class Report {

    private static final int BAR_WIDTH = 50;

    private final List<Timings> rows = new ArrayList<>();

    void add(Timings timings) {
        rows.add(timings);
    }

    void print(PrintStream out) {
        double baseline = rows.get(0).p50();
        out.printf(Locale.ROOT, "%n| Scenario | n | p50 ms | p95 ms | p50 vs first row | note |%n|---|---|---|---|---|---|%n");
        for (Timings row : rows) {
            String ratio = row == rows.get(0) ? "baseline" : String.format(Locale.ROOT, "%.1fx faster", baseline / row.p50());
            out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", row.name(), row.millis().length,
                    format(row.p50()), format(row.p95()), ratio, row.note());
        }
        out.printf(Locale.ROOT, "%nMedians, logarithmic scale (each # is a factor of %.2f):%n%n```%n",
                Math.pow(maxMedian() / minMedian(), 1.0 / BAR_WIDTH));
        for (Timings row : rows) {
            out.printf(Locale.ROOT, "%-12s %s %s%n", format(row.p50()) + " ms", bar(row.p50()), shortName(row.name()));
        }
        out.printf(Locale.ROOT, "```%n");
    }

    private String bar(double median) {
        double span = Math.log(maxMedian() / minMedian());
        int length = span == 0 ? BAR_WIDTH : 1 + (int) Math.round((BAR_WIDTH - 1) * Math.log(median / minMedian()) / span);
        return "#".repeat(length) + " ".repeat(BAR_WIDTH - length);
    }

    private double maxMedian() {
        return rows.stream().mapToDouble(Timings::p50).max().orElse(1);
    }

    private double minMedian() {
        return Math.max(0.001, rows.stream().mapToDouble(Timings::p50).min().orElse(1));
    }

    private static String shortName(String name) {
        int cut = name.indexOf(" (");
        return cut < 0 ? name : name.substring(0, cut);
    }

    private static String format(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }
}
