package dev.attune.repositories.queue;

import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.QUEUE_STATS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.Fixtures;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.QueueStats;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.junit.IsolatedSchemaTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class QueueStatsRepositoryTest {

    private static final OffsetDateTime ENQUEUED = OffsetDateTime.of(2026, 1, 20, 12, 0, 0, 0, ZoneOffset.UTC);

    /** Ids of new actions of one pack. */
    private static long[] actions(DSLContext dsl, int count) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = fixtures.action(pack, "a" + i).getId();
        }
        return ids;
    }

    private static QueueStatsUpsert counters(long actionId, int queued, int active) {
        return new QueueStatsUpsert(actionId, queued, active, 2, queued > 0 ? ENQUEUED : null, 10, 5);
    }

    @Test
    void upsertInsertsAndThenOverwritesEveryCounter(DSLContext dsl) {
        QueueStatsRepository queues = new QueueStatsRepository(dsl);
        long action = actions(dsl, 1)[0];

        QueueStats inserted = queues.upsert(new QueueStatsUpsert(action, 3, 1, 4, ENQUEUED, 10, 6));
        assertThat(inserted).isEqualTo(new QueueStats(action, 3, 1, 4, inserted.oldestEnqueuedAt(), 10L, 6L,
                inserted.lastUpdated()));
        assertThat(inserted.oldestEnqueuedAt()).isAtSameInstantAs(ENQUEUED);
        assertThat(inserted.lastUpdated()).isNotNull();

        QueueStats overwritten = queues.upsert(new QueueStatsUpsert(action, 0, 0, 1, null, 11, 11));
        assertThat(overwritten.queueLength()).isZero();
        assertThat(overwritten.activeCount()).isZero();
        assertThat(overwritten.maxConcurrent()).isEqualTo(1);
        assertThat(overwritten.oldestEnqueuedAt()).isNull();
        assertThat(overwritten.totalEnqueued()).isEqualTo(11);
        assertThat(overwritten.totalCompleted()).isEqualTo(11);
        assertThat(overwritten.lastUpdated()).isAfterOrEqualTo(inserted.lastUpdated());
        assertThat(queues.findByAction(action)).contains(overwritten);
        assertThat(queues.listAll()).containsExactly(overwritten);
    }

    @Test
    void anUpsertSetsLastUpdatedToNowEvenWhenItWasOld(DSLContext dsl) {
        QueueStatsRepository queues = new QueueStatsRepository(dsl);
        long action = actions(dsl, 1)[0];
        queues.upsert(QueueStatsUpsert.idle(action));
        dsl.update(QUEUE_STATS).set(QUEUE_STATS.LAST_UPDATED, ENQUEUED.minusYears(1)).execute();

        QueueStats updated = queues.upsert(QueueStatsUpsert.idle(action));

        assertThat(updated.lastUpdated()).isAfter(ENQUEUED);
    }

    @Test
    void upsertForAMissingActionIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new QueueStatsRepository(dsl).upsert(QueueStatsUpsert.idle(999)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("action"));
    }

    @Test
    void negativeCountersAreRejectedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> new QueueStatsUpsert(1, -1, 0, 1, null, 0, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("queue_stats.queue_length");
        assertThatThrownBy(() -> new QueueStatsUpsert(1, 0, -1, 1, null, 0, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("active_count");
        assertThatThrownBy(() -> new QueueStatsUpsert(1, 0, 0, 1, null, 0, -5))
                .isInstanceOf(ValidationException.class).hasMessageContaining("total_completed");
    }

    @Test
    void batchUpsertWritesEveryRowInOneStatementAndReturnsThemInInputOrder(DSLContext dsl) {
        long[] ids = actions(dsl, 3);
        new QueueStatsRepository(dsl).upsert(QueueStatsUpsert.idle(ids[1]));
        AtomicInteger statements = new AtomicInteger();
        DSLContext counting = DSL.using(dsl.configuration().derive(new DefaultExecuteListenerProvider(
                new ExecuteListener() {
                    @Override
                    public void executeStart(ExecuteContext ctx) {
                        statements.incrementAndGet();
                    }
                })));
        QueueStatsRepository queues = new QueueStatsRepository(counting);

        List<QueueStats> written = queues.batchUpsert(List.of(counters(ids[2], 1, 0), counters(ids[0], 0, 2),
                counters(ids[1], 7, 1)));

        assertThat(statements).hasValue(1);
        assertThat(written).extracting(QueueStats::actionId).containsExactly(ids[2], ids[0], ids[1]);
        assertThat(written).extracting(QueueStats::queueLength).containsExactly(1, 0, 7);
        assertThat(queues.findByAction(ids[1])).hasValueSatisfying(s -> {
            assertThat(s.queueLength()).isEqualTo(7);
            assertThat(s.activeCount()).isEqualTo(1);
            assertThat(s.oldestEnqueuedAt()).isAtSameInstantAs(ENQUEUED);
        });
    }

    @Test
    void batchUpsertOfNothingRunsNoSql() {
        // no connection at all: any SQL would fail
        QueueStatsRepository queues = new QueueStatsRepository(DSL.using(SQLDialect.POSTGRES));

        assertThat(queues.batchUpsert(List.of())).isEmpty();
    }

    @Test
    void batchUpsertRefusesAnActionTwiceAndWritesNothingWhenAnActionIsMissing(DSLContext dsl) {
        QueueStatsRepository queues = new QueueStatsRepository(dsl);
        long action = actions(dsl, 1)[0];

        assertThatThrownBy(() -> queues.batchUpsert(List.of(QueueStatsUpsert.idle(action),
                QueueStatsUpsert.idle(action))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> queues.batchUpsert(List.of(QueueStatsUpsert.idle(action),
                QueueStatsUpsert.idle(999))))
                .isInstanceOf(ReferenceViolationException.class);
        assertThat(queues.listAll()).isEmpty();
    }

    @Test
    void listsMostRecentlyUpdatedFirstAndActiveOnlyWhenSomethingIsQueuedOrRunning(DSLContext dsl) {
        QueueStatsRepository queues = new QueueStatsRepository(dsl);
        long[] ids = actions(dsl, 4);
        queues.batchUpsert(List.of(counters(ids[0], 0, 0), counters(ids[1], 2, 0), counters(ids[2], 0, 1),
                counters(ids[3], 0, 0)));
        setLastUpdated(dsl, ids[0], ENQUEUED.plusMinutes(4));
        setLastUpdated(dsl, ids[1], ENQUEUED.plusMinutes(1));
        setLastUpdated(dsl, ids[2], ENQUEUED.plusMinutes(3));
        setLastUpdated(dsl, ids[3], ENQUEUED.plusMinutes(2));

        assertThat(queues.listAll()).extracting(QueueStats::actionId).containsExactly(ids[0], ids[2], ids[3], ids[1]);
        assertThat(queues.listActive()).extracting(QueueStats::actionId).containsExactly(ids[2], ids[1]);
    }

    @Test
    void findsAndDeletesByAction(DSLContext dsl) {
        QueueStatsRepository queues = new QueueStatsRepository(dsl);
        long[] ids = actions(dsl, 2);
        queues.upsert(QueueStatsUpsert.idle(ids[0]));

        assertThat(queues.findByAction(ids[1])).isEmpty();
        assertThat(queues.delete(ids[0])).isTrue();
        assertThat(queues.delete(ids[0])).isFalse();
        assertThat(queues.findByAction(ids[0])).isEmpty();
    }

    @Test
    void clearStaleDeletesOnlyIdleCountersOlderThanTheGivenAge(DSLContext dsl) {
        QueueStatsRepository queues = new QueueStatsRepository(dsl);
        long[] ids = actions(dsl, 4);
        queues.batchUpsert(List.of(counters(ids[0], 0, 0), counters(ids[1], 0, 0), counters(ids[2], 1, 0),
                counters(ids[3], 0, 1)));
        OffsetDateTime hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        setLastUpdated(dsl, ids[0], hourAgo);
        setLastUpdated(dsl, ids[2], hourAgo);
        setLastUpdated(dsl, ids[3], hourAgo);

        assertThat(queues.clearStale(600)).isEqualTo(1);
        assertThat(queues.clearStale(600)).isZero();
        assertThat(queues.listAll()).extracting(QueueStats::actionId).containsExactlyInAnyOrder(ids[1], ids[2], ids[3]);
        assertThatThrownBy(() -> queues.clearStale(-1)).isInstanceOf(ValidationException.class);
    }

    @Test
    void deletingTheActionDeletesItsCounters(DSLContext dsl) {
        QueueStatsRepository queues = new QueueStatsRepository(dsl);
        long action = actions(dsl, 1)[0];
        queues.upsert(QueueStatsUpsert.idle(action));

        dsl.deleteFrom(ACTION).where(ACTION.ID.eq(action)).execute();

        assertThat(queues.findByAction(action)).isEmpty();
    }

    private static void setLastUpdated(DSLContext dsl, long actionId, OffsetDateTime at) {
        dsl.update(QUEUE_STATS).set(QUEUE_STATS.LAST_UPDATED, at).where(QUEUE_STATS.ACTION_ID.eq(actionId)).execute();
    }
}
