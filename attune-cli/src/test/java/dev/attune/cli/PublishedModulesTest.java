package dev.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.db.SchemaName;
import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.migrations.Migrator;
import dev.attune.provisioning.TestSchemaProvisioner;
import dev.attune.repositories.Page;
import dev.attune.testserver.TestDatabaseServer;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages each published library puts on a user's module path (see docs/modules.md): a new package must be added
 * here on purpose. attune-db and attune-repositories are named modules (module-info.java): their packages and the
 * exported ones are checked, from the jar or from the class folder of a reactor build. The others are automatic modules,
 * which export every package: from a jar (an installed build) their module name in the manifest is checked too.
 */
class PublishedModulesTest {

    @Test
    void attuneDbIsANamedModuleExportingBothItsPackages() throws Exception {
        assertNamedModule(SchemaName.class, "dev.attune.db", List.of("dev.attune.db", "dev.attune.db.config"));
    }

    @Test
    void attuneMigrationsPublishesOnePackage() throws Exception {
        assertModule(Migrator.class, "dev.attune.migrations", "dev.attune.migrations");
    }

    @Test
    void attuneTestServerPublishesOnePackage() throws Exception {
        assertModule(TestDatabaseServer.class, "dev.attune.testserver", "dev.attune.testserver");
    }

    @Test
    void attuneJunitPublishesOnePackage() throws Exception {
        assertModule(IsolatedSchemaTest.class, "dev.attune.junit", "dev.attune.junit");
    }

    @Test
    void attuneProvisioningPublishesItsApiAndItsInternalPackage() throws Exception {
        assertModule(TestSchemaProvisioner.class, "dev.attune.provisioning", "dev.attune.provisioning",
                "dev.attune.provisioning.janitor", "dev.attune.provisioning.internal");
    }

    @Test
    void attuneRepositoriesIsANamedModuleExportingOnePackagePerAggregateAndTheSchemaButNotItsInternalPackage()
            throws Exception {
        assertNamedModule(Page.class, "dev.attune.repositories", List.of(
                "dev.attune.repositories",
                "dev.attune.repositories.action",
                "dev.attune.repositories.artifact",
                "dev.attune.repositories.binding",
                "dev.attune.repositories.enforcement",
                "dev.attune.repositories.event",
                "dev.attune.repositories.execution",
                "dev.attune.repositories.identity",
                "dev.attune.repositories.inquiry",
                "dev.attune.repositories.key",
                "dev.attune.repositories.notification",
                "dev.attune.repositories.pack",
                "dev.attune.repositories.queue",
                "dev.attune.repositories.rule",
                "dev.attune.repositories.runtime",
                "dev.attune.repositories.schema",
                "dev.attune.repositories.schema.enums",
                "dev.attune.repositories.schema.routines",
                "dev.attune.repositories.schema.tables",
                "dev.attune.repositories.schema.tables.pojos",
                "dev.attune.repositories.schema.tables.records",
                "dev.attune.repositories.sensor",
                "dev.attune.repositories.trigger",
                "dev.attune.repositories.webhook",
                "dev.attune.repositories.worker",
                "dev.attune.repositories.workflow"),
                "dev.attune.repositories.internal");
    }

    /**
     * {@code member}'s jar or class folder holds the module {@code name} (a {@code module-info.class}), which exports
     * {@code exported} to everyone, opens nothing, and has no packages but these and {@code concealed}.
     */
    private static void assertNamedModule(Class<?> member, String name, List<String> exported, String... concealed)
            throws URISyntaxException {
        Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module = ModuleFinder.of(location).find(name).orElseThrow().descriptor();
        assertThat(module.isAutomatic()).isFalse();
        assertThat(module.isOpen()).isFalse();
        assertThat(module.opens()).isEmpty();
        assertThat(module.exports()).noneMatch(ModuleDescriptor.Exports::isQualified)
                .extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrderElementsOf(exported);
        Set<String> packages = new TreeSet<>(exported);
        packages.addAll(List.of(concealed));
        assertThat(module.packages()).containsExactlyInAnyOrderElementsOf(packages);
    }

    /** {@code member}'s jar or class folder (a reactor build) holds exactly {@code packages}, as an automatic module. */
    private static void assertModule(Class<?> member, String name, String... packages)
            throws IOException, URISyntaxException {
        Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            assertThat(packagesIn(location)).containsExactlyInAnyOrder(packages);
            return;
        }
        ModuleDescriptor module = ModuleFinder.of(location).findAll().iterator().next().descriptor();
        assertThat(module.name()).isEqualTo(name);
        assertThat(module.isAutomatic()).isTrue();
        // an automatic module exports all its packages (its descriptor lists no exports)
        assertThat(module.packages()).containsExactlyInAnyOrder(packages);
    }

    private static Set<String> packagesIn(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            Set<String> packages = new TreeSet<>();
            files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file.getParent()).toString().replace(
                            file.getFileSystem().getSeparator(), "."))
                    .forEach(packages::add);
            return packages;
        }
    }
}
