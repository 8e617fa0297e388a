package dev.attune.db.config;

import dev.attune.db.ConfigurationException;
import dev.attune.db.DatabaseConfig;
import dev.attune.db.Environment;
import dev.attune.db.PoolerMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * Loads a {@link DatabaseConfig} from a YAML file such as {@code config.production.yaml}.
 *
 * <pre>
 * environment: production
 * database:
 *   url: ${DATABASE_URL}
 *   schema: attune
 * </pre>
 *
 * <ul>
 *   <li>{@code ${NAME}} in a value is replaced by the environment variable {@code NAME}; {@code ${NAME:-fallback}} uses
 *       the fallback when it is unset. An unset variable without fallback is an error naming the key and the variable.</li>
 *   <li>An environment variable {@code ATTUNE__<SECTION>__<KEY>} overrides the key {@code section.key}, e.g.
 *       {@code ATTUNE__DATABASE__SCHEMA=attune_staging}; {@code ATTUNE__ENVIRONMENT} overrides {@code environment}.</li>
 *   <li>An unknown key, in the file or in an override, is an error: a typo must not silently fall back to a default.</li>
 *   <li>A key given twice is an error (YAML would silently keep the last one).</li>
 *   <li>A key without a value ({@code schema:}, {@code schema: ~}, {@code schema: null}, {@code schema: ""}) is an
 *       error: leave the key out to get its default. A value that becomes empty through interpolation
 *       ({@code ${DATABASE_PASSWORD:-}}) is deliberate and means "none".</li>
 *   <li>In {@code production}, {@code database.schema} must be given explicitly.</li>
 * </ul>
 */
public final class ConfigFiles {

    private static final String OVERRIDE_PREFIX = "ATTUNE__";
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("environment", "database");
    private static final Set<String> DATABASE_KEYS =
            Set.of("url", "user", "password", "schema", "max_connections", "service_role", "pooler", "direct_url");

