package dev.attune.repositories.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.TooManyRowsException;
import org.postgresql.PGConnection;

/**
 * The reads of one repository whose statement never changes but for its arguments — find by id or by a unique column,
 * the list, a page — without jOOQ's work per call, as jOOQ's manual suggests for hot paths: jOOQ renders each such
 * statement once (with the repository's own configuration), and each call prepares it on a connection of that
 * configuration (the caller's transaction, if any), binds its arguments, and reads the rows with a {@link RowReader}.
 * The arguments are checked as {@link InputChecks} checks them, errors translated as {@link ErrorTranslation}
 * translates them. A repository call costs about what the same statement written by hand in JDBC costs
 * (docs/performance.md).
 *
 * <p>Taken only where nobody could tell the difference; otherwise every call goes through jOOQ as before. It is not
 * taken when the caller's configuration has listeners (execute, record, visit or diagnostics listeners: a caller's
 * tracing sees every statement, a visit listener may render differently per call), jOOQ's execute logging, a
 * statement type other than prepared statements, a query timeout, a row limit or a fetch size, a dialect other than
 * PostgreSQL; for a table a column of which has a binding of its own; for a statement whose arguments jOOQ does not
 * bind as given; nor on a connection that is not pgjdbc's or whose session time zone Java does not know.
 *
 * @param <R> the table's record type
 * @param <P> the row class
 */
public final class DirectReads<R extends Record, P> {

    /** Marks a statement whose rendering did not bind exactly the arguments given: read by jOOQ. */
    private static final String BY_JOOQ = "";
    /** Session time zones seen, as Java zones; empty for a zone Java does not know. */
    private static final Map<String, Optional<ZoneId>> ZONES = new ConcurrentHashMap<>();

    private final DSLContext dsl;
    private final String entity;
    private final RecordMapper<R, P> mapper;
    /** Null when reads go through jOOQ. */
    private final RowReader<P> reader;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    private DirectReads(DSLContext dsl, String entity, RecordMapper<R, P> mapper, RowReader<P> reader) {
        this.dsl = dsl;
        this.entity = entity;
        this.mapper = mapper;
        this.reader = reader;
    }

    /**
     * The reads of one repository.
     *
     * @param <R>       the table's record type
     * @param <P>       the row class
     * @param caller    the context the repository was constructed with: whether reads may bypass jOOQ depends on it
     * @param dsl       the repository's context (the caller's plus the repository's listeners)
     * @param table     the repository's table
     * @param type      the row class
     * @param entity    the entity errors name
     * @return the reads
     */
    public static <R extends Record, P> DirectReads<R, P> of(DSLContext caller, DSLContext dsl, Table<R> table,
            Class<P> type, String entity) {
        Optional<RowReader<P>> reader = RowReader.of(table, type);
        RecordMapper<R, P> mapper = reader.<RecordMapper<R, P>>map(rows -> rows::map)
                .orElse(record -> record.into(type));
        boolean direct = reader.isPresent() && allowsDirectReads(caller.configuration());
        return new DirectReads<>(dsl, entity, mapper, direct ? reader.get() : null);
    }

    /**
     * Whether statements of {@code configuration} may run without jOOQ's execution: nothing is configured that would
     * see or change a statement per call.
     *
     * @param configuration the caller's configuration
     * @return whether they may
     */
    static boolean allowsDirectReads(Configuration configuration) {
        Settings settings = configuration.settings();
        return configuration.dialect().family() == SQLDialect.POSTGRES
                && configuration.executeListenerProviders().length == 0
                && configuration.recordListenerProviders().length == 0
                && configuration.visitListenerProviders().length == 0
                && configuration.diagnosticsListenerProviders().length == 0
                && Boolean.FALSE.equals(settings.isExecuteLogging())
                && (settings.getStatementType() == null
                        || settings.getStatementType() == StatementType.PREPARED_STATEMENT)
                && zeroOrUnset(settings.getQueryTimeout())
                && zeroOrUnset(settings.getMaxRows())
                && zeroOrUnset(settings.getFetchSize());
    }

    /**
     * Maps a record of the table (as {@code selectFrom(table)}, {@code returning()} give it) to the row class.
     *
     * @return the mapper
     */
    public RecordMapper<R, P> mapper() {
        return mapper;
    }

    /**
     * Whether the statement named {@code statement} has been read without jOOQ's execution.
     *
     * @param statement the statement's name, as given to {@link #one} or {@link #list}
     * @return whether it was rendered for direct reads
     */
    public boolean isDirect(String statement) {
        String sql = statements.get(statement);
        return sql != null && !sql.equals(BY_JOOQ);
    }

    /**
     * The one row a statement returns.
     *
     * @param statement the statement's name, the same for every call that builds the same statement
     * @param query     builds the statement with {@code arguments} as its only bind values, in the order jOOQ binds
     *                  them (else the statement is read by jOOQ)
     * @param arguments the bind values ({@code Long}, {@code Integer} or {@code String})
     * @return the row; empty when there is none
     * @throws dev.attune.repositories.RepositoryException when the statement fails or returns more than one row
     */
    public Optional<P> one(String statement, Supplier<? extends ResultQuery<R>> query, Object... arguments) {
        String sql = sql(statement, query, arguments);
        if (sql != null) {
            List<P> rows = read(sql, arguments, true);
            if (rows != null) {
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            }
        }
        return query.get().fetchOptional(mapper);
    }

