package dev.attune.repositories.internal;

import dev.attune.repositories.Limits;
import dev.attune.repositories.ValidationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps and ages PostgreSQL can represent, checked before SQL instead of failing with "timestamp out of range". */
public final class Timestamps {

    /** PostgreSQL's earliest {@code timestamptz}: 4713-11-24 BC (proleptic year -4712), 00:00 UTC. */
    public static final OffsetDateTime MIN = OffsetDateTime.of(-4712, 11, 24, 0, 0, 0, 0, ZoneOffset.UTC);
    /** PostgreSQL's latest {@code timestamptz}: 294276-12-31 23:59:59.999999 UTC. */
    public static final OffsetDateTime MAX = OffsetDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * {@code value} if PostgreSQL can store it ({@link #MIN} to {@link #MAX}); {@code null} passes.
     *
     * @param entity the entity errors name
     * @param field  the column or parameter errors name
     * @param value  the time
     * @return {@code value}
     */
    public static OffsetDateTime requireInRange(String entity, String field, OffsetDateTime value) {
        if (value != null && (value.isBefore(MIN) || value.isAfter(MAX))) {
            throw new ValidationException(entity, field, value,
                    "must be between 4713-11-24 BC and 294276-12-31 AD (PostgreSQL's timestamp range)");
        }
        return value;
    }

    /**
     * An age ("older than N units") from {@code min} up to {@value Limits#MAX_AGE_DAYS} days, so that
     * {@code now() - age} stays a valid timestamp.
     *
     * @param entity the entity errors name
     * @param field  the column or parameter errors name
     * @param amount the age in {@code unit}s
     * @param min    the smallest allowed amount
     * @param unit   the unit of {@code amount}
     * @return {@code amount}
     */
    public static long requireAge(String entity, String field, long amount, long min, ChronoUnit unit) {
        long max = ChronoUnit.DAYS.getDuration().multipliedBy(Limits.MAX_AGE_DAYS).dividedBy(unit.getDuration());
        if (amount < min || amount > max) {
            throw new ValidationException(entity, field, amount, "must be between " + min + " and " + max + " ("
                    + Limits.MAX_AGE_DAYS + " days)");
        }
        return amount;
    }
}
