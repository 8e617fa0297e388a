package dev.attune.repositories.internal;

import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Case-insensitive substring search over text columns. */
public final class Search {

    private Search() {
    }

    /** True when any of {@code fields} contains {@code query}, ignoring case; {@code %} and {@code _} match literally. */
    @SafeVarargs
    public static Condition containsIgnoringCase(String query, Field<String>... fields) {
        String escaped = query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = "%" + escaped + "%";
        Condition any = DSL.falseCondition();
        for (Field<String> field : fields) {
            any = any.or(DSL.lower(field).like(pattern, '\\'));
        }
        return any;
    }
}
