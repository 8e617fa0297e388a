package dev.attune.repositories.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.ValidationException;
import org.junit.jupiter.api.Test;

/** {@link Refs}: the ref formats of the schema's CHECK constraints, enforced before SQL. */
class RefsTest {

    @Test
    void aPackRefIsLowerCaseStartsWithALetterAndHasAtLeastTwoCharacters() {
        assertThat(Refs.requirePackRef("core")).isEqualTo("core");
        assertThat(Refs.requirePackRef("my-pack_2")).isEqualTo("my-pack_2");
        assertThat(Refs.requirePackRef("ab")).isEqualTo("ab");

        for (String bad : new String[] {"a", "1core", "_core", "core.x"}) {
            assertThatThrownBy(() -> Refs.requirePackRef(bad)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.entity()).isEqualTo("pack");
                        assertThat(e.field()).isEqualTo("ref");
                        assertThat(e.value()).isEqualTo(bad);
                        assertThat(e.rule()).startsWith("must be lower case, start with a letter")
                                .endsWith("(at least 2 characters, no dots)");
                    });
        }
    }

    @Test
    void upperCaseIsRefusedByTheIdentifierPolicyBeforeTheFormat() {
        assertThatThrownBy(() -> Refs.requirePackRef("Core"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.rule()).startsWith("must be ASCII: dot-separated segments"));
    }

    @Test
    void aMissingRefIsRequired() {
        for (String missing : new String[] {null, ""}) {
            assertThatThrownBy(() -> Refs.requireTwoPartRef("action", missing))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.entity()).isEqualTo("action");
                        assertThat(e.field()).isEqualTo("ref");
                        assertThat(e.rule()).isEqualTo("is required");
                    });
        }
    }

    @Test
    void aTwoPartRefHasExactlyOneDotWithTextOnBothSides() {
        assertThat(Refs.requireTwoPartRef("rule", "core.on_timer")).isEqualTo("core.on_timer");

        for (String bad : new String[] {"core", "core.a.b"}) {
            assertThatThrownBy(() -> Refs.requireTwoPartRef("rule", bad)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.entity()).isEqualTo("rule");
                        assertThat(e.rule()).isEqualTo("must be lower case 'pack.name' (exactly one dot, text on both"
                                + " sides)");
                    });
        }
    }

    @Test
    void aKeyRefIsANameOrOwnerDotName() {
        assertThat(Refs.requireKeyRef("token")).isEqualTo("token");
        assertThat(Refs.requireKeyRef("core.token")).isEqualTo("core.token");

        assertThatThrownBy(() -> Refs.requireKeyRef("a.b.c"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("key");
                    assertThat(e.rule()).isEqualTo("must be lower case 'name' or 'owner.name'");
                });
    }

    @Test
    void aRuntimeRefIsPackThenActionOrSensorThenName() {
        assertThat(Refs.requireRuntimeRef("core.action.shell")).isEqualTo("core.action.shell");
        assertThat(Refs.requireRuntimeRef("core.sensor.timer")).isEqualTo("core.sensor.timer");

        for (String bad : new String[] {"core.shell", "core.worker.shell", "core.action.shell.x"}) {
            assertThatThrownBy(() -> Refs.requireRuntimeRef(bad)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.entity()).isEqualTo("runtime");
                        assertThat(e.rule()).isEqualTo("must be lower case 'pack.action.name' or 'pack.sensor.name'");
                    });
        }
    }

    @Test
    void aRequiredValueMustBePresentAndStorableText() {
        Long id = 7L;
        assertThat(Refs.requireValue("execution", "action", id)).isSameAs(id);
        assertThat(Refs.requireValue("execution", "status", "running")).isEqualTo("running");

        assertThatThrownBy(() -> Refs.requireValue("execution", "status", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("execution");
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.value()).isNull();
                    assertThat(e.rule()).isEqualTo("is required");
                });
        assertThatThrownBy(() -> Refs.requireValue("execution", "status", "run\0ning"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.rule()).contains("NUL");
                });
    }
}
