package dev.attune.repositories.internal;

import dev.attune.repositories.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.TableField;

/**
 * The columns an update sets, in the order they were given. Immutable: {@link #set} returns a new instance.
 *
 * <p>A column that was never set is left unchanged; a column set to {@code null} becomes SQL {@code NULL}. The typed
 * update classes (e.g. {@code PackUpdate}) are thin wrappers over this.
 */
public final class Changes<R extends Record> {

    private final Map<Field<?>, Object> values;

    private Changes(Map<Field<?>, Object> values) {
        this.values = values;
    }

    /** No change at all. */
    public static <R extends Record> Changes<R> none() {
        return new Changes<>(Map.of());
    }

    /**
     * A copy that also sets {@code field} to {@code value} ({@code null} means SQL NULL).
     *
     * @throws ValidationException when {@code value} is null and the column is NOT NULL (known from the generated code)
     */
    public <T> Changes<R> set(TableField<R, T> field, T value) {
        if (value == null && !field.getDataType().nullable()) {
            throw new ValidationException(field.getTable().getName(), field.getName(), null,
                    "must not be null (the column is NOT NULL)");
        }
        Map<Field<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(field, value);
        return new Changes<>(Collections.unmodifiableMap(copy));
    }

    /** Whether no column is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The columns and values, for {@code UpdateSetFirstStep.set(Map)}. */
    public Map<Field<?>, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
