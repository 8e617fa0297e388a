package dev.attune.repositories.internal;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.ValidationException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;

/**
 * {@link InputChecks} reads a statement's arguments from jOOQ's rendering ({@link RenderedParams}) instead of walking
 * the query a second time. No database: the contexts have no connection, so anything reaching the driver would fail
 * differently.
 */
class RenderedParamsTest {

    @Test
    void thisJooqExposesTheRenderedValues() {
        assertThat(RenderedParams.available())
                .as("DefaultExecuteContext.params() is gone: InputChecks falls back to Query.getBindValues(), which"
                        + " costs every finder a second walk of its query; find the new accessor")
                .isTrue();
    }

    @Test
    void theRenderedValuesAreTheStatementsArgumentsInOrder() {
        AtomicReference<Object[]> seen = new AtomicReference<>();
        DSLContext dsl = DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES).set(new ExecuteListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void renderEnd(ExecuteContext ctx) {
                seen.set(Arrays.stream(RenderedParams.of(ctx)).map(Param::getValue).toArray());
                throw new IllegalStateException("stop before the connection is needed");
            }
        }));

        assertThatThrownBy(() -> dsl.selectFrom(PACK).where(PACK.REF.eq("core")).and(PACK.ID.eq(7L)).fetch())
                .hasMessageContaining("stop before the connection is needed");
        assertThat(seen.get()).containsExactly("core", 7L);
    }

    @Test
    void aFinderArgumentIsStillCheckedBeforeAnyConnectionIsUsed() {
        DSLContext repositoryContext = RepositoryContexts.of(DSL.using(SQLDialect.POSTGRES), "pack");

        assertThatThrownBy(() -> repositoryContext.selectFrom(PACK).where(PACK.DESCRIPTION.eq("co\u0000re")).fetch())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("argument");
                })
                .hasMessageContaining("must not contain NUL");
    }
}
