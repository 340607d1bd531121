package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

/**
 * The embedded stack under a busy machine's conditions: a port it picked is taken before the broker
 * binds it, and Kafka's fatal-fault handling asks to end the JVM.
 */
class EmbeddedHardeningIT {

    @Test
    void kafkaExitAndHaltThrowInsteadOfEndingTheHostJvm() {
        try (EmbeddedStack stack = EmbeddedStack.builder().start()) {
            assertThat(KafkaExitGuard.installed()).isTrue();
            // What Kafka's ProcessTerminatingFaultHandler calls on a fatal fault.
            assertThatThrownBy(() -> Exit.halt(1, "fatal fault in a test"))
                    .isInstanceOf(KafkaExitGuard.KafkaExitRefused.class)
                    .hasMessageContaining("halt")
                    .hasMessageContaining("status 1");
            assertThatThrownBy(() -> Exit.exit(1))
                    .isInstanceOf(KafkaExitGuard.KafkaExitRefused.class)
                    .hasMessageContaining("exit");
            // This JVM is still here (the assertions ran) and the broker still serves.
            assertThat(listening(stack.kafkaPort())).isTrue();
        }
    }

    @Test
    void aChosenKafkaPortTakenBeforeTheBrokerBindsItIsReplacedByAnother() throws Exception {
        EmbeddedStackSettings settings = EmbeddedStack.builder().build();
        try (ServerSocket thief = new ServerSocket()) {
            thief.bind(new InetSocketAddress(InetAddress.getByName(Ports.LOOPBACK), 0));
            int stolen = thief.getLocalPort();
            int controller = Ports.resolve("Kafka controller", 0, "test");
            try (DataDirectory dir = DataDirectory.open(settings.dataDirectory());
                    KafkaBroker broker =
                            EmbeddedStack.startKafka(settings, dir, stolen, controller)) {
                assertThat(broker.port()).isNotEqualTo(stolen);
                assertThat(listening(broker.port())).isTrue();
            }
        }
    }

    @Test
    void aFixedPortIsNotSilentlyReplaced() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(Ports.LOOPBACK), 0));
            assertThatThrownBy(
                            () ->
                                    EmbeddedStack.builder()
                                            .optKafkaPort(taken.getLocalPort())
                                            .start())
                    .isInstanceOfSatisfying(
                            EmbeddedStackException.class,
                            e ->
                                    assertThat(e.kind())
                                            .isEqualTo(EmbeddedStackException.Kind.PORT_IN_USE));
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(Ports.LOOPBACK, port)) {
            return s.isConnected();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
