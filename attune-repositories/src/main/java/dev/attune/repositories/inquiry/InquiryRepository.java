package dev.attune.repositories.inquiry;

import static dev.attune.repositories.schema.Tables.INQUIRY;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.enums.InquiryStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Inquiry;
import dev.attune.repositories.schema.tables.records.InquiryRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Inquiries: human-in-the-loop questions attached to executions. Lists are newest first ({@code created} DESC,
 * then id DESC).
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new InquiryRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class InquiryRepository {

    static final String ENTITY = "inquiry";

    private static final Updates<InquiryRecord> UPDATES = Updates.of(ENTITY, INQUIRY.ID,
            INQUIRY.STATUS, INQUIRY.RESPONSE, INQUIRY.RESPONDED_AT, INQUIRY.ASSIGNED_TO);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public InquiryRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The inquiry with this id; empty when there is none. */
    public Optional<Inquiry> findById(long id) {
        return dsl.selectFrom(INQUIRY).where(INQUIRY.ID.eq(id)).fetchOptionalInto(Inquiry.class);
    }

    /** @throws NotFoundException when there is no inquiry with this id */
    public Inquiry getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** The newest {@value Limits#LIST_LIMIT} inquiries, newest first. */
    public List<Inquiry> list() {
        return dsl.selectFrom(INQUIRY).orderBy(INQUIRY.CREATED.desc(), INQUIRY.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(Inquiry.class);
    }

    /** Inquiries with this status, newest first (no limit). */
    public List<Inquiry> findByStatus(InquiryStatusEnum status) {
        Refs.requireValue(ENTITY, "status", status);
        return dsl.selectFrom(INQUIRY).where(INQUIRY.STATUS.eq(status))
                .orderBy(INQUIRY.CREATED.desc(), INQUIRY.ID.desc()).fetchInto(Inquiry.class);
    }

    /** The inquiries of one execution, newest first (no limit). */
    public List<Inquiry> findByExecution(long executionId) {
        return dsl.selectFrom(INQUIRY).where(INQUIRY.EXECUTION.eq(executionId))
                .orderBy(INQUIRY.CREATED.desc(), INQUIRY.ID.desc()).fetchInto(Inquiry.class);
    }

    /** @throws dev.attune.repositories.ReferenceViolationException when the execution or assignee does not exist */
    public Inquiry create(NewInquiry inquiry) {
        return dsl.insertInto(INQUIRY)
                .set(INQUIRY.EXECUTION, inquiry.execution())
                .set(INQUIRY.PROMPT, inquiry.prompt())
                .set(INQUIRY.RESPONSE_SCHEMA, inquiry.responseSchema())
                .set(INQUIRY.ASSIGNED_TO, inquiry.assignedTo())
                .set(INQUIRY.STATUS, inquiry.status())
                .set(INQUIRY.RESPONSE, inquiry.response())
                .set(INQUIRY.TIMEOUT_AT, inquiry.timeoutAt())
                .returning()
                .fetchSingleInto(Inquiry.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code status, response, responded_at, assigned_to}.
     *
     * @throws NotFoundException when there is no inquiry with this id
     * @throws dev.attune.repositories.ReferenceViolationException when the new assignee does not exist
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Inquiry update(long id, RowUpdate<InquiryRecord> update) {
        return UPDATES.apply(dsl, id, update, Inquiry.class);
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return dsl.deleteFrom(INQUIRY).where(INQUIRY.ID.eq(id)).execute() > 0;
    }
}
