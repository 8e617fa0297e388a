package dev.attune.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every subcommand accepts: {@code --config}, {@code --verbose} and {@code --help}.
 */
final class CommonOptions {

    /** Environment variable naming the configuration file when {@code --config} is not given. */
    static final String CONFIG_VARIABLE = "ATTUNE_CONFIG";

    /** The configuration file used when neither {@code --config} nor {@value #CONFIG_VARIABLE} is given. */
    static final String DEFAULT_CONFIG = "config.development.yaml";

    @Option(names = "--config", paramLabel = "<file>",
            description = "YAML configuration file. Default: the file named by $" + CONFIG_VARIABLE + ", else "
                    + DEFAULT_CONFIG + " (relative paths are relative to the working directory).")
    private Path config;

    @Option(names = "--verbose", description = "Print stack traces with errors and log dev.attune at DEBUG,"
            + " Flyway and HikariCP at INFO.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** The configuration file to load: {@code --config}, else {@value #CONFIG_VARIABLE}, else {@value #DEFAULT_CONFIG}. */
    Path configFile(Map<String, String> environment) {
        if (config != null) {
            return config;
        }
        String fromEnvironment = environment.get(CONFIG_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment.trim());
        }
        return Path.of(DEFAULT_CONFIG);
    }
}
