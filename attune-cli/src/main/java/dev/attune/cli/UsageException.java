package dev.attune.cli;

/**
 * The command line or the configuration is invalid. Reported as one line and exit code {@link ExitCodes#USAGE}.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
