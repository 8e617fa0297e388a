package dev.attune.repositories.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.exception.TooManyRowsException;

/**
 * The reads of one repository whose statement never changes but for its arguments — find by id or by a unique column,
 * the list, a page — without jOOQ's work per call: jOOQ renders each such statement once (with the repository's own
 * configuration), and each call runs it with {@link DirectJdbc} and makes the rows with a {@link RowReader}. The
 * arguments are checked as {@link InputChecks} checks them. A repository call costs about what the same statement
 * written by hand in JDBC costs (docs/performance.md).
 *
 * <p>Taken only where nobody could tell the difference ({@link DirectJdbc#allows}); otherwise, and for a table a
 * column of which has a binding of its own, for a statement whose arguments jOOQ does not bind as given, and on a
 * connection that is not pgjdbc's or whose session time zone Java does not know, jOOQ runs the statement as before.
 *
 * @param <R> the table's record type
 * @param <P> the row class
 */
public final class DirectReads<R extends Record, P> {

    private final DSLContext dsl;
    private final Table<R> table;
    private final String entity;
    private final RecordMapper<R, P> mapper;
    /** Null when reads go through jOOQ. */
    private final RowReader<P> reader;
    private final Map<TableKey, String> statements;

    private DirectReads(DSLContext dsl, Table<R> table, String entity, RecordMapper<R, P> mapper,
            RowReader<P> reader) {
        this.dsl = dsl;
        this.table = table;
        this.statements = DirectJdbc.statements(dsl.configuration());
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
        boolean direct = reader.isPresent() && DirectJdbc.allows(caller.configuration());
        return new DirectReads<>(dsl, table, entity, mapper, direct ? reader.get() : null);
    }

    DSLContext dsl() {
        return dsl;
    }

    Table<R> table() {
        return table;
    }

    /** Null when statements go through jOOQ. */
    RowReader<P> reader() {
        return reader;
    }

    Map<TableKey, String> statements() {
        return statements;
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
        String sql = statements.get(new TableKey(table, statement));
        return sql != null && !sql.equals(DirectJdbc.BY_JOOQ);
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
        TableKey key = new TableKey(table, statement);
        String sql = statements.get(key);
        if (sql == null) {
            if (ambiguous(arguments)) {
                return null; // which argument goes where cannot be told from equal values: read by jOOQ this time
            }
            sql = statements.computeIfAbsent(key, name -> render(query.get(), arguments));
        }
        return sql.equals(DirectJdbc.BY_JOOQ) ? null : sql;
    }

    /** Whether two arguments have the same value, so that the order jOOQ binds them in cannot be seen. */
    private static boolean ambiguous(Object[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            for (int j = i + 1; j < arguments.length; j++) {
                if (DirectJdbc.sameValue(arguments[i], arguments[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The SQL of {@code query}, or {@link DirectJdbc#BY_JOOQ} unless it binds exactly {@code arguments}, in order. */
    private String render(ResultQuery<R> query, Object[] arguments) {
        for (Object argument : arguments) {
            if (!(argument instanceof Long || argument instanceof Integer || argument instanceof String)) {
                return DirectJdbc.BY_JOOQ;
            }
        }
        return DirectJdbc.renderIfBinding(dsl, query, arguments.length,
                (i, bound) -> DirectJdbc.sameValue(bound, arguments[i]));
    }

    /** The rows of {@code sql}; null when the connection's session does not allow a direct read. */
    private List<P> read(String sql, Object[] arguments, boolean single) {
        return DirectJdbc.query(dsl, entity, sql, statement -> bind(statement, arguments), (rows, zone) -> {
            List<P> read = new ArrayList<>();
            while (rows.next()) {
                if (single && !read.isEmpty()) {
                    throw new TooManyRowsException("Cursor returned more than one result");
                }
                read.add(reader.read(rows, zone));
            }
            return read;
        });
    }

    private static void bind(PreparedStatement statement, Object[] arguments) throws SQLException {
        for (int i = 0; i < arguments.length; i++) {
            DirectJdbc.bind(statement, i + 1, arguments[i]);
        }
    }
}
