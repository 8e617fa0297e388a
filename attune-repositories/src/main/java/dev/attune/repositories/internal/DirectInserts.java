package dev.attune.repositories.internal;

import dev.attune.repositories.internal.Inserts.ColumnValue;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
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

    private final DirectReads<R, P> reads;
    private final DSLContext dsl;
    private final Table<R> table;

    private DirectInserts(DirectReads<R, P> reads) {
        this.reads = reads;
        this.dsl = reads.dsl();
        this.table = reads.table();
    }

    /**
     * The inserts of one repository: its reads' table, context, row reader and rendered statements, taken directly
     * where its reads are.
     *
     * @param <R>   the table's record type
     * @param <P>   the row class
     * @param reads the repository's reads
     * @return the inserts
     */
    public static <R extends Record, P> DirectInserts<R, P> of(DirectReads<R, P> reads) {
        return new DirectInserts<>(reads);
    }

    /**
     * Inserts a row holding {@code source}'s non-null values ({@link Inserts#valuesOf}) and returns it as stored.
     *
     * @param source an input record whose components are named after the columns
     * @return the row as stored
     * @throws dev.attune.repositories.RepositoryException when a value is refused or the insert fails
     */
    public P create(Object source) {
        RowReader<P> reader = reads.reader();
        if (reader != null) {
            List<ColumnValue> values = Inserts.columnValues(table, source);
            for (ColumnValue value : values) {
                InputChecks.checkColumnValue(table, value.column(), value.value());
            }
            String sql = reads.statements().computeIfAbsent(statement(values), columns -> render(values, source));
            if (!sql.equals(DirectJdbc.BY_JOOQ)) {
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
        String sql = reads.statements().get(statement(Inserts.columnValues(table, source)));
        return reads.reader() != null && sql != null && !sql.equals(DirectJdbc.BY_JOOQ);
    }

    /** The insert of these columns, by name. */
    private TableKey statement(List<ColumnValue> values) {
        return new TableKey(table, values.stream().map(value -> value.column().getName())
                .collect(Collectors.joining(",", "insert ", "")));
    }

    private ResultQuery<R> insert(Object source) {
        return dsl.insertInto(table).set(Inserts.valuesOf(dsl, table, source)).returning();
    }

    /** The SQL of the insert, or {@link DirectJdbc#BY_JOOQ} unless it binds exactly {@code values}, in order. */
    private String render(List<ColumnValue> values, Object source) {
        for (ColumnValue value : values) {
            if (!bindable(value.column())) {
                return DirectJdbc.BY_JOOQ;
            }
        }
        return DirectJdbc.renderIfBinding(dsl, insert(source), values.size(),
                (i, bound) -> DirectJdbc.sameValue(bound, values.get(i).value())
                        || DirectJdbc.sameValue(bound, databaseValue(values.get(i))));
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

    private static void bind(PreparedStatement statement, List<ColumnValue> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            DirectJdbc.bind(statement, i + 1, databaseValue(values.get(i)));
        }
    }
}
