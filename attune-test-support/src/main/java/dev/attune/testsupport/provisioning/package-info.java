/**
 * Internal machinery of {@link dev.attune.testsupport.TestSchemaProvisioner}: run lease, replay, fingerprint, recycler,
 * connection budget, catalog maintenance, naming. Public only so that the provisioner, the janitor and the command-line
 * tool can share it; not an API — use {@code TestSchemaProvisioner}, {@code IsolatedSchema} or {@code @IsolatedSchemaTest}.
 */
package dev.attune.testsupport.provisioning;
