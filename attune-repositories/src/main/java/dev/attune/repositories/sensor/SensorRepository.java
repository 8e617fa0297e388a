package dev.attune.repositories.sensor;

import static dev.attune.repositories.schema.Tables.SENSOR;

import dev.attune.repositories.PackContentRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.Sensor;
import dev.attune.repositories.schema.tables.records.SensorRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Sensors: code that watches for a trigger condition and emits events. Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code label, description, entrypoint, enabled, param_schema}. {@link #delete} also
 * deletes, by cascade, the keys the sensor owns; it is refused
 * ({@link dev.attune.repositories.ReferenceViolationException}) while events still name the sensor as their source.
 *
 * <p>{@link #create} refuses a taken ref and a missing pack, runtime or trigger.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new SensorRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class SensorRepository extends PackContentRepository<SensorRecord, Sensor, NewSensor> {

    /** The name errors carry: the table's. */
    static final String ENTITY = SENSOR.getName();

    private static final EntityTable<SensorRecord, Sensor> TABLE = EntityTable.of(SENSOR.ID, Sensor.class)
            .orderedBy(SENSOR.REF)
            .updatable(SENSOR.LABEL, SENSOR.DESCRIPTION, SENSOR.ENTRYPOINT, SENSOR.ENABLED, SENSOR.PARAM_SCHEMA);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public SensorRepository(DSLContext dsl) {
        super(dsl, TABLE, SENSOR.REF, SENSOR.PACK);
    }



    /**
     * The sensors that fire a trigger.
     *
     * @param triggerId the trigger's id
     * @return its sensors, by ref
     */
    public List<Sensor> findByTrigger(long triggerId) {
        return where(SENSOR.TRIGGER.eq(triggerId));
    }

    /**
     * Enabled sensors.
     *
     * @return the enabled sensors, by ref
     */
    public List<Sensor> findEnabled() {
        return where(SENSOR.ENABLED.isTrue());
    }


}
