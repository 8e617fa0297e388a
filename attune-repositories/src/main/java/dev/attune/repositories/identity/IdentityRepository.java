package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.IDENTITY;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.Identity;
import dev.attune.repositories.schema.tables.records.IdentityRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Identities: users and service accounts. Lists are ordered by login.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new IdentityRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class IdentityRepository {

    static final String ENTITY = "identity";

    private static final Updates<IdentityRecord> UPDATES = Updates.of(ENTITY, IDENTITY.ID,
            IDENTITY.DISPLAY_NAME, IDENTITY.PASSWORD_HASH, IDENTITY.ATTRIBUTES);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public IdentityRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The identity with this id; empty when there is none. */
    public Optional<Identity> findById(long id) {
        return dsl.selectFrom(IDENTITY).where(IDENTITY.ID.eq(id)).fetchOptionalInto(Identity.class);
    }

    /** @throws NotFoundException when there is no identity with this id */
    public Identity getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The identity with this login; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code login} is null
     */
    public Optional<Identity> findByLogin(String login) {
        Refs.requireValue(ENTITY, "login", login);
        return dsl.selectFrom(IDENTITY).where(IDENTITY.LOGIN.eq(login)).fetchOptionalInto(Identity.class);
    }

    /** Every identity, by login. */
    public List<Identity> list() {
        return dsl.selectFrom(IDENTITY).orderBy(IDENTITY.LOGIN).fetchInto(Identity.class);
    }

    /** @throws dev.attune.repositories.AlreadyExistsException ({@code identity}, {@code login}) when the login is taken */
    public Identity create(NewIdentity identity) {
        return dsl.insertInto(IDENTITY)
                .set(IDENTITY.LOGIN, identity.login())
                .set(IDENTITY.DISPLAY_NAME, identity.displayName())
                .set(IDENTITY.PASSWORD_HASH, identity.passwordHash())
                .set(IDENTITY.ATTRIBUTES, identity.attributes())
                .returning()
                .fetchSingleInto(Identity.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code display_name, password_hash, attributes}.
     *
     * @throws NotFoundException when there is no identity with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Identity update(long id, RowUpdate<IdentityRecord> update) {
        return UPDATES.apply(dsl, id, update, Identity.class);
    }

    /**
     * Deletes the identity and, by cascade, its permission assignments; executions, inquiries and pack installations
     * that named it keep their rows with the reference cleared.
     *
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when keys are still owned by the identity
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(IDENTITY).where(IDENTITY.ID.eq(id)).execute() > 0;
    }
}
