package dev.attune.db;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the configuration's enum values are read: by name, ignoring case and surrounding blanks. */
final class ConfigEnums {

    private ConfigEnums() {
    }

    /**
     * The constant of {@code constants} named {@code value}.
     *
     * @throws ConfigurationException naming {@code key} and the choices (as the constants print) when none matches
     */
    static <E extends Enum<E>> E parse(E[] constants, String key, String value) {
        if (value != null) {
            for (E constant : constants) {
                if (constant.name().equalsIgnoreCase(value.trim())) {
                    return constant;
                }
            }
        }
        throw new ConfigurationException(key, "must be one of "
                + Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", ")) + " (got " + value
                + ")");
    }
}
