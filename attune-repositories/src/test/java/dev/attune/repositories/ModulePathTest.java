package dev.attune.repositories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.db.Database;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * These tests run on the module path, patched into {@code dev.attune.repositories} (Surefire's default for a module
 * with a descriptor), so every repository test exercises the descriptor: jOOQ maps rows into the generated records and
 * POJOs, and Jackson binds {@code PackTestResult}, through what {@code module-info.java} exports.
 */
class ModulePathTest {

    @Test
    void theTestsRunInsideTheNamedModuleNextToANamedAttuneDb() {
        assertThat(getClass().getModule().isNamed()).isTrue();
        assertThat(getClass().getModule()).isSameAs(Page.class.getModule());
        assertThat(Page.class.getModule().getName()).isEqualTo("dev.attune.repositories");
        assertThat(Database.class.getModule().getName()).isEqualTo("dev.attune.db");
        assertThat(Database.class.getModule().getDescriptor().isAutomatic()).isFalse();
        assertThat(PackRecord.class.getModule()).isSameAs(Pack.class.getModule()).isSameAs(Page.class.getModule());
    }

    @Test
    void theInternalPackageIsNotExportedAndNothingIsOpened() {
        ModuleDescriptor descriptor = Page.class.getModule().getDescriptor();

        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.exports()).noneMatch(ModuleDescriptor.Exports::isQualified)
                .extracting(ModuleDescriptor.Exports::source)
                .contains("dev.attune.repositories", "dev.attune.repositories.binding",
                        "dev.attune.repositories.schema.tables.pojos", "dev.attune.repositories.schema.tables.records")
                .doesNotContain("dev.attune.repositories.internal");
        assertThat(descriptor.packages()).contains("dev.attune.repositories.internal");
        assertThat(Page.class.getModule().isExported("dev.attune.repositories.internal")).isFalse();
    }
}
