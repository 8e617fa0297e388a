package dev.attune.repositories.internal;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * The update-by-id every repository offers, in one place: which columns a caller may change, and the statement.
 *
 * @param <R> the table's record type
 */
public final class Updates<R extends TableRecord<R>> {

    private final String entity;
    private final Table<R> table;
    private final TableField<R, Long> id;
    private final List<TableField<R, ?>> updatable;

    private Updates(String entity, TableField<R, Long> id, List<TableField<R, ?>> updatable) {
        this.entity = entity;
        this.table = id.getTable();
        this.id = id;
        this.updatable = updatable;
    }

    /**
     * Updates of rows found by {@code id} in which only the {@code updatable} columns may change.
     *
     * @param <R> the table's record type
     * @param entity    the entity errors name
     * @param id        the primary key column
     * @param updatable the columns an update may change
     * @return the updates
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable list
    public static <R extends TableRecord<R>> Updates<R> of(String entity, TableField<R, Long> id,
            TableField<R, ?>... updatable) {
        return new Updates<>(entity, id, List.of(updatable));
    }

    /**
     * Applies {@code update} to the row whose id is {@code rowId} and returns the row as {@code type}; with no column
     * set, returns the current row.
     *
     * @param <P> the row class
     * @param dsl    the context to run in
     * @param rowId  the row's id
     * @param update the columns to change
     * @param type   the row class to return
     * @return the row after the update
     * @throws ValidationException when {@code update} is null or sets a column that is not updatable
     * @throws NotFoundException   when there is no such row
     */
    public <P> P apply(DSLContext dsl, long rowId, RowUpdate<R> update, Class<P> type) {
        requireUpdatable(update);
        var row = update.isEmpty()
                ? dsl.selectFrom(table).where(id.eq(rowId)).fetchOptionalInto(type)
                : dsl.update(table).set(update.values()).where(id.eq(rowId)).returning().fetchOptionalInto(type);
        return row.orElseThrow(() -> new NotFoundException(entity, "id", rowId));
    }

    /**
     * Refuses a null update, and one of another table or setting a column callers may not change.
     *
     * @param update the update to check
     */
    public void requireUpdatable(RowUpdate<R> update) {
        if (update == null) {
            throw new ValidationException(entity, "update", null, "is required (RowUpdate.of(table) changes nothing)");
        }
        if (!update.table().equals(table)) {
            throw new ValidationException(entity, "update", update.table().getName(),
                    "must update table " + table.getName());
        }
        for (var column : update.values().keySet()) {
            if (!updatable.contains(column)) {
                throw new ValidationException(entity, column.getName(), update.values().get(column),
                        "cannot be changed by update; updatable columns: " + updatable.stream()
                                .map(TableField::getName).collect(Collectors.joining(", ")));
            }
        }
    }
}
