package dev.attune.repositories.internal;

import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.ValidationException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates PostgreSQL errors into the repository exception family, using the server's structured error fields
 * (SQL state, constraint, column, detail) rather than message text.
 */
public final class DatabaseErrors {

    private static final Pattern KEY_DETAIL = Pattern.compile("Key \\((.+?)\\)=\\((.*)\\) (.*)", Pattern.DOTALL);
    private static final Pattern TABLE_IN_DETAIL = Pattern.compile("table \"([^\"]+)\"");
    private static final Pattern MISSING_ENTITY = Pattern.compile("(\\w+) with id (\\d+) does not exist");

    private DatabaseErrors() {
    }

    /** Runs {@code action}, translating database errors about {@code entity}. */
    public static <T> T translate(String entity, Supplier<T> action) {
        try {
            return action.get();
        } catch (DataAccessException e) {
            throw translate(entity, e);
        }
    }

    /** Runs {@code action}, translating database errors about {@code entity}. */
    public static void translate(String entity, Runnable action) {
        try {
            action.run();
        } catch (DataAccessException e) {
            throw translate(entity, e);
        }
    }

    /** The repository exception for {@code e}; unknown errors become a plain {@link RepositoryException}. */
    public static RepositoryException translate(String entity, DataAccessException e) {
        PSQLException psql = e.getCause(PSQLException.class);
        ServerErrorMessage server = psql == null ? null : psql.getServerErrorMessage();
        String state = e.sqlState();
        String constraint = server == null ? null : server.getConstraint();
        String detail = server == null ? null : server.getDetail();
        String message = server == null || server.getMessage() == null ? e.getMessage() : server.getMessage();
        Matcher key = detail == null ? null : KEY_DETAIL.matcher(detail);
        boolean hasKey = key != null && key.matches();
        switch (state == null ? "" : state) {
            case "23505": // unique_violation
                return new AlreadyExistsException(entity, hasKey ? key.group(1) : String.valueOf(constraint),
                        hasKey ? key.group(2) : "?", e);
            case "23503": { // foreign_key_violation
                Matcher table = detail == null ? null : TABLE_IN_DETAIL.matcher(detail);
                String other = table != null && table.find() ? table.group(1) : "?";
                String field = hasKey ? key.group(1) : String.valueOf(constraint);
                String value = hasKey ? key.group(2) : "?";
                // On delete, the referenced row may be this entity's or one its delete cascades to (a pack's action):
                // the constraint name says which.
                String explanation = detail != null && detail.contains("still referenced")
                        ? "deleting " + entity + " is refused: a row with " + field + " = " + value + " (the " + entity
                                + " or a row deleted with it) is still referenced from " + other + " "
                        : entity + "." + field + " = " + value + " refers to a missing " + other + " ";
                return new ReferenceViolationException(entity, field, value, other,
                        explanation + "(constraint " + constraint + ")", e);
            }
            case "23514": // check_violation (CHECK constraints and validation triggers)
                return new ValidationException(entity, constraint != null ? constraint : columnOr(server, "check"), null,
                        constraint != null ? "violates check constraint " + constraint : message, e);
            case "23502": // not_null_violation
                return new ValidationException(entity, columnOr(server, "?"), null, "must not be null", e);
            case "22P02": // invalid_text_representation (bad enum label, inet, number...)
            case "22007": // invalid_datetime_format
            case "22003": // numeric_value_out_of_range
            case "22001": // string_data_right_truncation
            case "22023": // invalid_parameter_value (e.g. a NOTIFY payload over 8000 bytes)
                return new ValidationException(entity, columnOr(server, "value"), null, message, e);
            case "P0001": { // raise_exception from a function
                Matcher missing = MISSING_ENTITY.matcher(message);
                if (missing.find()) {
                    return new NotFoundException(missing.group(1).toLowerCase(java.util.Locale.ROOT), "id",
                            Long.parseLong(missing.group(2)));
                }
                return new ValidationException(entity, "function", null, message, e);
            }
            default:
                return new RepositoryException(entity, entity + ": database error " + state + ": " + message, e);
        }
    }

    private static String columnOr(ServerErrorMessage server, String fallback) {
        return server != null && server.getColumn() != null ? server.getColumn() : fallback;
    }
}
