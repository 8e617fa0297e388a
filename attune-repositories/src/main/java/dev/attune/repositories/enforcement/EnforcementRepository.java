package dev.attune.repositories.enforcement;

import static dev.attune.repositories.schema.Tables.ENFORCEMENT;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Inserts;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.enums.EnforcementStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Enforcement;
import dev.attune.repositories.schema.tables.records.EnforcementRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;

/**
 * Enforcements: rules being applied to events. A high-volume table: every list is newest first ({@code created} DESC,
 * then id DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the filtered lists are not.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new EnforcementRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class EnforcementRepository {

    static final String ENTITY = "enforcement";

    private static final Updates<EnforcementRecord> UPDATES = Updates.of(ENTITY, ENFORCEMENT.ID,
            ENFORCEMENT.STATUS, ENFORCEMENT.PAYLOAD);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public EnforcementRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The enforcement with this id; empty when there is none. */
    public Optional<Enforcement> findById(long id) {
        return dsl.selectFrom(ENFORCEMENT).where(ENFORCEMENT.ID.eq(id)).fetchOptionalInto(Enforcement.class);
    }

    /** @throws NotFoundException when there is no enforcement with this id */
    public Enforcement getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** The newest {@value Limits#LIST_LIMIT} enforcements, newest first. */
    public List<Enforcement> list() {
        return dsl.selectFrom(ENFORCEMENT).orderBy(ENFORCEMENT.CREATED.desc(), ENFORCEMENT.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(Enforcement.class);
    }

    /** Every enforcement of a rule, newest first. */
    public List<Enforcement> findByRule(long ruleId) {
        return dsl.selectFrom(ENFORCEMENT).where(ENFORCEMENT.RULE.eq(ruleId))
                .orderBy(ENFORCEMENT.CREATED.desc(), ENFORCEMENT.ID.desc())
                .fetchInto(Enforcement.class);
    }

    /** Every enforcement in {@code status}, newest first. */
    public List<Enforcement> findByStatus(EnforcementStatusEnum status) {
        Refs.requireValue(ENTITY, "status", status);
        return dsl.selectFrom(ENFORCEMENT).where(ENFORCEMENT.STATUS.eq(status))
                .orderBy(ENFORCEMENT.CREATED.desc(), ENFORCEMENT.ID.desc())
                .fetchInto(Enforcement.class);
    }

    /** Every enforcement of an event, newest first. */
    public List<Enforcement> findByEvent(long eventId) {
        return dsl.selectFrom(ENFORCEMENT).where(ENFORCEMENT.EVENT.eq(eventId))
                .orderBy(ENFORCEMENT.CREATED.desc(), ENFORCEMENT.ID.desc())
                .fetchInto(Enforcement.class);
    }

    /**
     * Inserts the enforcement. A {@code null} status or condition is not bound, so the column default applies
     * ({@code created}, {@code all}).
     *
     * @throws dev.attune.repositories.ReferenceViolationException when the rule or the event does not exist
     */
    public Enforcement create(NewEnforcement enforcement) {
        InsertSetMoreStep<EnforcementRecord> insert = dsl.insertInto(ENFORCEMENT)
                .set(ENFORCEMENT.RULE, enforcement.rule())
                .set(ENFORCEMENT.RULE_REF, enforcement.ruleRef())
                .set(ENFORCEMENT.TRIGGER_REF, enforcement.triggerRef())
                .set(ENFORCEMENT.CONFIG, enforcement.config())
                .set(ENFORCEMENT.EVENT, enforcement.event())
                .set(ENFORCEMENT.PAYLOAD, enforcement.payload())
                .set(ENFORCEMENT.CONDITIONS, enforcement.conditions());
        insert = Inserts.setIfNotNull(insert, ENFORCEMENT.STATUS, enforcement.status());
        insert = Inserts.setIfNotNull(insert, ENFORCEMENT.CONDITION, enforcement.condition());
        return insert.returning().fetchSingleInto(Enforcement.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code status, payload}.
     *
     * @throws NotFoundException when there is no enforcement with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Enforcement update(long id, RowUpdate<EnforcementRecord> update) {
        return UPDATES.apply(dsl, id, update, Enforcement.class);
    }

    /**
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when executions still refer to the enforcement
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(ENFORCEMENT).where(ENFORCEMENT.ID.eq(id)).execute() > 0;
    }
}
