package dev.attune.db;

/** Migrating, inspecting or validating a schema failed. */
public class MigrationException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
