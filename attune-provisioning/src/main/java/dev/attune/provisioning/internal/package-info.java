/**
 * Internal machinery of {@link dev.attune.provisioning.TestSchemaProvisioner}: run lease, replay, fingerprint, recycler,
 * connection budget, catalog maintenance, naming. Public only so that the provisioner, the janitor and their tests can
 * share it; not an API and not stable — use {@code TestSchemaProvisioner}, {@code IsolatedSchema} or
 * {@code @IsolatedSchemaTest}.
 */
package dev.attune.provisioning.internal;
