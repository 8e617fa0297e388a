package dev.attune.repositories.internal;

import dev.attune.repositories.Limits;
import dev.attune.repositories.ValidationException;

/**
 * The rules every text value obeys before it is sent to the database, and the escaping of values in messages.
 *
 * <p>PostgreSQL cannot store NUL in {@code text}, and pgjdbc silently replaces an unpaired UTF-16 surrogate with
 * {@code ?} (so the row would hold something else than was given, and a finder would match other rows): both are
 * refused here, with the field named, instead of surfacing as a raw server error or a silent alteration.
 */
public final class Texts {

    /** Longest value quoted in a message; the full value stays available through {@code ValidationException.value()}. */
    private static final int MAX_QUOTED_LENGTH = 80;

    private Texts() {
    }

    /**
     * Free text (descriptions, prompts, paths, search queries): any character except NUL, other control characters
     * than tab, line feed and carriage return, and unpaired surrogates.
     *
     * @param entity the entity errors name
     * @param field  the column errors name
     * @param value  the text
     * @return {@code value}
     */
    public static String requireText(String entity, String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new ValidationException(entity, field, value,
                        "must not contain control characters (found " + escape(String.valueOf(c)) + " at index " + i
                                + "; only tab, line feed and carriage return are allowed)");
            }
            requirePaired(entity, field, value, i);
        }
        return value;
    }

    /**
     * Text PostgreSQL stores as given: no NUL, no unpaired surrogate. The rule for finder and search arguments, which
     * are compared, never stored.
     *
     * @param entity the entity errors name
     * @param field  the column errors name
     * @param value  the text
     * @return {@code value}
     */
    public static String requireStorable(String entity, String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\0') {
                throw new ValidationException(entity, field, value,
                        "must not contain NUL (\\u0000, which PostgreSQL text cannot hold) (at index " + i + ")");
            }
            requirePaired(entity, field, value, i);
        }
        return value;
    }

    /**
     * Single-line text kept in an index or shown as a title (labels, versions, sources): {@link #requireText} rules,
     * no control character at all, at most {@value Limits#MAX_INDEXED_TEXT_LENGTH} characters.
     *
     * @param entity the entity errors name
     * @param field  the column errors name
     * @param value  the text
     * @return {@code value}
     */
    public static String requireShortText(String entity, String field, String value) {
        if (value == null) {
            return null;
        }
        requireText(entity, field, value);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ValidationException(entity, field, value, "must be a single line without control characters"
                        + " (found " + escape(String.valueOf(value.charAt(i))) + " at index " + i + ")");
            }
        }
        requireMaxLength(entity, field, value);
        return value;
    }

    /**
     * At most {@value Limits#MAX_INDEXED_TEXT_LENGTH} characters (code points), so any index can hold it.
     *
     * @param entity the entity errors name
     * @param field  the column errors name
     * @param value  the text
     */
    public static void requireMaxLength(String entity, String field, String value) {
        int length = value.codePointCount(0, value.length());
        if (length > Limits.MAX_INDEXED_TEXT_LENGTH) {
            throw new ValidationException(entity, field, value,
                    "must be at most " + Limits.MAX_INDEXED_TEXT_LENGTH + " characters (has " + length + ")");
        }
    }

    /** Refuses an unpaired surrogate at {@code i}: pgjdbc would store {@code ?} instead. */
    static void requirePaired(String entity, String field, String value, int i) {
        char c = value.charAt(i);
        boolean paired = Character.isHighSurrogate(c)
                ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
        if (!paired) {
            throw new ValidationException(entity, field, value, "must not contain an unpaired UTF-16 surrogate (found "
                    + escape(String.valueOf(c)) + " at index " + i + ")");
        }
    }

    /**
     * {@code value} as it is quoted in messages: printable ASCII as is, every other character as {@code \}{@code uXXXX}
     * (so a zero-width space, a bidi override, a look-alike letter or a decomposed accent is visible), cut after
     * {@value #MAX_QUOTED_LENGTH} characters with the full length given.
     *
     * @param value the text; may be null
     * @return the text as shown in messages
     */
    public static String escape(String value) {
        String shown = value.length() <= MAX_QUOTED_LENGTH ? value : value.substring(0, MAX_QUOTED_LENGTH);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        if (shown.length() < value.length()) {
            out.append("… (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }
}
