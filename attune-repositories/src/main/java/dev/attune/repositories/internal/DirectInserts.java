package dev.attune.repositories.internal;

import dev.attune.repositories.internal.Inserts.ColumnValue;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.exception.NoDataFoundException;

/**
 * A repository's {@code create}, {@code INSERT ... RETURNING} of an input record, without jOOQ's work per call: jOOQ
 * renders the statement once per set of columns given, and each call checks the values as {@link InputChecks} checks
 * them, runs the statement with {@link DirectJdbc}, binding each value as its column's database type, and makes the
 * returned row with a {@link RowReader}. Taken under the conditions of {@link DirectReads}, and only for a statement
 * whose bind values jOOQ renders as the column values, in order; otherwise jOOQ runs the insert as before.
 *
 * @param <R> the table's record type
 * @param <P> the row class
 */
public final class DirectInserts<R extends Record, P> {

    /** Marks a set of columns whose insert jOOQ runs. */
    private static final String BY_JOOQ = "";

    private final DSLContext dsl;
    private final Table<R> table;
    private final DirectReads<R, P> reads;
    /** Null when inserts go through jOOQ. */
    private final RowReader<P> reader;
    private final Map<DirectJdbc.Statement, String> statements;

    private DirectInserts(DSLContext dsl, Table<R> table, DirectReads<R, P> reads, RowReader<P> reader) {
        this.dsl = dsl;
        this.table = table;
        this.statements = DirectJdbc.statements(dsl.configuration());
        this.reads = reads;
        this.reader = reader;
    }

    /**
     * The inserts of one repository.
     *
     * @param <R>    the table's record type
     * @param <P>    the row class
     * @param caller the context the repository was constructed with: whether inserts may bypass jOOQ depends on it
     * @param dsl    the repository's context (the caller's plus the repository's listeners)
     * @param table  the repository's table
     * @param reads  the repository's reads, whose mapper makes the rows jOOQ returns
     * @param type   the row class
     * @return the inserts
     */
    public static <R extends Record, P> DirectInserts<R, P> of(DSLContext caller, DSLContext dsl, Table<R> table,
            DirectReads<R, P> reads, Class<P> type) {
        Optional<RowReader<P>> reader = RowReader.of(table, type);
        boolean direct = reader.isPresent() && DirectJdbc.allows(caller.configuration());
        return new DirectInserts<>(dsl, table, reads, direct ? reader.get() : null);
    }

    /**
     * Inserts a row holding {@code source}'s non-null values ({@link Inserts#valuesOf}) and returns it as stored.
     *
     * @param source an input record whose components are named after the columns
     * @return the row as stored
     * @throws dev.attune.repositories.RepositoryException when a value is refused or the insert fails
     */
    public P create(Object source) {
        if (reader != null) {
            List<ColumnValue> values = Inserts.columnValues(table, source);
            for (ColumnValue value : values) {
                InputChecks.checkColumnValue(table, value.column(), value.value());
            }
            String sql = statements.computeIfAbsent(statement(values), columns -> render(values, source));
            if (!sql.equals(BY_JOOQ)) {
                Optional<P> row = DirectJdbc.query(dsl, table.getName(), sql, statement -> bind(statement, values),
                        (rows, zone) -> rows.next() ? Optional.of(reader.read(rows, zone)) : Optional.empty());
                if (row != null) {
                    // No row: a trigger skipped the insert (jOOQ's fetchSingle says the same).
                    return row.orElseThrow(() -> DatabaseErrors.translate(table.getName(),
                            new NoDataFoundException("Cursor returned no rows")));
                }
                // Null: the session's time zone could not be told, nothing ran; jOOQ inserts the row.
            }
        }
        return insert(source).fetchSingle(reads.mapper());
    }

    /**
     * Whether the insert of {@code source}'s set of columns has been run without jOOQ's execution.
     *
     * @param source an input record
     * @return whether its statement was rendered for direct inserts
     */
    public boolean isDirect(Object source) {
        String sql = statements.get(statement(Inserts.columnValues(table, source)));
        return reader != null && sql != null && !sql.equals(BY_JOOQ);
    }

    /** The insert of these columns, by name. */
    private DirectJdbc.Statement statement(List<ColumnValue> values) {
        return new DirectJdbc.Statement(table, values.stream().map(value -> value.column().getName())
                .collect(Collectors.joining(",", "insert ", "")));
    }

    private ResultQuery<R> insert(Object source) {
        return dsl.insertInto(table).set(Inserts.valuesOf(dsl, table, source)).returning();
    }

    /** The SQL of the insert, or {@link #BY_JOOQ} unless it binds exactly {@code values}, in order, all bindable. */
    private String render(List<ColumnValue> values, Object source) {
        ResultQuery<R> insert = insert(source);
        String sql = dsl.render(insert);
        List<Object> bound = dsl.extractBindValues(insert);
        boolean direct = bound.size() == values.size()
                && sql.chars().filter(c -> c == '?').count() == values.size();
        for (int i = 0; direct && i < values.size(); i++) {
            ColumnValue value = values.get(i);
            direct = bindable(value.column())
                    && (DirectJdbc.sameValue(bound.get(i), value.value())
                            || DirectJdbc.sameValue(bound.get(i), databaseValue(value)));
        }
        return direct ? sql : BY_JOOQ;
    }

    private static boolean bindable(Field<?> column) {
        Class<?> type = column.getConverter().fromType();
        return ColumnReader.isJooqBinding(column.getBinding())
                && (type == Long.class || type == Integer.class || type == Boolean.class || type == String.class
                        || type == BigDecimal.class || type == JSONB.class || type == String[].class
                        || type == OffsetDateTime.class || EnumType.class.isAssignableFrom(type));
    }

    @SuppressWarnings("unchecked") // a column's converter takes the column's user type, which the value has
    private static Object databaseValue(ColumnValue value) {
        return ((Converter<Object, Object>) value.column().getConverter()).to(value.value());
    }

    /**
     * Binds each value as its column's database type; JSON and enum labels as untyped text, which the server reads as
     * the column's (or the rendered cast's) type.
     */
    private static void bind(PreparedStatement statement, List<ColumnValue> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            int index = i + 1;
            Object value = databaseValue(values.get(i));
            if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(index, flag);
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value instanceof BigDecimal number) {
                statement.setBigDecimal(index, number);
            } else if (value instanceof JSONB json) {
                statement.setObject(index, json.data(), Types.OTHER);
            } else if (value instanceof String[] texts) {
                statement.setArray(index, statement.getConnection().createArrayOf("text", texts));
            } else if (value instanceof OffsetDateTime time) {
                statement.setObject(index, time);
            } else if (value instanceof EnumType label) {
                statement.setObject(index, label.getLiteral(), Types.OTHER);
            } else {
                throw new IllegalStateException("no direct binding for " + value.getClass().getName());
            }
        }
    }
}
