package dev.attune.provisioning.janitor;

/**
 * The JUnit resource lock of the tests that run a janitor over the whole test database and assert what it dropped:
 * one at a time in a JVM, so that one test's janitor does not drop what another test is about to check.
 */
public final class JanitorLock {

    /** The {@code @ResourceLock} name. */
    public static final String NAME = "attune-test-janitor";

    private JanitorLock() {
    }
}
