package dev.attune.repositories.internal;

import dev.attune.repositories.ValidationException;
import java.util.regex.Pattern;

/**
 * The reference formats the schema's CHECK constraints enforce, checked in Java first so that a bad ref is refused with
 * a clear message before any SQL runs. Every ref first follows the identifier policy ({@link Identifiers#requireRef}).
 */
public final class Refs {

    private static final Pattern PACK_REF = Pattern.compile("[a-z][a-z0-9_-]+");
    private static final Pattern TWO_PART = Pattern.compile("[^.]+\\.[^.]+");
    private static final Pattern KEY_REF = Pattern.compile("[^.]+(\\.[^.]+)?");
    private static final Pattern RUNTIME_REF = Pattern.compile("[^.]+\\.(action|sensor)\\.[^.]+");

    private Refs() {
    }

    /**
     * A pack ref: lower case, a letter then at least one of {@code a-z 0-9 _ -}, no dots.
     *
     * @param ref the ref
     * @return {@code ref}
     */
    public static String requirePackRef(String ref) {
        require("pack", ref, PACK_REF, "must be lower case, start with a letter and contain only a-z, 0-9, '_', '-'"
                + " (at least 2 characters, no dots)");
        return ref;
    }

    /**
     * A {@code pack.name} ref, lower case (action, rule, trigger, sensor, policy, permission_set).
     *
     * @param entity the entity errors name
     * @param ref    the ref
     * @return {@code ref}
     */
    public static String requireTwoPartRef(String entity, String ref) {
        require(entity, ref, TWO_PART, "must be lower case 'pack.name' (exactly one dot, text on both sides)");
        return ref;
    }

    /**
     * A key ref: {@code name} or {@code owner.name}, lower case.
     *
     * @param ref the ref
     * @return {@code ref}
     */
    public static String requireKeyRef(String ref) {
        require("key", ref, KEY_REF, "must be lower case 'name' or 'owner.name'");
        return ref;
    }

    /**
     * A runtime ref: {@code pack.action.name} or {@code pack.sensor.name}, lower case.
     *
     * @param ref the ref
     * @return {@code ref}
     */
    public static String requireRuntimeRef(String ref) {
        require("runtime", ref, RUNTIME_REF, "must be lower case 'pack.action.name' or 'pack.sensor.name'");
        return ref;
    }

    /**
     * A non-null value for a NOT NULL column or a finder argument; text must also be storable as given
     * ({@link Texts#requireStorable}: no NUL, no unpaired surrogate).
     *
     * @param <T> the value's type
     * @param entity the entity errors name
     * @param field  the column or parameter errors name
     * @param value  the value
     * @return {@code value}
     */
    public static <T> T requireValue(String entity, String field, T value) {
        if (value == null) {
            throw new ValidationException(entity, field, null, "is required");
        }
        if (value instanceof String text) {
            Texts.requireStorable(entity, field, text);
        }
        return value;
    }

    private static void require(String entity, String ref, Pattern pattern, String rule) {
        if (ref == null || ref.isEmpty()) {
            throw new ValidationException(entity, "ref", ref, "is required");
        }
        Identifiers.requireRef(entity, "ref", ref);
        if (!ref.equals(ref.toLowerCase(java.util.Locale.ROOT)) || !pattern.matcher(ref).matches()) {
            throw new ValidationException(entity, "ref", ref, rule);
        }
    }
}
