/**
 * The Attune database layer: validated configuration ({@link dev.attune.db.DatabaseConfig}, read from YAML files and
 * the environment by {@link dev.attune.db.config.ConfigFiles}) and a HikariCP pool whose every connection is bound to
 * one schema, with a jOOQ context over it ({@link dev.attune.db.Database}). The migrations and their migrator are in
 * the module {@code dev.attune.migrations} (artifact {@code attune-migrations}).
 */
// pgjdbc is an automatic module with a stable name, org.postgresql.jdbc (Automatic-Module-Name in its manifest).
@SuppressWarnings("requires-automatic")
module dev.attune.db {
    // Types of these modules appear in the API: DataSource and Connection (Database), DSLContext and Settings.
    requires transitive java.sql;
    requires transitive org.jooq;

    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;

    exports dev.attune.db;
    exports dev.attune.db.config;
}
