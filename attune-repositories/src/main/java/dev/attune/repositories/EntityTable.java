package dev.attune.repositories;

import dev.attune.repositories.internal.Updates;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * What a {@link TableRepository} knows about its table, declared once per repository: the entity name its errors carry,
 * the id column, the row class it returns, the order of its lists, whether {@code list()} is capped, and the columns
 * callers may update. Immutable; each step returns a new description. Public so that a repository of another table
 * (for example one an application adds to its own schema) can be written on the same base.
 *
 * @param <R> the table's record type
 * @param <P> the row class the repository returns (a generated POJO)
 */
public final class EntityTable<R extends TableRecord<R>, P> {

    private final String entity;
    private final TableField<R, Long> id;
    private final Class<P> type;
    private final List<OrderField<?>> order;
    private final boolean capped;
    private final Updates<R> updates;

    private EntityTable(String entity, TableField<R, Long> id, Class<P> type, List<OrderField<?>> order,
            boolean capped, Updates<R> updates) {
        this.entity = entity;
        this.id = id;
        this.type = type;
        this.order = order;
        this.capped = capped;
        this.updates = updates;
    }

    /**
     * The table of {@code id}'s rows, read as {@code type}; listed by id, uncapped, with no updatable column. Errors
     * name the entity by the table's name, e.g. {@code action}.
     *
     * @param <R>  the table's record type
     * @param <P>  the row class
     * @param id   the primary key column
     * @param type the row class rows are fetched into
     * @return the description
     */
    public static <R extends TableRecord<R>, P> EntityTable<R, P> of(TableField<R, Long> id, Class<P> type) {
        String entity = id.getTable().getName();
        return new EntityTable<>(entity, id, type, List.of(id), false, Updates.of(entity, id));
    }

    /**
     * Lists in {@code order}; add the id last where the other columns are not unique, so the order is stable.
     *
     * @param order the sort fields, most significant first
     * @return the description with this order
     */
    public EntityTable<R, P> orderedBy(OrderField<?>... order) {
        return new EntityTable<>(entity, id, type, List.of(order), capped, updates);
    }

    /**
     * Lists newest first: {@code created} descending, then id descending (rows of one transaction share
     * {@code created}).
     *
     * @param created the creation time column
     * @return the description with this order
     */
    public EntityTable<R, P> newestFirst(Field<?> created) {
        return orderedBy(created.desc(), id.desc());
    }

    /**
     * A high-volume table: lists newest first, as {@link #newestFirst} does, and {@code list()} capped at
     * {@value Limits#LIST_LIMIT} rows, since nobody wants all of them.
     *
     * @param created the creation time column
     * @return the description with this order and the cap
     */
    public EntityTable<R, P> highVolume(Field<?> created) {
        return new EntityTable<>(entity, id, type, List.of(created.desc(), id.desc()), true, updates);
    }

    /**
     * Lets {@code update} change {@code columns}, and no other.
     *
     * @param columns the updatable columns
     * @return the description with these updatable columns
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // handed on to Updates.of, which only copies it into an immutable list
    public final EntityTable<R, P> updatable(TableField<R, ?>... columns) {
        return new EntityTable<>(entity, id, type, order, capped, Updates.of(entity, id, columns));
    }

    /** @return the name errors carry */
    public String entity() {
        return entity;
    }

    /** @return the table */
    public Table<R> table() {
        return id.getTable();
    }

    /** @return the primary key column */
    public TableField<R, Long> id() {
        return id;
    }

    /** @return the row class rows are fetched into */
    public Class<P> type() {
        return type;
    }

    /** @return the sort fields of lists, most significant first */
    public List<OrderField<?>> order() {
        return order;
    }

    /** @return whether {@code list()} returns at most {@value Limits#LIST_LIMIT} rows */
    public boolean listCapped() {
        return capped;
    }

    /**
     * Applies {@code update} to the row with id {@code rowId}: the columns it sets, checked against the updatable
     * ones.
     *
     * @param dsl    the context to run in
     * @param rowId  the row's id
     * @param update the columns to change
     * @return the row after the update
     * @throws ValidationException when {@code update} is null or sets a column not updatable
     * @throws NotFoundException   when there is no such row
     */
    P update(DSLContext dsl, long rowId, RowUpdate<R> update) {
        return updates.apply(dsl, rowId, update, type);
    }
}
