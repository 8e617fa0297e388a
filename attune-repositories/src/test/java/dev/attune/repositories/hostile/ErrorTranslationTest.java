package dev.attune.repositories.hostile;

import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.execution.ExecutionRepository;
import dev.attune.repositories.execution.WorkflowTaskConverter;
import dev.attune.repositories.execution.WorkflowTaskMetadata;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.webhook.WebhookRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.Test;

/**
 * What Java cannot check is translated in one place (the repositories' execute listener), for reads as for writes;
 * installing it keeps the caller's transaction and listeners.
 */
@IsolatedSchemaTest
class ErrorTranslationTest {

    @Test
    void anIndexRowTooLargeForTheServerIsAValidationErrorNotARaw54000(DSLContext dsl) {
        var fixtures = new Fixtures(dsl);
        long execution = fixtures.execution(fixtures.action(fixtures.pack("core"), "echo")).getId();
        StringBuilder name = new StringBuilder();
        while (name.length() < 8_000) {
            name.append(UUID.randomUUID()); // incompressible, so the expression index on task_name overflows
        }
        var update = RowUpdate.of(EXECUTION).set(EXECUTION.WORKFLOW_TASK, WorkflowTaskConverter.INSTANCE.to(WorkflowTaskMetadata.of(1, name.toString())));
        assertThatThrownBy(() -> new ExecutionRepository(dsl).update(execution, update))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("execution");
                    assertThat(e.rule()).contains("index row size").contains("idx_execution_task_name");
                    assertThat(e.getCause()).isInstanceOf(org.jooq.exception.DataAccessException.class);
                });
    }

    @Test
    void aValueThatCannotBeConvertedWhileReadingIsARepositoryExceptionNotARawOne(DSLContext dsl) {
        var fixtures = new Fixtures(dsl);
        var trigger = fixtures.trigger(fixtures.pack("core"), "hook");
        // plain SQL on purpose: a network where the binding expects a host address
        dsl.execute("insert into webhook_event_log (trigger_id, trigger_ref, webhook_key, source_ip, status_code)"
                + " values (?, ?, 'k', '10.0.0.0/8', 200)", trigger.getId(), trigger.getRef());
        assertThatThrownBy(() -> new WebhookRepository(dsl).findWebhookEvents(trigger.getId()))
                .isExactlyInstanceOf(RepositoryException.class)
                .hasMessageContaining("trigger: ")
                .hasMessageContaining("10.0.0.0/8");
    }

    @Test
    void aRepositoryInsideATransactionJoinsIt(DSLContext dsl) {
        assertThatThrownBy(() -> dsl.transaction(tx -> {
            new PackRepository(tx.dsl()).create(NewPack.of("core", "Core", "1.0.0"));
            new PackRepository(tx.dsl()).create(NewPack.of("core", "Again", "1.0.0"));
        })).isInstanceOf(dev.attune.repositories.AlreadyExistsException.class);
        assertThat(dsl.fetchCount(PACK)).as("the first insert was rolled back with the transaction").isZero();
    }

    @Test
    void theCallersOwnListenersStayInPlace(DSLContext dsl) {
        List<String> seen = new ArrayList<>();
        DSLContext observed = dsl.configuration().deriveAppending(new ExecuteListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void executeEnd(ExecuteContext ctx) {
                seen.add(ctx.sql());
            }
        }).dsl();
        new PackRepository(observed).create(NewPack.of("core", "Core", "1.0.0"));
        assertThat(seen).singleElement().asString().startsWith("insert into \"pack\"");
    }
}
