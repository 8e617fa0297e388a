package dev.attune.repositories.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.action.ActionRepository;
import dev.attune.repositories.action.NewAction;
import dev.attune.repositories.identity.IdentityRepository;
import dev.attune.repositories.identity.NewIdentity;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.schema.enums.WorkerTypeEnum;
import dev.attune.repositories.worker.NewWorker;
import dev.attune.repositories.worker.WorkerRepository;
import dev.attune.junit.IsolatedSchemaTest;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The identifier policy (docs/repositories.md, "Identifiers") for refs, logins and names. */
@IsolatedSchemaTest
class IdentifierPolicyTest {

    private static final String REF_RULE = "must be ASCII: dot-separated segments";

    static Stream<Arguments> refsThatLookLikeOthers() {
        return Stream.of(
                Arguments.of("zero-width space", "core\u200B.echo", "core\\u200B.echo"),
                Arguments.of("Cyrillic o", "c\u043Ere.echo", "c\\u043Ere.echo"),
                Arguments.of("NFC accent", "caf\u00E9.echo", "caf\\u00E9.echo"),
                Arguments.of("NFD accent", "cafe\u0301.echo", "cafe\\u0301.echo"),
                Arguments.of("trailing newline", "core.echo\n", "core.echo\\u000A"),
                Arguments.of("bidi override", "core.\u202Eohce", "core.\\u202Eohce"),
                Arguments.of("trailing space", "core. ", "core. "),
                Arguments.of("NUL", "core.e\u0000cho", "core.e\\u0000cho"),
                Arguments.of("soft hyphen", "core.ec\u00ADho", "core.ec\\u00ADho"),
                Arguments.of("fullwidth letter", "core.\uFF45cho", "core.\\uFF45cho"),
                Arguments.of("empty segment", "core..echo", "core..echo"));
    }

    @ParameterizedTest(name = "an action ref with a {0} is refused before SQL")
    @MethodSource("refsThatLookLikeOthers")
    void refsThatLookLikeOtherRefsAreRefused(String what, String ref, String escaped) {
        assertThatThrownBy(() -> NewAction.of(ref, 1, "core", "Echo", "Echo", "echo.sh"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("action");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo(ref);
                    assertThat(e.rule()).startsWith(REF_RULE);
                })
                .hasMessageStartingWith("action.ref = '" + escaped + "' is invalid: " + REF_RULE);
    }

    @Test
    void aPackRefOfFourThousandCharactersIsRefusedBeforeSqlNamingTheMaximum() {
        String ref = "a".repeat(4_000);
        assertThatThrownBy(() -> NewPack.of(ref, "Long", "1.0.0"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.rule()).isEqualTo("must be at most 255 characters (has 4000)");
                })
                .hasMessageStartingWith("pack.ref = '" + "a".repeat(80) + "… (4000 characters)' is invalid");
    }

    @Test
    void aRefOfExactly255CharactersIsStored(DSLContext dsl) {
        String ref = "a".repeat(255);
        assertThat(new PackRepository(dsl).create(NewPack.of(ref, "Long", "1.0.0")).ref()).isEqualTo(ref);
    }

    @Test
    void aRefCopyInAnotherTableFollowsTheSamePolicy(DSLContext dsl) {
        var pack = new Fixtures(dsl).pack("core");
        ActionRepository actions = new ActionRepository(dsl);
        assertThatThrownBy(() -> actions.create(NewAction.of("core.echo", pack.getId(), "co\u200Bre", "Echo", "Echo",
                "echo.sh")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("action");
                    assertThat(e.field()).isEqualTo("pack_ref");
                    assertThat(e.rule()).startsWith(REF_RULE);
                });
    }

    static Stream<Arguments> badLogins() {
        return Stream.of(
                Arguments.of("a zero-width space", "ali\u200Bce", "ali\\u200Bce", "an invisible format character"),
                Arguments.of("a bidi override", "\u202Ealice", "\\u202Ealice", "an invisible format character"),
                Arguments.of("a trailing newline", "alice\n", "alice\\u000A", "a control character"),
                Arguments.of("a space", "alice smith", "alice smith", "whitespace"),
                Arguments.of("a no-break space", "alice\u00A0smith", "alice\\u00A0smith", "whitespace"),
                Arguments.of("a NUL", "alice\u0000", "alice\\u0000", "a control character"),
                Arguments.of("an emoji", "alice\uD83D\uDE00", "alice\\uD83D\\uDE00", "not allowed"));
    }

    @ParameterizedTest(name = "a login with {0} is refused before SQL")
    @MethodSource("badLogins")
    void loginsWithInvisibleOrSpacingCharactersAreRefused(String what, String login, String escaped, String kind,
            DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);
        assertThatThrownBy(() -> identities.create(NewIdentity.of(login)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("identity");
                    assertThat(e.field()).isEqualTo("login");
                    assertThat(e.value()).isEqualTo(login);
                })
                .hasMessageStartingWith("identity.login = '" + escaped + "' is invalid: must contain only letters")
                .hasMessageContaining(kind);
        assertThat(identities.list()).isEmpty();
    }

    @Test
    void aDecomposedLoginIsRefusedAsNotNfc(DSLContext dsl) {
        assertThatThrownBy(() -> new IdentityRepository(dsl).create(NewIdentity.of("jose\u0301")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("identity.login = 'jose\\u0301' is invalid: must be in Unicode normalization form NFC"
                        + " (compose decomposed accents first)");
    }

    @Test
    void aLoginMixingLatinAndCyrillicIsRefused(DSLContext dsl) {
        assertThatThrownBy(() -> new IdentityRepository(dsl).create(NewIdentity.of("p\u0430ypal")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("identity.login = 'p\\u0430ypal' is invalid: must not mix scripts (found LATIN and"
                        + " CYRILLIC): mixed scripts make look-alikes of other names");
    }

    @Test
    void aLoginOfTenThousandCharactersIsRefusedBeforeSql(DSLContext dsl) {
        assertThatThrownBy(() -> new IdentityRepository(dsl).create(NewIdentity.of("a".repeat(10_000))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("login");
                    assertThat(e.rule()).isEqualTo("must be at most 255 characters (has 10000)");
                });
    }

    @ParameterizedTest(name = "the login {0} round-trips exactly")
    @MethodSource("goodLogins")
    void nfcLoginsOfOneScriptRoundTrip(String login, DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);
        identities.create(NewIdentity.of(login));
        assertThat(identities.findByLogin(login)).get().extracting(i -> i.login()).isEqualTo(login);
    }

    static Stream<String> goodLogins() {
        return Stream.of("jos\u00E9", "\u0430\u043B\u0438\u0441\u0430", "alice@example.com", "\u7528\u6237", "bob+ops",
                "a".repeat(255));
    }

    @Test
    void anNfcLoginAndItsNfdTwinCanNeverBothExist(DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);
        identities.create(NewIdentity.of("jos\u00E9"));
        assertThatThrownBy(() -> identities.create(NewIdentity.of("jose\u0301")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> identities.create(NewIdentity.of("jos\u00E9")))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void aWorkerNameWithAZeroWidthJoinerIsRefusedNamingTheField(DSLContext dsl) {
        assertThatThrownBy(() -> new WorkerRepository(dsl).create(NewWorker.of("worker\u200D1", WorkerTypeEnum.local)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("worker");
                    assertThat(e.field()).isEqualTo("name");
                })
                .hasMessageStartingWith("worker.name = 'worker\\u200D1' is invalid");
    }
}
