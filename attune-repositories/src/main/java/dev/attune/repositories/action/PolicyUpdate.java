package dev.attune.repositories.action;

import static dev.attune.repositories.schema.Tables.POLICY;

import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.PolicyMethodEnum;
import dev.attune.repositories.schema.tables.records.PolicyRecord;
import java.util.List;

/**
 * The columns of a policy to change. Start from {@link #create()}; each method returns a new update that also sets one
 * column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL. The ref, pack
 * and action are not changed here.
 */
public final class PolicyUpdate {

    private final Changes<PolicyRecord> changes;

    private PolicyUpdate(Changes<PolicyRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static PolicyUpdate create() {
        return new PolicyUpdate(Changes.none());
    }

    public PolicyUpdate parameters(List<String> parameters) {
        return new PolicyUpdate(changes.set(POLICY.PARAMETERS,
                Refs.requireValue(PolicyRepository.ENTITY, "parameters", parameters).toArray(String[]::new)));
    }

    public PolicyUpdate method(PolicyMethodEnum method) {
        return new PolicyUpdate(changes.set(POLICY.METHOD, Refs.requireValue(PolicyRepository.ENTITY, "method", method)));
    }

    /** Must be greater than 0. */
    public PolicyUpdate threshold(int threshold) {
        return new PolicyUpdate(changes.set(POLICY.THRESHOLD, NewPolicy.requirePositiveThreshold(threshold)));
    }

    public PolicyUpdate name(String name) {
        return new PolicyUpdate(changes.set(POLICY.NAME, Refs.requireValue(PolicyRepository.ENTITY, "name", name)));
    }

    /** Nullable: {@code null} clears the description. */
    public PolicyUpdate description(String description) {
        return new PolicyUpdate(changes.set(POLICY.DESCRIPTION, description));
    }

    public PolicyUpdate tags(List<String> tags) {
        return new PolicyUpdate(changes.set(POLICY.TAGS,
                Refs.requireValue(PolicyRepository.ENTITY, "tags", tags).toArray(String[]::new)));
    }

    Changes<PolicyRecord> changes() {
        return changes;
    }
}
