package dev.attune.repositories.pooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attune.db.Database;
import dev.attune.db.DatabaseConfig;
import dev.attune.db.DirectConnectionRequiredException;
import dev.attune.db.Environment;
import dev.attune.db.PoolerMode;
import dev.attune.db.SchemaName;
import dev.attune.migrations.Migrator;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.action.ActionRepository;
import dev.attune.repositories.action.NewAction;
import dev.attune.repositories.enforcement.EnforcementRepository;
import dev.attune.repositories.enforcement.NewEnforcement;
import dev.attune.repositories.event.EventRepository;
import dev.attune.repositories.event.NewEvent;
import dev.attune.repositories.execution.ExecutionChange;
import dev.attune.repositories.execution.ExecutionNotifications;
import dev.attune.repositories.execution.ExecutionRepository;
import dev.attune.repositories.execution.NewExecution;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.rule.NewRule;
import dev.attune.repositories.rule.RuleRepository;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Action;
import dev.attune.repositories.schema.tables.pojos.Enforcement;
import dev.attune.repositories.schema.tables.pojos.Event;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.pojos.Rule;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.trigger.NewTrigger;
import dev.attune.repositories.trigger.TriggerRepository;
import dev.attune.testserver.PgBouncer;
import dev.attune.testserver.ScratchDatabase;
import dev.attune.testserver.TestDatabaseServer;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The repositories and the execution listener behind a real PgBouncer in transaction mode, with the role-level
 * {@code search_path}: each test has its own database and role ({@link ScratchDatabase}) and its own PgBouncer.
 */
@Order(1) // started first: the longest class(es) of the suite, so the others run beside it
class RepositoriesThroughPgBouncerTest {

    private static final long WAIT_SECONDS = 20;

    private ScratchDatabase scratch;
    private PgBouncer pgbouncer;

    @BeforeEach
    void start() {
        Optional<String> unavailable = PgBouncer.unavailableReason();
        unavailable.ifPresent(reason -> System.err.println("SKIPPED PgBouncer tests: " + reason));
        assumeTrue(unavailable.isEmpty(), () -> "PgBouncer tests skipped: " + unavailable.orElseThrow());
        scratch = ScratchDatabase.create(TestDatabaseServer.get());
        scratch.executeAsAdmin("alter role " + scratch.role() + " in database " + scratch.name()
                + " set search_path = attune");
        pgbouncer = PgBouncer.inFrontOf(scratch).poolSize(4).start();
    }

    @AfterEach
    void stop() {
        if (pgbouncer != null) {
            pgbouncer.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    private DatabaseConfig config(boolean direct) {
        return DatabaseConfig.builder().environment(Environment.PRODUCTION).url(pgbouncer.url()).user(scratch.role())
                .password(scratch.password()).schema("attune").maxConnections(4).pooler(PoolerMode.TRANSACTION)
                .directUrl(direct ? scratch.url() : null).build();
    }

    @Test
    void aFlowThroughThePoolerIsCommittedAndHeardByTheDirectListener() throws InterruptedException {
        try (Database database = Database.open(config(true))) {
            new Migrator(database).migrate();
            BlockingQueue<ExecutionChange> changes = new LinkedBlockingQueue<>();
            try (ExecutionNotifications notifications = ExecutionNotifications.listen(database, changes::add)) {
                assertThat(notifications.isListening()).isTrue();

                Execution execution = database.dsl().transactionResult(tx -> {
                    Pack pack = new PackRepository(tx.dsl()).create(NewPack.of("core", "Core", "1.0.0"));
                    Trigger trigger = new TriggerRepository(tx.dsl()).create(
                            NewTrigger.of("core.webhook", pack.id(), pack.ref(), "Webhook"));
                    Action action = new ActionRepository(tx.dsl()).create(NewAction.of("core.echo", pack.id(),
                            pack.ref(), "Echo", "Prints its input", "echo.sh"));
                    Rule rule = new RuleRepository(tx.dsl()).create(NewRule.of("core.echo_on_webhook", pack.id(),
                            pack.ref(), "Echo on webhook", "Echoes", action.id(), action.ref(), trigger.id(),
                            trigger.ref()));
                    Event event = new EventRepository(tx.dsl()).create(new NewEvent(trigger.id(), trigger.ref(), null,
                            JsonNodeFactory.instance.objectNode().put("message", "hello"), null, null));
                    Enforcement enforcement = new EnforcementRepository(tx.dsl()).create(NewEnforcement.of(rule.id(),
                            rule.ref(), trigger.ref(), event.id(), event.payload()));
                    return new ExecutionRepository(tx.dsl()).create(new NewExecution(action.id(), action.ref(), null,
                            null, enforcement.id(), null, ExecutionStatusEnum.requested, null, null));
                });

                ExecutionChange change = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(change).as("the execution change within %d s", WAIT_SECONDS).isNotNull();
                assertThat(change.entityId()).isEqualTo(execution.id());
                assertThat(change.schema()).isEqualTo(SchemaName.ATTUNE);

                PackRepository packs = new PackRepository(database.dsl());
                assertThat(packs.count()).isEqualTo(1);
                assertThat(packs.getByRef("core").label()).isEqualTo("Core");
                assertThat(new ExecutionRepository(database.dsl()).findByEnforcement(execution.enforcement()))
                        .containsExactly(execution);
            }
        }
    }

    @Test
    void theListenerIsRefusedWithoutADirectUrl() {
        try (Database database = Database.open(config(true))) {
            new Migrator(database).migrate();
        }
        try (Database database = Database.open(config(false))) {
            assertThatThrownBy(() -> ExecutionNotifications.listen(database, change -> { }))
                    .isInstanceOf(DirectConnectionRequiredException.class)
                    .hasMessageContaining("listening to execution changes of schema attune")
                    .hasMessageContaining("LISTEN")
                    .hasMessageContaining("database.direct_url");
        }
    }

    @Test
    void aListenerWhoseConnectionGoesThroughThePoolerIsDetectedAsDeaf() {
        try (Database database = Database.open(config(true))) {
            new Migrator(database).migrate();
            // The pool's connections go through PgBouncer: LISTEN is accepted there, but nothing is ever heard.
            assertThatThrownBy(() -> ExecutionNotifications.listen(database.dataSource(), database.schema(),
                    change -> { }))
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("did not receive a test notification")
                    .hasMessageContaining("transaction pooler")
                    .hasMessageContaining("database.direct_url");
        }
    }
}
