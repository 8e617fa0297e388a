package dev.attune.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ready queue prepares what the run is likely to use: one schema first when recycling, the target later. */
class ReadyQueueTest {

    private final AtomicInteger built = new AtomicInteger();

    private ReadyQueue queue(int target, int initial) {
        return new ReadyQueue(target, initial, () -> {
            built.incrementAndGet();
            return Optional.of(CompletableFuture.completedFuture(null));
        });
    }

    @Test
    void aRecyclingRunBuildsOneSchemaUntilASecondLeaseAsksForMore() {
        ReadyQueue ready = queue(2, 1);
        ready.fill();
        assertThat(built).as("at the start").hasValue(1);
        ready.take(Duration.ofSeconds(1));
        assertThat(built).as("after the first lease: its schema comes back when released").hasValue(1);
        ready.add(CompletableFuture.completedFuture(null)); // the first lease's schema, recycled
        ready.take(Duration.ofSeconds(1));
        assertThat(built).as("from the second lease on, topped up to the target").hasValue(3);
    }

    @Test
    void aFreshRunKeepsTheTargetReadyFromTheStart() {
        ReadyQueue ready = queue(2, 2);
        ready.fill();
        assertThat(built).hasValue(2);
        ready.take(Duration.ofSeconds(1));
        assertThat(built).as("topped up at once").hasValue(3);
    }

    @Test
    void aLeaseWithNothingQueuedBuildsItsOwnSchema() {
        ReadyQueue ready = queue(0, 0);
        ready.fill();
        assertThat(built).hasValue(0);
        ready.take(Duration.ofSeconds(1));
        assertThat(built).hasValue(1);
    }
}
