package dev.attune.repositories.rule;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.ENFORCEMENT;
import static dev.attune.repositories.schema.Tables.RULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.Rule;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import dev.attune.repositories.schema.tables.records.EnforcementRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

@IsolatedSchemaTest
class RuleRepositoryTest {

    private static NewRule rule(PackRecord pack, String name, ActionRecord action, TriggerRecord trigger) {
        return NewRule.of(pack.getRef() + "." + name, pack.getId(), pack.getRef(), "Rule " + name, "When " + name,
                action.getId(), action.getRef(), trigger.getId(), trigger.getRef());
    }

    private static NewRule disabled(NewRule rule) {
        return new NewRule(rule.ref(), rule.pack(), rule.packRef(), rule.label(), rule.description(), rule.action(),
                rule.actionRef(), rule.trigger(), rule.triggerRef(), rule.conditions(), rule.actionParams(),
                rule.triggerParams(), false);
    }

    @Test
    void createsARuleWithDefaultsAndFindsItByIdAndRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRecord action = fixtures.action(core, "echo");
        TriggerRecord trigger = fixtures.trigger(core, "timer");
        RuleRepository rules = new RuleRepository(dsl);

        Rule created = rules.create(rule(core, "on_timer", action, trigger));
        Rule detailed = rules.create(new NewRule("core.detailed", core.getId(), "core", "Detailed", "With params",
                action.getId(), action.getRef(), trigger.getId(), trigger.getRef(),
                json("[{\"pattern\":\"x\"}]"), json("{\"msg\":\"hi\"}"), json("{\"every\":5}"), false));

