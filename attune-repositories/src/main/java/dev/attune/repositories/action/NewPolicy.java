package dev.attune.repositories.action;

import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.PolicyMethodEnum;
import dev.attune.repositories.schema.tables.pojos.Action;
import java.util.List;

/**
 * A policy (rate or concurrency control) to create.
 *
 * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
 * @param pack        optional owning pack id
 * @param packRef     optional owning pack ref
 * @param action      optional id of the action the policy controls
 * @param actionRef   optional ref of that action
 * @param parameters  action parameters the policy groups by; default empty
 * @param method      what happens above the threshold (required)
 * @param threshold   must be greater than 0; checked before any SQL runs
 * @param name        required
 * @param description optional
 * @param tags        default empty
 */
public record NewPolicy(
        String ref,
        Long pack,
        String packRef,
        Long action,
        String actionRef,
        List<String> parameters,
        PolicyMethodEnum method,
        int threshold,
        String name,
        String description,
        List<String> tags) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack        optional owning pack id
     * @param packRef     optional owning pack ref
     * @param action      optional id of the action the policy controls
     * @param actionRef   optional ref of that action
     * @param parameters  action parameters the policy groups by; default empty
     * @param method      what happens above the threshold (required)
     * @param threshold   must be greater than 0; checked before any SQL runs
     * @param name        required
     * @param description optional
     * @param tags        default empty
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewPolicy {
        Refs.requireTwoPartRef(PolicyRepository.ENTITY, ref);
        Refs.requireValue(PolicyRepository.ENTITY, "method", method);
        requirePositiveThreshold(threshold);
        Refs.requireValue(PolicyRepository.ENTITY, "name", name);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * A policy on an action, without pack, parameters, description or tags.
     *
     * @param ref       unique, lower case {@code pack.name}; checked before any SQL runs
     * @param action    id of the action the policy controls
     * @param actionRef ref of that action
     * @param method    what happens above the threshold (required)
     * @param threshold must be greater than 0; checked before any SQL runs
     * @param name      required
     * @return the policy to create
     */
    public static NewPolicy forAction(String ref, long action, String actionRef, PolicyMethodEnum method,
            int threshold, String name) {
        return new NewPolicy(ref, null, null, action, actionRef, List.of(), method, threshold, name, null, List.of());
    }

    /** Mirrors the {@code policy_threshold_positive} CHECK. */
    static int requirePositiveThreshold(int threshold) {
        if (threshold <= 0) {
            throw new ValidationException(PolicyRepository.ENTITY, "threshold", threshold, "must be greater than 0");
        }
        return threshold;
    }

    /**
     * A policy on {@code action} (its id and ref, taken from the row), without pack, parameters, description or tags.
     *
     * @param ref       unique, lower case {@code pack.name}; checked before any SQL runs
     * @param action the action row as returned by {@code ActionRepository}; required
     * @param method    what happens above the threshold (required)
     * @param threshold must be greater than 0; checked before any SQL runs
     * @param name      required
     * @return the policy to create
     * @throws ValidationException when {@code action} or a required value is null, the threshold is not positive or the
     *                             ref is malformed
     */
    public static NewPolicy forAction(String ref, Action action, PolicyMethodEnum method, int threshold, String name) {
        Refs.requireValue(PolicyRepository.ENTITY, "action", action);
        return forAction(ref, action.id(), action.ref(), method, threshold, name);
    }
}
