package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** {@link Inserts}, {@link Search} and {@link Json}: the SQL and defaults they produce. */
class QueryHelpersTest {

    private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES, dev.attune.db.Database.jooqSettings());

    /** An input record whose components are named after columns of {@code pack}. */
    record NewPackRow(String ref, String label, String description) {
    }

    @Test
    void anOptionalNullValueIsNotBoundSoTheColumnDefaultApplies() {
        var row = Inserts.valuesOf(RENDERER, PACK, new NewPackRow("core", "Core", null));

        String sql = RENDERER.renderInlined(RENDERER.insertInto(PACK).set(row));
        assertThat(sql).contains("'core'").contains("'Core'").doesNotContain("description");
        assertThat(RENDERER.renderInlined(RENDERER.insertInto(PACK)
                .set(Inserts.valuesOf(RENDERER, PACK, new NewPackRow("core", "Core", "Core pack")))))
                .contains("description").contains("'Core pack'");
    }

    /** A component no column of {@code pack} is named after: a misdeclared input. */
    record StrayRow(String ref, String colour) {
    }

    @Test
    void anInputThatIsNotARecordOrHasAComponentWithoutAColumnIsRefusedByName() {
        assertThatThrownBy(() -> Inserts.valuesOf(RENDERER, PACK, "core"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("java.lang.String is not a record");
        assertThatThrownBy(() -> Inserts.valuesOf(RENDERER, PACK, new StrayRow("core", "red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StrayRow.colour names no column of pack (looked for colour)");
    }

    @Test
    void aSearchMatchesAnyFieldIgnoringCaseWithWildcardsTakenLiterally() {
        String sql = RENDERER.renderInlined(DSL.selectFrom(PACK)
                .where(Search.containsIgnoringCase("50%_a\\b", PACK.LABEL, PACK.DESCRIPTION)));

        assertThat(sql).endsWith(" where (false or \"pack\".\"label\" ilike '%50\\%\\_a\\\\b%' escape '\\'"
                + " or \"pack\".\"description\" ilike '%50\\%\\_a\\\\b%' escape '\\')");
    }

    @Test
    void jsonDefaultsAreAnEmptyObjectOrArrayAndAGivenValueIsKept() {
        var object = Json.objectIfNull(null);
        var array = Json.arrayIfNull(null);

        assertThat(object.toString()).isEqualTo("{}");
        assertThat(array.toString()).isEqualTo("[]");
        assertThat(Json.objectIfNull(array)).isSameAs(array);
        assertThat(Json.arrayIfNull(object)).isSameAs(object);
    }
}
