/**
 * Database integration tests of {@code attune-db}: migrations, the schema-bound pool, the SQL functions and triggers,
 * schema-scoped notifications and the upgrade path.
 *
 * <p>They live in {@code attune-test-support} (in the package of the code they test) because they need its test
 * database source ({@code ATTUNE_TEST_DATABASE_URL} or Testcontainers) and its isolated schemas; Maven forbids the
 * {@code attune-db → attune-test-support} cycle that a test dependency from {@code attune-db} would create.
 *
 * <p>Tests that need Flyway's own path create scratch schemas named {@code it_<random hex>} with {@link
 * dev.attune.db.ScratchSchema} and drop them when done; everything else uses {@code @IsolatedSchemaTest}.
 */
package dev.attune.db;
