package dev.attune.repositories.identity;

import dev.attune.repositories.internal.Identifiers;
import dev.attune.repositories.internal.Json;
import tools.jackson.databind.JsonNode;

/**
 * An identity to create: a user or service account.
 *
 * @param login        required, unique
 * @param displayName  optional
 * @param passwordHash Argon2 hash; optional (null for service or external accounts). Hashing is the caller's job.
 * @param attributes   default empty object
 */
public record NewIdentity(String login, String displayName, String passwordHash, JsonNode attributes) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param login        required, unique
     * @param displayName  optional
     * @param passwordHash Argon2 hash; optional (null for service or external accounts). Hashing is the caller's job.
     * @param attributes   default empty object
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewIdentity {
        Identifiers.requireName("identity", "login", login);
        attributes = Json.objectIfNull(attributes);
    }

    /**
     * An identity with only a login: no display name, no password, no attributes.
     *
     * @param login required, unique
     * @return the identity to create
     */
    public static NewIdentity of(String login) {
        return new NewIdentity(login, null, null, null);
    }
}
