package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.PACK;
import static dev.attune.repositories.schema.Tables.PACK_TEST_EXECUTION;
import static dev.attune.repositories.schema.Tables.WEBHOOK_EVENT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.Page;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.execution.ExecutionRepository;
import dev.attune.repositories.execution.NewExecution;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.schema.Tables;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.pojos.PackTestExecution;
import dev.attune.repositories.schema.tables.pojos.WebhookEventLog;
import dev.attune.repositories.schema.tables.records.ExecutionRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.PackTestExecutionRecord;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The repositories' direct reads and inserts ({@link DirectReads}, {@link DirectInserts}, {@link RowReader}) give
 * what jOOQ gives, in the caller's transaction, with the same checks and errors, and are not taken where a caller
 * could tell the difference.
 */
@IsolatedSchemaTest
class DirectReadsTest {

    private static final NewPack FULL = new NewPack("core", "Core", "The core pack", "1.2.3",
            Fixtures.json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}}}"),
            Fixtures.json("{\"a\": 1, \"nested\": [1, \"two\", null, true]}"), Fixtures.json("[]"),
            List.of("one", "two words", "ünïcödé"), List.of(), true);

    /** A copy of the test context's settings (its own are not to be changed). */
    private static Settings copy(DSLContext dsl) {
        return (Settings) dsl.settings().clone();
    }

    private static DirectReads<PackRecord, Pack> packReads(DSLContext dsl) {
        return DirectReads.of(dsl, RepositoryContexts.of(dsl, "pack"), PACK, Pack.class, "pack");
    }

    @Test
    void everyTableButTheOneWithABindingOfItsOwnHasARowReader() throws ReflectiveOperationException {
        List<String> withoutReader = new ArrayList<>();
        List<String> withoutReaderMadeAnew = new ArrayList<>();
        int tables = 0;
        for (java.lang.reflect.Field constant : Tables.class.getFields()) {
            if (!Modifier.isStatic(constant.getModifiers()) || !Table.class.isAssignableFrom(constant.getType())) {
                continue;
            }
            Table<?> table = (Table<?>) constant.get(null);
            Class<?> row = Class.forName("dev.attune.repositories.schema.tables.pojos."
                    + constant.getType().getSimpleName());
            tables++;
            if (RowReader.of(table, row).isEmpty()) {
                withoutReader.add(table.getName());
            }
            if (RowReader.build(table, row).isEmpty()) {
                withoutReaderMadeAnew.add(table.getName());
            }
        }
        assertThat(tables).isGreaterThanOrEqualTo(23);
        assertThat(withoutReader).containsExactly(WEBHOOK_EVENT_LOG.getName());
        assertThat(withoutReaderMadeAnew).as("without the cache").containsExactly(WEBHOOK_EVENT_LOG.getName());
        assertThat(RowReader.of(WEBHOOK_EVENT_LOG, WebhookEventLog.class)).isEmpty();
        assertThat(RowReader.of(PACK, Execution.class)).isEmpty();
        assertThat(RowReader.build(WEBHOOK_EVENT_LOG, WebhookEventLog.class)).isEmpty();
        assertThat(RowReader.build(PACK, Execution.class)).isEmpty();
    }

    @Test
    void directReadsGiveWhatJooqGives(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        Pack full = packs.create(FULL);
        Pack sparse = packs.create(NewPack.of("sparse", "Sparse", "0.1.0"));
        Fixtures fixtures = new Fixtures(dsl);
        long executionId = fixtures.execution(fixtures.action(fixtures.pack("other"), "echo")).getId();

        DirectReads<PackRecord, Pack> reads = packReads(dsl);
        for (Pack pack : List.of(full, sparse)) {
            Pack byJooq = dsl.selectFrom(PACK).where(PACK.ID.eq(pack.id())).fetchSingleInto(Pack.class);
            assertThat(reads.one("findById", () -> dsl.selectFrom(PACK).where(PACK.ID.eq(pack.id())), pack.id()))
                    .contains(byJooq);
            assertThat(byJooq).isEqualTo(pack);
        }
        assertThat(reads.list("page", () -> dsl.selectFrom(PACK).orderBy(PACK.REF).limit(2).offset(1L), 1L, 2))
                .isEqualTo(dsl.selectFrom(PACK).orderBy(PACK.REF).limit(2).offset(1).fetchInto(Pack.class));
        assertThat(reads.isDirect("findById")).isTrue();
        assertThat(reads.isDirect("page")).isTrue();

        // Enums, integers and every other column type of an execution, through its repository.
        assertThat(new ExecutionRepository(dsl).findById(executionId))
                .contains(dsl.selectFrom(EXECUTION).where(EXECUTION.ID.eq(executionId))
                        .fetchSingleInto(Execution.class));
    }

    @Test
    void theRepositoriesFixedReadsAreDirect(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        Pack core = packs.create(FULL);

        assertThat(packs.findById(core.id())).contains(core);
        assertThat(packs.findByRef("core")).contains(core);
        assertThat(packs.list()).containsExactly(core);
        assertThat(packs.listPaginated(Page.first(10))).containsExactly(core);
        assertThat(packs.findById(core.id() + 1)).isEmpty();
        // The repository's own statements, by the names TableRepository gives them (shared by equal settings).
        DirectReads<PackRecord, Pack> shared = packReads(dsl);
        assertThat(shared.isDirect("findById")).isTrue();
        assertThat(shared.isDirect("findBy ref")).isTrue();
        assertThat(shared.isDirect("list")).isTrue();
        assertThat(shared.isDirect("page")).isTrue();

        // The same statements as the repository renders them: each is cached once, with its arguments bound.
        DirectReads<PackRecord, Pack> reads = packReads(dsl);
        assertThat(reads.one("by ref", () -> dsl.selectFrom(PACK).where(PACK.REF.eq("core")), "core"))
                .contains(core);
        assertThat(reads.list("list", () -> dsl.selectFrom(PACK).orderBy(PACK.REF))).containsExactly(core);
        assertThat(reads.isDirect("by ref")).isTrue();
        assertThat(reads.isDirect("list")).isTrue();
    }

    @Test
    void createIsDirectAndStoresWhatJooqStores(DSLContext dsl) {
        DirectInserts<PackRecord, Pack> inserts = DirectInserts.of(packReads(dsl));
        NewPack sparse = NewPack.of("sparse", "Sparse", "0.1.0");

        Pack full = inserts.create(FULL);
        Pack few = inserts.create(sparse);

        for (Pack created : List.of(full, few)) {
            assertThat(dsl.selectFrom(PACK).where(PACK.ID.eq(created.id())).fetchSingleInto(Pack.class))
                    .isEqualTo(created);
        }
        assertThat(full.confSchema()).isEqualTo(FULL.confSchema());
        assertThat(full.tags()).containsExactly("one", "two words", "ünïcödé");
        assertThat(few.description()).isNull();
        assertThat(inserts.isDirect(FULL)).isTrue();
        assertThat(inserts.isDirect(sparse)).isTrue();
        assertThat(DirectInserts.of(packReads(dsl.configuration().derive(copy(dsl).withExecuteLogging(true)).dsl()))
                .isDirect(FULL)).isFalse();
    }

    /** A row of pack_test_execution by column: whole numbers, a decimal, a timestamp, JSON. */
    private record PackTestRow(Long packId, String packVersion, OffsetDateTime executionTime, String triggerReason,
            Integer totalTests, Integer passed, Integer failed, Integer skipped, BigDecimal passRate, Long durationMs,
            JsonNode result) {
    }

    @Test
    void everyColumnTypeIsBoundAndReadDirectly(DSLContext dsl) {
        long packId = new PackRepository(dsl).create(FULL).id();
        DSLContext checked = RepositoryContexts.of(dsl, "pack_test_execution");
        DirectReads<PackTestExecutionRecord, PackTestExecution> reads = DirectReads.of(dsl, checked,
                PACK_TEST_EXECUTION, PackTestExecution.class, "pack_test_execution");
        DirectInserts<PackTestExecutionRecord, PackTestExecution> inserts = DirectInserts.of(reads);
        PackTestRow row = new PackTestRow(packId, "1.2.3", OffsetDateTime.parse("2026-01-02T03:04:05.123456Z"),
                "install", 10, 7, 2, 1, new BigDecimal("0.7000"), 1234L, Fixtures.json("{\"ok\": true}"));

        PackTestExecution created = inserts.create(row);

        assertThat(inserts.isDirect(row)).isTrue();
        assertThat(created).isEqualTo(dsl.selectFrom(PACK_TEST_EXECUTION)
                .where(PACK_TEST_EXECUTION.ID.eq(created.id())).fetchSingleInto(PackTestExecution.class));
        assertThat(created.passRate()).isEqualTo(new BigDecimal("0.7000"));
        assertThat(created.executionTime()).isEqualTo(row.executionTime());
        assertThat(created.totalTests()).isEqualTo(10);
        assertThat(reads.one("findById", () -> dsl.selectFrom(PACK_TEST_EXECUTION)
                .where(PACK_TEST_EXECUTION.ID.eq(created.id())), created.id())).contains(created);
        assertThat(reads.isDirect("findById")).isTrue();

        // An enum label and a bigint reference.
        Fixtures fixtures = new Fixtures(dsl);
        long actionId = fixtures.action(fixtures.pack("other"), "echo").getId();
        DSLContext executions = RepositoryContexts.of(dsl, "execution");
        DirectInserts<ExecutionRecord, Execution> executionInserts = DirectInserts.of(
                DirectReads.of(dsl, executions, EXECUTION, Execution.class, "execution"));
        NewExecution requested = NewExecution.of(actionId, "other.echo");
        Execution execution = executionInserts.create(requested);
        assertThat(executionInserts.isDirect(requested)).isTrue();
        assertThat(execution.status()).isEqualTo(ExecutionStatusEnum.requested);
        assertThat(execution).isEqualTo(dsl.selectFrom(EXECUTION).where(EXECUTION.ID.eq(execution.id()))
                .fetchSingleInto(Execution.class));
    }

    @Test
    void aStatementThatDoesNotBindExactlyItsArgumentsIsReadByJooq(DSLContext dsl) {
        Pack core = new PackRepository(dsl).create(FULL);
        DirectReads<PackRecord, Pack> reads = packReads(dsl);

        // An argument that is not a bind value, and one jOOQ renders inline: both read correctly, by jOOQ.
        assertThat(reads.one("missing argument", () -> dsl.selectFrom(PACK).where(PACK.ID.eq(core.id()))))
                .contains(core);
        assertThat(reads.one("inlined", () -> dsl.selectFrom(PACK).where(PACK.REF.eq(org.jooq.impl.DSL.inline(
                "core"))), "core")).contains(core);
        assertThat(reads.isDirect("missing argument")).isFalse();
        assertThat(reads.isDirect("inlined")).isFalse();

        // Arguments given in another order than jOOQ binds them; equal arguments, whose order cannot be seen.
        assertThat(reads.list("swapped", () -> dsl.selectFrom(PACK).orderBy(PACK.REF).limit(1).offset(0), 1, 0L))
                .containsExactly(core);
        assertThat(reads.list("equal", () -> dsl.selectFrom(PACK).orderBy(PACK.REF).limit(1).offset(1), 1L, 1))
                .isEmpty();
        assertThat(reads.isDirect("swapped")).isFalse();
        assertThat(reads.isDirect("equal")).isFalse();
    }

    @Test
    void aCallersListenerSeesEveryStatement(DSLContext dsl) {
        AtomicInteger executed = new AtomicInteger();
        ExecuteListener counter = new ExecuteListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void executeEnd(ExecuteContext ctx) {
                executed.incrementAndGet();
            }
        };
        DSLContext traced = dsl.configuration().derive(counter).dsl();
        PackRepository packs = new PackRepository(traced);
        Pack core = packs.create(FULL);

        assertThat(packs.findById(core.id())).contains(core);
        assertThat(packs.findByRef("core")).contains(core);
        assertThat(packs.list()).containsExactly(core);
        assertThat(executed).hasValue(4);
    }

    @Test
    void settingsThatChangeExecutionKeepReadsInJooq(DSLContext dsl) {
        assertThat(DirectJdbc.allows(dsl.configuration())).isTrue();
        for (Settings settings : List.of(copy(dsl).withExecuteLogging(true),
                copy(dsl).withStatementType(StatementType.STATIC_STATEMENT), copy(dsl).withQueryTimeout(5),
                copy(dsl).withMaxRows(10), copy(dsl).withFetchSize(100))) {
            assertThat(DirectJdbc.allows(dsl.configuration().derive(settings))).as("%s", settings)
                    .isFalse();
        }
    }

    @Test
    void aDirectReadJoinsTheCallersTransaction(DSLContext dsl) {
        Optional<Pack> seen = dsl.transactionResult(tx -> {
            Pack created = new PackRepository(tx.dsl()).create(FULL);
            return new PackRepository(tx.dsl()).findById(created.id());
        });
        assertThat(seen).isPresent();

        dsl.transaction(tx -> {
            tx.dsl().execute("set local time zone 'Asia/Kolkata'");
            Pack read = new PackRepository(tx.dsl()).getByRef("core");
            assertThat(read.created().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
            assertThat(read.created().toInstant()).isEqualTo(seen.get().created().toInstant());
        });
    }

    @Test
    void aSessionZoneJavaDoesNotKnowIsReadByJooq(DSLContext dsl) {
        Pack core = new PackRepository(dsl).create(FULL);
        dsl.transaction(tx -> {
            tx.dsl().execute("set local time zone '<+03>-03'");
            assertThat(new PackRepository(tx.dsl()).getByRef("core").created().toInstant())
                    .isEqualTo(core.created().toInstant());
        });
    }

    @Test
    void argumentsAreCheckedAndErrorsTranslatedAsOnEveryRead(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        assertThatThrownBy(() -> packs.findByRef("co\0re"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("ref");
                });
        DirectReads<PackRecord, Pack> reads = packReads(dsl);
        assertThatThrownBy(() -> reads.one("by ref", () -> dsl.selectFrom(PACK).where(PACK.REF.eq("co\0re")),
                "co\0re"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("argument"));

        assertThatThrownBy(() -> dsl.transaction(tx -> {
            PackRepository inTransaction = new PackRepository(tx.dsl());
            tx.dsl().execute("alter table pack rename column label to title");
            assertThatThrownBy(() -> inTransaction.findById(1))
                    .isInstanceOfSatisfying(RepositoryException.class, e -> {
                        assertThat(e.entity()).isEqualTo("pack");
                        assertThat(e.getMessage()).startsWith("pack: database error 42703: ");
                    });
            throw new RollbackOnPurpose();
        })).isInstanceOf(RollbackOnPurpose.class);
        assertThat(packs.list()).isEmpty(); // the rename was rolled back
    }

    @Test
    void oneRefusesASecondRow(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        packs.create(FULL);
        packs.create(NewPack.of("sparse", "Sparse", "0.1.0"));
        DirectReads<PackRecord, Pack> reads = packReads(dsl);

        assertThatThrownBy(() -> reads.one("all", () -> dsl.selectFrom(PACK)))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("pack: Cursor returned more than one result"));
        assertThat(reads.isDirect("all")).isTrue();
    }

    /** Ends a transaction of the test by rolling it back. */
    private static final class RollbackOnPurpose extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
