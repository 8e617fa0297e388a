package dev.attune.migrations;

import dev.attune.db.AttuneDbException;
import java.util.List;

/** Migrating, inspecting or validating a schema failed. */
public class MigrationException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    /** Each problem found by a validation, one line each; empty for other failures. */
    private final List<String> problems;

    /**
     * A failure described by {@code message}, caused by {@code cause}.
     *
     * @param message what failed
     * @param cause   the underlying failure, or null
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    private MigrationException(String message, List<String> problems) {
        super(message + ":" + String.join("", problems.stream().map(p -> System.lineSeparator() + "  " + p).toList()));
        this.problems = List.copyOf(problems);
    }

    /**
     * A validation that found {@code problems}; the message is {@code message} followed by one indented line each.
     *
     * @param message  the summary
     * @param problems each problem, one line each
     * @return the exception
     */
    public static MigrationException validationFailed(String message, List<String> problems) {
        return new MigrationException(message, problems);
    }

    /** {@return each problem a validation found, one line each (without indentation); empty for other failures} */
    public List<String> problems() {
        return problems;
    }
}
