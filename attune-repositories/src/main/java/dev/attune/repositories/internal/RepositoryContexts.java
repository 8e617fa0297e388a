package dev.attune.repositories.internal;

import java.util.Objects;
import org.jooq.DSLContext;

/** The {@link DSLContext} a repository works with: the caller's, plus input checks and error translation. */
public final class RepositoryContexts {

    private RepositoryContexts() {
    }

    /**
     * {@code dsl} with {@link InputChecks} and {@link ErrorTranslation} appended to its listeners. The derived
     * configuration shares the caller's connection provider, so a context from {@code dsl.transaction(cfg -> ...)}
     * keeps working in that transaction; the caller's own listeners stay in place.
     *
     * @param dsl the caller's context
     * @param entity the table errors are reported about when the statement does not say
     * @return the context a repository works with
     */
    public static DSLContext of(DSLContext dsl, String entity) {
        Objects.requireNonNull(dsl, "dsl");
        return dsl.configuration().deriveAppending(new InputChecks(entity), new ErrorTranslation(entity)).dsl();
    }
}
