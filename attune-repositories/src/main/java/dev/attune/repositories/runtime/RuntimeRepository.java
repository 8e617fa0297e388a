package dev.attune.repositories.runtime;

import static dev.attune.repositories.schema.Tables.RUNTIME;

import dev.attune.repositories.PackContentRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.RuntimeTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Runtime;
import dev.attune.repositories.schema.tables.records.RuntimeRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Runtimes: execution environments for actions or sensors, in the January-2026 shape (with {@code runtime_type} and
 * refs {@code pack.action.name} / {@code pack.sensor.name}). Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code description, name, distributions, installation}. {@link #delete} also deletes,
 * by cascade, the runtime's sensors; it is refused ({@link dev.attune.repositories.ReferenceViolationException}) while
 * a worker or an action still refers to the runtime.
 *
 * <p>{@link #create} refuses a taken ref and a missing pack.
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class RuntimeRepository extends PackContentRepository<RuntimeRecord, Runtime, NewRuntime> {

    /** The name errors carry: the table's. */
    static final String ENTITY = RUNTIME.getName();

    private static final EntityTable<RuntimeRecord, Runtime> TABLE = EntityTable.of(RUNTIME.ID, Runtime.class)
            .orderedBy(RUNTIME.REF)
            .updatable(RUNTIME.DESCRIPTION, RUNTIME.NAME, RUNTIME.DISTRIBUTIONS, RUNTIME.INSTALLATION);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public RuntimeRepository(DSLContext dsl) {
        super(dsl, TABLE, RUNTIME.REF, RUNTIME.PACK);
    }




    /**
     * The runtimes of one type. Not confirmed for Attune's January-2026 code (the spec calls such a query plausible;
     * the column and its indexes {@code idx_runtime_type*} exist), included because the type is what distinguishes
     * action from sensor runtimes.
     *
     * @param runtimeType the runtime type
     * @return the runtimes, by ref
     * @throws dev.attune.repositories.ValidationException when {@code runtimeType} is null
     */
    public List<Runtime> findByType(RuntimeTypeEnum runtimeType) {
        return where(RUNTIME.RUNTIME_TYPE.eq(require("runtime_type", runtimeType)));
    }

}
