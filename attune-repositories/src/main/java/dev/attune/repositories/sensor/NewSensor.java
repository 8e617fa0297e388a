package dev.attune.repositories.sensor;

import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.pojos.Runtime;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import tools.jackson.databind.JsonNode;

/**
 * A sensor to create: code that watches for a trigger condition and emits events.
 *
 * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
 * @param pack        optional owning pack id
 * @param packRef     optional owning pack ref
 * @param label       required
 * @param description required (the column is NOT NULL)
 * @param entrypoint  required: what the runtime executes
 * @param runtime     id of the runtime it runs on (required)
 * @param runtimeRef  ref of that runtime (required)
 * @param trigger     id of the trigger it fires (required)
 * @param triggerRef  ref of that trigger (required)
 * @param enabled     whether the sensor runs
 * @param paramSchema optional JSON schema of its parameters
 * @param config      optional instance configuration (conforms to the trigger's param_schema); not updatable later
 */
public record NewSensor(
        String ref,
        Long pack,
        String packRef,
        String label,
        String description,
        String entrypoint,
        long runtime,
        String runtimeRef,
        long trigger,
        String triggerRef,
        boolean enabled,
        JsonNode paramSchema,
        JsonNode config) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack        optional owning pack id
     * @param packRef     optional owning pack ref
     * @param label       required
     * @param description required (the column is NOT NULL)
     * @param entrypoint  required: what the runtime executes
     * @param runtime     id of the runtime it runs on (required)
     * @param runtimeRef  ref of that runtime (required)
     * @param trigger     id of the trigger it fires (required)
     * @param triggerRef  ref of that trigger (required)
     * @param enabled     whether the sensor runs
     * @param paramSchema optional JSON schema of its parameters
     * @param config      optional instance configuration (conforms to the trigger's param_schema); not updatable later
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewSensor {
        Refs.requireTwoPartRef(SensorRepository.ENTITY, ref);
        Refs.requireValue(SensorRepository.ENTITY, "label", label);
        Refs.requireValue(SensorRepository.ENTITY, "description", description);
        Refs.requireValue(SensorRepository.ENTITY, "entrypoint", entrypoint);
        Refs.requireValue(SensorRepository.ENTITY, "runtime_ref", runtimeRef);
        Refs.requireValue(SensorRepository.ENTITY, "trigger_ref", triggerRef);
    }

    /**
     * An enabled sensor without parameter schema or configuration.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack        optional owning pack id
     * @param packRef     optional owning pack ref
     * @param label       required
     * @param description required (the column is NOT NULL)
     * @param entrypoint  required: what the runtime executes
     * @param runtime     id of the runtime it runs on (required)
     * @param runtimeRef  ref of that runtime (required)
     * @param trigger     id of the trigger it fires (required)
     * @param triggerRef  ref of that trigger (required)
     * @return the sensor to create
     */
    public static NewSensor of(String ref, Long pack, String packRef, String label, String description,
            String entrypoint, long runtime, String runtimeRef, long trigger, String triggerRef) {
        return new NewSensor(ref, pack, packRef, label, description, entrypoint, runtime, runtimeRef, trigger,
                triggerRef, true, null, null);
    }

    /**
     * An enabled sensor running on {@code runtime} that fires {@code trigger}, without schema or config; ids and refs are
     * taken from the rows, so they cannot disagree.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack the owning pack, or {@code null} for a sensor without pack
     * @param label       required
     * @param description required (the column is NOT NULL)
     * @param entrypoint  required: what the runtime executes
     * @param runtime the runtime row it runs on; required
     * @param trigger the trigger row it fires; required
     * @return the sensor to create
     * @throws dev.attune.repositories.ValidationException when the runtime, the trigger or a required value is null, or
     *                                                     the ref is malformed
     */
    public static NewSensor of(String ref, Pack pack, String label, String description, String entrypoint,
            Runtime runtime, Trigger trigger) {
        Refs.requireValue(SensorRepository.ENTITY, "runtime", runtime);
        Refs.requireValue(SensorRepository.ENTITY, "trigger", trigger);
        return of(ref, pack == null ? null : pack.id(), pack == null ? null : pack.ref(), label, description, entrypoint,
                runtime.id(), runtime.ref(), trigger.id(), trigger.ref());
    }
}
