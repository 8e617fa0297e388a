package dev.attune.repositories.inquiry;

import static dev.attune.repositories.schema.Tables.INQUIRY;

import dev.attune.repositories.Limits;
import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.InquiryStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Inquiry;
import dev.attune.repositories.schema.tables.records.InquiryRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Inquiries: human-in-the-loop questions attached to executions. Lists are newest first ({@code created} DESC,
 * then id DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the filtered lists are not.
 *
 * <p>{@link #update} may change {@code status, response, responded_at, assigned_to}; a new assignee must exist.
 *
 * <p>{@link #create} refuses a missing execution or assignee.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new InquiryRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class InquiryRepository extends UpdatableTableRepository<InquiryRecord, Inquiry, NewInquiry> {

    private static final EntityTable<InquiryRecord, Inquiry> TABLE = EntityTable.of(INQUIRY.ID, Inquiry.class)
            .highVolume(INQUIRY.CREATED)
            .updatable(INQUIRY.STATUS, INQUIRY.RESPONSE, INQUIRY.RESPONDED_AT, INQUIRY.ASSIGNED_TO);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public InquiryRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Inquiries with this status.
     *
     * @param status the status
     * @return the inquiries, newest first (no limit)
     * @throws dev.attune.repositories.ValidationException when {@code status} is null
     */
    public List<Inquiry> findByStatus(InquiryStatusEnum status) {
        return where(INQUIRY.STATUS.eq(require("status", status)));
    }

    /**
     * The inquiries of one execution.
     *
     * @param executionId the execution's id
     * @return its inquiries, newest first (no limit)
     */
    public List<Inquiry> findByExecution(long executionId) {
        return where(INQUIRY.EXECUTION.eq(executionId));
    }

}
