package dev.attune.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Marks a test class whose methods may take a {@code DSLContext}, {@code IsolatedSchema} or {@code DataSource}
 * parameter, each bound to a freshly migrated schema of that test alone. The methods run concurrently.
 *
 * <pre>
 * &#64;IsolatedSchemaTest
 * class PackRepositoryTest {
 *     &#64;Test
 *     void createsAPack(DSLContext dsl) { ... }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(IsolatedSchemaExtension.class)
@Execution(ExecutionMode.CONCURRENT)
public @interface IsolatedSchemaTest {
}
