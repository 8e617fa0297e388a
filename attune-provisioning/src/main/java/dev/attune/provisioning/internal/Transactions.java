package dev.attune.provisioning.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Statements run as one transaction on a connection that is left in the auto-commit mode it was found in. */
public final class Transactions {

    /** Statements of one transaction. */
    @FunctionalInterface
    public interface Work {
        /**
         * Runs the transaction's statements.
         *
         * @param statement a statement of the transaction's connection
         * @throws SQLException when one fails (the transaction is then rolled back)
         */
        void run(Statement statement) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction on {@code connection}: committed when it returns, rolled back when it throws,
     * so that either all of it happened or nothing did.
     *
     * @param connection the connection
     * @param work       the statements
     * @throws SQLException after rolling back, when a statement, the commit or the rollback fails
     */
    public static void inOne(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            work.run(statement);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
