package dev.attune.repositories;

import dev.attune.repositories.EntityTable;
import dev.attune.repositories.internal.DirectReads;
import dev.attune.repositories.internal.DirectInserts;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.UpdateSetMoreStep;

/**
 * The operations every repository of one table offers, written once (in the manner of jOOQ's {@code DAOImpl}):
 * create, find and get by id, list, count and delete. Each repository describes its table in an {@link EntityTable}
 * and adds the finders and writes of its entity; the subclass's description says how its lists are ordered, what
 * {@code create} refuses and what a delete takes with it.
 *
 * <p>A repository works in the {@link DSLContext} it is constructed with: inside
 * {@code dsl.transaction(cfg -> new ActionRepository(cfg.dsl()))} every call joins the caller's transaction. Database
 * errors become this library's exceptions ({@link RepositoryException} and its subclasses).
 *
 * @param <R> the table's record type
 * @param <P> the row class returned (a generated POJO)
 * @param <N> the input record {@code create} takes, e.g. {@code NewAction}: its components are named after the columns
 */
public abstract class TableRepository<R extends TableRecord<R>, P, N> {

    private final DSLContext dsl;
    private final EntityTable<R, P> table;
    private final DirectReads<R, P> reads;
    private final DirectInserts<R, P> inserts;

    /**
     * A repository working in {@code dsl}'s connection or transaction, with input checks and error translation added
     * to it.
     *
     * @param dsl   the caller's context (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     * @param table the description of the repository's table
     * @throws NullPointerException when {@code dsl} is null
     */
    protected TableRepository(DSLContext dsl, EntityTable<R, P> table) {
        this.dsl = RepositoryContexts.of(dsl, table.entity());
        this.table = table;
        this.reads = DirectReads.of(dsl, this.dsl, table.table(), table.type(), table.entity());
        this.inserts = DirectInserts.of(reads);
    }

    /**
     * Inserts a row whose column values are {@code newRow}'s components, matched by name ({@code packRef} fills
     * {@code pack_ref}), and returns it as stored. A null component is not bound, so the column default applies. A
     * repository whose input needs converting first overrides this.
     *
     * @param newRow the row to create, checked when it was made
     * @return the created row, with its id and the values the database filled in
     * @throws AlreadyExistsException      when a unique value is taken
     * @throws ReferenceViolationException when a row it refers to does not exist
     * @throws ValidationException         when a value breaks a column rule
     */
    public P create(N newRow) {
        return inserts.create(newRow);
    }

    /**
     * Finds a row by its primary key.
     *
     * @param id the row's id
     * @return the row; empty when there is none
     */
    public final Optional<P> findById(long id) {
        return reads.one("findById", () -> dsl.selectFrom(table.table()).where(table.id().eq(id)), id);
    }

