package dev.attune.repositories.runtime;

import static dev.attune.repositories.schema.Tables.RUNTIME;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
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
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class RuntimeRepository {

    static final String ENTITY = "runtime";

    private static final Updates<RuntimeRecord> UPDATES = Updates.of(ENTITY, RUNTIME.ID,
            RUNTIME.DESCRIPTION, RUNTIME.NAME, RUNTIME.DISTRIBUTIONS, RUNTIME.INSTALLATION);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public RuntimeRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The runtime with this id; empty when there is none. */
    public Optional<Runtime> findById(long id) {
        return dsl.selectFrom(RUNTIME).where(RUNTIME.ID.eq(id)).fetchOptionalInto(Runtime.class);
    }

    /** @throws NotFoundException when there is no runtime with this id */
    public Runtime getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The runtime with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Runtime> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(RUNTIME).where(RUNTIME.REF.eq(ref)).fetchOptionalInto(Runtime.class);
    }

    /** @throws NotFoundException when there is no runtime with this ref */
    public Runtime getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** Every runtime, by ref. */
    public List<Runtime> list() {
        return dsl.selectFrom(RUNTIME).orderBy(RUNTIME.REF).fetchInto(Runtime.class);
    }

    /** The runtimes of a pack, by ref. */
    public List<Runtime> findByPack(long packId) {
        return dsl.selectFrom(RUNTIME).where(RUNTIME.PACK.eq(packId)).orderBy(RUNTIME.REF).fetchInto(Runtime.class);
    }

    /**
     * The runtimes of one type, by ref. Not confirmed for Attune's January-2026 code (the spec calls such a query
     * plausible; the column and its indexes {@code idx_runtime_type*} exist), included because the type is what
     * distinguishes action from sensor runtimes.
     */
    public List<Runtime> findByType(RuntimeTypeEnum runtimeType) {
        Refs.requireValue(ENTITY, "runtime_type", runtimeType);
        return dsl.selectFrom(RUNTIME).where(RUNTIME.RUNTIME_TYPE.eq(runtimeType)).orderBy(RUNTIME.REF)
                .fetchInto(Runtime.class);
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack is missing
     */
    public Runtime create(NewRuntime runtime) {
        return dsl.insertInto(RUNTIME)
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

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code description, name, distributions, installation}.
     *
     * @throws NotFoundException when there is no runtime with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Runtime update(long id, RowUpdate<RuntimeRecord> update) {
        return UPDATES.apply(dsl, id, update, Runtime.class);
    }

    /**
     * Deletes the runtime and, by cascade, its sensors.
     *
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when a worker or an action still refers to it
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(RUNTIME).where(RUNTIME.ID.eq(id)).execute() > 0;
    }
}
