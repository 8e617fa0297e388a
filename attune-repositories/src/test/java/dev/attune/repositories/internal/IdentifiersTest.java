package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.ARTIFACT;
import static dev.attune.repositories.schema.Tables.IDENTITY;
import static dev.attune.repositories.schema.Tables.KEY;
import static dev.attune.repositories.schema.Tables.PACK;
import static dev.attune.repositories.schema.Tables.RUNTIME;
import static dev.attune.repositories.schema.Tables.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.ValidationException;
import org.junit.jupiter.api.Test;

/** {@link Identifiers}: which columns hold refs and names, and what those may contain. */
class IdentifiersTest {

    @Test
    void refColumnsAreEveryRefAndStarRefExceptTheArtifactsFreeFormRef() {
        assertThat(Identifiers.isRefColumn(PACK, PACK.REF)).isTrue();
        assertThat(Identifiers.isRefColumn(ACTION, ACTION.PACK_REF)).isTrue();
        assertThat(Identifiers.isRefColumn(KEY, KEY.OWNER_PACK_REF)).isTrue();
        assertThat(Identifiers.isRefColumn(ARTIFACT, ARTIFACT.REF)).isFalse();
        assertThat(Identifiers.isRefColumn(PACK, PACK.LABEL)).isFalse();
        assertThat(Identifiers.isRefColumn(IDENTITY, IDENTITY.LOGIN)).isFalse();
    }

    @Test
    void nameColumnsAreTheLoginAndTheNamesOfWorkersKeysAndRuntimes() {
        assertThat(Identifiers.isNameColumn(IDENTITY, IDENTITY.LOGIN)).isTrue();
        assertThat(Identifiers.isNameColumn(WORKER, WORKER.NAME)).isTrue();
        assertThat(Identifiers.isNameColumn(KEY, KEY.NAME)).isTrue();
        assertThat(Identifiers.isNameColumn(RUNTIME, RUNTIME.NAME)).isTrue();

        assertThat(Identifiers.isNameColumn(IDENTITY, IDENTITY.DISPLAY_NAME)).isFalse();
        assertThat(Identifiers.isNameColumn(PACK, PACK.LABEL)).isFalse();
        assertThat(Identifiers.isNameColumn(ACTION, ACTION.LABEL)).isFalse();
        assertThat(Identifiers.isNameColumn(KEY, KEY.REF)).isFalse();
        // "login" or "name" of other tables are not names in this sense.
        assertThat(Identifiers.isNameColumn(PACK, IDENTITY.LOGIN)).isFalse();
        assertThat(Identifiers.isNameColumn(PACK, WORKER.NAME)).isFalse();
    }

    @Test
    void aMissingRefOrNameIsRequired() {
        for (String missing : new String[] {null, ""}) {
            assertThatThrownBy(() -> Identifiers.requireRef("pack", "ref", missing))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).isEqualTo("is required"));
            assertThatThrownBy(() -> Identifiers.requireName("worker", "name", missing))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).isEqualTo("is required"));
        }
    }

    @Test
    void aValidNameIsReturnedAsGiven() {
        assertThat(Identifiers.requireName("identity", "login", "jos\u00e9@example.org")).isEqualTo("jos\u00e9@example.org");
        assertThat(Identifiers.requireName("worker", "name", "\u0440\u0430\u0431\u043e\u0442\u043d\u0438\u043a-1"))
                .isEqualTo("\u0440\u0430\u0431\u043e\u0442\u043d\u0438\u043a-1");
        assertThat(Identifiers.requireRef("pack", "ref", "core.echo_2")).isEqualTo("core.echo_2");
    }

    @Test
    void anUnpairedSurrogateInANameIsNamedAsSuch() {
        assertThatThrownBy(() -> Identifiers.requireName("worker", "name", "w\uD83D"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule())
                        .isEqualTo("must not contain an unpaired UTF-16 surrogate (found \\uD83D at index 1)"));
    }

    @Test
    void aRefusedCharacterIsDescribedByItsKind() {
        assertThat(nameRule("a b")).contains("(found  , whitespace, at index 1)");
        assertThat(nameRule("a\u0001b")).contains("(found \\u0001, a control character, at index 1)");
        assertThat(nameRule("a\u200bb")).contains("(found \\u200B, an invisible format character, at index 1)");
        assertThat(nameRule("a!b")).contains("(found !, not allowed, at index 1)");
        assertThat(nameRule("a\u0080b")).contains("(found \\u0080, a control character, at index 1)");
    }

    private static String nameRule(String name) {
        try {
            Identifiers.requireName("worker", "name", name);
        } catch (ValidationException e) {
            assertThat(e.rule()).startsWith("must contain only letters, combining marks, digits and '._-@+:'");
            return e.rule();
        }
        throw new AssertionError("accepted " + Texts.escape(name));
    }
}
