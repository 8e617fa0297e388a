package dev.attune.migrations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces PostgreSQL SQL text to its code, so that a migration can be searched for forbidden constructs without being
 * fooled by prose.
 *
 * <ul>
 *   <li>{@code -- line} and (nested) {@code /* block *}{@code /} comments become blanks;</li>
 *   <li>the contents of string literals ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes) become
 *       blanks, the quotes stay;</li>
 *   <li>dollar-quoted text ({@code $$...$$}, {@code $fn$...$fn$}) is kept and reduced the same way, recursively: in a
 *       migration it is a function or {@code DO} body (or dynamic SQL), i.e. code. Each body is reduced on its own, so
 *       an unbalanced quote inside a body cannot hide the code after it;</li>
 *   <li>quoted identifiers ({@code "..."}) are code and stay as they are.</li>
 * </ul>
 *
 * Every character that is removed is replaced by a space (line breaks are kept), so offsets and line numbers of the
 * result are those of the input.
 */
final class SqlCode {

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private SqlCode() {
    }

    /** The code of {@code sql}: comments and literal contents blanked, dollar-quoted bodies kept and reduced. */
    static String of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(sql, i, end, out);
                i = end;
            } else if (c == '/' && next == '*') {
                int end = endOfBlockComment(sql, i);
                blank(sql, i, end, out);
                i = end;
            } else if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierPart(sql.charAt(i - 2)));
                int close = closingQuote(sql, i, escapes);
                int end = close < 0 ? n : close + 1;
                out.append('\'');
                blank(sql, i + 1, close < 0 ? n : close, out);
                if (close >= 0) {
                    out.append('\'');
                }
                i = end;
            } else if (c == '"') {
                int end = endOfQuotedIdentifier(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                Matcher tag = DOLLAR_TAG.matcher(sql).region(i, n);
                if (tag.lookingAt()) {
                    String delimiter = tag.group();
                    int bodyStart = tag.end();
                    int close = sql.indexOf(delimiter, bodyStart);
                    int bodyEnd = close < 0 ? n : close;
                    out.append(delimiter).append(of(sql.substring(bodyStart, bodyEnd)));
                    if (close >= 0) {
                        out.append(delimiter);
                        i = close + delimiter.length();
                    } else {
                        i = n;
                    }
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The 1-based line number of {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int endOfBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Index of the closing quote of the literal starting at {@code start}, or -1 when it is not closed. */
    private static int closingQuote(String sql, int start, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int endOfQuotedIdentifier(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '"') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static void blank(String sql, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            out.append(sql.charAt(i) == '\n' ? '\n' : ' ');
        }
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
