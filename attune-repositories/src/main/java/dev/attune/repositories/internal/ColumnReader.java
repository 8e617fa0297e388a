package dev.attune.repositories.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Binding;
import org.jooq.EnumType;
import org.jooq.JSONB;

/**
 * Reads one column of a JDBC row as the database type jOOQ's default binding of that column gives (before the
 * column's converter): the types the Attune schema uses. A column with a binding of its own (the {@code inet} of the
 * webhook event log) or of another type has no reader, and its table is read by jOOQ alone.
 */
@FunctionalInterface
interface ColumnReader {

    /**
     * The column's value in the current row.
     *
     * @param rows        the rows, positioned on one
     * @param index       the column's JDBC index, from 1
     * @param sessionZone the session's time zone, the offset of the timestamps read
     * @return the value, or null for SQL NULL
     * @throws SQLException when the driver cannot read it
     */
    Object read(ResultSet rows, int index, ZoneId sessionZone) throws SQLException;

    /**
     * The reader of a column whose binding is {@code binding} and whose database type is {@code type}.
     *
     * @param binding the column's binding
     * @param type    the column's database type (its converter's {@code fromType})
     * @return the reader; empty when there is none for this column
     */
    static Optional<ColumnReader> forType(Binding<?, ?> binding, Class<?> type) {
        if (!isJooqBinding(binding)) {
            return Optional.empty(); // a binding of our own reads the column its own way
        }
        if (type == Long.class) {
            return Optional.of((rows, index, zone) -> {
                long value = rows.getLong(index);
                return rows.wasNull() ? null : value;
            });
        }
        if (type == Integer.class) {
            return Optional.of((rows, index, zone) -> {
                int value = rows.getInt(index);
                return rows.wasNull() ? null : value;
            });
        }
        if (type == Boolean.class) {
            return Optional.of((rows, index, zone) -> {
                boolean value = rows.getBoolean(index);
                return rows.wasNull() ? null : value;
            });
        }
        if (type == String.class) {
            return Optional.of((rows, index, zone) -> rows.getString(index));
        }
        if (type == BigDecimal.class) {
            return Optional.of((rows, index, zone) -> rows.getBigDecimal(index));
        }
        if (type == JSONB.class) {
            return Optional.of((rows, index, zone) -> {
                String text = rows.getString(index);
                return text == null ? null : JSONB.valueOf(text);
            });
        }
        if (type == String[].class) {
            return Optional.of(ColumnReader::texts);
        }
        if (type == OffsetDateTime.class) {
            return Optional.of(ColumnReader::timestamp);
        }
        if (EnumType.class.isAssignableFrom(type) && type.isEnum()) {
            return Optional.of(enumByLiteral(type.asSubclass(EnumType.class)));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code binding} is jOOQ's own (for a column with or without a converter), not one a column declares.
     *
     * @param binding a column's binding
     * @return whether jOOQ's default binding reads and writes the column
     */
    static boolean isJooqBinding(Binding<?, ?> binding) {
        return binding.getClass().getName().startsWith("org.jooq.impl.");
    }

    private static String[] texts(ResultSet rows, int index, ZoneId zone) throws SQLException {
        Array array = rows.getArray(index);
        if (array == null) {
            return null;
        }
        try {
            return (String[]) array.getArray();
        } finally {
            array.free();
        }
    }

    /**
     * A {@code timestamptz} with the offset PostgreSQL prints it with in the session's zone (the driver hands out every
     * value in UTC); {@code infinity} and {@code -infinity} stay the driver's maximum and minimum.
     */
    private static OffsetDateTime timestamp(ResultSet rows, int index, ZoneId zone) throws SQLException {
        OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
        if (value == null || value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
            return value;
        }
        return value.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static ColumnReader enumByLiteral(Class<? extends EnumType> type) {
        Map<String, EnumType> byLiteral = new HashMap<>();
        for (EnumType constant : type.getEnumConstants()) {
            byLiteral.put(constant.getLiteral(), constant);
        }
        return (rows, index, zone) -> {
            String literal = rows.getString(index);
            return literal == null ? null : byLiteral.get(literal);
        };
    }
}
