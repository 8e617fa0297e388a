package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.ARTIFACT;
import static dev.attune.repositories.schema.Tables.ENFORCEMENT;
import static dev.attune.repositories.schema.Tables.EVENT;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.IDENTITY;
import static dev.attune.repositories.schema.Tables.INQUIRY;
import static dev.attune.repositories.schema.Tables.KEY;
import static dev.attune.repositories.schema.Tables.NOTIFICATION;
import static dev.attune.repositories.schema.Tables.PACK;
import static dev.attune.repositories.schema.Tables.PACK_INSTALLATION;
import static dev.attune.repositories.schema.Tables.PACK_TEST_EXECUTION;
import static dev.attune.repositories.schema.Tables.PERMISSION_ASSIGNMENT;
import static dev.attune.repositories.schema.Tables.PERMISSION_SET;
import static dev.attune.repositories.schema.Tables.POLICY;
import static dev.attune.repositories.schema.Tables.QUEUE_STATS;
import static dev.attune.repositories.schema.Tables.RULE;
import static dev.attune.repositories.schema.Tables.RUNTIME;
import static dev.attune.repositories.schema.Tables.SENSOR;
import static dev.attune.repositories.schema.Tables.TRIGGER;
import static dev.attune.repositories.schema.Tables.WEBHOOK_EVENT_LOG;
import static dev.attune.repositories.schema.Tables.WORKER;
import static dev.attune.repositories.schema.Tables.WORKFLOW_DEFINITION;
import static dev.attune.repositories.schema.Tables.WORKFLOW_EXECUTION;

import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.ValidationException;
import java.util.Locale;
import java.util.Set;
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
    /** The message of the schema's functions for a missing row, e.g. {@code Trigger with id 7 does not exist}. */
    private static final Pattern MISSING_ENTITY = Pattern.compile("([A-Za-z][A-Za-z_ ]*) with id (\\d+) does not exist");
    /** {@code ServerErrorMessage.getWhere()} of an error raised in a function: {@code PL/pgSQL function name(args) ...}. */
    private static final Pattern FUNCTION_CONTEXT = Pattern.compile("PL/pgSQL function ([^\\s(]+)");
    /** Longest server detail quoted in a validation rule; a failing row can be arbitrarily long. */
    private static final int MAX_DETAIL_LENGTH = 200;
    /** Tables a function's "does not exist" message may name; only these become {@link NotFoundException}. */
    private static final Set<String> KNOWN_ENTITIES = Set.of(ACTION.getName(), ARTIFACT.getName(),
            ENFORCEMENT.getName(), EVENT.getName(), EXECUTION.getName(), IDENTITY.getName(), INQUIRY.getName(),
            KEY.getName(), NOTIFICATION.getName(), PACK.getName(), PACK_INSTALLATION.getName(),
            PACK_TEST_EXECUTION.getName(), PERMISSION_ASSIGNMENT.getName(), PERMISSION_SET.getName(),
            POLICY.getName(), QUEUE_STATS.getName(), RULE.getName(), RUNTIME.getName(), SENSOR.getName(),
            TRIGGER.getName(), WEBHOOK_EVENT_LOG.getName(), WORKER.getName(), WORKFLOW_DEFINITION.getName(),
            WORKFLOW_EXECUTION.getName());

    private DatabaseErrors() {
    }

    /**
     * Runs {@code action}, translating database errors about {@code entity}.
     *
     * @param <T> the result type
     * @param entity the entity errors name when the database does not say
     * @param action the database work
     * @return the work's result
     */
    public static <T> T translate(String entity, Supplier<T> action) {
        try {
            return action.get();
        } catch (DataAccessException e) {
            throw translate(entity, e);
        }
    }

    /**
     * Runs {@code action}, translating database errors about {@code entity}.
     *
     * @param entity the entity errors name when the database does not say
     * @param action the database work
     */
    public static void translate(String entity, Runnable action) {
        try {
            action.run();
        } catch (DataAccessException e) {
            throw translate(entity, e);
        }
    }

    /**
     * The repository exception for any failure of a statement: a {@link DataAccessException} is translated by its
     * SQL state; anything else (a conversion while reading, a driver error without SQL state) becomes a plain
     * {@link RepositoryException} naming the failure; a {@link RepositoryException} is returned as it is.
     *
     * @param entity the entity errors name when the database does not say
     * @param e      the error
     * @return the error as this library's exception
     */
    public static RepositoryException translate(String entity, RuntimeException e) {
        if (e instanceof RepositoryException repository) {
            return repository;
        }
        if (e instanceof DataAccessException access && access.getCause(PSQLException.class) != null) {
            return translate(entity, access);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = entity + ": " + e.getMessage();
        if (root != e) {
            message += ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        return new RepositoryException(entity, message, e);
    }

    /**
     * The repository exception for {@code e}; unknown errors become a plain {@link RepositoryException}.
     *
     * @param entity the entity errors name when the database does not say
     * @param e      the error
     * @return the error as this library's exception
     */
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
            case "23514": { // check_violation (CHECK constraints and validation triggers)
                // The server's detail ("Failing row contains (...)") is the only place that names the refused value.
                String rule = constraint != null ? "violates check constraint " + constraint : message;
                if (detail != null && !detail.isBlank()) {
                    rule += " (" + abbreviate(detail) + ")";
                }
                return new ValidationException(entity, constraint != null ? constraint : columnOr(server, "check"), null,
                        rule, e);
            }
            case "23502": // not_null_violation
                return new ValidationException(entity, columnOr(server, "?"), null, "must not be null", e);
            case "22P02": // invalid_text_representation (bad enum label, inet, number...)
            case "22007": // invalid_datetime_format
            case "22003": // numeric_value_out_of_range
            case "22001": // string_data_right_truncation
            case "22023": // invalid_parameter_value (e.g. a NOTIFY payload over 8000 bytes)
            case "22008": // datetime_field_overflow ("timestamp out of range")
            case "22021": // character_not_in_repertoire (NUL in text)
            case "22P05": // untranslatable_character (\u0000 in jsonb)
            case "54000": // program_limit_exceeded (e.g. a value too large for an index row)
            case "54001": // statement_too_complex (e.g. JSON nested beyond the server's stack)
                return new ValidationException(entity, columnOr(server, "value"), null, message, e);
            case "P0001": { // raise_exception from a function
                Matcher missing = MISSING_ENTITY.matcher(message);
                if (missing.matches()) {
                    String named = missing.group(1).trim().replace(' ', '_').toLowerCase(Locale.ROOT);
                    if (KNOWN_ENTITIES.contains(named)) {
                        return new NotFoundException(named, "id", Long.parseLong(missing.group(2)), e);
                    }
                }
                return new ValidationException(entity, functionOr(server, "function"), null, message, e);
            }
            default:
                return new RepositoryException(entity, entity + ": database error " + state + ": " + message, e);
        }
    }

    /** The name of the PL/pgSQL function that raised the error (without a schema), or {@code fallback}. */
    private static String functionOr(ServerErrorMessage server, String fallback) {
        String where = server == null ? null : server.getWhere();
        Matcher function = where == null ? null : FUNCTION_CONTEXT.matcher(where);
        if (function == null || !function.find()) {
            return fallback;
        }
        String name = function.group(1);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "…";
    }

    private static String columnOr(ServerErrorMessage server, String fallback) {
        return server != null && server.getColumn() != null ? server.getColumn() : fallback;
    }
}
