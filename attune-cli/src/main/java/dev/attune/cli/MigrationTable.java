package dev.attune.cli;

import dev.attune.migrations.MigrationStatus;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats migration states as an aligned text table: version, description, state, installed on (empty while pending).
 */
final class MigrationTable {

    private static final List<String> HEADER = List.of("Version", "Description", "State", "Installed on");

    private final DateTimeFormatter installedOn;

    /** @param zone the time zone installation times are shown in */
    MigrationTable(ZoneId zone) {
        this.installedOn = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    void print(List<MigrationStatus> migrations, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        migrations.forEach(migration -> rows.add(row(migration)));
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        print(rows.get(0), widths, out);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        print(rule, widths, out);
        rows.subList(1, rows.size()).forEach(row -> print(row, widths, out));
        if (migrations.isEmpty()) {
            out.println("(no migrations)");
        }
    }

    private List<String> row(MigrationStatus migration) {
        return List.of(migration.version(), migration.description(), migration.state(),
                migration.installedOn().map(installedOn::format).orElse(""));
    }

    private static void print(List<String> cells, int[] widths, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        out.println(line.toString().stripTrailing());
    }
}
