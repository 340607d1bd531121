package io.greenband.embedded;

/**
 * One {@link EmbeddedStack} for the whole JVM, started on first use in a temporary directory and
 * stopped when the JVM exits. Test classes that share it save the broker's start-up time; they keep
 * apart by using their own topic prefix ({@link EmbeddedStack#createTopics}) and their own database
 * names.
 */
public final class SharedEmbeddedStack {

    private static EmbeddedStack stack;

    private SharedEmbeddedStack() {}

    /** The JVM's shared stack, started now if it is not running yet. */
    public static synchronized EmbeddedStack get() {
        if (stack == null || !stack.isRunning()) {
            EmbeddedStack started = EmbeddedStack.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(started::close, "greenband-shared-stack-shutdown"));
            stack = started;
        }
        return stack;
    }
}
