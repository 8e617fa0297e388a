package dev.attune.repositories.workflow;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.WORKFLOW_DEFINITION;
import static dev.attune.repositories.schema.Tables.WORKFLOW_EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.WorkflowDefinition;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class WorkflowDefinitionRepositoryTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 20, 12, 0, 0, 0, ZoneOffset.UTC);

    private static NewWorkflowDefinition definition(PackRecord pack, String name, String label, List<String> tags,
            boolean enabled) {
        return new NewWorkflowDefinition(pack.getRef() + "." + name, pack.getId(), pack.getRef(), label, null, "1.0.0",
                null, null, json("{\"tasks\":[]}"), tags, enabled);
    }

    private static void setCreated(DSLContext dsl, WorkflowDefinition definition, OffsetDateTime created) {
        dsl.update(WORKFLOW_DEFINITION).set(WORKFLOW_DEFINITION.CREATED, created)
                .where(WORKFLOW_DEFINITION.ID.eq(definition.id())).execute();
    }

    @Test
    void createsADefinitionWithDefaultsAndFindsItByIdAndRef(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);

        WorkflowDefinition created = definitions.create(NewWorkflowDefinition.of("core.deploy", pack.getId(), "core",
                "Deploy", "1.0.0", json("{\"tasks\":[{\"name\":\"build\"}]}")));

        assertThat(created.id()).isPositive();
        assertThat(created.ref()).isEqualTo("core.deploy");
        assertThat(created.pack()).isEqualTo(pack.getId());
        assertThat(created.definition()).isEqualTo(json("{\"tasks\":[{\"name\":\"build\"}]}"));
        assertThat(created.tags()).isEmpty();
        assertThat(created.enabled()).isTrue();
        assertThat(created.description()).isNull();
        assertThat(definitions.findById(created.id())).contains(created);
        assertThat(definitions.getById(created.id())).isEqualTo(created);
        assertThat(definitions.findByRef("core.deploy")).contains(created);
        assertThat(definitions.getByRef("core.deploy")).isEqualTo(created);
    }

    @Test
    void aMissingDefinitionIsNotFoundByIdOrRef(DSLContext dsl) {
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);

        assertThat(definitions.findById(3)).isEmpty();
        assertThat(definitions.findByRef("core.none")).isEmpty();
        assertThatThrownBy(() -> definitions.getById(3))
                .isInstanceOf(NotFoundException.class).hasMessage("workflow_definition with id = 3 not found");
        assertThatThrownBy(() -> definitions.getByRef("core.none"))
                .isInstanceOf(NotFoundException.class).hasMessage("workflow_definition with ref = core.none not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExists(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);
        definitions.create(definition(pack, "deploy", "Deploy", List.of(), true));

        assertThatThrownBy(() -> definitions.create(definition(pack, "deploy", "Again", List.of(), true)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("workflow_definition");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core.deploy");
                });
    }

    @Test
    void invalidInputIsRejectedBeforeAnySqlRunsOrByTheColumnLength(DSLContext dsl) {
        assertThatThrownBy(() -> NewWorkflowDefinition.of(null, 1, "core", "x", "1", json("{}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_definition.ref");
        assertThatThrownBy(() -> NewWorkflowDefinition.of("core.x", 1, "core", "x", "1", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_definition.definition");
        assertThatThrownBy(() -> RowUpdate.of(WORKFLOW_DEFINITION).set(WORKFLOW_DEFINITION.LABEL, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_definition.label");
        assertThatThrownBy(() -> RowUpdate.of(WORKFLOW_DEFINITION).set(WORKFLOW_DEFINITION.VERSION, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_definition.version");
        assertThatThrownBy(() -> RowUpdate.of(WORKFLOW_DEFINITION).set(WORKFLOW_DEFINITION.DEFINITION, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_definition.definition");

        PackRecord pack = new Fixtures(dsl).pack("core");
        assertThatThrownBy(() -> new WorkflowDefinitionRepository(dsl).create(NewWorkflowDefinition.of("core.long",
                pack.getId(), "core", "Long", "1".repeat(51), json("{}"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.entity()).isEqualTo("workflow_definition"));
    }

    @Test
    void aMissingPackIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new WorkflowDefinitionRepository(dsl).create(NewWorkflowDefinition.of("core.x", 404,
                "core", "X", "1.0.0", json("{}"))))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("pack"));
    }

    @Test
    void listsNewestFirstCappedAtAThousand(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);
        WorkflowDefinition older = definitions.create(definition(pack, "a", "A", List.of(), true));
        WorkflowDefinition newer = definitions.create(definition(pack, "b", "B", List.of(), true));
        setCreated(dsl, older, T0);
        setCreated(dsl, newer, T0.plusHours(1));
        assertThat(definitions.list()).extracting(WorkflowDefinition::id).containsExactly(newer.id(), older.id());

        var i = DSL.field("i", Integer.class);
        dsl.insertInto(WORKFLOW_DEFINITION, WORKFLOW_DEFINITION.REF, WORKFLOW_DEFINITION.PACK, WORKFLOW_DEFINITION.PACK_REF,
                        WORKFLOW_DEFINITION.LABEL, WORKFLOW_DEFINITION.VERSION, WORKFLOW_DEFINITION.DEFINITION,
                        WORKFLOW_DEFINITION.CREATED)
                .select(DSL.select(DSL.concat(DSL.val("core.bulk_"), i.cast(String.class)), DSL.val(pack.getId()),
                                DSL.val("core"), DSL.val("bulk"), DSL.val("1.0.0"), DSL.val(json("{}"), WORKFLOW_DEFINITION.DEFINITION),
                                DSL.val(T0.minusDays(1)))
                        .from(DSL.generateSeries(1, Limits.LIST_LIMIT).as("s", "i")))
                .execute();

        assertThat(definitions.list()).hasSize(Limits.LIST_LIMIT)
                .extracting(WorkflowDefinition::id).startsWith(newer.id(), older.id());
    }

    @Test
    void findsByPackPackRefEnabledAndTagOrderedByLabelAndCountsByPack(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord aux = fixtures.pack("aux");
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);
        definitions.create(definition(core, "zeta", "Zeta", List.of("deploy", "prod"), true));
        definitions.create(definition(core, "alpha", "Alpha", List.of("deploy"), false));
        definitions.create(definition(core, "mid", "Mid", List.of(), true));
        definitions.create(definition(aux, "beta", "Beta", List.of("prod"), true));

        assertThat(definitions.findByPack(core.getId())).extracting(WorkflowDefinition::label)
                .containsExactly("Alpha", "Mid", "Zeta");
        assertThat(definitions.findByPackRef("aux")).extracting(WorkflowDefinition::label).containsExactly("Beta");
        assertThat(definitions.findByPackRef("none")).isEmpty();
        assertThat(definitions.findEnabled()).extracting(WorkflowDefinition::label).containsExactly("Beta", "Mid", "Zeta");
        assertThat(definitions.findByTag("prod")).extracting(WorkflowDefinition::label).containsExactly("Beta", "Zeta");
        assertThat(definitions.findByTag("deploy")).extracting(WorkflowDefinition::label).containsExactly("Alpha", "Zeta");
        assertThat(definitions.findByTag("dep")).isEmpty();
        assertThat(definitions.countByPack("core")).isEqualTo(3);
        assertThat(definitions.countByPack("aux")).isEqualTo(1);
        assertThat(definitions.countByPack("none")).isZero();
    }

    @Test
    void tiesAreBrokenByIdDescendingInTheListAndByRefInTheLabelOrderedLookups(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);
        WorkflowDefinition zulu = definitions.create(definition(pack, "zulu", "Same", List.of("t"), true));
        WorkflowDefinition alpha = definitions.create(definition(pack, "alpha", "Same", List.of("t"), true));
        WorkflowDefinition mike = definitions.create(definition(pack, "mike", "Same", List.of("t"), true));
        setCreated(dsl, zulu, T0);
        setCreated(dsl, alpha, T0);
        setCreated(dsl, mike, T0);

        assertThat(definitions.list()).extracting(WorkflowDefinition::id)
                .containsExactly(mike.id(), alpha.id(), zulu.id());
        List<String> byRef = List.of("core.alpha", "core.mike", "core.zulu");
        assertThat(definitions.findByPack(pack.getId())).extracting(WorkflowDefinition::ref).isEqualTo(byRef);
        assertThat(definitions.findByPackRef("core")).extracting(WorkflowDefinition::ref).isEqualTo(byRef);
        assertThat(definitions.findEnabled()).extracting(WorkflowDefinition::ref).isEqualTo(byRef);
        assertThat(definitions.findByTag("t")).extracting(WorkflowDefinition::ref).isEqualTo(byRef);
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearNullableOnes(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);
        WorkflowDefinition created = definitions.create(new NewWorkflowDefinition("core.deploy", pack.getId(), "core",
                "Deploy", "Ships it", "1.0.0", json("{\"type\":\"object\"}"), json("{\"type\":\"string\"}"),
                json("{\"tasks\":[]}"), List.of("a"), true));

        WorkflowDefinition updated = definitions.update(created.id(), RowUpdate.of(WORKFLOW_DEFINITION)
                .set(WORKFLOW_DEFINITION.LABEL, "Deploy v2").set(WORKFLOW_DEFINITION.VERSION, "2.0.0").set(WORKFLOW_DEFINITION.DEFINITION, json("{\"tasks\":[1]}")).set(WORKFLOW_DEFINITION.TAGS, new String[] {"b", "c"})
                .set(WORKFLOW_DEFINITION.ENABLED, false));
        assertThat(updated.label()).isEqualTo("Deploy v2");
        assertThat(updated.version()).isEqualTo("2.0.0");
        assertThat(updated.definition()).isEqualTo(json("{\"tasks\":[1]}"));
        assertThat(updated.tags()).containsExactly("b", "c");
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.description()).isEqualTo("Ships it");
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());

        WorkflowDefinition cleared = definitions.update(created.id(), RowUpdate.of(WORKFLOW_DEFINITION)
                .set(WORKFLOW_DEFINITION.DESCRIPTION, null).set(WORKFLOW_DEFINITION.PARAM_SCHEMA, null).set(WORKFLOW_DEFINITION.OUT_SCHEMA, null).set(WORKFLOW_DEFINITION.TAGS, null));
        assertThat(cleared.description()).isNull();
        assertThat(cleared.paramSchema()).isNull();
        assertThat(cleared.outSchema()).isNull();
        assertThat(cleared.tags()).isNull();
        assertThat(cleared.label()).isEqualTo("Deploy v2");
        assertThat(definitions.update(created.id(), RowUpdate.of(WORKFLOW_DEFINITION))).isEqualTo(cleared);
    }

    @Test
    void updatingOrDeletingAMissingDefinition(DSLContext dsl) {
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);

        assertThatThrownBy(() -> definitions.update(8, RowUpdate.of(WORKFLOW_DEFINITION).set(WORKFLOW_DEFINITION.ENABLED, true)))
                .isInstanceOf(NotFoundException.class).hasMessage("workflow_definition with id = 8 not found");
        assertThatThrownBy(() -> definitions.update(8, RowUpdate.of(WORKFLOW_DEFINITION)))
                .isInstanceOf(NotFoundException.class);
        assertThat(definitions.delete(8)).isFalse();
    }

    @Test
    void deletingADefinitionRemovesItsWorkflowActionUnlessItHasExecutions(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        WorkflowDefinitionRepository definitions = new WorkflowDefinitionRepository(dsl);
        WorkflowDefinition deploy = definitions.create(definition(pack, "deploy", "Deploy", List.of(), true));
        ActionRecord action = fixtures.action(pack, "deploy");
        dsl.update(ACTION).set(ACTION.IS_WORKFLOW, true).set(ACTION.WORKFLOW_DEF, deploy.id())
                .where(ACTION.ID.eq(action.getId())).execute();
        long run = dsl.insertInto(WORKFLOW_EXECUTION)
                .set(WORKFLOW_EXECUTION.EXECUTION, fixtures.execution(fixtures.action(pack, "other")).getId())
                .set(WORKFLOW_EXECUTION.WORKFLOW_DEF, deploy.id()).set(WORKFLOW_EXECUTION.TASK_GRAPH, json("{}"))
                .returning(WORKFLOW_EXECUTION.ID).fetchSingle().getId();

        assertThatThrownBy(() -> definitions.delete(deploy.id()))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("workflow_definition");
                    assertThat(e.otherTable()).isEqualTo("workflow_execution");
                });

        dsl.deleteFrom(WORKFLOW_EXECUTION).where(WORKFLOW_EXECUTION.ID.eq(run)).execute();
        assertThat(definitions.delete(deploy.id())).isTrue();
        assertThat(definitions.findById(deploy.id())).isEmpty();
        assertThat(dsl.fetchCount(ACTION, ACTION.ID.eq(action.getId()))).isZero();
    }
}
