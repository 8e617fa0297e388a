package dev.attune.provisioning;

import java.time.Duration;

/**
 * How test schemas are provisioned. Every setting can be given as a system property (or, upper-cased with {@code _},
 * an environment variable such as {@code ATTUNE_TEST_KEEP_FAILED_SCHEMAS=true}).
 *
 * @param readySchemas        {@code attune.test.ready-schemas} (default 2): schemas prepared in the background ahead of
 *                            demand, so a test rarely waits for one.
 * @param maxLeases           {@code attune.test.max-leases} (default 8): schemas leased at once; lowered automatically
 *                            to what the server's {@code max_connections} allows, and a lease waits for a free slot.
 * @param connectionsPerLease {@code attune.test.connections-per-lease} (default 2): pool size of each leased schema.
 * @param leaseTimeout        {@code attune.test.lease-timeout-seconds} (default 120): how long {@code lease()} waits for a
 *                            free slot before failing with an explanation instead of hanging.
 * @param keepFailedSchemas   {@code attune.test.keep-failed-schemas} (default false): keep the schema of a failed test
 *                            for inspection; it is listed in the log and removed by the next run's janitor.
 * @param recycleSchemas      {@code attune.test.recycle-schemas} (default true): verified recycle mode. A released schema
 *                            whose DDL fingerprint is unchanged and that no session still uses is emptied (rows deleted,
 *                            sequences restarted) and leased again; anything unexpected drops it. {@code false} drops
 *                            every schema and replays a new one (fresh mode).
 * @param isolation           {@code attune.test.isolation} (default {@code provisioned}): {@code flyway-per-test} is the
 *                            seed plan's way, kept to measure against — each lease Flyway-migrates a brand new schema
 *                            while the test waits and its release drops it; the Maven build then runs the tests one at
 *                            a time (profile {@code flyway-per-test} of the root POM). The other settings except the
 *                            lease limits and the timeout do not apply to it. See {@link Isolation}.
 */
public record ProvisioningSettings(
        int readySchemas,
        int maxLeases,
        int connectionsPerLease,
        Duration leaseTimeout,
        boolean keepFailedSchemas,
        boolean recycleSchemas,
        Isolation isolation) {

    /**
     * Settings of the default {@link Isolation#PROVISIONED} isolation.
     *
     * @param readySchemas        schemas prepared in the background ahead of demand, 0 to 16
     * @param maxLeases           schemas leased at once, 1 to 256
     * @param connectionsPerLease pool size of each leased schema, 1 to 32
     * @param leaseTimeout        how long a lease waits for a free slot; positive
     * @param keepFailedSchemas   whether the schema of a failed test is kept for inspection
     * @param recycleSchemas      whether released schemas are verified and reused (recycle mode) or dropped (fresh
     *                            mode)
     * @throws IllegalArgumentException naming the {@code attune.test.*} property out of range
     */
    public ProvisioningSettings(int readySchemas, int maxLeases, int connectionsPerLease, Duration leaseTimeout,
            boolean keepFailedSchemas, boolean recycleSchemas) {
        this(readySchemas, maxLeases, connectionsPerLease, leaseTimeout, keepFailedSchemas, recycleSchemas,
                Isolation.PROVISIONED);
    }

    /**
     * Checks every setting against its range.
     *
     * @param readySchemas        schemas prepared in the background ahead of demand, 0 to 16
     * @param maxLeases           schemas leased at once, 1 to 256
     * @param connectionsPerLease pool size of each leased schema, 1 to 32
     * @param leaseTimeout        how long a lease waits for a free slot; positive
     * @param keepFailedSchemas   whether the schema of a failed test is kept for inspection
     * @param recycleSchemas      whether released schemas are verified and reused (recycle mode) or dropped (fresh
     *                            mode)
     * @param isolation           how a test gets its schema; not null
     * @throws IllegalArgumentException naming the {@code attune.test.*} property out of range
     */
    public ProvisioningSettings {
        if (isolation == null) {
            throw new IllegalArgumentException("attune.test.isolation must be given");
        }
        require("attune.test.ready-schemas", readySchemas, 0, 16);
        require("attune.test.max-leases", maxLeases, 1, 256);
        require("attune.test.connections-per-lease", connectionsPerLease, 1, 32);
        if (leaseTimeout == null || leaseTimeout.isNegative() || leaseTimeout.isZero()) {
            throw new IllegalArgumentException("attune.test.lease-timeout-seconds must be positive (got " + leaseTimeout + ")");
        }
    }

    /**
     * The defaults, overridden by system properties and environment variables.
     *
     * @return the settings
     * @throws IllegalArgumentException naming a property that is not a number or out of range
     */
    public static ProvisioningSettings fromSystem() {
        return new ProvisioningSettings(
                intSetting("attune.test.ready-schemas", 2),
                intSetting("attune.test.max-leases", 8),
                intSetting("attune.test.connections-per-lease", 2),
                Duration.ofSeconds(intSetting("attune.test.lease-timeout-seconds", 120)),
                Boolean.parseBoolean(setting("attune.test.keep-failed-schemas", "false")),
                Boolean.parseBoolean(setting("attune.test.recycle-schemas", "true")),
                Isolation.of(setting("attune.test.isolation", Isolation.PROVISIONED.setting())));
    }

    private static int intSetting(String key, int fallback) {
        String value = setting(key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number (got '" + value + "')", e);
        }
    }

    private static String setting(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void require(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + " (got " + value + ")");
        }
    }
}
