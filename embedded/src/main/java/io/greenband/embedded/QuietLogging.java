package io.greenband.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the broker's and the store's chatter down to warnings, whichever logging backend the host
 * JVM has: log4j2 (Kafka's own), java.util.logging, or JBoss LogManager (Quarkus and its tests). A
 * host that configured these loggers itself can set {@value #KEEP_PROPERTY}{@code =true} to keep
 * its levels.
 */
final class QuietLogging {

    /** System property that leaves logging levels alone. */
    static final String KEEP_PROPERTY = "greenband.embedded.keep-log-levels";

    private static final List<String> NOISY =
            List.of(
                    "kafka",
                    "org.apache.kafka",
                    "state.change.logger",
                    "de.bwaldvogel",
                    "org.h2",
                    "io.netty");

    /**
     * Strong references: java.util.logging holds loggers weakly and would forget the level
     * otherwise.
     */
    private static final List<Logger> HELD = new ArrayList<>();

    private QuietLogging() {}

    /** Sets the noisy loggers to WARN in every backend present; later calls do nothing. */
    static synchronized void apply() {
        if (!HELD.isEmpty() || Boolean.getBoolean(KEEP_PROPERTY)) {
            return;
        }
        for (String name : NOISY) {
            quiet(name, Level.WARNING, "WARN");
        }
        // Our controller reports its routine activation as a warning; only its errors matter here.
        quiet("org.apache.kafka.controller", Level.SEVERE, "ERROR");
    }

    private static void quiet(String name, Level julLevel, String log4jLevel) {
        Logger jul = Logger.getLogger(name);
        jul.setLevel(julLevel);
        HELD.add(jul);
        jbossLogger(name, julLevel);
        log4j2(name, log4jLevel);
    }

    /**
     * JBoss LogManager's own context, used by slf4j-jboss-logmanager even when it is not the JUL
     * manager.
     */
    private static void jbossLogger(String name, Level julLevel) {
        try {
            Class<?> type = Class.forName("org.jboss.logmanager.Logger");
            Logger logger = (Logger) type.getMethod("getLogger", String.class).invoke(null, name);
            logger.setLevel(julLevel);
            HELD.add(logger);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            // Not on the class path: nothing to quiet there.
        }
    }

    private static void log4j2(String name, String levelName) {
        try {
            Class<?> configurator =
                    Class.forName("org.apache.logging.log4j.core.config.Configurator");
            Class<?> level = Class.forName("org.apache.logging.log4j.Level");
            Object warn = level.getField(levelName).get(null);
            configurator.getMethod("setLevel", String.class, level).invoke(null, name, warn);
        } catch (ReflectiveOperationException | LinkageError e) {
            // log4j-core absent or not the active backend.
        }
    }
}
