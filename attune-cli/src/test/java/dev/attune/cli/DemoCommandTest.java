package dev.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code attune demo} without configuration: its own embedded PostgreSQL, started and stopped by the command. */
class DemoCommandTest {

    @Test
    void theDemoWalksTheWholeFlowOnItsOwnServerAndHearsEveryExecutionChange() {
        CliRun run = CliRun.run(Map.of(), "demo");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Migrated: 13 migration(s) applied, schema attune")
                .containsPattern("(?m)^  pack +#1 +demo_[0-9a-f]{6} 1\\.0\\.0")
                .contains("created -> processed")
                .contains("requested -> scheduling -> scheduled -> running -> completed, result {\"stdout\":\"hello\"}")
                .contains("pending -> responded {\"approved\":true}")
                .contains("Heard on channel attune_notifications:")
                .containsPattern("(?s)execution #1 requested .*scheduling .*scheduled .*running .*completed ")
                .endsWith("Stopped the embedded PostgreSQL; its data is deleted." + System.lineSeparator());
    }
}
