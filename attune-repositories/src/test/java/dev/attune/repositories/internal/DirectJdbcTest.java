package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectJdbc}'s decisions, made once per statement and settings and then cached for the JVM: tested here
 * directly, where no earlier call can have cached them. Rendering only; no statement runs.
 */
class DirectJdbcTest {

    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES);

    @Test
    void sameValueTellsWholeNumbersArraysAndTextApart() {
        assertThat(DirectJdbc.sameValue(1, 1L)).isTrue();
        assertThat(DirectJdbc.sameValue(1L, 1)).isTrue();
        assertThat(DirectJdbc.sameValue(1L, 2L)).isFalse();
        assertThat(DirectJdbc.sameValue(1L, "1")).isFalse();
        assertThat(DirectJdbc.sameValue("1", 1L)).isFalse();
        assertThat(DirectJdbc.sameValue(new String[] {"a", "b"}, new String[] {"a", "b"})).isTrue();
        assertThat(DirectJdbc.sameValue(new String[] {"a"}, new String[] {"b"})).isFalse();
        assertThat(DirectJdbc.sameValue("core", "core")).isTrue();
        assertThat(DirectJdbc.sameValue("core", "other")).isFalse();
    }

    @Test
    void rendersOnlyWhenJooqBindsExactlyTheValuesGivenInOrder() {
        Query query = POSTGRES.selectFrom(PACK).where(PACK.REF.eq("core")).and(PACK.ID.eq(7L));
        Object[] given = {"core", 7L};

        assertThat(DirectJdbc.renderIfBinding(POSTGRES, query, 2, (i, bound) -> DirectJdbc.sameValue(bound, given[i])))
                .isEqualTo(POSTGRES.render(query))
                .contains("?");
        assertThat(DirectJdbc.renderIfBinding(POSTGRES, query, 1, (i, bound) -> true)).as("fewer values given")
                .isEqualTo(DirectJdbc.BY_JOOQ);
        assertThat(DirectJdbc.renderIfBinding(POSTGRES, query, 3, (i, bound) -> true)).as("more values given")
                .isEqualTo(DirectJdbc.BY_JOOQ);
        assertThat(DirectJdbc.renderIfBinding(POSTGRES, query, 2, (i, bound) -> i == 0)).as("the second differs")
                .isEqualTo(DirectJdbc.BY_JOOQ);
        assertThat(DirectJdbc.renderIfBinding(POSTGRES, query, 2, (i, bound) -> i == 1)).as("the first differs")
                .isEqualTo(DirectJdbc.BY_JOOQ);
    }

    @Test
    void aStatementWhoseValuesJooqInlinesIsNotRendered() {
        DSLContext inlining = DSL.using(SQLDialect.POSTGRES,
                new Settings().withStatementType(StatementType.STATIC_STATEMENT));
        Query query = inlining.selectFrom(PACK).where(PACK.ID.eq(7L));

        assertThat(inlining.render(query)).doesNotContain("?");
        assertThat(DirectJdbc.renderIfBinding(inlining, query, 1, (i, bound) -> true))
                .isEqualTo(DirectJdbc.BY_JOOQ);
    }

    @Test
    void configurationsWithEqualSettingsShareTheirRenderedStatements() {
        Configuration one = configuration(new Settings().withRenderFormatted(false).withRenderSchema(false));
        Configuration equal = configuration(new Settings().withRenderFormatted(false).withRenderSchema(false));
        Configuration other = configuration(new Settings().withRenderFormatted(true).withRenderSchema(false));

        assertThat(DirectJdbc.statements(one)).isSameAs(DirectJdbc.statements(equal))
                .isNotSameAs(DirectJdbc.statements(other));

        one.settings().setRenderFormatted(true);
        assertThat(DirectJdbc.statements(equal)).as("the key is a copy: changing the settings later changes nothing")
                .isNotSameAs(DirectJdbc.statements(other));
    }

    private static Configuration configuration(Settings settings) {
        return new DefaultConfiguration().set(SQLDialect.POSTGRES).set(settings);
    }
}
