package dev.attune.db;

/**
 * A configuration value broke a rule. The message names the key, the rule and the rejected value; nothing is repaired.
 */
public class ConfigurationException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigurationException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public ConfigurationException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
    }

    /** The configuration key (dotted path, e.g. {@code database.schema}) whose value was rejected. */
    public String key() {
        return key;
    }
}
