package dev.attune.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of {@link AttuneCli} with its own environment, and what it produced.
 *
 * @param exitCode the exit code {@code main} would exit with
 * @param out      everything written to standard output
 * @param err      everything written to standard error by the CLI itself (logging goes through Logback, not here)
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            int exitCode = new AttuneCli(environment, outWriter, errWriter).run(args);
            return new CliRun(exitCode, out.toString(), err.toString());
        }
    }

    /** The non-empty lines written to standard error. */
    List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }
}
