package dev.attune.cli;

/**
 * The exit codes of the {@code attune} command. Scripts and deployment pipelines branch on them, so they are API.
 */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;

    /** The operation failed: the database could not be reached, a migration failed, validation found problems. */
    public static final int FAILED = 1;

    /** The command line or the configuration is invalid; nothing was done and retrying unchanged will not help. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
