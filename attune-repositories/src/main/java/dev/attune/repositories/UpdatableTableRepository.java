package dev.attune.repositories;

import dev.attune.repositories.EntityTable;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * A {@link TableRepository} whose rows callers may change, column by column, through a {@link RowUpdate}. Which
 * columns may change is declared in the {@link EntityTable} and named in the repository's description; a repository
 * with a rule across columns or values adds it in {@link #checkUpdate}.
 *
 * @param <R> the table's record type
 * @param <P> the row class returned (a generated POJO)
 * @param <N> the input record {@code create} takes
 */
public abstract class UpdatableTableRepository<R extends TableRecord<R>, P, N> extends TableRepository<R, P, N> {

    /**
     * A repository working in {@code dsl}'s connection or transaction, with input checks and error translation added
     * to it.
     *
     * @param dsl   the caller's context (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     * @param table the description of the repository's table, with its updatable columns
     * @throws NullPointerException when {@code dsl} is null
     */
    protected UpdatableTableRepository(DSLContext dsl, EntityTable<R, P> table) {
        super(dsl, table);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set to
     * {@code null} becomes NULL; with no column set, returns the current row.
     *
     * @param id     the row's id
     * @param update the columns to change, each one of the repository's updatable columns
     * @return the row after the update
     * @throws NotFoundException           when there is no row with this id
     * @throws ValidationException         when {@code update} is null, sets a column that is not updatable or breaks a
     *                                     column rule
     * @throws ReferenceViolationException when a new value refers to a row that does not exist
     * @throws AlreadyExistsException      when a new value is taken by another row
     */
    public final P update(long id, RowUpdate<R> update) {
        if (update != null) {
            checkUpdate(update);
        }
        return table().update(dsl(), id, update);
    }

    /**
     * Checks the rules of the values {@code update} sets that the database would report less clearly; runs before
     * any SQL. By default there are none.
     *
     * @param update the update, not null
     * @throws ValidationException when a value breaks a rule
     */
    protected void checkUpdate(RowUpdate<R> update) {
    }
}
