package dev.attune.repositories.pack;

import static dev.attune.repositories.schema.Tables.PACK_INSTALLATION;

import dev.attune.repositories.TableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.PackInstallation;
import dev.attune.repositories.schema.tables.records.PackInstallationRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;

/**
 * Pack installation records: where and how each pack was installed. A pack has at most one; deleting the pack deletes
 * it. Lists are ordered by {@code installed_at}, newest first (then by id, newest first). {@link #findById} and
 * {@link #findByPackId} answer the spec's {@code get_by_id} and {@code get_by_pack_id}, which return an optional;
 * {@link #delete} tells whether a row was deleted, where Attune returned nothing.
 *
 * <p>{@link #create} records the installation of a pack: {@code installed_at}, {@code created} and {@code updated} come
 * from the column defaults, and so does {@code installation_method} ({@code manual}) when it is {@code null}; it
 * refuses a second record for a pack (Attune let the raw unique violation through) and a missing pack or installing
 * identity.
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class PackInstallationRepository
        extends TableRepository<PackInstallationRecord, PackInstallation, NewPackInstallation> {

    /** The name errors carry: the table's. */
    static final String ENTITY = PACK_INSTALLATION.getName();

    private static final EntityTable<PackInstallationRecord, PackInstallation> TABLE = EntityTable.of(PACK_INSTALLATION.ID,
                    PackInstallation.class)
            .orderedBy(PACK_INSTALLATION.INSTALLED_AT.desc(), PACK_INSTALLATION.ID.desc());

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public PackInstallationRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }


    /**
     * The installation record of a pack.
     *
     * @param packId the pack's id
     * @return its record; empty when it has none
     */
    public Optional<PackInstallation> findByPackId(long packId) {
        return findBy(PACK_INSTALLATION.PACK_ID, packId);
    }

    /**
     * Installation records of one source type.
     *
     * @param sourceType one of {@link NewPackInstallation#SOURCE_TYPES}
     * @return the records, most recently installed first
     * @throws dev.attune.repositories.ValidationException when {@code sourceType} is not one of
     *         {@link NewPackInstallation#SOURCE_TYPES} (a typo would otherwise silently match nothing)
     */
    public List<PackInstallation> listBySourceType(String sourceType) {
        NewPackInstallation.requireSourceType(sourceType);
        return where(PACK_INSTALLATION.SOURCE_TYPE.eq(sourceType));
    }

    /**
     * Sets the checksum and whether it was verified.
     *
     * @param id       the record's id
     * @param checksum the checksum; {@code null} clears it
     * @param verified whether the checksum was verified
     * @return the updated record
     * @throws dev.attune.repositories.NotFoundException   when there is no installation record with this id
     * @throws dev.attune.repositories.ValidationException when the checksum is longer than 64 characters
     */
    public PackInstallation updateChecksum(long id, String checksum, boolean verified) {
        NewPackInstallation.requireChecksum(checksum);
        return updateRow(id, dsl().update(PACK_INSTALLATION)
                .set(PACK_INSTALLATION.CHECKSUM, checksum)
                .set(PACK_INSTALLATION.CHECKSUM_VERIFIED, verified));
    }

    /**
     * Replaces the metadata as a whole (no merge).
     *
     * @param id   the record's id
     * @param meta the new metadata
     * @return the updated record
     * @throws dev.attune.repositories.NotFoundException   when there is no installation record with this id
     * @throws dev.attune.repositories.ValidationException when {@code meta} is null (pass an empty object to clear it)
     */
    public PackInstallation updateMeta(long id, JsonNode meta) {
        require("meta", meta);
        return updateRow(id, dsl().update(PACK_INSTALLATION).set(PACK_INSTALLATION.META, meta));
    }

    /**
     * Deletes the installation record of a pack; the pack itself stays.
     *
     * @param packId the pack's id
     * @return whether a row was deleted
     */
    public boolean deleteByPackId(long packId) {
        return dsl().deleteFrom(PACK_INSTALLATION).where(PACK_INSTALLATION.PACK_ID.eq(packId)).execute() > 0;
    }

    /**
     * Whether the pack has an installation record.
     *
     * @param packId the pack's id
     * @return whether it has one
     */
    public boolean existsForPack(long packId) {
        return dsl().fetchExists(PACK_INSTALLATION, PACK_INSTALLATION.PACK_ID.eq(packId));
    }
}
