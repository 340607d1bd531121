package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * Unreachable brokers are explained with the address and the likely cause, never with a bare
 * "null".
 */
class BrokerTroubleTest {

    @Test
    void anUnresolvableHostIsNamedAsAnInClusterAddress() {
        KafkaException failure =
                new KafkaException(
                        "Failed to create new KafkaAdminClient",
                        new ConfigException(
                                "No resolvable bootstrap urls given in bootstrap.servers"));
        String message =
                BrokerTrouble.explain("kafka:9092", failure, host -> !host.equals("kafka"));
        assertThat(message)
                .contains(
                        "cannot resolve host kafka ",
                        "--bootstrap-servers kafka:9092",
                        "in-cluster",
                        "port-forward",
                        "external listener")
                .doesNotContain("KafkaAdminClient");
    }

    @Test
    void aTimeoutWithoutMessageSaysSoWithTheAddress() {
        String message =
                BrokerTrouble.explain("10.0.0.5:9092", new TimeoutException(), host -> true);
        assertThat(message)
                .contains("10.0.0.5:9092", "did not answer in time", "TimeoutException")
                .doesNotContain("null");
    }

    @Test
    void hostsAreReadFromEveryFormOfTheList() {
        assertThat(BrokerTrouble.hosts(" a:1, [::1]:9092,b ,")).containsExactly("a", "::1", "b");
        assertThat(
                        BrokerTrouble.reason(
                                new IllegalStateException(null, new RuntimeException("inner"))))
                .isEqualTo("inner");
    }

    @Test
    void theCommandLineExplainsAnUnresolvableHostWithAStackExitCode() {
        // .invalid never resolves (RFC 2606).
        Cli run = Cli.run("study", "list", "--bootstrap-servers", "kafka.invalid:9092");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.STACK);
        assertThat(run.err())
                .contains("cannot resolve host kafka.invalid", "in-cluster")
                .doesNotContain("(null)")
                .doesNotContain("Failed to create new KafkaAdminClient");
    }

    @Test
    void theCommandLineExplainsASilentPortWithTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli run = Cli.run("study", "list", "--bootstrap-servers", "127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.STACK);
        assertThat(run.err()).contains("127.0.0.1:" + port).doesNotContain("null");
    }
}
