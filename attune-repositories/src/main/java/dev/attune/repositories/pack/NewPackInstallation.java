package dev.attune.repositories.pack;

import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Json;
import dev.attune.repositories.internal.Refs;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Where and how a pack was installed (one installation record per pack).
 *
 * @param packId             the installed pack; required
 * @param sourceType         one of {@link #SOURCE_TYPES}; required, checked before any SQL runs
 * @param sourceUrl          URL or path of the source; optional
 * @param sourceRef          git branch/tag/commit or registry version; optional
 * @param checksum           SHA-256 of the installed content, at most 64 characters; optional
 * @param checksumVerified   whether the checksum was verified during installation
 * @param installedBy        the installing identity; optional (set to NULL when that identity is deleted)
 * @param installationMethod one of {@link #INSTALLATION_METHODS}; {@code null} means the column default, {@code manual}
 * @param storagePath        filesystem path of the installed pack; required
 * @param meta               free metadata; default empty object
 */
public record NewPackInstallation(
        long packId,
        String sourceType,
        String sourceUrl,
        String sourceRef,
        String checksum,
        boolean checksumVerified,
        Long installedBy,
        String installationMethod,
        String storagePath,
        JsonNode meta) {

    /** The values CHECK {@code pack_installation_source_type_check} allows for {@code source_type}. */
    public static final List<String> SOURCE_TYPES = List.of("git", "archive", "local_directory", "local_archive", "registry");

    /** The values CHECK {@code pack_installation_installation_method_check} allows for {@code installation_method}. */
    public static final List<String> INSTALLATION_METHODS = List.of("manual", "api", "cli", "auto");

    static final int CHECKSUM_MAX_LENGTH = 64;

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param packId             the installed pack; required
     * @param sourceType         one of {@link #SOURCE_TYPES}; required, checked before any SQL runs
     * @param sourceUrl          URL or path of the source; optional
     * @param sourceRef          git branch/tag/commit or registry version; optional
     * @param checksum           SHA-256 of the installed content, at most 64 characters; optional
     * @param checksumVerified   whether the checksum was verified during installation
     * @param installedBy        the installing identity; optional (set to NULL when that identity is deleted)
     * @param installationMethod one of {@link #INSTALLATION_METHODS}; {@code null} means the column default, {@code
     *                           manual}
     * @param storagePath        filesystem path of the installed pack; required
     * @param meta               free metadata; default empty object
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewPackInstallation {
        requireSourceType(sourceType);
        if (installationMethod != null) {
            requireOneOf("installation_method", installationMethod, INSTALLATION_METHODS);
        }
        requireChecksum(checksum);
        Refs.requireValue(PackInstallationRepository.ENTITY, "storage_path", storagePath);
        meta = Json.objectIfNull(meta);
    }

    /**
     * A manual installation from {@code sourceType} stored at {@code storagePath}, with nothing else recorded.
     *
     * @param packId      the installed pack; required
     * @param sourceType  one of {@link #SOURCE_TYPES}; required, checked before any SQL runs
     * @param storagePath filesystem path of the installed pack; required
     * @return the installation to record
     */
    public static NewPackInstallation of(long packId, String sourceType, String storagePath) {
        return new NewPackInstallation(packId, sourceType, null, null, null, false, null, null, storagePath, null);
    }

    static String requireSourceType(String sourceType) {
        Refs.requireValue(PackInstallationRepository.ENTITY, "source_type", sourceType);
        return requireOneOf("source_type", sourceType, SOURCE_TYPES);
    }

    static String requireChecksum(String checksum) {
        if (checksum != null && checksum.length() > CHECKSUM_MAX_LENGTH) {
            throw new ValidationException(PackInstallationRepository.ENTITY, "checksum", checksum,
                    "must be at most " + CHECKSUM_MAX_LENGTH + " characters (a hex SHA-256 has 64)");
        }
        return checksum;
    }

    private static String requireOneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new ValidationException(PackInstallationRepository.ENTITY, field, value,
                    "must be one of " + String.join(", ", allowed));
        }
        return value;
    }
}
