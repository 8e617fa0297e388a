package dev.attune.repositories.internal;

import dev.attune.repositories.Limits;
import dev.attune.repositories.ValidationException;
import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The identifier policy (docs/repositories.md, "Identifiers"): what a ref, a login or a name may contain. Every
 * repository write goes through {@link InputChecks}, which applies it by column; the {@code New*} records apply it
 * too, through {@link Refs}, so that a bad ref fails where it is built.
 *
 * <ul>
 *   <li><b>Refs</b> — the {@code ref} column of every catalogue table and every {@code *_ref} copy: ASCII only,
 *       dot-separated segments of {@code a-z 0-9 _ -}. A look-alike letter, a zero-width or bidi character, a
 *       decomposed accent, whitespace or an empty segment cannot appear, so two refs that look the same are equal.</li>
 *   <li><b>Logins and names</b> ({@code identity.login}, {@code worker.name}, {@code key.name},
 *       {@code runtime.name}): letters (any script), combining marks, decimal digits and {@code . _ - @ + :}; in
 *       Unicode normalization form NFC (a decomposed form is refused, never silently composed); the letters of one
 *       script only (so a Latin login with one Cyrillic letter is refused).</li>
 * </ul>
 * Both: 1 to {@value Limits#MAX_INDEXED_TEXT_LENGTH} characters.
 */
public final class Identifiers {

    private static final Pattern REF = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
    private static final String NAME_PUNCTUATION = "._-@+:";

    private Identifiers() {
    }

    /**
     * Whether {@code column} of {@code table} holds a ref (see the class comment).
     *
     * @param table  the table
     * @param column the column
     * @return whether the column holds refs
     */
    public static boolean isRefColumn(Table<?> table, Field<?> column) {
        String name = column.getName();
        // artifact.ref is a free-form, non-unique name ("Report Q1"), not a catalogue ref.
        return name.endsWith("_ref") || name.equals("ref") && !table.getName().equals("artifact");
    }

    /**
     * Whether {@code column} of {@code table} holds a login or a name (see the class comment).
     *
     * @param table  the table
     * @param column the column
     * @return whether the column holds names
     */
    public static boolean isNameColumn(Table<?> table, Field<?> column) {
        String t = table.getName();
        String c = column.getName();
        return t.equals("identity") && c.equals("login")
                || c.equals("name") && (t.equals("worker") || t.equals("key") || t.equals("runtime"));
    }

    /**
     * A ref: ASCII {@code a-z 0-9 _ -} in dot-separated, non-empty segments.
     *
     * @param entity the entity errors name
     * @param field  the column errors name
     * @param value  the value
     * @return {@code value}
     */
    public static String requireRef(String entity, String field, String value) {
        requireLength(entity, field, value);
        if (!REF.matcher(value).matches()) {
            throw new ValidationException(entity, field, value, "must be ASCII: dot-separated segments of lower-case"
                    + " letters a-z, digits, '_' and '-' (no whitespace, upper case, accents, look-alike letters,"
                    + " invisible characters or empty segments)");
        }
        return value;
    }

    /**
     * A login or name: letters of one script, marks, digits and {@code . _ - @ + :}, NFC.
     *
     * @param entity the entity errors name
     * @param field  the column errors name
     * @param value  the value
     * @return {@code value}
     */
    public static String requireName(String entity, String field, String value) {
        requireLength(entity, field, value);
        UnicodeScript script = null;
        for (int i = 0; i < value.length(); ) {
            Texts.requirePaired(entity, field, value, i);
            int cp = value.codePointAt(i);
            if (!allowedInName(cp)) {
                throw new ValidationException(entity, field, value, "must contain only letters, combining marks,"
                        + " digits and '" + NAME_PUNCTUATION + "' (found " + Texts.escape(Character.toString(cp))
                        + ", " + describe(cp) + ", at index " + i + ")");
            }
            UnicodeScript own = UnicodeScript.of(cp);
            if (Character.isLetter(cp) && own != UnicodeScript.COMMON && own != UnicodeScript.INHERITED) {
                if (script != null && script != own) {
                    throw new ValidationException(entity, field, value, "must not mix scripts (found " + script
                            + " and " + own + "): mixed scripts make look-alikes of other names");
                }
                script = own;
            }
            i += Character.charCount(cp);
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new ValidationException(entity, field, value,
                    "must be in Unicode normalization form NFC (compose decomposed accents first)");
        }
        return value;
    }

    private static void requireLength(String entity, String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(entity, field, value, "is required");
        }
        Texts.requireMaxLength(entity, field, value);
    }

    private static boolean allowedInName(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || Character.isDigit(cp)
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || cp < 0x80 && NAME_PUNCTUATION.indexOf(cp) >= 0;
    }

    private static String describe(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
                return "a control character";
            case Character.FORMAT:
                return "an invisible format character";
            case Character.SURROGATE:
                return "an unpaired surrogate";
            default:
                return Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? "whitespace" : "not allowed";
        }
    }
}
