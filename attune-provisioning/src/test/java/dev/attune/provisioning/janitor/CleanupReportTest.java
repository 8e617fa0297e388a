package dev.attune.provisioning.janitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CleanupReport}: what a janitor found and did, as the CLI and the logs show it. */
class CleanupReportTest {

    @Test
    void theSummaryCountsEveryCategory() {
        CleanupReport report = new CleanupReport(List.of("a", "b", "c"), List.of("d", "e"), List.of("f"), List.of("a"),
                List.of("g", "h", "i", "j"), List.of("k", "l", "m", "n", "o"));

        assertThat(report.summary()).isEqualTo("3 leaked (1 dropped), 2 of live runs kept, 1 unmarked look-alikes"
                + " ignored, 4 shared template/spare schemas kept, 5 stale ones");
    }

    @Test
    void thereIsWorkWhenSomethingIsLeakedOrStale() {
        assertThat(report(List.of(), List.of()).hasWork()).isFalse();
        assertThat(report(List.of("test_0a1b2c3d_1"), List.of()).hasWork()).isTrue();
        assertThat(report(List.of(), List.of("test_tpl_0123456789abcdef")).hasWork()).isTrue();
    }

    @Test
    void withDroppedKeepsEverythingElseAndTheListsAreCopies() {
        List<String> leaked = new ArrayList<>(List.of("x"));
        CleanupReport report = new CleanupReport(leaked, List.of("alive"), List.of("odd"), List.of(), List.of("tpl"),
                List.of("old"));
        leaked.add("y");

        CleanupReport done = report.withDropped(List.of("x", "old"));

        assertThat(done.dropped()).containsExactly("x", "old");
        assertThat(done.leaked()).containsExactly("x");
        assertThat(done.alive()).containsExactly("alive");
        assertThat(done.unmarked()).containsExactly("odd");
        assertThat(done.shared()).containsExactly("tpl");
        assertThat(done.stale()).containsExactly("old");
        assertThatThrownBy(() -> done.dropped().add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static CleanupReport report(List<String> leaked, List<String> stale) {
        return new CleanupReport(leaked, List.of(), List.of(), List.of(), List.of(), stale);
    }
}
