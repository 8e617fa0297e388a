package dev.attune.repositories.internal;

import dev.attune.repositories.RepositoryException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.QOM;

/**
 * Turns whatever fails while a repository statement runs — a server error, a driver error, a failing conversion while
 * reading a row — into the repository exception family ({@link DatabaseErrors}). Installed on every repository's
 * {@code DSLContext} by {@link RepositoryContexts}, so reads are covered as well as writes and no repository method
 * needs its own translation.
 */
final class ErrorTranslation implements ExecuteListener {

    private static final long serialVersionUID = 1L;

    private final String entity;

    ErrorTranslation(String entity) {
        this.entity = entity;
    }

    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException failure = ctx.exception();
        if (failure != null && !(failure instanceof RepositoryException)) {
            ctx.exception(DatabaseErrors.translate(entityOf(ctx), failure));
        }
    }

    /** The table a write was about (a repository also writes its side tables, e.g. the webhook event log). */
    private String entityOf(ExecuteContext ctx) {
        if (ctx.query() instanceof QOM.Insert<?> insert) {
            return insert.$into().getName();
        }
        if (ctx.query() instanceof QOM.Update<?> update) {
            return update.$table().getName();
        }
        if (ctx.query() instanceof QOM.Delete<?> delete) {
            return delete.$from().getName();
        }
        return entity;
    }
}
