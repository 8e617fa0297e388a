package dev.attune.repositories;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * The columns of one row to change, typed by the generated record so that only columns of that table fit:
 *
 * <pre>{@code
 * packs.update(id, RowUpdate.of(PACK)
 *         .set(PACK.LABEL, "Core")          // set a value
 *         .set(PACK.DESCRIPTION, null));    // set SQL NULL
 * }</pre>
 *
 * <p>A column never passed to {@link #set} is left unchanged; a column set to {@code null} becomes SQL {@code NULL}.
 * Immutable: {@link #set} returns a new update. Each repository's {@code update} method names the columns it lets
 * callers change and refuses any other with a {@link ValidationException}.
 *
 * @param <R> the generated record type of the table, e.g. {@code PackRecord}
 */
public final class RowUpdate<R extends TableRecord<R>> {

    private final Table<R> table;
    private final Map<TableField<R, ?>, Object> values;

    private RowUpdate(Table<R> table, Map<TableField<R, ?>, Object> values) {
        this.table = table;
        this.values = values;
    }

    /**
     * An update of a row of {@code table} that changes nothing yet.
     *
     * @param <R> the table's record type
     * @param table a generated table, e.g. {@code Tables.PACK}
     * @return an update that changes nothing yet
     * @throws NullPointerException when {@code table} is null
     */
    public static <R extends TableRecord<R>> RowUpdate<R> of(Table<R> table) {
        if (table == null) {
            throw new NullPointerException("table");
        }
        return new RowUpdate<>(table, Map.of());
    }

    /**
     * A copy that also sets {@code column} to {@code value}; setting a column again replaces its value.
     *
     * @param <T> the column's type
     * @param column the column
     * @param value the new value; {@code null} means SQL NULL
     * @return the copy
     * @throws ValidationException when {@code value} is null and the column is NOT NULL
     * @throws NullPointerException when {@code column} is null
     */
    public <T> RowUpdate<R> set(TableField<R, T> column, T value) {
        if (column == null) {
            throw new NullPointerException("column");
        }
        if (value == null && !column.getDataType().nullable()) {
            throw new ValidationException(table.getName(), column.getName(), null,
                    "must not be null (the column is NOT NULL)");
        }
        Map<TableField<R, ?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(column, value);
        return new RowUpdate<>(table, Collections.unmodifiableMap(copy));
    }

    /**
     * The table whose row this update changes.
     *
     * @return the table
     */
    public Table<R> table() {
        return table;
    }

    /**
     * Whether no column is set (updating with it only reads the row).
     *
     * @return whether no column is set
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Whether {@code column} is set, to a value or to NULL.
     *
     * @param column the column
     * @return whether the column is set
     */
    public boolean isSet(TableField<R, ?> column) {
        return values.containsKey(column);
    }

    /**
     * The value {@code column} is set to; {@code null} when it is set to NULL or not set (see {@link #isSet}).
     *
     * @param <T> the column's type
     * @param column the column
     * @return the value; null when set to null or not set
     */
    @SuppressWarnings("unchecked") // set() stores only values of the column's type
    public <T> T value(TableField<R, T> column) {
        return (T) values.get(column);
    }

    /**
     * The set columns and their values, in the order they were first set; unmodifiable.
     *
     * @return the columns set and their values, in the order set
     */
    public Map<TableField<R, ?>, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return "RowUpdate" + values;
    }
}
