package dev.attune.db;

/**
 * A configuration value broke a rule. The message names the key, the rule and the rejected value; nothing is repaired.
 */
public class ConfigurationException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * Rejects the value of {@code key}.
     *
     * @param key     the dotted key, e.g. {@code database.schema}
     * @param message the rule and the rejected value
     */
    public ConfigurationException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /**
     * Rejects the value of {@code key} because of {@code cause}.
     *
     * @param key     the dotted key, e.g. {@code database.schema}
     * @param message the rule and the rejected value
     * @param cause   the failure that revealed it (a YAML parser error, for instance)
     */
    public ConfigurationException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
    }

    /** {@return the configuration key (dotted path, e.g. {@code database.schema}) whose value was rejected} */
    public String key() {
        return key;
    }
}
