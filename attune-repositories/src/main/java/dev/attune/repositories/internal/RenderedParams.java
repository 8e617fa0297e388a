package dev.attune.repositories.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import org.jooq.ExecuteContext;
import org.jooq.Param;

/**
 * The bind values jOOQ collected while rendering a statement, as {@link InputChecks} reads them after
 * {@code renderEnd}. jOOQ keeps them on its {@code ExecuteContext} implementation without a public accessor, so they
 * are read through {@code DefaultExecuteContext.params()}; when a jOOQ version (or a module set-up) does not allow that,
 * {@link #of} returns null and the caller collects the values from the query instead — slower, never unchecked.
 * {@code RenderedParamsTest} fails when the fast path is lost, so a jOOQ upgrade cannot drop it silently.
 */
final class RenderedParams {

    private static final MethodHandle PARAMS = find();

    private RenderedParams() {
    }

    /** The values {@code ctx}'s statement binds, in order; null when jOOQ does not expose them here. */
    static Param<?>[] of(ExecuteContext ctx) {
        if (PARAMS == null || !PARAMS.type().parameterType(0).isInstance(ctx)) {
            return null;
        }
        try {
            return (Param<?>[]) PARAMS.invoke(ctx);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            return null; // params() declares no checked exception; nothing else can arrive here
        }
    }

    /** Whether the values are read from jOOQ's rendering (the fast path). */
    static boolean available() {
        return PARAMS != null;
    }

    private static MethodHandle find() {
        try {
            Class<?> type = Class.forName("org.jooq.impl.DefaultExecuteContext", false,
                    ExecuteContext.class.getClassLoader());
            Method params = type.getMethod("params");
            if (params.getReturnType() != Param[].class) {
                return null;
            }
            params.setAccessible(true); // a public method of a package-private class
            return MethodHandles.lookup().unreflect(params);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