    /** The parser's message for a repeated key: {@code Duplicate Object property "schema"}. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate Object property \"([^\"]*)\"");

    // YAML 1.2's core schema: '~', 'null' and 'Null' are null as in YAML 1.1 (Jackson 3's default reads '~' as text).
    private final YAMLMapper yaml = YAMLMapper.builder(YAMLFactory.builder().yamlSchema(YAMLSchema.CORE).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private final Map<String, String> environment;

    /**
     * @param environment the process environment (pass {@link System#getenv()}; tests pass their own map)
     */
    public ConfigFiles(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Reads, interpolates, overrides and validates {@code file}.
     *
     * @param file the YAML file
     * @return the validated configuration
     * @throws ConfigurationException naming the key at fault, or {@code config} for an unreadable file
     */
    public DatabaseConfig load(Path file) {
        Map<String, String> values = new TreeMap<>();
        readFile(file, values);
        applyOverrides(values);
        return toConfig(values);
    }

    private void readFile(Path file, Map<String, String> values) {
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("config", "file " + file + " does not exist");
        } catch (JacksonException e) {
            throw duplicateKeyOr(file, e);
        } catch (IOException e) {
            throw new ConfigurationException("config", "cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new ConfigurationException("config", file + " must contain a mapping (key: value lines) at the top"
                    + " level, not " + describe(root));
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw unknownKey(key, TOP_LEVEL_KEYS);
            }
            if (key.equals("database")) {
                readSection("database", entry.getValue(), DATABASE_KEYS, values);
            } else {
                putScalar(key, entry.getValue(), values);
            }
        }
    }

    private void readSection(String section, JsonNode node, Set<String> allowed, Map<String, String> values) {
        if (hasNoValue(node)) {
            throw new ConfigurationException(section, "has no value: give its keys, or leave the section out");
        }
        if (!(node instanceof ObjectNode)) {
            throw new ConfigurationException(section, "must be a mapping of keys " + new java.util.TreeSet<>(allowed)
                    + ", not " + describe(node));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = section + "." + entry.getKey();
            if (!allowed.contains(entry.getKey())) {
                throw unknownKey(key, allowed);
            }
            putScalar(key, entry.getValue(), values);
        }
    }

    private void putScalar(String key, JsonNode node, Map<String, String> values) {
        if (hasNoValue(node)) {
            throw new ConfigurationException(key, "has no value: give one, or leave the key out to use its default"
                    + " (an empty value is never read as the default)");
        }
        if (!node.isValueNode()) {
            throw new ConfigurationException(key, "must be a single value, not " + describe(node));
        }
        values.put(key, interpolate(key, node.asString()));
    }

    private String interpolate(String key, String value) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int start = value.indexOf("${", from);
            if (start < 0) {
                return out.append(value, from, value.length()).toString();
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                throw new ConfigurationException(key, "has an unterminated '${' in '" + value + "'");
            }
            out.append(value, from, start);
            String expression = value.substring(start + 2, end);
            int fallbackAt = expression.indexOf(":-");
            String variable = fallbackAt < 0 ? expression : expression.substring(0, fallbackAt);
            if (variable.isEmpty()) {
                throw new ConfigurationException(key, "has a placeholder without a variable name ('${"
                        + expression + "}' in '" + value + "'): write ${NAME} or ${NAME:-fallback}");
            }
            String resolved = environment.get(variable);
            if (resolved == null) {
                if (fallbackAt < 0) {
                    throw new ConfigurationException(key, "refers to environment variable " + variable + ", which is not set");
                }
                resolved = expression.substring(fallbackAt + 2);
            }
            out.append(resolved);
            from = end + 1;
        }
    }

    private void applyOverrides(Map<String, String> values) {
        environment.forEach((name, value) -> {
            if (!name.startsWith(OVERRIDE_PREFIX)) {
                return;
            }
            String key = name.substring(OVERRIDE_PREFIX.length()).toLowerCase(Locale.ROOT).replace("__", ".");
            boolean known = key.equals("environment")
                    || (key.startsWith("database.") && DATABASE_KEYS.contains(key.substring("database.".length())));
            if (!known) {
                throw new ConfigurationException(key, "set by environment variable " + name + " is not a known key");
            }
            values.put(key, value);
        });
    }

    private static DatabaseConfig toConfig(Map<String, String> values) {
        DatabaseConfig.Builder builder = DatabaseConfig.builder()
                .url(values.get("database.url"))
                .user(emptyToNull(values.get("database.user")))
                .password(emptyToNull(values.get("database.password")))
                .serviceRole(emptyToNull(values.get("database.service_role")))
                .directUrl(emptyToNull(values.get("database.direct_url")));
        if (values.containsKey("database.pooler")) {
            builder.pooler(PoolerMode.parse("database.pooler", values.get("database.pooler")));
        }
        Environment environment = values.containsKey("environment")
                ? Environment.parse("environment", values.get("environment"))
                : Environment.DEVELOPMENT;
        builder.environment(environment);
        if (environment == Environment.PRODUCTION && !values.containsKey("database.schema")) {
            throw new ConfigurationException("database.schema",
                    "is required in production: set it explicitly (normally 'attune'), never rely on a default");
        }
        if (values.containsKey("database.schema")) {
            builder.schema(values.get("database.schema"));
        }
        if (values.containsKey("database.max_connections")) {
            builder.maxConnections(parseInt("database.max_connections", values.get("database.max_connections")));
        }
        return builder.build();
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key, "must be a whole number (got '" + value + "')");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A repeated key named as {@code section.key}, or the parser's error for any other unreadable file. */
    private static ConfigurationException duplicateKeyOr(Path file, JacksonException e) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (!duplicate.find()) {
            return new ConfigurationException("config", "cannot read " + file + ": " + e.getOriginalMessage(), e);
        }
        String key = e.processor() instanceof JsonParser parser
                ? keyOf(parser.streamReadContext(), duplicate.group(1))
                : duplicate.group(1);
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return new ConfigurationException(key, "is given more than once in " + file + line
                + ": keep one (YAML would silently use the last)", e);
    }

    /** {@code section.key}: the mappings the parser was inside when it met the repeated {@code field}. */
    private static String keyOf(TokenStreamContext context, String field) {
        StringBuilder key = new StringBuilder(field);
        for (TokenStreamContext parent = context.getParent(); parent != null; parent = parent.getParent()) {
            if (parent.currentName() != null) {
                key.insert(0, parent.currentName() + ".");
            }
        }
        return key.toString();
    }

    /** {@code key:}, {@code key: ~}, {@code key: null} and {@code key: ""} alike (YAML gives null or ""). */
    private static boolean hasNoValue(JsonNode node) {
        return node.isNull() || node.isString() && node.stringValue().isEmpty();
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return "the value '" + node.asString() + "'";
    }

    private static ConfigurationException unknownKey(String key, Set<String> allowed) {
        return new ConfigurationException(key, "is not a known key; known keys here are " + new java.util.TreeSet<>(allowed));
    }
}
