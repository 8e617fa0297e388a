package dev.attune.repositories.runtime;

import static dev.attune.repositories.schema.Tables.RUNTIME;

import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.internal.EntityTable;
import dev.attune.repositories.schema.enums.RuntimeTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Runtime;
import dev.attune.repositories.schema.tables.records.RuntimeRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Runtimes: execution environments for actions or sensors, in the January-2026 shape (with {@code runtime_type} and
 * refs {@code pack.action.name} / {@code pack.sensor.name}). Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code description, name, distributions, installation}. {@link #delete} also deletes,
 * by cascade, the runtime's sensors; it is refused ({@link dev.attune.repositories.ReferenceViolationException}) while
 * a worker or an action still refers to the runtime.
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class RuntimeRepository extends UpdatableTableRepository<RuntimeRecord, Runtime> {

    static final String ENTITY = "runtime";

    private static final EntityTable<RuntimeRecord, Runtime> TABLE = EntityTable.of(ENTITY, RUNTIME.ID, Runtime.class)
            .orderedBy(RUNTIME.REF)
            .updatable(RUNTIME.DESCRIPTION, RUNTIME.NAME, RUNTIME.DISTRIBUTIONS, RUNTIME.INSTALLATION);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public RuntimeRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Finds a runtime by its unique ref.
     *
     * @param ref the runtime's ref
     * @return the runtime; empty when there is none
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Runtime> findByRef(String ref) {
        return findBy(RUNTIME.REF, ref);
    }

    /**
     * Gets a runtime that must exist by its ref.
     *
     * @param ref the runtime's ref
     * @return the runtime
     * @throws dev.attune.repositories.NotFoundException   when there is no runtime with this ref
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Runtime getByRef(String ref) {
        return getBy(RUNTIME.REF, ref);
    }

    /**
     * The runtimes of a pack.
     *
     * @param packId the pack's id
     * @return its runtimes, by ref
     */
    public List<Runtime> findByPack(long packId) {
        return where(RUNTIME.PACK.eq(packId));
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

    /**
     * Inserts the runtime.
     *
     * @param runtime the runtime to create
     * @return the created row
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack is missing
     */
    public Runtime create(NewRuntime runtime) {
        return dsl().insertInto(RUNTIME)
                .set(RUNTIME.REF, runtime.ref())
                .set(RUNTIME.PACK, runtime.pack())
                .set(RUNTIME.PACK_REF, runtime.packRef())
                .set(RUNTIME.DESCRIPTION, runtime.description())
                .set(RUNTIME.RUNTIME_TYPE, runtime.runtimeType())
                .set(RUNTIME.NAME, runtime.name())
                .set(RUNTIME.DISTRIBUTIONS, runtime.distributions())
                .set(RUNTIME.INSTALLATION, runtime.installation())
                .returning()
                .fetchSingleInto(Runtime.class);
    }
}
