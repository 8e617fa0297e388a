package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.Pack;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** A repository's context ({@link RepositoryContexts}): input checks on every write, errors named by the written table. */
@IsolatedSchemaTest
class RepositoryContextTest {

    @Test
    void theUpdatePartOfAnUpsertIsCheckedLikeAnyWrite(DSLContext dsl) {
        DSLContext checked = RepositoryContexts.of(dsl, "pack");

        assertThatThrownBy(() -> checked.insertInto(PACK).set(PACK.REF, "core").set(PACK.LABEL, "Core")
                .set(PACK.VERSION, "1.0.0").onConflict(PACK.REF).doUpdate().set(PACK.LABEL, "two\nlines").execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("label");
                    assertThat(e.rule()).startsWith("must be a single line");
                });
        assertThat(dsl.fetchCount(PACK)).isZero();
    }

    @Test
    void aFailingDeleteIsReportedAboutTheTableItDeletesFrom(DSLContext dsl) {
        DSLContext checked = RepositoryContexts.of(dsl, "action");

        assertThatThrownBy(() -> checked.deleteFrom(PACK).where(PACK.ID.eq(DSL.field("1 / 0", Long.class))).execute())
                .isInstanceOfSatisfying(RepositoryException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.getMessage()).startsWith("pack: database error 22012: ");
                });
    }

    @Test
    void insertAndUpdateErrorsAreReportedAboutTheTableWritten(DSLContext dsl) {
        DSLContext checked = RepositoryContexts.of(dsl, "action");

        assertThatThrownBy(() -> checked.insertInto(PACK).set(PACK.REF, "core").set(PACK.LABEL, "Core")
                .set(PACK.VERSION, "not-semver").execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.entity()).isEqualTo("pack"));
        dsl.insertInto(PACK).set(PACK.REF, "core").set(PACK.LABEL, "Core").set(PACK.VERSION, "1.0.0").execute();
        assertThatThrownBy(() -> checked.update(PACK).set(PACK.VERSION, "not-semver").execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.entity()).isEqualTo("pack"));
    }

    @Test
    void writtenRefsAndTextArraysAndFinderArgumentsAreChecked(DSLContext dsl) {
        DSLContext checked = RepositoryContexts.of(dsl, "pack");

        assertThatThrownBy(() -> checked.insertInto(PACK).set(PACK.REF, "Core").set(PACK.LABEL, "Core")
                .set(PACK.VERSION, "1.0.0").execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.rule()).startsWith("must be ASCII");
                });
        assertThatThrownBy(() -> checked.insertInto(PACK).set(PACK.REF, "core").set(PACK.LABEL, "Core")
                .set(PACK.VERSION, "1.0.0").set(PACK.TAGS, new String[] {"ok", "two\nlines"}).execute())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("tags");
                    assertThat(e.rule()).startsWith("must be a single line");
                });
        assertThatThrownBy(() -> checked.selectFrom(PACK).where(PACK.REF.eq("co\0re")).fetch())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("argument");
                });
        assertThatThrownBy(() -> checked.selectFrom(PACK).where(PACK.TAGS.contains(new String[] {"a\0"})).fetch())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("argument"));
        assertThatThrownBy(() -> checked.selectFrom(PACK).where(PACK.CREATED.gt(Timestamps.MAX.plusDays(1))).fetch())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("argument"));
        assertThat(dsl.fetchCount(PACK)).isZero();
    }

    @Test
    void anEmptyUpdateReturnsTheRowAndAnUpdateChangesIt(DSLContext dsl) {
        long id = dsl.insertInto(PACK).set(PACK.REF, "core").set(PACK.LABEL, "Core").set(PACK.VERSION, "1.0.0")
                .returning(PACK.ID).fetchSingle(PACK.ID);
        Updates<dev.attune.repositories.schema.tables.records.PackRecord> updates = Updates.of("pack", PACK.ID, PACK.LABEL);

        assertThat(updates.apply(dsl, id, RowUpdate.of(PACK), Pack.class).label()).isEqualTo("Core");
        assertThat(updates.apply(dsl, id, RowUpdate.of(PACK).set(PACK.LABEL, "Kern"), Pack.class).label())
                .isEqualTo("Kern");
        assertThatThrownBy(() -> updates.apply(dsl, id, RowUpdate.of(PACK).set(PACK.REF, "x"), Pack.class))
                .isInstanceOf(ValidationException.class);
        assertThat(dsl.select(PACK.REF).from(PACK).where(PACK.ID.eq(id)).fetchSingle(PACK.REF)).isEqualTo("core");
    }

    @Test
    void anUpdateOfAMissingRowIsNotFoundNamingTheId(DSLContext dsl) {
        Updates<dev.attune.repositories.schema.tables.records.PackRecord> updates = Updates.of("pack", PACK.ID, PACK.LABEL);

        assertThatThrownBy(() -> updates.apply(dsl, 424242L, RowUpdate.of(PACK).set(PACK.LABEL, "x"), Pack.class))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("id");
                    assertThat(e.value()).isEqualTo(424242L);
                });
        assertThatThrownBy(() -> updates.apply(dsl, 424242L, RowUpdate.of(PACK), Pack.class))
                .isInstanceOf(NotFoundException.class);
    }
}
