package dev.attune.cli;

/**
 * A command ran but its operation did not succeed (for example validation found problems, which have already been
 * printed). Reported as one line and exit code {@link ExitCodes#FAILED}.
 */
final class OperationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
