/**
 * The schema binding behind a real PgBouncer in transaction mode: each test creates its own database and role
 * ({@code attune_px_<random>}), starts its own PgBouncer on a free port in front of it, and drops both when done.
 * Skipped, with the reason printed, when PgBouncer is not installed.
 */
package dev.attune.db.pooler;
