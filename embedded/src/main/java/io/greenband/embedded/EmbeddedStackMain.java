package io.greenband.embedded;

import io.greenband.events.topic.TopicRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedStack} until the process is stopped (Ctrl-C, SIGTERM) and prints its
 * addresses as properties, then {@value #READY_LINE}:
 *
 * <pre>
 * kafka.bootstrap.servers=127.0.0.1:40123
 * greenband.mongodb.connection-string=mongodb://127.0.0.1:40124
 * greenband.topics.prefix=
 * greenband.embedded.data-directory=/tmp/greenband-stack-123
 * READY
 * </pre>
 *
 * Options: {@code --data-dir DIR} (default: a temporary directory), {@code --kafka-port N}, {@code
 * --controller-port N}, {@code --mongo-port N} (default: free ports), {@code --topic-prefix P},
 * {@code --partitions N} (default {@value EmbeddedStackSettings#LOCAL_PARTITIONS}), {@code
 * --change-streams} (keep the MongoDB oplog so that change streams work, see {@link
 * EmbeddedStackSettings.Builder#optChangeStreams}), {@code --exit-on-stdin-close} (stop when the
 * parent process closes our standard input, so a dead parent leaves no stack behind).
 */
public final class EmbeddedStackMain {

    /** The line printed once the stack serves clients. */
    public static final String READY_LINE = "READY";

    /** The printed property naming the data directory. */
    public static final String DATA_DIRECTORY = "greenband.embedded.data-directory";

    private EmbeddedStackMain() {}

    /**
     * Starts the stack and blocks until the JVM is asked to stop; exits 2 on bad options, 1 on
     * start failure.
     */
    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty(
                    "log4j2.configurationFile", "classpath:io/greenband/embedded/log4j2-quiet.xml");
        }
        EmbeddedStackSettings settings;
        boolean exitOnStdinClose;
        try {
            exitOnStdinClose = java.util.Arrays.asList(args).contains("--exit-on-stdin-close");
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        EmbeddedStack stack;
        try {
            stack = EmbeddedStack.start(settings);
        } catch (EmbeddedStackException e) {
            System.err.println("error (" + e.kind() + "): " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stack.close();
                                    stopped.countDown();
                                },
                                "greenband-stack-shutdown"));
        print(stack, System.out);
        if (exitOnStdinClose) {
            Thread watcher =
                    new Thread(
                            () -> {
                                drain(System.in);
                                System.exit(0);
                            },
                            "greenband-stack-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static void print(EmbeddedStack stack, PrintStream out) {
        stack.clientProperties().forEach((key, value) -> out.println(key + "=" + value));
        out.println(DATA_DIRECTORY + "=" + stack.dataDirectory());
        out.println(READY_LINE);
        out.flush();
    }

    /** Parses the command line into settings; throws naming the option on a bad value. */
    static EmbeddedStackSettings parse(String[] args) {
        EmbeddedStackSettings.Builder builder = EmbeddedStack.builder();
        String prefix = "";
        int partitions = EmbeddedStackSettings.LOCAL_PARTITIONS;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--exit-on-stdin-close")) {
                continue;
            }
            if (option.equals("--change-streams")) {
                builder.optChangeStreams(true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--data-dir" -> builder.optDataDirectory(Path.of(value));
                case "--kafka-port" -> builder.optKafkaPort(number(option, value));
                case "--controller-port" -> builder.optControllerPort(number(option, value));
                case "--mongo-port" -> builder.optMongoPort(number(option, value));
                case "--topic-prefix" -> prefix = value;
                case "--partitions" -> partitions = number(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
        }
        return builder.optTopics(TopicRegistry.withPrefix(prefix).withPartitions(partitions))
                .build();
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " needs a whole number, got '" + value + "'");
        }
    }

    private static String usage() {
        return "usage: EmbeddedStackMain [--data-dir DIR] [--kafka-port N] [--controller-port N] [--mongo-port N]"
                + " [--topic-prefix P] [--partitions N] [--change-streams] [--exit-on-stdin-close]";
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Only the end of the stream matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone, same as end of stream.
        }
    }
}
