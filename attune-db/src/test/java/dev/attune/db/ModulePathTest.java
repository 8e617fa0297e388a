package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * These tests run on the module path, patched into {@code dev.attune.db} (Surefire's default for a module with a
 * descriptor), so the descriptor is exercised by every test of this module: HikariCP, pgjdbc, jOOQ and Jackson are
 * reached through the {@code requires} of {@code module-info.java}, not through a class path.
 */
class ModulePathTest {

    @Test
    void theTestsRunInsideTheNamedModule() {
        assertThat(getClass().getModule().isNamed()).isTrue();
        assertThat(getClass().getModule()).isSameAs(Database.class.getModule());
        assertThat(Database.class.getModule().getName()).isEqualTo("dev.attune.db");
    }

    @Test
    void theModuleExportsItsApiPackagesOnlyAndOpensNothing() {
        ModuleDescriptor descriptor = Database.class.getModule().getDescriptor();

        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.attune.db", "dev.attune.db.config");
        assertThat(descriptor.opens()).isEmpty();
    }

    @Test
    void theDependenciesAreNamedModulesToo() {
        assertThat(com.zaxxer.hikari.HikariDataSource.class.getModule().getName()).isEqualTo("com.zaxxer.hikari");
        assertThat(org.postgresql.Driver.class.getModule().getName()).isEqualTo("org.postgresql.jdbc");
        assertThat(org.jooq.DSLContext.class.getModule().getName()).isEqualTo("org.jooq");
    }
}
