package dev.attune.junit;

import dev.attune.provisioning.IsolatedSchema;
import dev.attune.provisioning.TestSchemaProvisioner;
import dev.attune.testserver.TestDatabaseUnavailableException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link DSLContext}, {@link IsolatedSchema} or {@link DataSource} bound to a schema of the test's own, or the
 * run's {@link TestSchemaProvisioner} for a test that needs more schemas (it leases and closes them itself).
 *
 * <p>All state lives in the {@link ExtensionContext.Store}: the run's {@link TestSchemaProvisioner} in the root store
 * (closed when the whole run ends), each schema in the store of the context that asked for it — a test method, or a
 * class for {@code @BeforeAll} parameters — so it is dropped when that context ends, whether the test passed, failed or
 * errored during setup. Parameters of one test method and its {@code @BeforeEach}/{@code @AfterEach} methods share one
 * schema. With {@code attune.test.keep-failed-schemas=true} the schema of a failed test is kept for inspection.
 */
public final class IsolatedSchemaExtension implements ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IsolatedSchemaExtension.class);
    private static final String PROVISIONER = "provisioner";
    private static final String SCHEMA = "schema";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DSLContext.class || type == IsolatedSchema.class || type == DataSource.class
                || type == TestSchemaProvisioner.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return resolve(parameter, context);
        } catch (RuntimeException e) {
            throw withoutRepeatedTraces(e);
        }
    }

    /**
     * When the test server is missing, every test of the JVM fails: the first with the whole explanation, the others
     * with the one-line {@link TestDatabaseUnavailableException} that has no stack trace. Left alone, JUnit would wrap
     * each of those in a {@link ParameterResolutionException} with a stack trace of its own: pass the line on bare.
     */
    private static RuntimeException withoutRepeatedTraces(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TestDatabaseUnavailableException unavailable
                    && unavailable.getStackTrace().length == 0) {
                return new NoTestServerException(unavailable.getMessage());
            }
        }
        return e;
    }

    /** A one-line resolution failure: the full explanation was reported by the JVM's first failing test. */
    private static final class NoTestServerException extends ParameterResolutionException {

        private static final long serialVersionUID = 1L;

        NoTestServerException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the message says it all; the first failure of this JVM carries the trace
        }
    }

    private static Object resolve(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestSchemaProvisioner.class) {
            return provisioner(context);
        }
        IsolatedSchema schema = schemaOf(context);
        if (type == DSLContext.class) {
            return schema.dsl();
        }
        if (type == DataSource.class) {
            return schema.dataSource();
        }
        if (type == IsolatedSchema.class) {
            return schema;
        }
        throw new ParameterResolutionException("IsolatedSchemaExtension cannot inject " + type.getName()
                + "; ask for DSLContext, IsolatedSchema, DataSource or TestSchemaProvisioner");
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        IsolatedSchema schema = context.getStore(NAMESPACE).get(schemaKey(context), IsolatedSchema.class);
        if (schema != null && provisioner(context).settings().keepFailedSchemas()) {
            schema.keepAfterClose();
        }
    }

    private static IsolatedSchema schemaOf(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // Keyed by the context itself: a store lookup also sees the parents' values, and a class-wide schema of a
        // @BeforeAll parameter must never be handed to the (concurrent) test methods. AutoCloseable values are closed
        // by JUnit when their context ends, so the schema is released after every outcome.
        return store.getOrComputeIfAbsent(schemaKey(context), key -> provisioner(context).lease(displayName(context)),
                IsolatedSchema.class);
    }

    private static String schemaKey(ExtensionContext context) {
        return SCHEMA + ":" + context.getUniqueId();
    }

    private static TestSchemaProvisioner provisioner(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PROVISIONER, key -> TestSchemaProvisioner.start(), TestSchemaProvisioner.class);
    }

    private static String displayName(ExtensionContext context) {
        String className = context.getTestClass().map(Class::getSimpleName).orElse("?");
        return context.getTestMethod().map(method -> className + "." + method.getName()).orElse(className);
    }
}
