package dev.attune.repositories.hostile;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.identity.IdentityRepository;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.schema.tables.pojos.Pack;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Free text, labels and finder arguments: refused before SQL with the field named, or stored exactly. */
@IsolatedSchemaTest
class TextInputTest {

    private static NewPack packWith(String label, String description) {
        return new NewPack("core", label, description, "1.0.0", null, null, null, List.of(), List.of(), false);
    }

    @Test
    void aNulByteInADescriptionIsAValidationErrorNotSqlState22021(DSLContext dsl) {
        assertThatThrownBy(() -> new PackRepository(dsl).create(packWith("Core", "a\u0000b")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("description");
                    assertThat(e.getCause()).isNull();
                })
                .hasMessage("pack.description = 'a\\u0000b' is invalid: must not contain control characters (found"
                        + " \\u0000 at index 1; only tab, line feed and carriage return are allowed)");
    }

    static Stream<Arguments> badDescriptions() {
        return Stream.of(
                Arguments.of("an escape sequence", "red \u001B[31m", "\\u001B"),
                Arguments.of("a backspace", "over\bwrite", "\\u0008"),
                Arguments.of("a C1 control", "x\u0085y", "\\u0085"),
                Arguments.of("a lone high surrogate", "a\uD800b", "\\uD800"),
                Arguments.of("a lone low surrogate", "a\uDC00b", "\\uDC00"),
                Arguments.of("a reversed surrogate pair", "\uDE00\uD83D", "\\uDE00"));
    }

    @ParameterizedTest(name = "a description with {0} is refused naming the character")
    @MethodSource("badDescriptions")
    void descriptionsWithControlCharactersOrUnpairedSurrogatesAreRefused(String what, String description,
            String escapedCharacter, DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        assertThatThrownBy(() -> packs.create(packWith("Core", description)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("description");
                    assertThat(e.value()).isEqualTo(description);
                })
                .hasMessageContaining("(found " + escapedCharacter + " at index");
        assertThat(packs.list()).isEmpty();
    }

    @Test
    void textWithTabsNewlinesAndPairedSurrogatesRoundTripsExactly(DSLContext dsl) {
        String description = "line 1\n\tline 2\r\nsmile \uD83D\uDE00 caf\u00E9 cafe\u0301 \u202Eright-to-left";
        Pack created = new PackRepository(dsl).create(packWith("Core \uD83D\uDE00", description));
        assertThat(new PackRepository(dsl).getById(created.id()))
                .satisfies(p -> assertThat(p.description()).isEqualTo(description))
                .satisfies(p -> assertThat(p.label()).isEqualTo("Core \uD83D\uDE00"));
    }

    @ParameterizedTest(name = "a label with {0} is refused")
    @ValueSource(strings = {"Core\n", "Core\tpack", "Core\u0000"})
    void labelsAreSingleLine(String label, DSLContext dsl) {
        assertThatThrownBy(() -> new PackRepository(dsl).create(packWith(label, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("label"));
    }

    @Test
    void aLabelLongerThan255CharactersIsRefusedInCreateAndUpdate(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        assertThatThrownBy(() -> packs.create(packWith("L".repeat(256), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageEndingWith("is invalid: must be at most 255 characters (has 256)");
        Pack pack = packs.create(packWith("L".repeat(255), null));
        assertThatThrownBy(() -> packs.update(pack.id(), RowUpdate.of(PACK).set(PACK.LABEL, "L".repeat(4_000))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("label");
                    assertThat(e.rule()).isEqualTo("must be at most 255 characters (has 4000)");
                });
        assertThat(packs.getById(pack.id()).label()).hasSize(255);
    }

    @Test
    void anIndexedTextColumnIsCappedToo(DSLContext dsl) {
        // pack.version is in idx_pack_version_created: 4,000 characters would exceed the btree row limit (54000)
        assertThatThrownBy(() -> new PackRepository(dsl).create(NewPack.of("core", "Core", "1.0.0-" + "a".repeat(4_000))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("version");
                    assertThat(e.rule()).isEqualTo("must be at most 255 characters (has 4006)");
                });
    }

    @Test
    void aNulByteInTagsIsRefusedNamingTheArrayColumn(DSLContext dsl) {
        NewPack pack = new NewPack("core", "Core", null, "1.0.0", null, null, null, List.of("ok", "b\u0000d"),
                List.of(), false);
        assertThatThrownBy(() -> new PackRepository(dsl).create(pack))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tags"));
    }

    @Test
    void searchingForANulByteIsAValidationErrorNotAJooqDataException(DSLContext dsl) {
        assertThatThrownBy(() -> new PackRepository(dsl).search("a\u0000"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("query");
                })
                .hasMessage("pack.query = 'a\\u0000' is invalid: must not contain NUL (\\u0000, which PostgreSQL text"
                        + " cannot hold) (at index 1)");
    }

    @Test
    void searchingForALoneSurrogateIsRefusedInsteadOfMatchingAQuestionMark(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        packs.create(packWith("What?", null));
        assertThatThrownBy(() -> packs.search("t\uD800"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"))
                .hasMessageContaining("unpaired UTF-16 surrogate (found \\uD800 at index 1)");
    }

    @Test
    void findersRefuseANulByteNamingTheArgument(DSLContext dsl) {
        assertThatThrownBy(() -> new PackRepository(dsl).findByRef("core\u0000"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ref"));
        assertThatThrownBy(() -> new IdentityRepository(dsl).findByLogin("\u0000"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("login"));
    }

    @Test
    void aFinderWithAnInvisibleCharacterSimplyFindsNothing(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        packs.create(NewPack.of("core", "Core", "1.0.0"));
        assertThat(packs.findByRef("core\u200B")).isEmpty();
        assertThat(packs.findByRef("core")).isPresent();
    }
}
