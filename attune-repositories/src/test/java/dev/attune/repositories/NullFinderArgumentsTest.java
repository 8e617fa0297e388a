package dev.attune.repositories;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.action.ActionRepository;
import dev.attune.repositories.action.PolicyRepository;
import dev.attune.repositories.artifact.ArtifactRepository;
import dev.attune.repositories.enforcement.EnforcementRepository;
import dev.attune.repositories.event.EventRepository;
import dev.attune.repositories.execution.ExecutionRepository;
import dev.attune.repositories.identity.IdentityRepository;
import dev.attune.repositories.inquiry.InquiryRepository;
import dev.attune.repositories.key.KeyRepository;
import dev.attune.repositories.notification.NotificationRepository;
import dev.attune.repositories.pack.PackInstallationRepository;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.pack.PackTestRepository;
import dev.attune.repositories.rule.RuleRepository;
import dev.attune.repositories.runtime.RuntimeRepository;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.sensor.SensorRepository;
import dev.attune.repositories.trigger.TriggerRepository;
import dev.attune.repositories.webhook.WebhookRepository;
import dev.attune.repositories.worker.WorkerRepository;
import dev.attune.repositories.workflow.WorkflowDefinitionRepository;
import dev.attune.repositories.workflow.WorkflowExecutionRepository;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule for every repository: a {@code null} argument to a finder is a {@link ValidationException} naming the
 * entity and the parameter ("is required"), thrown before any SQL. The repositories here get a {@link DSLContext}
 * without a connection, so any attempt to run SQL would fail with a different exception.
 */
class NullFinderArgumentsTest {

    private static final DSLContext NO_CONNECTION = DSL.using(SQLDialect.POSTGRES);

    private static Arguments call(String method, String entity, String parameter, Consumer<DSLContext> finder) {
        return Arguments.of(method, entity, parameter, finder);
    }

