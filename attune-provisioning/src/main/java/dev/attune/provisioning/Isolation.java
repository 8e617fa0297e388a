package dev.attune.provisioning;

import java.util.Locale;

/** How a test gets its schema; see {@link ProvisioningSettings#isolation()}. */
public enum Isolation {

    /**
     * The default: a Flyway-migrated template shared across runs, test schemas made ready in the background (replayed or
     * handed over by an earlier run) and, with {@link ProvisioningSettings#recycleSchemas()}, verified and reused.
     */
    PROVISIONED("provisioned"),

    /**
     * The seed plan, kept for comparison: each lease creates a brand new schema and migrates it with Flyway while the
     * test waits, and its release drops it before returning. No template, no ready queue, no recycling; run it with
     * tests executing one at a time (the Maven build does when this mode is chosen).
     */
    FLYWAY_PER_TEST("flyway-per-test");

    private final String setting;

    Isolation(String setting) {
        this.setting = setting;
    }

    /** {@return the value of {@code attune.test.isolation} that chooses this mode} */
    public String setting() {
        return setting;
    }

    /**
     * The mode named {@code value} ({@code provisioned} or {@code flyway-per-test}, any case).
     *
     * @param value the setting's text
     * @return the mode
     * @throws IllegalArgumentException when {@code value} names no mode
     */
    public static Isolation of(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (Isolation isolation : values()) {
            if (isolation.setting.equals(wanted)) {
                return isolation;
            }
        }
        throw new IllegalArgumentException("attune.test.isolation must be provisioned or flyway-per-test (got '"
                + value + "')");
    }
}
