package dev.attune.repositories.action;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.schema.enums.PolicyMethodEnum;
import dev.attune.repositories.schema.tables.pojos.Action;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.RuntimeRecord;
import dev.attune.repositories.schema.tables.records.WorkflowDefinitionRecord;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class ActionRepositoryTest {

    private static NewAction action(PackRecord pack, String name) {
        return NewAction.of(pack.getRef() + "." + name, pack.getId(), pack.getRef(), "Action " + name,
                "Does " + name, name + ".sh");
    }

    @Test
    void createsAnActionAndFindsItByIdAndRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        RuntimeRecord runtime = fixtures.runtime(pack, "shell");
        ActionRepository actions = new ActionRepository(dsl);

        Action created = actions.create(new NewAction("core.echo", pack.getId(), "core", "Echo", "Prints its input",
                "echo.sh", runtime.getId(), json("{\"type\":\"object\"}"), json("{\"type\":\"string\"}")));

        assertThat(created.id()).isPositive();
        assertThat(created.pack()).isEqualTo(pack.getId());
        assertThat(created.runtime()).isEqualTo(runtime.getId());
        assertThat(created.paramSchema()).isEqualTo(json("{\"type\":\"object\"}"));
        assertThat(created.outSchema()).isEqualTo(json("{\"type\":\"string\"}"));
        assertThat(created.isWorkflow()).isFalse();
        assertThat(created.workflowDef()).isNull();
        assertThat(actions.findById(created.id())).contains(created);
        assertThat(actions.getById(created.id())).isEqualTo(created);
        assertThat(actions.findByRef("core.echo")).contains(created);
        assertThat(actions.getByRef("core.echo")).isEqualTo(created);
    }

    @Test
    void aMissingActionIsNotFoundByIdOrRef(DSLContext dsl) {
        ActionRepository actions = new ActionRepository(dsl);

        assertThat(actions.findById(42)).isEmpty();
        assertThat(actions.findByRef("core.nope")).isEmpty();
        assertThatThrownBy(() -> actions.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("action with id = 42 not found");
        assertThatThrownBy(() -> actions.getByRef("core.nope"))
                .isInstanceOf(NotFoundException.class).hasMessage("action with ref = core.nope not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExistsNamingTheRef(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        ActionRepository actions = new ActionRepository(dsl);
        actions.create(action(pack, "echo"));

        assertThatThrownBy(() -> actions.create(action(pack, "echo")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("action");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core.echo");
                });
    }

    @Test
    void badRefsAndMissingRequiredValuesAreRejectedBeforeAnySqlRuns() {
        for (String bad : Arrays.asList("Core.echo", "core", "core.echo.x", ".echo", "core.", "", null)) {
            assertThatThrownBy(() -> NewAction.of(bad, 1, "core", "Echo", "d", "echo.sh"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("action.ref");
        }
        assertThatThrownBy(() -> NewAction.of("core.echo", 1, "core", null, "d", "echo.sh"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("action.label");
        assertThatThrownBy(() -> NewAction.of("core.echo", 1, "core", "Echo", null, "echo.sh"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("action.description");
        assertThatThrownBy(() -> NewAction.of("core.echo", 1, "core", "Echo", "d", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("action.entrypoint");
        assertThatThrownBy(() -> NewAction.of("core.echo", 1, null, "Echo", "d", "echo.sh"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("action.pack_ref");
    }

    @Test
    void theFactoryTakingThePackRowUsesItsIdAndRef(DSLContext dsl) {
        Pack pack = new PackRepository(dsl).create(NewPack.of("core", "Core", "1.0.0"));

        Action created = new ActionRepository(dsl).create(NewAction.of("core.echo", pack, "Echo", "Prints", "echo.sh"));

        assertThat(created.pack()).isEqualTo(pack.id());
        assertThat(created.packRef()).isEqualTo("core");
        assertThatThrownBy(() -> NewAction.of("core.echo", (Pack) null, "Echo", "Prints", "echo.sh"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("action.pack");
    }

    @Test
    void aMissingPackOrRuntimeIsAReferenceViolation(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        ActionRepository actions = new ActionRepository(dsl);

        assertThatThrownBy(() -> actions.create(NewAction.of("core.echo", 999, "core", "Echo", "d", "echo.sh")))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("pack");
                    assertThat(e.otherTable()).isEqualTo("pack");
                });
        assertThatThrownBy(() -> actions.create(new NewAction("core.echo", pack.getId(), "core", "Echo", "d",
                "echo.sh", 999L, null, null)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("runtime"));
    }

    @Test
    void listsByRefAndFindsByPackAndRuntime(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord linux = fixtures.pack("linux");
        RuntimeRecord shell = fixtures.runtime(core, "shell");
        ActionRepository actions = new ActionRepository(dsl);
        actions.create(action(linux, "ssh"));
        actions.create(new NewAction("core.zz", core.getId(), "core", "Z", "z", "z.sh", shell.getId(), null, null));
        actions.create(action(core, "echo"));
        actions.create(new NewAction("core.aa", core.getId(), "core", "A", "a", "a.sh", shell.getId(), null, null));

        assertThat(actions.list()).extracting(Action::ref)
                .containsExactly("core.aa", "core.echo", "core.zz", "linux.ssh");
        assertThat(actions.findByPack(core.getId())).extracting(Action::ref)
                .containsExactly("core.aa", "core.echo", "core.zz");
        assertThat(actions.findByRuntime(shell.getId())).extracting(Action::ref).containsExactly("core.aa", "core.zz");
        assertThat(actions.findByPack(999)).isEmpty();
    }

    @Test
    void searchesRefLabelAndDescriptionIgnoringCase(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRepository actions = new ActionRepository(dsl);
        actions.create(NewAction.of("core.http", core.getId(), "core", "Web request", "Calls a URL", "http.py"));
        actions.create(NewAction.of("core.echo", core.getId(), "core", "Echo", "Prints 100% of its input", "e.sh"));
        actions.create(NewAction.of("core.sleep", core.getId(), "core", "Sleep", "Waits", "s.sh"));

        assertThat(actions.search("HTTP")).extracting(Action::ref).containsExactly("core.http");
        assertThat(actions.search("web")).extracting(Action::ref).containsExactly("core.http");
        assertThat(actions.search("url")).extracting(Action::ref).containsExactly("core.http");
        assertThat(actions.search("CORE.")).extracting(Action::ref)
                .containsExactly("core.echo", "core.http", "core.sleep");
        assertThat(actions.search("100%")).extracting(Action::ref).containsExactly("core.echo");
        assertThat(actions.search("nothing")).isEmpty();
    }

    @Test
    void linkingAWorkflowDefinitionMakesTheActionAWorkflow(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        WorkflowDefinitionRecord definition = fixtures.workflowDefinition(core, "deploy");
        ActionRepository actions = new ActionRepository(dsl);
        Action plain = actions.create(action(core, "echo"));
        Action workflow = actions.create(action(core, "deploy"));

        assertThat(actions.findWorkflows()).isEmpty();
        assertThat(actions.findByWorkflowDef(definition.getId())).isEmpty();

        Action linked = actions.linkWorkflowDef(workflow.id(), definition.getId());

        assertThat(linked.isWorkflow()).isTrue();
        assertThat(linked.workflowDef()).isEqualTo(definition.getId());
        assertThat(linked.label()).isEqualTo(workflow.label());
        assertThat(actions.findWorkflows()).extracting(Action::id).containsExactly(workflow.id());
        assertThat(actions.findByWorkflowDef(definition.getId())).contains(linked);
        assertThat(actions.getById(plain.id()).isWorkflow()).isFalse();
    }

    @Test
    void findByWorkflowDefReturnsTheLowestRefWhenTwoActionsLinkTheSameDefinition(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        WorkflowDefinitionRecord definition = fixtures.workflowDefinition(core, "deploy");
        ActionRepository actions = new ActionRepository(dsl);
        Action b = actions.create(action(core, "bb"));
        Action a = actions.create(action(core, "aa"));
        actions.linkWorkflowDef(b.id(), definition.getId());
        actions.linkWorkflowDef(a.id(), definition.getId());

        assertThat(actions.findByWorkflowDef(definition.getId())).map(Action::ref).contains("core.aa");
        assertThat(actions.findWorkflows()).extracting(Action::ref).containsExactly("core.aa", "core.bb");
    }

    @Test
    void linkingAMissingActionOrDefinitionFails(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        WorkflowDefinitionRecord definition = fixtures.workflowDefinition(core, "deploy");
        ActionRepository actions = new ActionRepository(dsl);
        Action action = actions.create(action(core, "deploy"));

        assertThatThrownBy(() -> actions.linkWorkflowDef(999, definition.getId()))
                .isInstanceOf(NotFoundException.class).hasMessage("action with id = 999 not found");
        assertThatThrownBy(() -> actions.linkWorkflowDef(action.id(), 999))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("workflow_definition"));
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearRuntimeAndSchemas(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        RuntimeRecord shell = fixtures.runtime(core, "shell");
        ActionRepository actions = new ActionRepository(dsl);
        Action created = actions.create(new NewAction("core.echo", core.getId(), "core", "Echo", "Prints",
                "echo.sh", shell.getId(), json("{\"a\":1}"), json("{\"b\":2}")));

        Action renamed = actions.update(created.id(), RowUpdate.of(ACTION).set(ACTION.LABEL, "Echo 2").set(ACTION.ENTRYPOINT, "echo2.sh"));
        assertThat(renamed.label()).isEqualTo("Echo 2");
        assertThat(renamed.entrypoint()).isEqualTo("echo2.sh");
        assertThat(renamed.description()).isEqualTo("Prints");
        assertThat(renamed.runtime()).isEqualTo(shell.getId());
        assertThat(renamed.paramSchema()).isEqualTo(json("{\"a\":1}"));
        assertThat(renamed.updated()).isAfterOrEqualTo(created.updated());

        Action cleared = actions.update(created.id(),
                RowUpdate.of(ACTION).set(ACTION.RUNTIME, null).set(ACTION.PARAM_SCHEMA, null).set(ACTION.OUT_SCHEMA, null).set(ACTION.DESCRIPTION, "Says"));
        assertThat(cleared.runtime()).isNull();
        assertThat(cleared.paramSchema()).isNull();
        assertThat(cleared.outSchema()).isNull();
        assertThat(cleared.description()).isEqualTo("Says");
        assertThat(cleared.label()).isEqualTo("Echo 2");
        assertThat(actions.getById(created.id())).isEqualTo(cleared);

        Action reattached = actions.update(created.id(), RowUpdate.of(ACTION).set(ACTION.RUNTIME, shell.getId()));
        assertThat(reattached.runtime()).isEqualTo(shell.getId());
        assertThat(actions.update(created.id(), RowUpdate.of(ACTION))).isEqualTo(reattached);
    }

    @Test
    void updatingAMissingActionOrToInvalidValuesFails(DSLContext dsl) {
        PackRecord core = new Fixtures(dsl).pack("core");
        ActionRepository actions = new ActionRepository(dsl);
        Action created = actions.create(action(core, "echo"));

        assertThatThrownBy(() -> actions.update(7_000, RowUpdate.of(ACTION).set(ACTION.LABEL, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("action with id = 7000 not found");
        assertThatThrownBy(() -> actions.update(7_000, RowUpdate.of(ACTION)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RowUpdate.of(ACTION).set(ACTION.LABEL, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("action.label");
        assertThatThrownBy(() -> RowUpdate.of(ACTION).set(ACTION.DESCRIPTION, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("action.description");
        assertThatThrownBy(() -> RowUpdate.of(ACTION).set(ACTION.ENTRYPOINT, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("action.entrypoint");
        assertThatThrownBy(() -> actions.update(created.id(), RowUpdate.of(ACTION).set(ACTION.RUNTIME, 999L)))
                .isInstanceOf(ReferenceViolationException.class);
    }

    @Test
    void deletesAnActionWithItsPolicies(DSLContext dsl) {
        PackRecord core = new Fixtures(dsl).pack("core");
        ActionRepository actions = new ActionRepository(dsl);
        Action created = actions.create(action(core, "echo"));
        new PolicyRepository(dsl).create(NewPolicy.forAction("core.limit", created.id(), created.ref(),
                PolicyMethodEnum.enqueue, 1, "limit"));

        assertThat(actions.delete(created.id())).isTrue();
        assertThat(actions.findById(created.id())).isEmpty();
        assertThat(dsl.fetchCount(POLICY)).isZero();
        assertThat(actions.delete(created.id())).isFalse();
    }

    @Test
    void anActionWithExecutionsCannotBeDeleted(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRepository actions = new ActionRepository(dsl);
        Action created = actions.create(action(core, "echo"));
        fixtures.execution(dsl.fetchSingle(ACTION, ACTION.ID.eq(created.id())));

        assertThatThrownBy(() -> actions.delete(created.id()))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("execution"));
        assertThat(actions.findById(created.id())).isPresent();
    }
}
