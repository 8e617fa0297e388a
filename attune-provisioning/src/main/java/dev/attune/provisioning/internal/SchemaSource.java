package dev.attune.provisioning.internal;

/**
 * Where a test run's leases get their schemas and where released schemas go: prepared ahead and recycled
 * ({@link ProvisionedSchemas}), or migrated per lease the seed plan's way ({@link FlywayPerTestSchemas}).
 */
public interface SchemaSource {

    /**
     * A schema for {@code testName}, ready for the test.
     *
     * @param testName the test that will use it
     * @return the schema with its pool
     * @throws dev.attune.db.AttuneDbException when no schema could be made ready
     */
    PooledSchema take(String testName);

    /**
     * Takes {@code schema} back after the lease of {@code testName}.
     *
     * @param schema   the schema the lease had
     * @param testName the test that used it
     * @param keep     whether the test asked to keep it for inspection
     */
    void release(PooledSchema schema, String testName, boolean keep);

    /**
     * Ends the run's use of schemas, once no lease is left: waits for work in flight and removes or hands on what the
     * run made. Catalog work runs on {@code runLease}'s connection.
     *
     * @param runLease the run's lease, still held
     */
    void close(RunLease runLease);
}
