package dev.attune.repositories.internal;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Case-insensitive substring search over text columns. */
public final class Search {

    private Search() {
    }

    /**
     * True when any of {@code fields} contains {@code query}, ignoring case as the database does ({@code ILIKE}, so
     * non-ASCII letters follow the database's rules); {@code %}, {@code _} and {@code \} in the query match literally.
     *
     * @param query  the text to look for
     * @param fields the text columns to look in
     * @return the condition
     */
    @SafeVarargs
    public static Condition containsIgnoringCase(String query, Field<String>... fields) {
        String pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Condition any = DSL.falseCondition();
        for (Field<String> field : fields) {
            any = any.or(field.likeIgnoreCase(pattern, '\\'));
        }
        return any;
    }
}
