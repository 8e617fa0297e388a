package dev.attune.repositories.identity;

/**
 * A permission set granted to an identity. Each pair exists at most once.
 *
 * @param identity id of the identity
 * @param permset  id of the permission set
 */
public record NewPermissionAssignment(long identity, long permset) {
}
