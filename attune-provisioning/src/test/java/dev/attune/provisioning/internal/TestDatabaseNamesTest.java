package dev.attune.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link TestDatabaseNames}: the run databases' names and markers, shared by their creator and the janitor. */
class TestDatabaseNamesTest {

    @Test
    void aDatabaseNameIsAttuneTestAndTheRunId() {
        assertThat(TestDatabaseNames.database("0a1b2c3d")).isEqualTo("attune_test_0a1b2c3d");
    }

    @Test
    void anInvalidRunIdIsRefusedBeforeItReachesSql() {
        for (String bad : new String[] {"0A1B2C3D", "0a1b2c3", "0a1b2c3d0", "x; drop"}) {
            assertThatThrownBy(() -> TestDatabaseNames.database(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("run id '" + bad + "' is invalid: must be 8 lower-case hex digits");
        }
    }

    @Test
    void onlyAnExactNameYieldsItsRunId() {
        assertThat(TestDatabaseNames.runIdOf("attune_test_0a1b2c3d")).contains("0a1b2c3d");
        for (String other : new String[] {"attune_test_0a1b2c3", "attune_test_0a1b2c3d_x", "attune_test_0A1B2C3D",
                "xattune_test_0a1b2c3d", "attune"}) {
            assertThat(TestDatabaseNames.runIdOf(other)).as(other).isEmpty();
        }
    }

    @Test
    void theCommentStatementMarksTheRunItsLeaseDatabaseAndPurpose() {
        String statement = TestDatabaseNames.commentStatement("0a1b2c3d", "postgres", "it's\na test");

        assertThat(statement).startsWith("comment on database attune_test_0a1b2c3d is 'attune-test-database"
                + " run=0a1b2c3d lease=postgres created=").endsWith(" purpose=it''s a test'");
        assertThat(TestDatabaseNames.commentStatement("0a1b2c3d", "postgres", null)).endsWith(" purpose='");
    }

    @Test
    void theLeaseDatabaseIsReadOnlyFromAMarkerOfTheSameRun() {
        String statement = TestDatabaseNames.commentStatement("0a1b2c3d", "leases_db", "x");
        String marker = statement.substring(statement.indexOf('\'') + 1, statement.length() - 1);

        assertThat(TestDatabaseNames.leaseDatabaseOf(marker, "0a1b2c3d")).contains("leases_db");
        assertThat(TestDatabaseNames.leaseDatabaseOf(marker, "ffffffff")).isEmpty();
        assertThat(TestDatabaseNames.leaseDatabaseOf(null, "0a1b2c3d")).isEmpty();
        assertThat(TestDatabaseNames.leaseDatabaseOf("some database", "0a1b2c3d")).isEmpty();
    }
}
