package dev.attune.repositories.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Converter;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Makes the generated row class of one table (a Java record whose components are the table's columns, in order) from
 * a row, without jOOQ's reflective mapper: from a JDBC {@link ResultSet} whose columns are the table's (the direct
 * reads of {@link DirectReads}), or from a jOOQ {@link Record} of the table (every other read). Each column is read as
 * its database type and passed through the column's own converter, so both give what jOOQ itself would give.
 *
 * @param <P> the row class
 */
public final class RowReader<P> {

    /** Readers made, per table and row class: a repository made per transaction does no reflection again. */
    private static final Map<TableKey, Optional<RowReader<?>>> READERS = new ConcurrentHashMap<>();

    private final String table;
    private final ColumnReader[] columns;
    /** Null for a column without a converter. */
    private final Converter<Object, Object>[] converters;
    /** The canonical constructor, as {@code (Object[])Object}. */
    private final MethodHandle constructor;

    private RowReader(String table, ColumnReader[] columns, Converter<Object, Object>[] converters,
            MethodHandle constructor) {
        this.table = table;
        this.columns = columns;
        this.converters = converters;
        this.constructor = constructor;
    }

    /**
     * The reader of {@code table}'s rows into {@code type}.
     *
     * @param <P>   the row class
     * @param table a generated table
     * @param type  a record class whose components have the types of {@code table}'s columns, in order
     * @return the reader; empty when {@code type} does not match the table or a column needs a binding of its own
     *         (those tables are read by jOOQ alone)
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // the reader cached for this type reads this type
    public static <P> Optional<RowReader<P>> of(Table<?> table, Class<P> type) {
        return (Optional) READERS.computeIfAbsent(new TableKey(table, type), key -> build(table, type));
    }

    /**
     * {@link #of} without the cache: makes the reader anew (the tests see the making itself, which the cache would
     * otherwise hide after a JVM's first call).
     *
     * @param table a generated table
     * @param type  a record class
     * @return the reader, as {@link #of} describes
     */
    @SuppressWarnings("unchecked") // a column's converter takes its database type, which its reader returns
    static Optional<RowReader<?>> build(Table<?> table, Class<?> type) {
        Field<?>[] fields = table.fields();
        RecordComponent[] components = type.getRecordComponents();
        if (components == null || components.length != fields.length) {
            return Optional.empty();
        }
        ColumnReader[] columns = new ColumnReader[fields.length];
        Converter<Object, Object>[] converters = (Converter<Object, Object>[]) new Converter<?, ?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Converter<?, ?> converter = fields[i].getConverter();
            Optional<ColumnReader> column = ColumnReader.forType(fields[i].getBinding(), converter.fromType());
            if (column.isEmpty() || !components[i].getType().isAssignableFrom(converter.toType())) {
                return Optional.empty();
            }
            columns[i] = column.get();
            // No call per value for the columns without a converter of their own (most of them).
            converters[i] = converter.fromType() == converter.toType() ? null : (Converter<Object, Object>) converter;
        }
        Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            MethodHandle constructor = MethodHandles.publicLookup()
                    .findConstructor(type, MethodType.methodType(void.class, parameters))
                    .asSpreader(Object[].class, parameters.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return Optional.of(new RowReader<>(table.getName(), columns, converters, constructor));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /**
     * The current row of {@code rows}, whose columns are the table's, in its order.
     *
     * @param rows        a result set positioned on a row
     * @param sessionZone the session's {@code TimeZone}: timestamps carry its offset, as PostgreSQL prints them
     * @return the row
     * @throws SQLException when the driver cannot read a column
     */
    public P read(ResultSet rows, ZoneId sessionZone) throws SQLException {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object value = columns[i].read(rows, i + 1, sessionZone);
            values[i] = converters[i] == null ? value : converters[i].from(value);
        }
        return construct(values);
    }

    /**
     * A record of the table as the row class.
     *
     * @param record a record with the table's fields, in its order (as {@code selectFrom(table)} returns)
     * @return the row
     */
    public P map(Record record) {
        if (record.size() != columns.length) {
            throw new IllegalArgumentException("a record of " + record.size() + " fields is not a row of " + table
                    + ", which has " + columns.length + " columns");
        }
        return construct(record.intoArray());
    }

    @SuppressWarnings("unchecked") // the constructor makes a P
    private P construct(Object[] values) {
        try {
            return (P) (Object) constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("constructing a row of " + table + " failed: " + e, e);
        }
    }
}
