package dev.attune.repositories.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.ValidationException;
import org.junit.jupiter.api.Test;

/** {@link Texts}: what text may be sent, and how values are quoted in messages. */
class TextsTest {

    @Test
    void nullPassesEveryRuleAndAValidValueIsReturnedAsGiven() {
        assertThat(Texts.requireText("pack", "description", null)).isNull();
        assertThat(Texts.requireStorable("pack", "argument", null)).isNull();
        assertThat(Texts.requireShortText("pack", "label", null)).isNull();

        String multiLine = "line one\n\tline two\r\n";
        assertThat(Texts.requireText("pack", "description", multiLine)).isSameAs(multiLine);
        assertThat(Texts.requireStorable("pack", "argument", "a\u0001b")).isEqualTo("a\u0001b");
        assertThat(Texts.requireShortText("pack", "label", "Core \uD83D\uDE00")).isEqualTo("Core \uD83D\uDE00");
    }

    @Test
    void aControlCharacterOtherThanTabAndLineBreaksIsRefusedInFreeText() {
        assertThatThrownBy(() -> Texts.requireText("pack", "description", "a\u0007b"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("description");
                    assertThat(e.rule()).isEqualTo("must not contain control characters (found \\u0007 at index 1;"
                            + " only tab, line feed and carriage return are allowed)");
                });
    }

    @Test
    void shortTextIsOneLine() {
        assertThatThrownBy(() -> Texts.requireShortText("pack", "label", "a\tb"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule())
                        .isEqualTo("must be a single line without control characters (found \\u0009 at index 1)"));
    }

    @Test
    void storableTextHasNoNul() {
        assertThatThrownBy(() -> Texts.requireStorable("pack", "argument", "ab\0"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule())
                        .isEqualTo("must not contain NUL (\\u0000, which PostgreSQL text cannot hold) (at index 2)"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedWhereverItIs() {
        for (String text : new String[] {"\uD83D", "a\uDE00", "\uDE00\uD83D", "x\uD83Dy"}) {
            assertThatThrownBy(() -> Texts.requireStorable("pack", "argument", text)).as(Texts.escape(text))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule())
                            .startsWith("must not contain an unpaired UTF-16 surrogate (found \\uD"));
        }
    }

    @Test
    void escapingShowsPrintableAsciiAndEscapesEverythingElseIncludingTheBackslash() {
        assertThat(Texts.escape("a b~")).isEqualTo("a b~");
        assertThat(Texts.escape("a\\b")).isEqualTo("a\\\\b");
        assertThat(Texts.escape("\u001f\u007f\u200b\u00e9")).isEqualTo("\\u001F\\u007F\\u200B\\u00E9");
    }

    @Test
    void escapingCutsAfter80CharactersAndGivesTheFullLength() {
        String eighty = "x".repeat(80);

        assertThat(Texts.escape(eighty)).isEqualTo(eighty);
        assertThat(Texts.escape(eighty + "yz")).isEqualTo(eighty + "… (82 characters)");
    }

    @Test
    void theLengthLimitCountsCodePoints() {
        String emoji = "\uD83D\uDE00";
        Texts.requireMaxLength("pack", "label", emoji.repeat(dev.attune.repositories.Limits.MAX_INDEXED_TEXT_LENGTH));

        assertThatThrownBy(() -> Texts.requireMaxLength("pack", "label",
                "x".repeat(dev.attune.repositories.Limits.MAX_INDEXED_TEXT_LENGTH + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule())
                        .endsWith("(has " + (dev.attune.repositories.Limits.MAX_INDEXED_TEXT_LENGTH + 1) + ")"));
    }
}
