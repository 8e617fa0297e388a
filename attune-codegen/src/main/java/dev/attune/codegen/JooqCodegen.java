package dev.attune.codegen;

import dev.attune.db.DatabaseConfig;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.provisioning.TestSchemaProvisioner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Property;

/**
 * Runs jOOQ's code generator against a scratch schema migrated for the occasion, then drops it.
 *
 * <p>The generator settings come from an XML file of the module being generated (for Attune:
 * {@code attune-repositories/src/codegen/jooq-codegen.xml}); this class only supplies the connection, the input schema
 * and the target directory, so the same settings serve the {@code -Pcodegen} build and the drift test.
 *
 * <p>Command line: {@code JooqCodegen <configuration.xml> <target directory>}.
 */
public final class JooqCodegen {

    private JooqCodegen() {
    }

    /**
     * Generates the code; exits with status 2 on a wrong number of arguments.
     *
     * @param args the generator configuration file and the target directory
     * @throws Exception when no database is reachable, migrating the scratch schema fails or the generator fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: JooqCodegen <configuration.xml> <target directory>");
            System.exit(2);
        }
        generate(Path.of(args[0]), Path.of(args[1]));
    }

    /**
     * Generates into {@code targetDirectory} (its previous content is replaced) using the settings in
     * {@code configurationFile}, from a scratch schema migrated for the call.
     *
     * @param configurationFile the jOOQ generator configuration (XML)
     * @param targetDirectory   where the sources go
     * @throws Exception when no database is reachable, migrating the scratch schema fails or the generator fails
     */
    public static void generate(Path configurationFile, Path targetDirectory) throws Exception {
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start();
                IsolatedSchema scratch = provisioner.lease("jooq-codegen")) {
            generate(configurationFile, targetDirectory, scratch);
        }
    }

    /**
     * Generates from {@code scratch}, an already migrated schema that the caller owns and closes.
     *
     * @param configurationFile the jOOQ generator configuration (XML)
     * @param targetDirectory   where the sources go (its previous content is replaced)
     * @param scratch           the migrated schema to read
     * @throws Exception when the generator fails
     */
    public static void generate(Path configurationFile, Path targetDirectory, IsolatedSchema scratch) throws Exception {
        Configuration configuration;
        try (InputStream in = Files.newInputStream(configurationFile)) {
            configuration = GenerationTool.load(in);
        }
        configuration.withJdbc(jdbc(scratch.database().config()));
        configuration.getGenerator().getDatabase().withInputSchema(scratch.name().value());
        configuration.getGenerator().getTarget().withDirectory(targetDirectory.toAbsolutePath().toString());
        GenerationTool.generate(configuration);
    }

    /**
     * Every regular file under {@code root}, relative to it, sorted — for comparing two generated trees.
     *
     * @param root the directory to list
     * @return the relative paths, sorted
     * @throws IOException when the tree cannot be read
     */
    public static List<Path> files(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (var stream = Files.walk(root)) {
                stream.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static Jdbc jdbc(DatabaseConfig config) {
        Jdbc jdbc = new Jdbc().withDriver("org.postgresql.Driver").withUrl(config.url());
        if (config.user() != null) {
            jdbc.withUser(config.user());
        }
        if (config.password() != null) {
            jdbc.withPassword(config.password());
        }
        // With the scratch schema as the search path, the server renders defaults and view sources unqualified
        // ('requested'::execution_status_enum), so the scratch schema's name never reaches the generated code.
        jdbc.withProperties(
                new Property().withKey("ApplicationName").withValue("attune-codegen"),
                new Property().withKey("currentSchema").withValue(config.schema().value()));
        return jdbc;
    }
}
