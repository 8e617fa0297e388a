package dev.attune.repositories.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * INSERT helpers. The column defaults live in the schema only: an optional input left {@code null} is not bound, so
 * the database's default applies instead of a copy of it in Java.
 */
public final class Inserts {

    /** Per input record class and table: which accessor fills which column, worked out once. */
    private static final Map<Plan.Key, Plan> PLANS = new ConcurrentHashMap<>();

    private Inserts() {
    }

    /**
     * A new record of {@code table} holding {@code source}'s values: each component fills the column of the same name
     * ({@code packRef} fills {@code pack_ref}), converted to the column's type as jOOQ converts ({@code List} to an
     * array, ...). Only the non-null values are set, so an INSERT of the record binds them alone and the column
     * defaults apply to the rest. The components are read through their public accessors, so the input's package
     * needs no {@code opens}.
     *
     * @param <R>    the table's record type
     * @param dsl    the context the record is attached to
     * @param table  the table
     * @param source an input record such as {@code NewAction}, whose components are named after the columns
     * @return the record to insert
     * @throws IllegalArgumentException when {@code source} is not a record, or one of its components names no column
     */
    public static <R extends Record> R valuesOf(DSLContext dsl, Table<R> table, Object source) {
        R row = dsl.newRecord(table);
        for (ColumnValue value : columnValues(table, source)) {
            row.set(value.column(), value.value());
        }
        return row;
    }

    /**
     * {@code source}'s non-null values, converted as {@link #valuesOf} converts them, in the table's column order (the
     * order of an INSERT of that record).
     *
     * @param table  the table
     * @param source an input record such as {@code NewAction}, whose components are named after the columns
     * @return the values to insert
     * @throws IllegalArgumentException when {@code source} is not a record, or one of its components names no column
     */
    static List<ColumnValue> columnValues(Table<?> table, Object source) {
        Plan plan = PLANS.computeIfAbsent(new Plan.Key(source.getClass(), table), Plan::of);
        List<ColumnValue> values = new ArrayList<>(plan.columns().size());
        for (Plan.Column column : plan.columns()) {
            Object value = column.read(source);
            if (value != null) {
                values.add(new ColumnValue(column.field(), column.field().getDataType().convert(value)));
            }
        }
        return values;
    }

    /**
     * A column and the value an INSERT gives it.
     *
     * @param column the column
     * @param value  its value, of the column's type
     */
    record ColumnValue(Field<Object> column, Object value) {
    }

    /** The accessors of an input record and the columns they fill. */
    private record Plan(List<Column> columns) {

        record Key(Class<?> type, Table<?> table) {
        }

        record Column(Method accessor, Field<Object> field) {

            Object read(Object source) {
                try {
                    return accessor.invoke(source);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + accessor + ": " + e.getMessage(), e);
                }
            }
        }

        @SuppressWarnings("unchecked") // a column of any type, set with a value jOOQ converted to that type
        static Plan of(Key key) {
            if (!key.type().isRecord()) {
                throw new IllegalArgumentException(key.type().getName() + " is not a record");
            }
            List<Column> columns = new ArrayList<>();
            for (RecordComponent component : key.type().getRecordComponents()) {
                String name = snakeCase(component.getName());
                Field<?> field = key.table().field(name);
                if (field == null) {
                    throw new IllegalArgumentException(key.type().getSimpleName() + "." + component.getName()
                            + " names no column of " + key.table().getName() + " (looked for " + name + ")");
                }
                columns.add(new Column(component.getAccessor(), (Field<Object>) field));
            }
            // The table's order, which is the order an INSERT of a record binds its values in.
            columns.sort(Comparator.comparingInt(column -> key.table().indexOf(column.field())));
            return new Plan(List.copyOf(columns));
        }

        private static String snakeCase(String camelCase) {
            return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
    }
}
