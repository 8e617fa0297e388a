package dev.attune.repositories.sensor;

import static dev.attune.repositories.schema.Tables.SENSOR;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.Sensor;
import dev.attune.repositories.schema.tables.records.SensorRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Sensors: code that watches for a trigger condition and emits events. Lists are ordered by ref.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new SensorRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class SensorRepository {

    static final String ENTITY = "sensor";

    private static final Updates<SensorRecord> UPDATES = Updates.of(ENTITY, SENSOR.ID,
            SENSOR.LABEL, SENSOR.DESCRIPTION, SENSOR.ENTRYPOINT, SENSOR.ENABLED, SENSOR.PARAM_SCHEMA);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public SensorRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The sensor with this id; empty when there is none. */
    public Optional<Sensor> findById(long id) {
        return dsl.selectFrom(SENSOR).where(SENSOR.ID.eq(id)).fetchOptionalInto(Sensor.class);
    }

    /** @throws NotFoundException when there is no sensor with this id */
    public Sensor getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The sensor with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Sensor> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(SENSOR).where(SENSOR.REF.eq(ref)).fetchOptionalInto(Sensor.class);
    }

    /** @throws NotFoundException when there is no sensor with this ref */
    public Sensor getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** Every sensor, by ref. */
    public List<Sensor> list() {
        return where(DSL.noCondition());
    }

    /** The sensors that fire a trigger, by ref. */
    public List<Sensor> findByTrigger(long triggerId) {
        return where(SENSOR.TRIGGER.eq(triggerId));
    }

    /** Enabled sensors, by ref. */
    public List<Sensor> findEnabled() {
        return where(SENSOR.ENABLED.isTrue());
    }

    /** The sensors of a pack, by ref. */
    public List<Sensor> findByPack(long packId) {
        return where(SENSOR.PACK.eq(packId));
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack, runtime or trigger does not exist
     */
    public Sensor create(NewSensor sensor) {
        return dsl.insertInto(SENSOR)
                .set(SENSOR.REF, sensor.ref())
                .set(SENSOR.PACK, sensor.pack())
                .set(SENSOR.PACK_REF, sensor.packRef())
                .set(SENSOR.LABEL, sensor.label())
                .set(SENSOR.DESCRIPTION, sensor.description())
                .set(SENSOR.ENTRYPOINT, sensor.entrypoint())
                .set(SENSOR.RUNTIME, sensor.runtime())
                .set(SENSOR.RUNTIME_REF, sensor.runtimeRef())
                .set(SENSOR.TRIGGER, sensor.trigger())
                .set(SENSOR.TRIGGER_REF, sensor.triggerRef())
                .set(SENSOR.ENABLED, sensor.enabled())
                .set(SENSOR.PARAM_SCHEMA, sensor.paramSchema())
                .set(SENSOR.CONFIG, sensor.config())
                .returning()
                .fetchSingleInto(Sensor.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code label, description, entrypoint, enabled, param_schema}.
     *
     * @throws NotFoundException when there is no sensor with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Sensor update(long id, RowUpdate<SensorRecord> update) {
        return UPDATES.apply(dsl, id, update, Sensor.class);
    }

    /**
     * Deletes the sensor and, by cascade, the keys it owns.
     *
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when events still name it as their source
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(SENSOR).where(SENSOR.ID.eq(id)).execute() > 0;
    }

    private List<Sensor> where(Condition condition) {
        return dsl.selectFrom(SENSOR).where(condition).orderBy(SENSOR.REF).fetchInto(Sensor.class);
    }
}
