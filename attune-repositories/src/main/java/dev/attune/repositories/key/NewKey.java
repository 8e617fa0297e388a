package dev.attune.repositories.key;

import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Identifiers;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key (configuration value or secret) to create, with its ownership scope.
 *
 * <p>Ownership is checked before any SQL runs, with the rules of the database's {@code validate_key_owner} trigger:
 * a {@code system} key has no owner fields; any other key has exactly the owner id field matching its owner type
 * ({@code identity} → {@code ownerIdentity}, {@code pack} → {@code ownerPack}, {@code action} → {@code ownerAction},
 * {@code sensor} → {@code ownerSensor}). In addition, an owner ref ({@code ownerPackRef}, ...) may only be given
 * for the matching owner type. There is deliberately no {@code owner} input: the trigger computes the {@code owner}
 * column ({@code "system"} or the owner's id as text) and would overwrite any value given.
 *
 * @param ref               unique, lower case {@code name} or {@code owner.name}; checked before any SQL runs
 * @param ownerType         required
 * @param ownerIdentity     owning identity id (owner type {@code identity} only)
 * @param ownerPack         owning pack id (owner type {@code pack} only)
 * @param ownerPackRef      optional ref of that pack (owner type {@code pack} only)
 * @param ownerAction       owning action id (owner type {@code action} only)
 * @param ownerActionRef    optional ref of that action (owner type {@code action} only)
 * @param ownerSensor       owning sensor id (owner type {@code sensor} only)
 * @param ownerSensorRef    optional ref of that sensor (owner type {@code sensor} only)
 * @param name              required; unique per owner
 * @param encrypted         whether {@code value} is encrypted (encryption is the caller's job)
 * @param encryptionKeyHash optional hash of the key that encrypted the value
 * @param value             required
 */
public record NewKey(
        String ref,
        OwnerTypeEnum ownerType,
        Long ownerIdentity,
        Long ownerPack,
        String ownerPackRef,
        Long ownerAction,
        String ownerActionRef,
        Long ownerSensor,
        String ownerSensorRef,
        String name,
        boolean encrypted,
        String encryptionKeyHash,
        String value) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref               unique, lower case {@code name} or {@code owner.name}; checked before any SQL runs
     * @param ownerType         required
     * @param ownerIdentity     owning identity id (owner type {@code identity} only)
     * @param ownerPack         owning pack id (owner type {@code pack} only)
     * @param ownerPackRef      optional ref of that pack (owner type {@code pack} only)
     * @param ownerAction       owning action id (owner type {@code action} only)
     * @param ownerActionRef    optional ref of that action (owner type {@code action} only)
     * @param ownerSensor       owning sensor id (owner type {@code sensor} only)
     * @param ownerSensorRef    optional ref of that sensor (owner type {@code sensor} only)
     * @param name              required; unique per owner
     * @param encrypted         whether {@code value} is encrypted (encryption is the caller's job)
     * @param encryptionKeyHash optional hash of the key that encrypted the value
     * @param value             required
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewKey {
        Refs.requireKeyRef(ref);
        Refs.requireValue(KeyRepository.ENTITY, "owner_type", ownerType);
        Identifiers.requireName(KeyRepository.ENTITY, "name", name);
        Refs.requireValue(KeyRepository.ENTITY, "value", value);
        requireOwnerFields(ownerType, ownerIdentity, ownerPack, ownerPackRef, ownerAction, ownerActionRef, ownerSensor,
                ownerSensorRef);
    }

    /**
     * A plain-text key of the whole system.
     *
     * @param ref   unique, lower case {@code name} or {@code owner.name}; checked before any SQL runs
     * @param name  required; unique per owner
     * @param value required
     * @return the key to create
     */
    public static NewKey system(String ref, String name, String value) {
        return new NewKey(ref, OwnerTypeEnum.system, null, null, null, null, null, null, null, name, false, null, value);
    }

    /**
     * A plain-text key owned by an identity.
     *
     * @param ref   unique, lower case {@code name} or {@code owner.name}; checked before any SQL runs
     * @param identity id of the owning identity
     * @param name  required; unique per owner
     * @param value required
     * @return the key to create
     */
    public static NewKey ofIdentity(String ref, long identity, String name, String value) {
        return new NewKey(ref, OwnerTypeEnum.identity, identity, null, null, null, null, null, null, name, false, null,
                value);
    }

    /**
     * A plain-text key owned by a pack.
     *
     * @param ref   unique, lower case {@code name} or {@code owner.name}; checked before any SQL runs
     * @param pack    id of the owning pack
     * @param packRef ref of the owning pack
     * @param name  required; unique per owner
     * @param value required
     * @return the key to create
     */
    public static NewKey ofPack(String ref, long pack, String packRef, String name, String value) {
        return new NewKey(ref, OwnerTypeEnum.pack, null, pack, packRef, null, null, null, null, name, false, null,
                value);
    }

    /**
     * A plain-text key owned by an action.
     *
     * @param ref   unique, lower case {@code name} or {@code owner.name}; checked before any SQL runs
     * @param action    id of the owning action
     * @param actionRef ref of the owning action
     * @param name  required; unique per owner
     * @param value required
     * @return the key to create
     */
    public static NewKey ofAction(String ref, long action, String actionRef, String name, String value) {
        return new NewKey(ref, OwnerTypeEnum.action, null, null, null, action, actionRef, null, null, name, false, null,
                value);
    }

    /**
     * A plain-text key owned by a sensor.
     *
     * @param ref   unique, lower case {@code name} or {@code owner.name}; checked before any SQL runs
     * @param sensor    id of the owning sensor
     * @param sensorRef ref of the owning sensor
     * @param name  required; unique per owner
     * @param value required
     * @return the key to create
     */
    public static NewKey ofSensor(String ref, long sensor, String sensorRef, String name, String value) {
        return new NewKey(ref, OwnerTypeEnum.sensor, null, null, null, null, null, sensor, sensorRef, name, false, null,
                value);
    }

    /**
     * This key marked as encrypted: {@code value} is ciphertext made with the key whose hash is given.
     *
     * @param keyHash hash of the encryption key
     * @return a copy with {@code encrypted} set and the hash
     */
    public NewKey encryptedWith(String keyHash) {
        return new NewKey(ref, ownerType, ownerIdentity, ownerPack, ownerPackRef, ownerAction, ownerActionRef,
                ownerSensor, ownerSensorRef, name, true, keyHash, value);
    }

    private static void requireOwnerFields(OwnerTypeEnum ownerType, Long ownerIdentity, Long ownerPack,
            String ownerPackRef, Long ownerAction, String ownerActionRef, Long ownerSensor, String ownerSensorRef) {
        // Owner type -> the id field it requires; every other owner field must be empty.
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("owner_identity", ownerIdentity);
        fields.put("owner_pack", ownerPack);
        fields.put("owner_pack_ref", ownerPackRef);
        fields.put("owner_action", ownerAction);
        fields.put("owner_action_ref", ownerActionRef);
        fields.put("owner_sensor", ownerSensor);
        fields.put("owner_sensor_ref", ownerSensorRef);
        if (ownerType == OwnerTypeEnum.system) {
            fields.forEach((field, value) -> {
                if (value != null) {
                    throw new ValidationException(KeyRepository.ENTITY, field, value,
                            "a key with owner_type system cannot have owner fields set");
                }
            });
            return;
        }
        String required = "owner_" + ownerType.getLiteral();
        if (fields.get(required) == null) {
            throw new ValidationException(KeyRepository.ENTITY, required, null,
                    "must be set for owner_type " + ownerType.getLiteral());
        }
        fields.forEach((field, value) -> {
            if (value != null && !field.equals(required) && !field.equals(required + "_ref")) {
                throw new ValidationException(KeyRepository.ENTITY, field, value,
                        "must not be set for owner_type " + ownerType.getLiteral() + " (only " + required
                                + " identifies the owner)");
            }
        });
    }
}
