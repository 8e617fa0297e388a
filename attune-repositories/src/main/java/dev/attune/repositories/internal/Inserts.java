package dev.attune.repositories.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
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
        Plan plan = PLANS.computeIfAbsent(new Plan.Key(source.getClass(), table), Plan::of);
        R row = dsl.newRecord(table);
        for (Plan.Column column : plan.columns()) {
            Object value = column.read(source);
            if (value != null) {
                row.set(column.field(), column.field().getDataType().convert(value));
            }
        }
        return row;
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
            return new Plan(List.copyOf(columns));
        }

        private static String snakeCase(String camelCase) {
            return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
    }
}
