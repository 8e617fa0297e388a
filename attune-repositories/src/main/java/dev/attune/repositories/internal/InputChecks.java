package dev.attune.repositories.internal;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Row;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.QOM;
import tools.jackson.databind.JsonNode;

/**
 * Checks every value a repository sends, before any SQL is rendered: the one place where the input rules apply to all
 * repositories alike. Written columns are known from jOOQ's query object model, so the error names the table and
 * column: refs, logins and names follow {@link Identifiers}; labels and text kept in an index are single-line and
 * short ({@link Texts#requireShortText}); other text follows {@link Texts#requireText}; JSON follows
 * {@link JsonChecks}; timestamps {@link Timestamps}. Arguments of other statements (finders, deletes) are checked
 * for what PostgreSQL or pgjdbc would refuse or alter (NUL, unpaired surrogates, bad JSON, out-of-range timestamps).
 */
final class InputChecks implements ExecuteListener {

    private static final long serialVersionUID = 1L;
    /** Names of the columns covered by an index or unique key, per table (from the generated code). */
    private static final Map<Table<?>, Set<String>> INDEXED = new ConcurrentHashMap<>();

    private final String entity;

    InputChecks(String entity) {
        this.entity = entity;
    }

    @Override
    public void start(ExecuteContext ctx) {
        Query query = ctx.query();
        if (query instanceof QOM.Insert<?> insert) {
            Table<?> table = insert.$into();
            List<? extends Field<?>> columns = insert.$columns();
            for (Row row : insert.$values()) {
                for (int i = 0; i < columns.size() && i < row.size(); i++) {
                    checkColumn(table, columns.get(i), row.field(i));
                }
            }
            insert.$updateSet().forEach((column, value) -> checkColumn(table, column, value));
        } else if (query instanceof QOM.Update<?> update) {
            Table<?> table = update.$table();
            update.$set().forEach((column, value) -> checkColumn(table, column, value));
        } else if (query != null) {
            for (Object value : query.getBindValues()) {
                checkArgument(entity, value);
            }
        }
    }

    private void checkColumn(Table<?> table, Object column, Object value) {
        if (!(column instanceof Field<?> field) || !(value instanceof Param<?> param)) {
            return; // a row-valued SET or an expression such as now(): nothing the caller typed
        }
        checkColumnValue(table, field, param.getValue());
    }

    /**
     * Refuses a value written to a column that breaks the column's rule.
     *
     * @param table the table written
     * @param field the column
     * @param v     the value, of the column's type
     */
    static void checkColumnValue(Table<?> table, Field<?> field, Object v) {
        String t = table.getName();
        String c = field.getName();
        if (v instanceof String text) {
            if (Identifiers.isRefColumn(table, field)) {
                Identifiers.requireRef(t, c, text);
            } else if (Identifiers.isNameColumn(table, field)) {
                Identifiers.requireName(t, c, text);
            } else if (c.equals("label") || indexed(table).contains(c)) {
                Texts.requireShortText(t, c, text);
            } else {
                Texts.requireText(t, c, text);
            }
        } else if (v instanceof String[] texts) {
            boolean isIndexed = indexed(table).contains(c);
            for (String element : texts) {
                if (isIndexed) {
                    Texts.requireShortText(t, c, element);
                } else {
                    Texts.requireText(t, c, element);
                }
            }
        } else if (v instanceof JsonNode json) {
            JsonChecks.requireValid(t, c, json);
        } else if (v instanceof OffsetDateTime time) {
            Timestamps.requireInRange(t, c, time);
        }
    }

    /**
     * Refuses a statement argument PostgreSQL or pgjdbc would refuse or alter (NUL, unpaired surrogates, bad JSON,
     * out-of-range timestamps).
     *
     * @param entity the table the error names
     * @param value  the argument
     */
    static void checkArgument(String entity, Object value) {
        if (value instanceof String text) {
            Texts.requireStorable(entity, "argument", text);
        } else if (value instanceof String[] texts) {
            for (String element : texts) {
                Texts.requireStorable(entity, "argument", element);
            }
        } else if (value instanceof JsonNode json) {
            JsonChecks.requireValid(entity, "argument", json);
        } else if (value instanceof OffsetDateTime time) {
            Timestamps.requireInRange(entity, "argument", time);
        }
    }

    private static Set<String> indexed(Table<?> table) {
        return INDEXED.computeIfAbsent(table, InputChecks::indexedColumns);
    }

    private static Set<String> indexedColumns(Table<?> table) {
        Set<String> names = new HashSet<>();
        for (Index index : table.getIndexes()) {
            for (SortField<?> field : index.getFields()) {
                names.add(field.getName());
            }
        }
        for (UniqueKey<?> key : table.getKeys()) {
            for (Field<?> field : key.getFields()) {
                names.add(field.getName());
            }
        }
        return Set.copyOf(names);
    }
}
