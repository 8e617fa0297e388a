package dev.attune.repositories;

import dev.attune.repositories.EntityTable;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * A {@link RefRepository} of rows that belong to a pack (actions, rules, sensors, triggers, runtimes, policies,
 * permission sets): the lookup of a pack's rows is written here once.
 *
 * @param <R> the table's record type
 * @param <P> the row class returned (a generated POJO)
 * @param <N> the input record {@code create} takes
 */
public abstract class PackContentRepository<R extends TableRecord<R>, P, N>
        extends RefRepository<R, P, N> {

    private final TableField<R, Long> pack;

    /**
     * A repository working in {@code dsl}'s connection or transaction, with input checks and error translation added
     * to it.
     *
     * @param dsl   the caller's context (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     * @param table the description of the repository's table, with its updatable columns
     * @param ref   the ref column, unique in the table
     * @param pack  the column of the owning pack's id
     * @throws NullPointerException when {@code dsl} is null
     */
    protected PackContentRepository(DSLContext dsl, EntityTable<R, P> table, TableField<R, String> ref,
            TableField<R, Long> pack) {
        super(dsl, table, ref);
        this.pack = pack;
    }

    /**
     * The rows of a pack.
     *
     * @param packId the pack's id
     * @return its rows, in the repository's order
     */
    public final List<P> findByPack(long packId) {
        return where(pack.eq(packId));
    }
}
