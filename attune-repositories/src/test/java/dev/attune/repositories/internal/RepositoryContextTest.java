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
