package dev.attune.repositories.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * INSERT helpers. The column defaults live in the schema only: an optional input left {@code null} is not bound, so
 * the database's default applies instead of a copy of it in Java.
 */
public final class Inserts {

    private Inserts() {
    }

    /**
     * A new record of {@code table} holding {@code source}'s values, matched to columns by name as jOOQ matches a POJO's
     * members ({@code packRef} fills {@code pack_ref}). Only the non-null values are marked changed, so an INSERT of
     * the record binds them alone and the column defaults apply to the rest.
     *
     * @param <R>    the table's record type
     * @param dsl    the context the record is attached to
     * @param table  the table
     * @param source an input record such as {@code NewAction}, whose components are named after the columns
     * @return the record to insert
     */
    public static <R extends Record> R valuesOf(DSLContext dsl, Table<R> table, Object source) {
        R row = dsl.newRecord(table, source);
        for (Field<?> field : row.fields()) {
            if (row.get(field) == null) {
                row.changed(field, false);
            }
        }
        return row;
    }
}
