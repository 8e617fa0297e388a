package dev.attune.db;

import java.util.Locale;

/**
 * Where the data layer runs. In production the schema must be configured explicitly, and any schema other than
 * {@code attune} is logged as a loud warning.
 */
public enum Environment {
    /** A developer's machine; the default. */
    DEVELOPMENT,
    /** Automated tests. */
    TEST,
    /** Production: the schema must be configured explicitly, and one other than {@code attune} is warned about. */
    PRODUCTION;

    /**
     * Parses {@code development}, {@code test} or {@code production} (case-insensitive).
     *
     * @param key   the configuration key, for the error message
     * @param value the configured text
     * @return the constant
     * @throws ConfigurationException naming {@code key} when the text is none of them
     */
    public static Environment parse(String key, String value) {
        return ConfigEnums.parse(values(), key, value);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
