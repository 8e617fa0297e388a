package dev.attune.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The value types and helpers of this module, on their edges: ordering, messages. */
class SmallTypesTest {

    @Test
    void versionsCompareNumericallyPartByPartMissingPartsCountingAsZero() {
        assertThat(MigrationScripts.compareVersions("1.2", "1.2.0")).isZero();
        assertThat(MigrationScripts.compareVersions("1.2.0", "1.2")).isZero();
        assertThat(MigrationScripts.compareVersions("1.2", "1.10")).isNegative();
        assertThat(MigrationScripts.compareVersions("1.2.1", "1.2")).isPositive();
        assertThat(MigrationScripts.compareVersions("1", "1.0.1")).isNegative();
    }

    @Test
    void aFailedValidationListsEachProblemOnItsOwnIndentedLine() {
        MigrationException e = MigrationException.validationFailed("schema x does not match", List.of("a", "b c"));

        String n = System.lineSeparator();
        assertThat(e).hasMessage("schema x does not match:" + n + "  a" + n + "  b c");
        assertThat(e.problems()).containsExactly("a", "b c");
        assertThat(new MigrationException("other", null).problems()).isEmpty();
    }
}
