package dev.attune.repositories.inquiry;

import static dev.attune.repositories.schema.Tables.INQUIRY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.schema.enums.InquiryStatusEnum;
import dev.attune.repositories.schema.tables.records.InquiryRecord;
import java.time.OffsetDateTime;

/**
 * The columns of an inquiry to change: status, response, responded_at and assignee. Start from {@link #create()}; each
 * method returns a new update that also sets one column. A column never mentioned is left as it is; a nullable column
 * set to {@code null} becomes NULL.
 */
public final class InquiryUpdate {

    private final Changes<InquiryRecord> changes;

    private InquiryUpdate(Changes<InquiryRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static InquiryUpdate create() {
        return new InquiryUpdate(Changes.none());
    }

    public InquiryUpdate status(InquiryStatusEnum status) {
        return new InquiryUpdate(changes.set(INQUIRY.STATUS, status));
    }

    /** Nullable: {@code null} clears the response. */
    public InquiryUpdate response(JsonNode response) {
        return new InquiryUpdate(changes.set(INQUIRY.RESPONSE, response));
    }

    /** Nullable: {@code null} clears the response time. */
    public InquiryUpdate respondedAt(OffsetDateTime respondedAt) {
        return new InquiryUpdate(changes.set(INQUIRY.RESPONDED_AT, respondedAt));
    }

    /** Nullable: {@code null} unassigns the inquiry. */
    public InquiryUpdate assignedTo(Long assignedTo) {
        return new InquiryUpdate(changes.set(INQUIRY.ASSIGNED_TO, assignedTo));
    }

    Changes<InquiryRecord> changes() {
        return changes;
    }
}
