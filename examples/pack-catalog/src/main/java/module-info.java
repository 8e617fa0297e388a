/**
 * The example service as a named module: requiring {@code dev.attune.repositories} gives it the repositories, the
 * generated POJOs and, through the repositories' {@code requires transitive}, {@code dev.attune.db}, jOOQ and Jackson.
 * Its tests run on the module path, patched into this module; attune-junit and what it brings (provisioning, migrations,
 * Flyway) stay on the class path.
 */
module com.example.catalog {
    // PackCatalog's own API shows repository types (Action, Pack) and jOOQ's DSLContext.
    requires transitive dev.attune.repositories;

    exports com.example.catalog;
}
