package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.IDENTITY;

import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.Identity;
import dev.attune.repositories.schema.tables.records.IdentityRecord;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Identities: users and service accounts. Lists are ordered by login.
 *
 * <p>{@link #update} may change {@code display_name, password_hash, attributes}. {@link #delete} also deletes, by
 * cascade, the identity's permission assignments; executions, inquiries and pack installations that named it keep
 * their rows with the reference cleared; it is refused ({@link dev.attune.repositories.ReferenceViolationException})
 * while keys are still owned by the identity.
 *
 * <p>{@link #create} refuses a taken login ({@code identity}, field {@code login}).
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new IdentityRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class IdentityRepository extends UpdatableTableRepository<IdentityRecord, Identity, NewIdentity> {

    private static final EntityTable<IdentityRecord, Identity> TABLE = EntityTable.of(IDENTITY.ID, Identity.class)
            .orderedBy(IDENTITY.LOGIN)
            .updatable(IDENTITY.DISPLAY_NAME, IDENTITY.PASSWORD_HASH, IDENTITY.ATTRIBUTES);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public IdentityRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Finds an identity by its unique login.
     *
     * @param login the login
     * @return the identity; empty when there is none
     * @throws dev.attune.repositories.ValidationException when {@code login} is null
     */
    public Optional<Identity> findByLogin(String login) {
        return findBy(IDENTITY.LOGIN, login);
    }

}
