package dev.attune.repositories.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.ValidationException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * {@link DatabaseErrors} on server errors built field by field (pgjdbc's {@link ServerErrorMessage} from the wire
 * format), so that every structured field — state, constraint, column, detail, context — is exercised exactly,
 * including the ones a live server rarely combines. The live counterparts are in {@code DatabaseErrorsTest} and the
 * hostile-input suite.
 */
class DatabaseErrorsTranslationTest {

    /** A server error with the given fields: S severity, C state, M message, D detail, n constraint, c column, W where. */
    private static DataAccessException serverError(Map<Character, String> fields) {
        StringBuilder wire = new StringBuilder("SERROR\0");
        fields.forEach((type, value) -> wire.append(type).append(value).append('\0'));
        PSQLException psql = new PSQLException(new ServerErrorMessage(wire.toString()));
        return new DataAccessException("SQL [insert ...]; " + psql.getMessage(), psql);
    }

    private static Map<Character, String> fields(Object... typeValuePairs) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < typeValuePairs.length; i += 2) {
            fields.put((Character) typeValuePairs[i], (String) typeValuePairs[i + 1]);
        }
        return fields;
    }

    @Test
    void aUniqueViolationNamesTheKeyColumnsAndValuesFromTheDetail() {
        DataAccessException error = serverError(fields('C', "23505", 'M', "duplicate key value violates unique"
                + " constraint \"pack_ref_key\"", 'D', "Key (ref)=(core) already exists.", 'n', "pack_ref_key"));

        assertThat(DatabaseErrors.translate("pack", error)).isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
            assertThat(e.entity()).isEqualTo("pack");
            assertThat(e.field()).isEqualTo("ref");
            assertThat(e.value()).isEqualTo("core");
            assertThat(e.getCause()).isSameAs(error);
        });
    }

    @Test
    void aCompositeKeyKeepsItsColumnListAndValueListWhole() {
        DataAccessException error = serverError(fields('C', "23505", 'M', "duplicate key",
                'D', "Key (pack, name)=(7, a (b) c) already exists.", 'n', "action_pack_name_key"));

        assertThat(DatabaseErrors.translate("action", error)).isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
            assertThat(e.field()).isEqualTo("pack, name");
            assertThat(e.value()).isEqualTo("7, a (b) c");
        });
    }

    @Test
    void aUniqueViolationWithoutAKeyDetailFallsBackToTheConstraint() {
        DataAccessException noDetail = serverError(fields('C', "23505", 'M', "duplicate key", 'n', "pack_ref_key"));
        DataAccessException otherDetail = serverError(fields('C', "23505", 'M', "duplicate key",
                'D', "Something else entirely.", 'n', "pack_ref_key"));

        assertThat(DatabaseErrors.translate("pack", noDetail)).isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
            assertThat(e.field()).isEqualTo("pack_ref_key");
            assertThat(e.value()).isEqualTo("?");
        });
        assertThat(DatabaseErrors.translate("pack", otherDetail)).isInstanceOfSatisfying(AlreadyExistsException.class,
                e -> assertThat(e.field()).isEqualTo("pack_ref_key"));
    }

    @Test
    void aKeyDetailMustMatchWholeToBeRead() {
        // "Key (a)=(b)" without the trailing sentence is not the server's format: nothing is read from it.
        DataAccessException error = serverError(fields('C', "23505", 'M', "duplicate key",
                'D', "Key (ref)=(core)", 'n', "pack_ref_key"));

        assertThat(DatabaseErrors.translate("pack", error)).isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
            assertThat(e.field()).isEqualTo("pack_ref_key");
            assertThat(e.value()).isEqualTo("?");
        });
    }

    @Test
    void aMissingReferencedRowNamesTheColumnValueAndTable() {
        DataAccessException error = serverError(fields('C', "23503", 'M', "insert or update violates foreign key",
                'D', "Key (pack)=(42) is not present in table \"pack\".", 'n', "action_pack_fkey"));

        assertThat(DatabaseErrors.translate("action", error))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("action");
                    assertThat(e.field()).isEqualTo("pack");
                    assertThat(e.value()).isEqualTo("42");
                    assertThat(e.otherTable()).isEqualTo("pack");
                    assertThat(e.getMessage()).contains("action.pack = 42 refers to a missing pack (constraint"
                            + " action_pack_fkey)");
                    assertThat(e.getCause()).isSameAs(error);
                });
    }

    @Test
    void aDeleteOfAStillReferencedRowSaysTheDeleteIsRefusedAndByWhichTable() {
        DataAccessException error = serverError(fields('C', "23503", 'M', "update or delete violates foreign key",
                'D', "Key (id)=(7) is still referenced from table \"rule\".", 'n', "rule_trigger_fkey"));

        assertThat(DatabaseErrors.translate("trigger", error))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("id");
                    assertThat(e.value()).isEqualTo("7");
                    assertThat(e.otherTable()).isEqualTo("rule");
                    assertThat(e.getMessage()).contains("deleting trigger is refused: a row with id = 7 (the trigger or a"
                            + " row deleted with it) is still referenced from rule (constraint rule_trigger_fkey)");
                });
    }

    @Test
    void aReferenceViolationWithoutDetailUsesTheConstraintAndUnknowns() {
        DataAccessException error = serverError(fields('C', "23503", 'M', "violates foreign key", 'n', "x_fkey"));

        assertThat(DatabaseErrors.translate("action", error))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("x_fkey");
                    assertThat(e.value()).isEqualTo("?");
                    assertThat(e.otherTable()).isEqualTo("?");
                    assertThat(e.getMessage()).contains("action.x_fkey = ? refers to a missing ? (constraint x_fkey)");
                });
    }

    @Test
    void aFailingRowOfExactly200CharactersIsQuotedWholeAnd201AreCut() {
        String exact = "Failing row contains (" + "y".repeat(200 - 23) + ")";
        assertThat(exact).hasSize(200);
        String oneMore = exact + "z";

        assertThat(checkViolationRule(exact)).isEqualTo("violates check constraint c1 (" + exact + ")");
        assertThat(checkViolationRule(oneMore)).isEqualTo("violates check constraint c1 (" + exact + "…)");
    }

    private static String checkViolationRule(String detail) {
        DataAccessException error = serverError(fields('C', "23514", 'M', "new row violates check constraint \"c1\"",
                'D', detail, 'n', "c1"));
        RepositoryException translated = DatabaseErrors.translate("pack", error);
        assertThat(translated).isInstanceOf(ValidationException.class);
        return ((ValidationException) translated).rule();
    }

    @Test
    void aCheckViolationWithoutConstraintIsTheServerMessageOnTheColumnOrCheck() {
        DataAccessException withColumn = serverError(fields('C', "23514", 'M', "version must be semver",
                'c', "version", 'D', "   "));
        DataAccessException bare = serverError(fields('C', "23514", 'M', "version must be semver"));

        assertThat(DatabaseErrors.translate("pack", withColumn)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("version");
            assertThat(e.rule()).isEqualTo("version must be semver");
        });
        assertThat(DatabaseErrors.translate("pack", bare)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("check");
            assertThat(e.rule()).isEqualTo("version must be semver");
        });
    }

    @Test
    void aNotNullViolationNamesTheColumnOrAQuestionMark() {
        DataAccessException withColumn = serverError(fields('C', "23502", 'M', "null value", 'c', "label"));
        DataAccessException bare = serverError(fields('C', "23502", 'M', "null value"));

        assertThat(DatabaseErrors.translate("pack", withColumn)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("label");
            assertThat(e.rule()).isEqualTo("must not be null");
        });
        assertThat(DatabaseErrors.translate("pack", bare)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("?"));
    }

    @Test
    void everyBadValueStateIsAValidationErrorWithTheServerMessage() {
        for (String state : new String[] {"22P02", "22007", "22003", "22001", "22023", "22008", "22021", "22P05", "54000",
                "54001"}) {
            DataAccessException error = serverError(fields('C', state, 'M', "bad value " + state, 'c', "payload"));
            assertThat(DatabaseErrors.translate("event", error)).as(state)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("payload");
                        assertThat(e.rule()).isEqualTo("bad value " + state);
                        assertThat(e.getCause()).isSameAs(error);
                    });
        }
        assertThat(DatabaseErrors.translate("event", serverError(fields('C', "22P02", 'M', "bad"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("value"));
    }

    @Test
    void aRaisedMissingRowNamesItsEntityAndIdAndAnythingElseTheSchemaQualifiedFunction() {
        DataAccessException missing = serverError(fields('C', "P0001", 'M', "Pack installation with id 12 does not exist",
                'W', "PL/pgSQL function test_1.install(bigint) line 4 at RAISE"));
        DataAccessException other = serverError(fields('C', "P0001", 'M', "Rate limit too high",
                'W', "PL/pgSQL function test_1.check_webhook(bigint) line 9 at RAISE"));
        DataAccessException unknownTable = serverError(fields('C', "P0001", 'M', "Gadget with id 3 does not exist"));

        assertThat(DatabaseErrors.translate("pack", missing)).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.entity()).isEqualTo("pack_installation");
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.value()).isEqualTo(12L);
        });
        assertThat(DatabaseErrors.translate("webhook", other)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.entity()).isEqualTo("webhook");
            assertThat(e.field()).isEqualTo("check_webhook");
            assertThat(e.rule()).isEqualTo("Rate limit too high");
        });
        assertThat(DatabaseErrors.translate("pack", unknownTable)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("function"));
    }

    @Test
    void anyOtherStateIsARepositoryExceptionNamingTheStateAndMessage() {
        DataAccessException error = serverError(fields('C', "40001", 'M', "could not serialize access"));

        RepositoryException translated = DatabaseErrors.translate("execution", error);

        assertThat(translated).isExactlyInstanceOf(RepositoryException.class)
                .hasMessage("execution: database error 40001: could not serialize access")
                .hasCause(error);
    }

    @Test
    void withoutAServerMessageTheStateAloneDecidesAndTheJooqMessageIsKept() {
        DataAccessException unique = new DataAccessException("dup", new SQLException("dup", "23505"));
        DataAccessException noState = new DataAccessException("broken pipe", new SQLException("broken pipe"));

        assertThat(DatabaseErrors.translate("pack", unique)).isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
            assertThat(e.field()).isEqualTo("null");
            assertThat(e.value()).isEqualTo("?");
        });
        assertThat(DatabaseErrors.translate("pack", noState)).isExactlyInstanceOf(RepositoryException.class)
                .hasMessageStartingWith("pack: database error ")
                .hasMessageEndingWith(": broken pipe");
    }

    @Test
    void anyRuntimeFailureBecomesARepositoryExceptionNamingItsRootCause() {
        RuntimeException conversion = new IllegalStateException("cannot read row",
                new IllegalArgumentException("inet value 'x' is not a literal IP address"));
        RuntimeException plain = new IllegalStateException("closed");
        ValidationException already = new ValidationException("pack", "ref", "x", "is bad");

        assertThat(DatabaseErrors.translate("webhook", conversion)).isExactlyInstanceOf(RepositoryException.class)
                .hasMessage("webhook: cannot read row: IllegalArgumentException: inet value 'x' is not a literal IP"
                        + " address")
                .hasCause(conversion);
        assertThat(DatabaseErrors.translate("webhook", plain)).hasMessage("webhook: closed");
        assertThat(DatabaseErrors.translate("webhook", (RuntimeException) already)).isSameAs(already);
    }

    @Test
    void aDataAccessExceptionFromTheServerIsTranslatedByStateAlsoAsARuntimeException() {
        RuntimeException error = serverError(fields('C', "23502", 'M', "null value", 'c', "label"));
        RuntimeException driverOnly = new DataAccessException("no server", new SQLException("no server", "08006"));

        assertThat(DatabaseErrors.translate("pack", error)).isInstanceOf(ValidationException.class);
        assertThat(DatabaseErrors.translate("pack", driverOnly)).isExactlyInstanceOf(RepositoryException.class)
                .hasMessage("pack: no server: SQLException: no server");
    }

    @Test
    void theWrappersPassResultsThroughAndTranslateFailures() {
        DataAccessException error = serverError(fields('C', "23502", 'M', "null value", 'c', "label"));
        int[] runs = {0};

        assertThat(DatabaseErrors.translate("pack", () -> "ok")).isEqualTo("ok");
        DatabaseErrors.translate("pack", () -> {
            runs[0]++;
        });
        assertThat(runs[0]).isEqualTo(1);
        Runnable failingAction = () -> {
            throw error;
        };
        Supplier<String> failingQuery = () -> {
            throw error;
        };
        assertThatThrownBy(() -> DatabaseErrors.translate("pack", failingAction)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DatabaseErrors.translate("pack", failingQuery)).isInstanceOf(ValidationException.class);
    }
}