        assertThat(created.id()).isPositive();
        assertThat(created.action()).isEqualTo(action.getId());
        assertThat(created.trigger()).isEqualTo(trigger.getId());
        assertThat(created.conditions()).isEqualTo(JsonNodeFactory.instance.arrayNode());
        assertThat(created.actionParams()).isEqualTo(JsonNodeFactory.instance.objectNode());
        assertThat(created.triggerParams()).isEqualTo(JsonNodeFactory.instance.objectNode());
        assertThat(created.enabled()).isTrue();
        assertThat(detailed.conditions()).isEqualTo(json("[{\"pattern\":\"x\"}]"));
        assertThat(detailed.actionParams()).isEqualTo(json("{\"msg\":\"hi\"}"));
        assertThat(detailed.triggerParams()).isEqualTo(json("{\"every\":5}"));
        assertThat(detailed.enabled()).isFalse();
        assertThat(rules.findById(created.id())).contains(created);
        assertThat(rules.getById(created.id())).isEqualTo(created);
        assertThat(rules.findByRef("core.on_timer")).contains(created);
        assertThat(rules.getByRef("core.on_timer")).isEqualTo(created);
    }

    @Test
    void aMissingRuleIsNotFoundByIdOrRef(DSLContext dsl) {
        RuleRepository rules = new RuleRepository(dsl);

        assertThat(rules.findById(42)).isEmpty();
        assertThat(rules.findByRef("core.nope")).isEmpty();
        assertThatThrownBy(() -> rules.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("rule with id = 42 not found");
        assertThatThrownBy(() -> rules.getByRef("core.nope"))
                .isInstanceOf(NotFoundException.class).hasMessage("rule with ref = core.nope not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExistsNamingTheRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRecord action = fixtures.action(core, "echo");
        TriggerRecord trigger = fixtures.trigger(core, "timer");
        RuleRepository rules = new RuleRepository(dsl);
        rules.create(rule(core, "r", action, trigger));

        assertThatThrownBy(() -> rules.create(rule(core, "r", action, trigger)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("rule");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core.r");
                });
    }

    @Test
    void badRefsAndMissingRequiredValuesAreRejectedBeforeAnySqlRuns() {
        for (String bad : Arrays.asList("Core.r", "core", "core.r.x", "", null)) {
            assertThatThrownBy(() -> NewRule.of(bad, 1, "core", "R", "d", 1, "core.a", 1, "core.t"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("rule.ref");
        }
        assertThatThrownBy(() -> NewRule.of("core.r", 1, null, "R", "d", 1, "core.a", 1, "core.t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.pack_ref");
        assertThatThrownBy(() -> NewRule.of("core.r", 1, "core", null, "d", 1, "core.a", 1, "core.t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.label");
        assertThatThrownBy(() -> NewRule.of("core.r", 1, "core", "R", null, 1, "core.a", 1, "core.t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.description");
        assertThatThrownBy(() -> NewRule.of("core.r", 1, "core", "R", "d", 1, null, 1, "core.t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.action_ref");
        assertThatThrownBy(() -> NewRule.of("core.r", 1, "core", "R", "d", 1, "core.a", 1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.trigger_ref");
    }

    @Test
    void aMissingActionOrTriggerIsAReferenceViolation(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRecord action = fixtures.action(core, "echo");
        TriggerRecord trigger = fixtures.trigger(core, "timer");
        RuleRepository rules = new RuleRepository(dsl);

        assertThatThrownBy(() -> rules.create(NewRule.of("core.r", core.getId(), "core", "R", "d",
                999, "core.gone", trigger.getId(), trigger.getRef())))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("rule");
                    assertThat(e.field()).isEqualTo("action");
                    assertThat(e.value()).isEqualTo("999");
                    assertThat(e.otherTable()).isEqualTo("action");
                });
        assertThatThrownBy(() -> rules.create(NewRule.of("core.r", core.getId(), "core", "R", "d",
                action.getId(), action.getRef(), 999, "core.gone")))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("trigger"));
        assertThatThrownBy(() -> rules.create(NewRule.of("core.r", 999, "gone", "R", "d",
                action.getId(), action.getRef(), trigger.getId(), trigger.getRef())))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("pack"));
        assertThat(dsl.fetchCount(RULE)).isZero();
    }

    @Test
    void listsByRefAndFindsByPackActionTriggerAndEnabled(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord linux = fixtures.pack("linux");
        ActionRecord echo = fixtures.action(core, "echo");
        ActionRecord ssh = fixtures.action(linux, "ssh");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        TriggerRecord webhook = fixtures.trigger(core, "webhook");
        RuleRepository rules = new RuleRepository(dsl);
        rules.create(rule(linux, "zz", ssh, timer));
        rules.create(disabled(rule(core, "cc", echo, webhook)));
        rules.create(rule(core, "aa", echo, timer));
        rules.create(rule(core, "bb", ssh, webhook));

        assertThat(rules.list()).extracting(Rule::ref).containsExactly("core.aa", "core.bb", "core.cc", "linux.zz");
        assertThat(rules.findByPack(core.getId())).extracting(Rule::ref).containsExactly("core.aa", "core.bb", "core.cc");
        assertThat(rules.findByPack(linux.getId())).extracting(Rule::ref).containsExactly("linux.zz");
        assertThat(rules.findByAction(echo.getId())).extracting(Rule::ref).containsExactly("core.aa", "core.cc");
        assertThat(rules.findByAction(ssh.getId())).extracting(Rule::ref).containsExactly("core.bb", "linux.zz");
        assertThat(rules.findByTrigger(timer.getId())).extracting(Rule::ref).containsExactly("core.aa", "linux.zz");
        assertThat(rules.findByTrigger(webhook.getId())).extracting(Rule::ref).containsExactly("core.bb", "core.cc");
        assertThat(rules.findEnabled()).extracting(Rule::ref).containsExactly("core.aa", "core.bb", "linux.zz");
        assertThat(rules.findByAction(999)).isEmpty();
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanSetParamsToNull(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRecord action = fixtures.action(core, "echo");
        TriggerRecord trigger = fixtures.trigger(core, "timer");
        RuleRepository rules = new RuleRepository(dsl);
        Rule created = rules.create(new NewRule("core.r", core.getId(), "core", "R", "d", action.getId(),
                action.getRef(), trigger.getId(), trigger.getRef(), null, json("{\"a\":1}"), json("{\"b\":2}"), true));

        Rule updated = rules.update(created.id(), RowUpdate.of(RULE).set(RULE.LABEL, "R2").set(RULE.DESCRIPTION, "d2")
                .set(RULE.CONDITIONS, json("[1]")).set(RULE.ENABLED, false));
        assertThat(updated.label()).isEqualTo("R2");
        assertThat(updated.description()).isEqualTo("d2");
        assertThat(updated.conditions()).isEqualTo(json("[1]"));
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.actionParams()).isEqualTo(json("{\"a\":1}"));
        assertThat(updated.action()).isEqualTo(action.getId());
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());

        Rule cleared = rules.update(created.id(), RowUpdate.of(RULE).set(RULE.ACTION_PARAMS, null).set(RULE.TRIGGER_PARAMS, null));
        assertThat(cleared.actionParams()).isNull();
        assertThat(cleared.triggerParams()).isNull();
        assertThat(cleared.label()).isEqualTo("R2");

        Rule restored = rules.update(created.id(), RowUpdate.of(RULE).set(RULE.TRIGGER_PARAMS, json("{\"c\":3}")));
        assertThat(restored.triggerParams()).isEqualTo(json("{\"c\":3}"));
        assertThat(rules.update(created.id(), RowUpdate.of(RULE))).isEqualTo(restored);
    }

    @Test
    void updatingAMissingRuleOrNotNullColumnsToNullFails(DSLContext dsl) {
        RuleRepository rules = new RuleRepository(dsl);

        assertThatThrownBy(() -> rules.update(7, RowUpdate.of(RULE).set(RULE.ENABLED, true)))
                .isInstanceOf(NotFoundException.class).hasMessage("rule with id = 7 not found");
        assertThatThrownBy(() -> rules.update(7, RowUpdate.of(RULE))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RowUpdate.of(RULE).set(RULE.LABEL, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.label");
        assertThatThrownBy(() -> RowUpdate.of(RULE).set(RULE.DESCRIPTION, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.description");
        assertThatThrownBy(() -> RowUpdate.of(RULE).set(RULE.CONDITIONS, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.conditions");
    }

    @Test
    void deletingARuleKeepsItsEnforcementsWithoutTheLink(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRecord action = fixtures.action(core, "echo");
        TriggerRecord trigger = fixtures.trigger(core, "timer");
        RuleRepository rules = new RuleRepository(dsl);
        Rule created = rules.create(rule(core, "r", action, trigger));
        EnforcementRecord enforcement = fixtures.enforcement(dsl.fetchSingle(RULE, RULE.ID.eq(created.id())), null);

        assertThat(rules.delete(created.id())).isTrue();
        assertThat(rules.findById(created.id())).isEmpty();
        EnforcementRecord after = dsl.fetchSingle(ENFORCEMENT, ENFORCEMENT.ID.eq(enforcement.getId()));
        assertThat(after.getRule()).isNull();
        assertThat(after.getRuleRef()).isEqualTo("core.r");
        assertThat(rules.delete(created.id())).isFalse();
    }
}
