package dev.attune.repositories.enforcement;

import static dev.attune.repositories.schema.Tables.ENFORCEMENT;

import dev.attune.repositories.Limits;
import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.EnforcementStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Enforcement;
import dev.attune.repositories.schema.tables.records.EnforcementRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Enforcements: rules being applied to events. A high-volume table: every list is newest first ({@code created} DESC,
 * then id DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the filtered lists are not.
 *
 * <p>{@link #update} may change {@code status, payload}. {@link #delete} is refused
 * ({@link dev.attune.repositories.ReferenceViolationException}) while executions still refer to the enforcement.
 *
 * <p>{@link #create} leaves a {@code null} status or condition to the column default ({@code created}, {@code all}) and
 * refuses a missing rule or event.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new EnforcementRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class EnforcementRepository
        extends UpdatableTableRepository<EnforcementRecord, Enforcement, NewEnforcement> {

    /** The name errors carry: the table's. */
    static final String ENTITY = ENFORCEMENT.getName();

    private static final EntityTable<EnforcementRecord, Enforcement> TABLE = EntityTable.of(ENFORCEMENT.ID,
                    Enforcement.class)
            .highVolume(ENFORCEMENT.CREATED)
            .updatable(ENFORCEMENT.STATUS, ENFORCEMENT.PAYLOAD);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public EnforcementRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Every enforcement of a rule.
     *
     * @param ruleId the rule's id
     * @return its enforcements, newest first
     */
    public List<Enforcement> findByRule(long ruleId) {
        return where(ENFORCEMENT.RULE.eq(ruleId));
    }

    /**
     * Every enforcement in {@code status}.
     *
     * @param status the status
     * @return the enforcements, newest first
     * @throws dev.attune.repositories.ValidationException when {@code status} is null
     */
    public List<Enforcement> findByStatus(EnforcementStatusEnum status) {
        return where(ENFORCEMENT.STATUS.eq(require("status", status)));
    }

    /**
     * Every enforcement of an event.
     *
     * @param eventId the event's id
     * @return its enforcements, newest first
     */
    public List<Enforcement> findByEvent(long eventId) {
        return where(ENFORCEMENT.EVENT.eq(eventId));
    }

}
