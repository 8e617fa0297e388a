package com.example.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.schema.tables.pojos.Action;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Each test method gets its own freshly migrated schema: the tests may run in parallel and reuse the same refs. */
@IsolatedSchemaTest
class PackCatalogTest {

    @Test
    void registersAPackWithItsAction(DSLContext dsl) {
        PackCatalog catalog = new PackCatalog(dsl);

        Action echo = catalog.register("core", "1.0.0", "echo", "echo.sh");

        assertThat(echo.ref()).isEqualTo("core.echo");
        assertThat(catalog.pack("core")).get().satisfies(pack -> assertThat(pack.id()).isEqualTo(echo.pack()));
    }

    @Test
    void aRefusedActionLeavesNoPackBehind(DSLContext dsl) {
        PackCatalog catalog = new PackCatalog(dsl);

        // The pack is inserted first; the action's name (a NUL character) is refused, so the transaction rolls back.
        assertThatThrownBy(() -> catalog.register("broken", "1.0.0", "bad\u0000name", "x.sh"))
                .isInstanceOf(RepositoryException.class);

        assertThat(catalog.pack("broken")).isEmpty();
    }
}
