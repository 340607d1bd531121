package io.greenband.embedded.junit;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.SharedEmbeddedStack;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The extension behind {@link EmbeddedStackTest}; can also be registered with {@code @ExtendWith}
 * (then the stack is shared per JVM). A class-owned stack lives in the class's store, which closes
 * it after the class's last test.
 */
public final class EmbeddedStackExtension
        implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedStackExtension.class);
    private static final String KEY = "stack";

    /** Starts (or finds) the stack and fills static fields of type {@link EmbeddedStack}. */
    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedStack stack = stack(context);
        inject(context.getRequiredTestClass(), null, stack);
    }

    /** Fills instance fields of type {@link EmbeddedStack}. */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        inject(testInstance.getClass(), testInstance, stack(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    /**
     * The stack visible from {@code context}: an enclosing class's own, else a new one per the
     * annotation.
     */
    private static EmbeddedStack stack(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        EmbeddedStack found = store.get(KEY, EmbeddedStack.class);
        if (found != null && found.isRunning()) {
            return found;
        }
        boolean shared =
                context.getTestClass()
                        .map(c -> c.getAnnotation(EmbeddedStackTest.class))
                        .map(EmbeddedStackTest::shared)
                        .orElse(true);
        if (shared) {
            return SharedEmbeddedStack.get();
        }
        ExtensionContext classContext = classContext(context);
        // Stored as AutoCloseable: JUnit closes it when the class's context ends.
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(KEY, k -> EmbeddedStack.builder().start(), EmbeddedStack.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static void inject(Class<?> type, Object instance, EmbeddedStack stack) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() != EmbeddedStack.class
                        || Modifier.isStatic(field.getModifiers()) != (instance == null)) {
                    continue;
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    throw new ExtensionConfigurationException(
                            "field "
                                    + c.getSimpleName()
                                    + "."
                                    + field.getName()
                                    + " of type EmbeddedStack must not be final: the extension assigns it");
                }
                try {
                    field.setAccessible(true);
                    field.set(instance, stack);
                } catch (IllegalAccessException e) {
                    throw new ExtensionConfigurationException(
                            "cannot assign "
                                    + c.getSimpleName()
                                    + "."
                                    + field.getName()
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
            }
        }
    }
}