    /**
     * The rows a statement returns.
     *
     * @param statement the statement's name, the same for every call that builds the same statement
     * @param query     builds the statement with {@code arguments} as its only bind values, in the order jOOQ binds
     *                  them (else the statement is read by jOOQ)
     * @param arguments the bind values ({@code Long}, {@code Integer} or {@code String})
     * @return the rows
     * @throws dev.attune.repositories.RepositoryException when the statement fails
     */
    public List<P> list(String statement, Supplier<? extends ResultQuery<R>> query, Object... arguments) {
        String sql = sql(statement, query, arguments);
        if (sql != null) {
            List<P> rows = read(sql, arguments, false);
            if (rows != null) {
                return rows;
            }
        }
        return query.get().fetch(mapper);
    }

    /** The statement's SQL for direct reads, rendered on first use; null when it is read by jOOQ. */
    private String sql(String statement, Supplier<? extends ResultQuery<R>> query, Object[] arguments) {
        if (reader == null) {
            return null;
        }
        for (Object argument : arguments) {
            InputChecks.checkArgument(entity, argument);
        }
        String sql = statements.get(statement);
        if (sql == null) {
            if (ambiguous(arguments)) {
                return null; // which argument goes where cannot be told from equal values: read by jOOQ this time
            }
            sql = statements.computeIfAbsent(statement, name -> render(query.get(), arguments));
        }
        return sql.equals(BY_JOOQ) ? null : sql;
    }

    /** Whether two arguments have the same value, so that the order jOOQ binds them in cannot be seen. */
    private static boolean ambiguous(Object[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            for (int j = i + 1; j < arguments.length; j++) {
                if (sameValue(arguments[i], arguments[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The SQL of {@code query}, or {@link #BY_JOOQ} unless it binds exactly {@code arguments}, in order. */
    private String render(ResultQuery<R> query, Object[] arguments) {
        for (Object argument : arguments) {
            if (!(argument instanceof Long || argument instanceof Integer || argument instanceof String)) {
                return BY_JOOQ;
            }
        }
        String sql = dsl.render(query);
        List<Object> bound = dsl.extractBindValues(query);
        boolean bindsArguments = bound.size() == arguments.length
                && sql.chars().filter(c -> c == '?').count() == arguments.length;
        for (int i = 0; bindsArguments && i < arguments.length; i++) {
            bindsArguments = sameValue(bound.get(i), arguments[i]);
        }
        return bindsArguments ? sql : BY_JOOQ;
    }

    /** Equal, or the same whole number (jOOQ binds a page's {@code long} offset as an {@code Integer}). */
    private static boolean sameValue(Object bound, Object argument) {
        if (bound instanceof Integer || bound instanceof Long) {
            return (argument instanceof Integer || argument instanceof Long)
                    && ((Number) bound).longValue() == ((Number) argument).longValue();
        }
        return Objects.equals(bound, argument);
    }

    /** The rows of {@code sql}; null when the connection's session does not allow a direct read. */
    private List<P> read(String sql, Object[] arguments, boolean single) {
        ConnectionProvider connections = dsl.configuration().connectionProvider();
        Connection connection;
        try {
            connection = connections.acquire();
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(entity, e);
        }
        try {
            ZoneId zone = sessionZone(connection);
            if (zone == null) {
                return null;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, arguments);
                try (ResultSet rows = statement.executeQuery()) {
                    List<P> read = new ArrayList<>();
                    while (rows.next()) {
                        if (single && !read.isEmpty()) {
                            throw new TooManyRowsException("Cursor returned more than one result");
                        }
                        read.add(reader.read(rows, zone));
                    }
                    return read;
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(entity, new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(entity, e);
        } finally {
            connections.release(connection);
        }
    }

    private static void bind(PreparedStatement statement, Object[] arguments) throws SQLException {
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof Long value) {
                statement.setLong(i + 1, value);
            } else if (argument instanceof Integer value) {
                statement.setInt(i + 1, value);
            } else {
                statement.setString(i + 1, (String) argument);
            }
        }
    }

    /** The session's {@code TimeZone} as pgjdbc last heard it from the server; null when it cannot be told. */
    private static ZoneId sessionZone(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return null;
        }
        String zone = connection.unwrap(PGConnection.class).getParameterStatus("TimeZone");
        return zone == null ? null : ZONES.computeIfAbsent(zone, DirectReads::javaZone).orElse(null);
    }

    private static Optional<ZoneId> javaZone(String zone) {
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (DateTimeException e) {
            return Optional.empty(); // e.g. a POSIX zone such as '<+03>-03': jOOQ reads what the server prints
        }
    }

    private static boolean zeroOrUnset(Integer value) {
        return value == null || value == 0;
    }
}