    static Stream<Arguments> finders() {
        return Stream.of(
                call("ActionRepository.findByRef", "action", "ref", dsl -> new ActionRepository(dsl).findByRef(null)),
                call("ActionRepository.getByRef", "action", "ref", dsl -> new ActionRepository(dsl).getByRef(null)),
                call("ActionRepository.search", "action", "query", dsl -> new ActionRepository(dsl).search(null)),
                call("PolicyRepository.findByRef", "policy", "ref", dsl -> new PolicyRepository(dsl).findByRef(null)),
                call("PolicyRepository.getByRef", "policy", "ref", dsl -> new PolicyRepository(dsl).getByRef(null)),
                call("PolicyRepository.findByTag", "policy", "tag", dsl -> new PolicyRepository(dsl).findByTag(null)),
                call("ArtifactRepository.findByRef", "artifact", "ref",
                        dsl -> new ArtifactRepository(dsl).findByRef(null)),
                call("ArtifactRepository.getByRef", "artifact", "ref", dsl -> new ArtifactRepository(dsl).getByRef(null)),
                call("ArtifactRepository.findByScope", "artifact", "scope",
                        dsl -> new ArtifactRepository(dsl).findByScope(null)),
                call("ArtifactRepository.findByOwner", "artifact", "owner",
                        dsl -> new ArtifactRepository(dsl).findByOwner(null)),
                call("ArtifactRepository.findByType", "artifact", "type",
                        dsl -> new ArtifactRepository(dsl).findByType(null)),
                call("ArtifactRepository.findByScopeAndOwner(null scope)", "artifact", "scope",
                        dsl -> new ArtifactRepository(dsl).findByScopeAndOwner(null, "7")),
                call("ArtifactRepository.findByScopeAndOwner(null owner)", "artifact", "owner",
                        dsl -> new ArtifactRepository(dsl).findByScopeAndOwner(OwnerTypeEnum.pack, null)),
                call("ArtifactRepository.findByRetentionPolicy", "artifact", "retention_policy",
                        dsl -> new ArtifactRepository(dsl).findByRetentionPolicy(null)),
                call("EnforcementRepository.findByStatus", "enforcement", "status",
                        dsl -> new EnforcementRepository(dsl).findByStatus(null)),
                call("EventRepository.findByTriggerRef", "event", "trigger_ref",
                        dsl -> new EventRepository(dsl).findByTriggerRef(null)),
                call("ExecutionRepository.findByStatus", "execution", "status",
                        dsl -> new ExecutionRepository(dsl).findByStatus(null)),
                call("IdentityRepository.findByLogin", "identity", "login",
                        dsl -> new IdentityRepository(dsl).findByLogin(null)),
                call("InquiryRepository.findByStatus", "inquiry", "status",
                        dsl -> new InquiryRepository(dsl).findByStatus(null)),
                call("KeyRepository.findByRef", "key", "ref", dsl -> new KeyRepository(dsl).findByRef(null)),
                call("KeyRepository.findByOwnerType", "key", "owner_type",
                        dsl -> new KeyRepository(dsl).findByOwnerType(null)),
                call("NotificationRepository.findByState", "notification", "state",
                        dsl -> new NotificationRepository(dsl).findByState(null)),
                call("NotificationRepository.findByChannel", "notification", "channel",
                        dsl -> new NotificationRepository(dsl).findByChannel(null)),
                call("PackRepository.findByRef", "pack", "ref", dsl -> new PackRepository(dsl).findByRef(null)),
                call("PackRepository.getByRef", "pack", "ref", dsl -> new PackRepository(dsl).getByRef(null)),
                call("PackRepository.listPaginated", "pack", "page",
                        dsl -> new PackRepository(dsl).listPaginated(null)),
                call("PackTestRepository.listByPack", "pack_test_execution", "page",
                        dsl -> new PackTestRepository(dsl).listByPack(1, null)),
                call("PackRepository.findByTag", "pack", "tag", dsl -> new PackRepository(dsl).findByTag(null)),
                call("PackRepository.search", "pack", "query", dsl -> new PackRepository(dsl).search(null)),
                call("PackRepository.existsByRef", "pack", "ref", dsl -> new PackRepository(dsl).existsByRef(null)),
                call("PackInstallationRepository.listBySourceType", "pack_installation", "source_type",
                        dsl -> new PackInstallationRepository(dsl).listBySourceType(null)),
                call("PackTestRepository.listByTriggerReason", "pack_test_execution", "trigger_reason",
                        dsl -> new PackTestRepository(dsl).listByTriggerReason(null, Page.first(10))),
                call("RuleRepository.findByRef", "rule", "ref", dsl -> new RuleRepository(dsl).findByRef(null)),
                call("RuleRepository.getByRef", "rule", "ref", dsl -> new RuleRepository(dsl).getByRef(null)),
                call("RuntimeRepository.findByRef", "runtime", "ref", dsl -> new RuntimeRepository(dsl).findByRef(null)),
                call("RuntimeRepository.getByRef", "runtime", "ref", dsl -> new RuntimeRepository(dsl).getByRef(null)),
                call("RuntimeRepository.findByType", "runtime", "runtime_type",
                        dsl -> new RuntimeRepository(dsl).findByType(null)),
                call("SensorRepository.findByRef", "sensor", "ref", dsl -> new SensorRepository(dsl).findByRef(null)),
                call("SensorRepository.getByRef", "sensor", "ref", dsl -> new SensorRepository(dsl).getByRef(null)),
                call("TriggerRepository.findByRef", "trigger", "ref", dsl -> new TriggerRepository(dsl).findByRef(null)),
                call("TriggerRepository.getByRef", "trigger", "ref", dsl -> new TriggerRepository(dsl).getByRef(null)),
                call("WebhookRepository.findByWebhookKey", "trigger", "webhook_key",
                        dsl -> new WebhookRepository(dsl).findByWebhookKey(null)),
                call("WorkerRepository.findByStatus", "worker", "status",
                        dsl -> new WorkerRepository(dsl).findByStatus(null)),
                call("WorkerRepository.findByType", "worker", "worker_type",
                        dsl -> new WorkerRepository(dsl).findByType(null)),
                call("WorkerRepository.findByName", "worker", "name", dsl -> new WorkerRepository(dsl).findByName(null)),
                call("WorkflowDefinitionRepository.findByRef", "workflow_definition", "ref",
                        dsl -> new WorkflowDefinitionRepository(dsl).findByRef(null)),
                call("WorkflowDefinitionRepository.getByRef", "workflow_definition", "ref",
                        dsl -> new WorkflowDefinitionRepository(dsl).getByRef(null)),
                call("WorkflowDefinitionRepository.findByPackRef", "workflow_definition", "pack_ref",
                        dsl -> new WorkflowDefinitionRepository(dsl).findByPackRef(null)),
                call("WorkflowDefinitionRepository.findByTag", "workflow_definition", "tag",
                        dsl -> new WorkflowDefinitionRepository(dsl).findByTag(null)),
                call("WorkflowDefinitionRepository.countByPack", "workflow_definition", "pack_ref",
                        dsl -> new WorkflowDefinitionRepository(dsl).countByPack(null)),
                call("WorkflowExecutionRepository.findByStatus", "workflow_execution", "status",
                        dsl -> new WorkflowExecutionRepository(dsl).findByStatus(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finders")
    void aNullFinderArgumentIsRequiredAndRefusedBeforeAnySql(String method, String entity, String parameter,
            Consumer<DSLContext> finder) {
        assertThatThrownBy(() -> finder.accept(NO_CONNECTION))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessage(entity + "." + parameter + " is invalid: is required");
    }
}
