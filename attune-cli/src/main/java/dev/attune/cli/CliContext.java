package dev.attune.cli;

import dev.attune.db.ConfigurationException;
import dev.attune.db.Database;
import dev.attune.db.DatabaseConfig;
import dev.attune.db.config.ConfigFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the commands of one {@link AttuneCli} share: the environment they read configuration from and where they print.
 *
 * @param environment the process environment (tests pass their own map)
 * @param out         where results go
 * @param err         where the one-line error goes
 */
record CliContext(Map<String, String> environment, PrintWriter out, PrintWriter err) {

    private static final Logger LOG = LoggerFactory.getLogger(CliContext.class);

    CliContext {
        environment = Map.copyOf(environment);
    }

    /**
     * Loads and validates the configuration chosen by {@code options}.
     *
     * @throws UsageException naming the file or environment variable, the key, the rule and the value
     */
    DatabaseConfig loadConfig(CommonOptions options) {
        return loadConfig(options.configFile(environment));
    }

    /**
     * Loads and validates the configuration file {@code file}.
     *
     * @throws UsageException naming the file or environment variable, the key, the rule and the value
     */
    DatabaseConfig loadConfig(Path file) {
        LOG.debug("Loading configuration from {}", file.toAbsolutePath());
        try {
            return new ConfigFiles(environment).load(file);
        } catch (ConfigurationException e) {
            throw new UsageException(e.getMessage() + " (" + source(e, file) + ")", e);
        }
    }

    /** Opens the database the configuration chosen by {@code options} describes; the caller closes it. */
    Database openDatabase(CommonOptions options) {
        return Database.open(loadConfig(options));
    }

    /** Where the rejected value came from: an {@code ATTUNE__…} override, or the file. */
    private String source(ConfigurationException e, Path file) {
        if (e.key().equals("config")) {
            return "choose the file with --config or " + CommonOptions.CONFIG_VARIABLE;
        }
        String override = "ATTUNE__" + e.key().toUpperCase(Locale.ROOT).replace(".", "__");
        if (environment.containsKey(override) && !e.getMessage().contains(override)) {
            return "set by environment variable " + override + ", config file " + file;
        }
        return "config file " + file;
    }
}
