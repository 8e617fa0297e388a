package dev.attune.testserver;

import java.util.Locale;

/**
 * Where the database tests get their PostgreSQL server, chosen by the system property {@value #PROPERTY} or else the
 * environment variable {@value #VARIABLE}. Unset: {@link #URL} when a URL is configured, otherwise {@link #EMBEDDED}.
 */
public enum TestDatabaseSource {

    /** The server at {@code ATTUNE_TEST_DATABASE_URL} (or {@code -Dattune.test.database.url}). */
    URL,
    /** A private PostgreSQL started by the test JVM from the binaries on the classpath. */
    EMBEDDED,
    /** A Testcontainers PostgreSQL; needs a Docker engine and testcontainers-postgresql on the test classpath. */
    DOCKER;

    /** System property choosing the source: {@code url}, {@code embedded} or {@code docker}. */
    public static final String PROPERTY = "attune.test.database";
    /** Environment variable choosing the source when {@link #PROPERTY} is unset. */
    public static final String VARIABLE = "ATTUNE_TEST_DATABASE";

    /** {@return the value of {@link #PROPERTY} / {@link #VARIABLE} that selects this source} */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The source chosen by {@code setting} (a value of {@link #PROPERTY}, or null when unset).
     *
     * @throws TestServerException naming the setting and the accepted values when {@code setting} is none of them
     */
    static TestDatabaseSource parse(String setting, boolean urlConfigured) {
        if (setting == null || setting.isBlank()) {
            return urlConfigured ? URL : EMBEDDED;
        }
        for (TestDatabaseSource source : values()) {
            if (source.settingValue().equals(setting.trim().toLowerCase(Locale.ROOT))) {
                return source;
            }
        }
        throw new TestServerException(PROPERTY + " (or " + VARIABLE + ") is '" + setting
                + "': must be one of url, embedded, docker");
    }
}
