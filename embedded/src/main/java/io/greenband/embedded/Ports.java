package io.greenband.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback ports for the stack: a free one chosen by the system, or a fixed one checked to be free.
 */
final class Ports {

    /** Every listener of the stack binds here only, so nothing is reachable from other machines. */
    static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /**
     * Whether {@code failure} (or one of its causes) is a listener that could not bind its address.
     */
    static boolean isBindFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null
                            && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns {@code requested} after checking nothing listens on it, or a free port when it is 0.
     *
     * @param what the listener, for the message ("Kafka", "MongoDB")
     * @param option how the user sets this port, for the message
     */
    static int resolve(String what, int requested, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a port in TIME_WAIT from our own previous run would look taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), requested), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            if (requested == 0) {
                throw EmbeddedStackException.noFreePort(what, e);
            }
            throw EmbeddedStackException.portInUse(what, requested, option, e);
        }
    }
}
