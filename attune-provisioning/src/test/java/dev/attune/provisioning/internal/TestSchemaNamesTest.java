package dev.attune.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link TestSchemaNames}: the names and markers the provisioner writes and the janitor trusts. */
class TestSchemaNamesTest {

    @Test
    void aSchemaNameIsTestRunIdAndCounter() {
        assertThat(TestSchemaNames.schema("0a1b2c3d", 17).value()).isEqualTo("test_0a1b2c3d_17");
    }

    @Test
    void onlyAnExactNameYieldsItsRunId() {
        assertThat(TestSchemaNames.runIdOf("test_0a1b2c3d_0")).contains("0a1b2c3d");
        assertThat(TestSchemaNames.runIdOf("test_0a1b2c3d_123")).contains("0a1b2c3d");
        for (String other : new String[] {"test_0a1b2c3d_", "test_0A1B2C3D_1", "test_0a1b2c3_1", "test_0a1b2c3d_1x",
                "xtest_0a1b2c3d_1", "test_tpl_0123456789abcdef", "attune"}) {
            assertThat(TestSchemaNames.runIdOf(other)).as(other).isEmpty();
        }
    }

    @Test
    void aMarkerIsRecognisedForItsOwnRunOnly() {
        String marker = TestSchemaNames.marker("0a1b2c3d", "JanitorTest.drops");

        assertThat(marker).startsWith("attune-test-schema run=0a1b2c3d created=").endsWith(" test=JanitorTest.drops");
        assertThat(TestSchemaNames.isMarkerOf(marker, "0a1b2c3d")).isTrue();
        assertThat(TestSchemaNames.isMarkerOf(marker, "ffffffff")).isFalse();
        assertThat(TestSchemaNames.isMarkerOf(null, "0a1b2c3d")).isFalse();
        assertThat(TestSchemaNames.isMarkerOf("hand-made schema", "0a1b2c3d")).isFalse();
        assertThat(TestSchemaNames.isMarkerOf("x" + marker, "0a1b2c3d")).isFalse();
    }

    @Test
    void aMarkerReplacesControlCharactersOfTheTestNameAndToleratesNone() {
        assertThat(TestSchemaNames.marker("0a1b2c3d", "a\nb\tc")).endsWith(" test=a b c");
        String withoutName = TestSchemaNames.marker("0a1b2c3d", null);
        assertThat(withoutName).endsWith(" test=");
        assertThat(TestSchemaNames.isMarkerOf(withoutName, "0a1b2c3d")).isTrue();
    }

    @Test
    void theCommentStatementDoublesQuotes() {
        assertThat(TestSchemaNames.commentStatement(TestSchemaNames.schema("0a1b2c3d", 1), "it's"))
                .isEqualTo("comment on schema test_0a1b2c3d_1 is 'it''s'");
    }

    @Test
    void theLockKeyIsTheRunIdReadAsAnUnsigned32BitNumber() {
        assertThat(TestSchemaNames.lockKey("00000010")).isEqualTo(16);
        assertThat(TestSchemaNames.lockKey("ffffffff")).isEqualTo(-1);
        assertThat(TestSchemaNames.LOCK_NAMESPACE).isEqualTo(0x41747475);
    }
}
