package dev.attune.repositories.inquiry;

import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.InquiryStatusEnum;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * An inquiry to create: a question to a human, attached to an execution. ({@code responded_at} is set by an update.)
 *
 * @param execution      id of the execution that asks; required
 * @param prompt         required
 * @param responseSchema JSON schema of the expected response; optional
 * @param assignedTo     id of the identity that should answer; optional
 * @param status         required
 * @param response       optional
 * @param timeoutAt      when the inquiry times out; optional
 */
public record NewInquiry(
        long execution,
        String prompt,
        JsonNode responseSchema,
        Long assignedTo,
        InquiryStatusEnum status,
        JsonNode response,
        OffsetDateTime timeoutAt) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param execution      id of the execution that asks; required
     * @param prompt         required
     * @param responseSchema JSON schema of the expected response; optional
     * @param assignedTo     id of the identity that should answer; optional
     * @param status         required
     * @param response       optional
     * @param timeoutAt      when the inquiry times out; optional
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewInquiry {
        Refs.requireValue("inquiry", "prompt", prompt);
        Refs.requireValue("inquiry", "status", status);
    }

    /**
     * A {@code pending} inquiry with nothing else set.
     *
     * @param execution id of the execution that asks; required
     * @param prompt    required
     * @return the inquiry to create
     */
    public static NewInquiry of(long execution, String prompt) {
        return new NewInquiry(execution, prompt, null, null, InquiryStatusEnum.pending, null, null);
    }
}
