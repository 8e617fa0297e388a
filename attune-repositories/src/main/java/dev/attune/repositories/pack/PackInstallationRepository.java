package dev.attune.repositories.pack;

import static dev.attune.repositories.schema.Tables.PACK_INSTALLATION;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.internal.Inserts;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.schema.tables.pojos.PackInstallation;
import dev.attune.repositories.schema.tables.records.PackInstallationRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import tools.jackson.databind.JsonNode;

/**
 * Pack installation records: where and how each pack was installed. A pack has at most one; deleting the pack deletes
 * it. Lists are ordered by {@code installed_at}, newest first (then by id, newest first).
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class PackInstallationRepository {

    static final String ENTITY = "pack_installation";

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public PackInstallationRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /**
     * Records the installation of a pack; {@code installed_at}, {@code created} and {@code updated} come from the
     * column defaults, and so does {@code installation_method} ({@code manual}) when it is {@code null}.
     *
     * @throws dev.attune.repositories.AlreadyExistsException when the pack already has an installation record
     *         (Attune let the raw unique violation through)
     * @throws dev.attune.repositories.ReferenceViolationException when the pack or the installing identity is missing
     */
    public PackInstallation create(NewPackInstallation installation) {
        InsertSetMoreStep<PackInstallationRecord> insert = dsl.insertInto(PACK_INSTALLATION)
                .set(PACK_INSTALLATION.PACK_ID, installation.packId())
                .set(PACK_INSTALLATION.SOURCE_TYPE, installation.sourceType())
                .set(PACK_INSTALLATION.SOURCE_URL, installation.sourceUrl())
                .set(PACK_INSTALLATION.SOURCE_REF, installation.sourceRef())
                .set(PACK_INSTALLATION.CHECKSUM, installation.checksum())
                .set(PACK_INSTALLATION.CHECKSUM_VERIFIED, installation.checksumVerified())
                .set(PACK_INSTALLATION.INSTALLED_BY, installation.installedBy())
                .set(PACK_INSTALLATION.STORAGE_PATH, installation.storagePath())
                .set(PACK_INSTALLATION.META, installation.meta());
        insert = Inserts.setIfNotNull(insert, PACK_INSTALLATION.INSTALLATION_METHOD, installation.installationMethod());
        return insert.returning().fetchSingleInto(PackInstallation.class);
    }

    /** The installation record with this id (spec: {@code get_by_id}, which returns an optional). */
    public Optional<PackInstallation> findById(long id) {
        return dsl.selectFrom(PACK_INSTALLATION).where(PACK_INSTALLATION.ID.eq(id))
                .fetchOptionalInto(PackInstallation.class);
    }

    /** The installation record of a pack (spec: {@code get_by_pack_id}, which returns an optional). */
    public Optional<PackInstallation> findByPackId(long packId) {
        return dsl.selectFrom(PACK_INSTALLATION).where(PACK_INSTALLATION.PACK_ID.eq(packId))
                .fetchOptionalInto(PackInstallation.class);
    }

    /** Every installation record, most recently installed first. */
    public List<PackInstallation> list() {
        return dsl.selectFrom(PACK_INSTALLATION)
                .orderBy(PACK_INSTALLATION.INSTALLED_AT.desc(), PACK_INSTALLATION.ID.desc())
                .fetchInto(PackInstallation.class);
    }

    /**
     * Installation records of one source type, most recently installed first.
     *
     * @throws dev.attune.repositories.ValidationException when {@code sourceType} is not one of
     *         {@link NewPackInstallation#SOURCE_TYPES} (a typo would otherwise silently match nothing)
     */
    public List<PackInstallation> listBySourceType(String sourceType) {
        NewPackInstallation.requireSourceType(sourceType);
        return dsl.selectFrom(PACK_INSTALLATION)
                .where(PACK_INSTALLATION.SOURCE_TYPE.eq(sourceType))
                .orderBy(PACK_INSTALLATION.INSTALLED_AT.desc(), PACK_INSTALLATION.ID.desc())
                .fetchInto(PackInstallation.class);
    }

    /**
     * Sets the checksum ({@code null} clears it) and whether it was verified.
     *
     * @throws NotFoundException when there is no installation record with this id
     * @throws dev.attune.repositories.ValidationException when the checksum is longer than 64 characters
     */
    public PackInstallation updateChecksum(long id, String checksum, boolean verified) {
        NewPackInstallation.requireChecksum(checksum);
        return dsl.update(PACK_INSTALLATION)
                .set(PACK_INSTALLATION.CHECKSUM, checksum)
                .set(PACK_INSTALLATION.CHECKSUM_VERIFIED, verified)
                .where(PACK_INSTALLATION.ID.eq(id))
                .returning()
                .fetchOptionalInto(PackInstallation.class)
                .orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * Replaces the metadata as a whole (no merge).
     *
     * @throws NotFoundException when there is no installation record with this id
     * @throws dev.attune.repositories.ValidationException when {@code meta} is null (pass an empty object to clear it)
     */
    public PackInstallation updateMeta(long id, JsonNode meta) {
        Refs.requireValue(ENTITY, "meta", meta);
        return dsl.update(PACK_INSTALLATION)
                .set(PACK_INSTALLATION.META, meta)
                .where(PACK_INSTALLATION.ID.eq(id))
                .returning()
                .fetchOptionalInto(PackInstallation.class)
                .orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** @return whether a row was deleted (Attune returned nothing) */
    public boolean delete(long id) {
        return dsl.deleteFrom(PACK_INSTALLATION).where(PACK_INSTALLATION.ID.eq(id)).execute() > 0;
    }

    /** Deletes the installation record of a pack; the pack itself stays. @return whether a row was deleted */
    public boolean deleteByPackId(long packId) {
        return dsl.deleteFrom(PACK_INSTALLATION).where(PACK_INSTALLATION.PACK_ID.eq(packId)).execute() > 0;
    }

    /** Whether the pack has an installation record. */
    public boolean existsForPack(long packId) {
        return dsl.fetchExists(PACK_INSTALLATION, PACK_INSTALLATION.PACK_ID.eq(packId));
    }
}
