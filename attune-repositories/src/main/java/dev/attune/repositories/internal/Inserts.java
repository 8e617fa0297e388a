package dev.attune.repositories.internal;

import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;

/**
 * INSERT helpers. The column defaults live in the schema only: an optional input left {@code null} is not bound, so
 * the database's default applies instead of a copy of it in Java.
 */
public final class Inserts {

    private Inserts() {
    }

    /** {@code insert} with {@code field = value}, or unchanged when {@code value} is null (the column default applies). */
    public static <R extends Record, T> InsertSetMoreStep<R> setIfNotNull(InsertSetMoreStep<R> insert, Field<T> field,
            T value) {
        return value == null ? insert : insert.set(field, value);
    }
}
