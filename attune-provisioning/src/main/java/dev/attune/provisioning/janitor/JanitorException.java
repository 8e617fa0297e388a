package dev.attune.provisioning.janitor;

import dev.attune.db.AttuneDbException;

/** The janitor could not survey or clean test schemas. */
public class JanitorException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    /**
     * A survey or a drop failed.
     *
     * @param message what the janitor was doing
     * @param cause   the underlying JDBC failure
     */
    public JanitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
