package io.greenband.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Explains why Kafka could not be reached, naming the address and the likely cause: a host that
 * does not resolve (often an in-cluster name used from outside), a broker that did not answer in
 * time, or the client's own words. Never prints a bare {@code null}: an exception without a message
 * is named by its type.
 */
public final class BrokerTrouble {

    private BrokerTrouble() {}

    /** The boundary exception for a failure to reach the brokers at {@code servers}. */
    public static CliException unreachable(String servers, Throwable failure) {
        return CliException.stack(explain(servers, failure, BrokerTrouble::resolves), failure);
    }

    /** Whether the Kafka client exception {@code failure} (or one of its causes) is one. */
    public static boolean isKafkaFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("org.apache.kafka.")) {
                return true;
            }
        }
        return false;
    }

    /** What a host lookup says: whether a name resolves. */
    @FunctionalInterface
    interface Resolver {
        boolean resolves(String host);
    }

    /** The message, with {@code resolver} deciding which hosts exist. */
    static String explain(String servers, Throwable failure, Resolver resolver) {
        String shown =
                servers == null || servers.isBlank() ? "(no --bootstrap-servers given)" : servers;
        List<String> unknown = new ArrayList<>();
        for (String host : hosts(servers)) {
            if (!resolver.resolves(host)) {
                unknown.add(host);
            }
        }
        if (!unknown.isEmpty()) {
            return "cannot resolve host "
                    + String.join(", ", unknown)
                    + " of --bootstrap-servers "
                    + shown
                    + " (is this an in-cluster address? From outside the cluster run the command in a pod there, use "
                    + "Kafka's external listener, or a `kubectl port-forward` with the advertised broker names resolving "
                    + "to it; see docs/kubernetes.md, \"Running a study\")";
        }
        if (timedOut(failure)) {
            return "Kafka at "
                    + shown
                    + " did not answer in time ("
                    + reason(failure)
                    + "): the broker is down or "
                    + "overloaded, the port is not its listener, or the address is not reachable from here; check "
                    + "--bootstrap-servers, or start a stack with `greenband local`";
        }
        return "cannot reach Kafka at "
                + shown
                + " ("
                + reason(failure)
                + "); is the stack running? Pass "
                + "--bootstrap-servers or start one with `greenband local`";
    }

    /** The hosts of a {@code host:port,host:port} list ({@code [v6]:port} too); blanks skipped. */
    static List<String> hosts(String servers) {
        List<String> out = new ArrayList<>();
        if (servers == null) {
            return out;
        }
        for (String entry : servers.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (e.startsWith("[")) {
                int close = e.indexOf(']');
                out.add(close > 0 ? e.substring(1, close) : e);
            } else {
                int colon = e.lastIndexOf(':');
                out.add(colon > 0 ? e.substring(0, colon) : e);
            }
        }
        return out;
    }

    private static boolean resolves(String host) {
        try {
            InetAddress.getAllByName(host);
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The innermost message worth showing, or the innermost exception's type when none has a
     * message.
     */
    static String reason(Throwable failure) {
        String message = null;
        Throwable last = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            last = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message != null) {
            return message;
        }
        return last == null ? "no detail" : last.getClass().getSimpleName();
    }
}
