package io.greenband.embedded;

import org.apache.kafka.common.utils.Exit;

/**
 * Keeps Kafka from ending the JVM that hosts the embedded broker (a test run, {@code greenband
 * local}). Kafka's fatal-fault handlers call {@link Exit#exit} or {@link Exit#halt}, which by
 * default end the process; here both log the fault and throw instead, so the failure reaches the
 * broker thread that hit it and the host lives on (a broken broker then shows as failing clients
 * and health checks, not as a vanished process).
 */
final class KafkaExitGuard {

    private static final System.Logger LOG = System.getLogger(KafkaExitGuard.class.getName());
    private static boolean installed;

    private KafkaExitGuard() {}

    /** Replaces Kafka's exit and halt procedures for this JVM; idempotent. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
        Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        installed = true;
    }

    /** Whether {@link #install()} has run in this JVM. */
    static synchronized boolean installed() {
        return installed;
    }

    private static void refuse(String how, int status, String message) {
        String text =
                "the embedded Kafka broker asked to "
                        + how
                        + " the JVM with status "
                        + status
                        + (message == null ? "" : " (" + message + ")")
                        + "; refused, the host process keeps running";
        LOG.log(System.Logger.Level.ERROR, text);
        throw new KafkaExitRefused(text);
    }

    /** What Kafka's exit and halt calls throw inside a JVM hosting the embedded broker. */
    static final class KafkaExitRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KafkaExitRefused(String message) {
            super(message);
        }
    }
}
