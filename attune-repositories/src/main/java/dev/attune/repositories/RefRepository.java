package dev.attune.repositories;

import dev.attune.repositories.EntityTable;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * An {@link UpdatableTableRepository} of rows that callers name by a unique ref ({@code pack.name}, a pack's ref, a
 * key's ref, ...): the lookups by ref are written here once.
 *
 * @param <R> the table's record type
 * @param <P> the row class returned (a generated POJO)
 * @param <N> the input record {@code create} takes
 */
public abstract class RefRepository<R extends TableRecord<R>, P, N> extends UpdatableTableRepository<R, P, N> {

    private final TableField<R, String> ref;

    /**
     * A repository working in {@code dsl}'s connection or transaction, with input checks and error translation added
     * to it.
     *
     * @param dsl   the caller's context (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     * @param table the description of the repository's table, with its updatable columns
     * @param ref   the ref column, unique in the table
     * @throws NullPointerException when {@code dsl} is null
     */
    protected RefRepository(DSLContext dsl, EntityTable<R, P> table, TableField<R, String> ref) {
        super(dsl, table);
        this.ref = ref;
    }

    /**
     * Finds a row by its ref.
     *
     * @param ref the ref
     * @return the row; empty when there is none
     * @throws ValidationException when {@code ref} is null
     */
    public final Optional<P> findByRef(String ref) {
        return findBy(this.ref, ref);
    }

    /**
     * Gets a row that must exist by its ref.
     *
     * @param ref the ref
     * @return the row
     * @throws NotFoundException   when there is no row with this ref
     * @throws ValidationException when {@code ref} is null
     */
    public final P getByRef(String ref) {
        return getBy(this.ref, ref);
    }

    /**
     * Whether a row has this ref.
     *
     * @param ref the ref
     * @return whether a row has it
     * @throws ValidationException when {@code ref} is null
     */
    public final boolean existsByRef(String ref) {
        return dsl().fetchExists(table().table(), this.ref.eq(require("ref", ref)));
    }
}
