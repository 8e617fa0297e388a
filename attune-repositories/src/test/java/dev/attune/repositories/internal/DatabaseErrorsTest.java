package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ValidationException;
import dev.attune.junit.IsolatedSchemaTest;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class DatabaseErrorsTest {

    /** Creates {@code raise_message(text)}, a PL/pgSQL function that raises its argument (SQLSTATE P0001). */
    private static void createRaisingFunction(DSLContext dsl) {
        // Plain SQL: jOOQ's DSL has no CREATE FUNCTION with a PL/pgSQL body for PostgreSQL in the open-source edition.
        dsl.execute("""
                CREATE FUNCTION raise_message(p_message text) RETURNS boolean LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '%', p_message;
                END;
                $$""");
    }

    private static void raise(DSLContext dsl, String message) {
        DatabaseErrors.translate("trigger", () -> dsl
                .select(DSL.function("raise_message", SQLDataType.BOOLEAN, DSL.val(message)))
                .fetchSingle());
    }

    @Test
    void aFunctionsMissingRowOfAKnownTableIsNotFoundWithTheDatabaseErrorAsCause(DSLContext dsl) {
        createRaisingFunction(dsl);

        assertThatThrownBy(() -> raise(dsl, "Trigger with id 7 does not exist"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entity()).isEqualTo("trigger");
                    assertThat(e.field()).isEqualTo("id");
                    assertThat(e.value()).isEqualTo(7L);
                    assertThat(e.getCause()).isInstanceOf(DataAccessException.class)
                            .hasMessageContaining("Trigger with id 7 does not exist");
                });
        assertThatThrownBy(() -> raise(dsl, "Workflow definition with id 3 does not exist"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.entity()).isEqualTo("workflow_definition"));
    }

    @Test
    void anyOtherFunctionErrorIsAValidationErrorNamingTheFunction(DSLContext dsl) {
        createRaisingFunction(dsl);

        assertThatThrownBy(() -> raise(dsl, "Widget with id 7 does not exist"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("trigger");
                    assertThat(e.field()).isEqualTo("raise_message");
                    assertThat(e.rule()).isEqualTo("Widget with id 7 does not exist");
                    assertThat(e.getCause()).isInstanceOf(DataAccessException.class);
                });
        assertThatThrownBy(() -> raise(dsl, "Rate limit window must be between 1 and 3600 seconds"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("raise_message");
                    assertThat(e.rule()).isEqualTo("Rate limit window must be between 1 and 3600 seconds");
                });
    }

    @Test
    void aRaisedExceptionWithoutFunctionContextIsAValidationErrorOfFieldFunction() {
        DataAccessException error = new DataAccessException("nope", new SQLException("nope", "P0001"));

        assertThat(DatabaseErrors.translate("pack", error))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("function");
                    assertThat(e.getCause()).isSameAs(error);
                });
    }

    @Test
    void aCheckViolationNamesTheConstraintAndQuotesTheFailingRow(DSLContext dsl) {
        assertThatThrownBy(() -> DatabaseErrors.translate("pack", () -> dsl.insertInto(PACK)
                .set(PACK.REF, "core").set(PACK.LABEL, "Core").set(PACK.VERSION, "not-semver").execute()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("pack_version_semver");
                    assertThat(e.rule()).startsWith("violates check constraint pack_version_semver (Failing row contains (")
                            .contains("not-semver");
                    assertThat(e.getCause()).isInstanceOf(DataAccessException.class);
                });
    }

    @Test
    void aLongFailingRowIsTruncatedInTheRule(DSLContext dsl) {
        // PostgreSQL shortens each value of the failing row to 64 bytes; three long ones exceed the 200-character cap.
        String longText = "x".repeat(5_000);
        assertThatThrownBy(() -> DatabaseErrors.translate("pack", () -> dsl.insertInto(PACK)
                .set(PACK.REF, "core").set(PACK.LABEL, longText).set(PACK.DESCRIPTION, longText)
                .set(PACK.VERSION, "not-semver-" + longText).execute()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("pack_version_semver");
                    assertThat(e.rule()).contains("Failing row contains (").endsWith("…)")
                            .hasSizeLessThan(300);
                });
    }
}
