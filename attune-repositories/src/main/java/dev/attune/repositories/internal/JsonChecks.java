package dev.attune.repositories.internal;

import dev.attune.repositories.Limits;
import dev.attune.repositories.ValidationException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rules a JSON value obeys before it is written to a {@code jsonb} column. Without them Jackson writes NaN and
 * infinities as the strings {@code "NaN"}/{@code "Infinity"}, pgjdbc turns an unpaired surrogate into {@code ?},
 * PostgreSQL refuses {@code \u0000} with a raw error, and a value nested deeper than Jackson's write limit fails
 * inside the driver binding.
 */
public final class JsonChecks {

    private JsonChecks() {
    }

    /**
     * Checks {@code value}: nesting at most {@value Limits#MAX_JSON_DEPTH} levels, finite numbers, no NUL and no
     * unpaired surrogate in strings and object keys. Iterative, so a hostile depth cannot overflow the stack.
     *
     * @param entity the entity errors name
     * @param field  the column errors name
     * @param value  the JSON value
     * @return {@code value}
     */
    public static JsonNode requireValid(String entity, String field, JsonNode value) {
        if (value == null) {
            return null;
        }
        Deque<Entry> pending = new ArrayDeque<>();
        pending.push(new Entry("$", value, 1));
        while (!pending.isEmpty()) {
            Entry entry = pending.pop();
            JsonNode node = entry.node();
            if (node.isContainer() && entry.depth() > Limits.MAX_JSON_DEPTH) {
                throw new ValidationException(entity, field, null, "JSON must be nested at most " + Limits.MAX_JSON_DEPTH
                        + " levels deep (deeper at " + entry.path() + ")");
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> child : node.properties()) {
                    requireString(entity, field, entry.path() + " (key)", child.getKey());
                    pending.push(new Entry(entry.path() + "." + Texts.escape(child.getKey()), child.getValue(),
                            entry.depth() + 1));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    pending.push(new Entry(entry.path() + "[" + i + "]", node.get(i), entry.depth() + 1));
                }
            } else if (node.isString()) {
                requireString(entity, field, entry.path(), node.stringValue());
            } else if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                throw new ValidationException(entity, field, null, "JSON numbers must be finite (found "
                        + node.doubleValue() + " at " + entry.path() + "; JSON has no NaN or Infinity)");
            }
        }
        return value;
    }

    private static void requireString(String entity, String field, String path, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\0') {
                throw new ValidationException(entity, field, null,
                        "JSON strings must not contain \\u0000 (PostgreSQL's jsonb cannot store it; at " + path + ")");
            }
            try {
                Texts.requirePaired(entity, field, text, i);
            } catch (ValidationException e) {
                throw new ValidationException(entity, field, null, "JSON strings must not contain an unpaired UTF-16"
                        + " surrogate (found " + Texts.escape(String.valueOf(text.charAt(i))) + " at " + path + ")");
            }
        }
    }

    private record Entry(String path, JsonNode node, int depth) {
    }
}
