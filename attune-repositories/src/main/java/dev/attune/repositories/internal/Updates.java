package dev.attune.repositories.internal;

import dev.attune.repositories.NotFoundException;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/** The update-by-id every repository offers, in one place. */
public final class Updates {

    private Updates() {
    }

    /**
     * Applies {@code changes} to the row of {@code table} whose {@code idField} is {@code id} and returns the row as
     * {@code type}; with no change, returns the current row.
     *
     * @throws NotFoundException when there is no such row
     */
    public static <R extends TableRecord<R>, P> P byId(DSLContext dsl, Table<R> table, TableField<R, Long> idField,
            long id, Changes<R> changes, Class<P> type, String entity) {
        var row = changes.isEmpty()
                ? dsl.selectFrom(table).where(idField.eq(id)).fetchOptionalInto(type)
                : dsl.update(table)
                        .set(changes.asMap())
                        .where(idField.eq(id))
                        .returning()
                        .fetchOptionalInto(type);
        return row.orElseThrow(() -> new NotFoundException(entity, "id", id));
    }
}