    /**
     * Gets a row that must exist.
     *
     * @param id the row's id
     * @return the row
     * @throws NotFoundException when there is no row with this id
     */
    public final P getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(table.entity(), "id", id));
    }

    /**
     * Every row in the repository's order, or, for the high-volume tables whose description says so, the first
     * {@value Limits#LIST_LIMIT} of them.
     *
     * @return the rows
     */
    public final List<P> list() {
        if (table.listCapped()) {
            return reads.list("list", () -> dsl.selectFrom(table.table()).orderBy(table.order())
                    .limit(Limits.LIST_LIMIT), Limits.LIST_LIMIT);
        }
        return reads.list("list", () -> dsl.selectFrom(table.table()).orderBy(table.order()));
    }

    /**
     * One page of rows in the repository's order.
     *
     * @param page which rows
     * @return the page
     * @throws ValidationException when {@code page} is null
     */
    protected final List<P> page(Page page) {
        require("page", page);
        // jOOQ renders "offset ? rows fetch next ? rows only": the arguments in that order.
        return reads.list("page", () -> dsl.selectFrom(table.table()).orderBy(table.order()).limit(page.limit())
                .offset(page.offset()), page.offset(), page.limit());
    }

    /**
     * Counts the rows.
     *
     * @return the number of rows
     */
    public final long count() {
        return dsl.fetchCount(table.table());
    }

    /**
     * Deletes a row. Rows that refer to it are deleted with it, keep existing with the reference cleared, or make the
     * delete fail, as the schema's foreign keys say; the repository's description names them.
     *
     * @param id the row's id
     * @return whether a row was deleted
     * @throws ReferenceViolationException when rows that cannot lose the reference still refer to the row
     */
    public final boolean delete(long id) {
        return dsl.deleteFrom(table.table()).where(table.id().eq(id)).execute() > 0;
    }

    /**
     * The context this repository works in: the caller's, with input checks and error translation.
     *
     * @return the context
     */
    protected final DSLContext dsl() {
        return dsl;
    }

    /**
     * The description of this repository's table.
     *
     * @return the description
     */
    protected final EntityTable<R, P> table() {
        return table;
    }

    /**
     * Every row matching {@code condition}, in the repository's order; uncapped.
     *
     * @param condition the filter
     * @return the rows
     */
    protected final List<P> where(Condition condition) {
        return dsl.selectFrom(table.table()).where(condition).orderBy(table.order()).fetch(reads.mapper());
    }

    /**
     * The first {@value Limits#LIST_LIMIT} rows matching {@code condition}, in the repository's order.
     *
     * @param condition the filter
     * @return the rows
     */
    protected final List<P> firstPageWhere(Condition condition) {
        return dsl.selectFrom(table.table()).where(condition).orderBy(table.order()).limit(Limits.LIST_LIMIT)
                .fetch(reads.mapper());
    }

    /**
     * The first row matching {@code condition} in the repository's order: the answer of a lookup by a column that is
     * not unique, chosen so that it is stable.
     *
     * @param condition the filter
     * @return the row; empty when none matches
     */
    protected final Optional<P> firstWhere(Condition condition) {
        return dsl.selectFrom(table.table()).where(condition).orderBy(table.order()).limit(1)
                .fetchOptional(reads.mapper());
    }

    /**
     * The row whose unique {@code column} is {@code value}.
     *
     * @param <T>    the column's type
     * @param column a column with a unique constraint
     * @param value  the value looked up
     * @return the row; empty when there is none
     * @throws ValidationException when {@code value} is null
     */
    protected final <T> Optional<P> findBy(TableField<R, T> column, T value) {
        require(column.getName(), value);
        return reads.one("findBy " + column.getName(), () -> dsl.selectFrom(table.table()).where(column.eq(value)),
                value);
    }

    /**
     * The row whose unique {@code column} is {@code value}, which must exist.
     *
     * @param <T>    the column's type
     * @param column a column with a unique constraint
     * @param value  the value looked up
     * @return the row
     * @throws ValidationException when {@code value} is null
     * @throws NotFoundException   when there is no such row
     */
    protected final <T> P getBy(TableField<R, T> column, T value) {
        return findBy(column, value).orElseThrow(() -> new NotFoundException(table.entity(), column.getName(), value));
    }

    /**
     * Rows as the repository returns them.
     *
     * @param query a query of this repository's table
     * @return the rows
     */
    protected final List<P> fetch(ResultQuery<R> query) {
        return query.fetch(reads.mapper());
    }

    /**
     * Runs an UPDATE of the row with this id and returns the row as changed.
     *
     * @param id      the row's id
     * @param changes {@code dsl().update(TABLE).set(...)}: the columns to change
     * @return the row after the update
     * @throws NotFoundException when there is no row with this id
     */
    protected final P updateRow(long id, UpdateSetMoreStep<R> changes) {
        return changes.where(table.id().eq(id)).returning().fetchOptional(reads.mapper())
                .orElseThrow(() -> new NotFoundException(table.entity(), "id", id));
    }

    /**
     * Refuses a missing finder argument or required value before any SQL runs.
     *
     * @param <T>       the value's type
     * @param parameter the column or parameter name the error names
     * @param value     the value
     * @return {@code value}
     * @throws ValidationException when {@code value} is null, or text the database cannot store
     */
    protected final <T> T require(String parameter, T value) {
        return Refs.requireValue(table.entity(), parameter, value);
    }
}
