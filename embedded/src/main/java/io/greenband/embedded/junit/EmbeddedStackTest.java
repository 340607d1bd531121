package io.greenband.embedded.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an embedded Kafka broker and MongoDB server. Fields (static or not) and
 * parameters of type {@link io.greenband.embedded.EmbeddedStack} receive the stack:
 *
 * <pre>{@code
 * @EmbeddedStackTest
 * class TrialFlowIT {
 *     EmbeddedStack stack;
 *
 *     @Test
 *     void flows(EmbeddedStack stack) { ... stack.kafkaBootstrapServers() ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(EmbeddedStackExtension.class)
public @interface EmbeddedStackTest {

    /**
     * {@code true} (default): use the JVM's {@link io.greenband.embedded.SharedEmbeddedStack},
     * started once for all test classes; {@code false}: a stack of this class's own, started before
     * its first test and closed after its last.
     */
    boolean shared() default true;
}
