package io.greenband.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Nothing a local run starts is open to the network by default: a service launched as {@code
 * greenband local} launches it is told to listen on 127.0.0.1, answers there, and refuses a
 * connection on this machine's external address.
 */
class BindAddressIT {

    static final Path HOME = Path.of(System.getProperty("greenband.home"));

    @TempDir Path dir;

    @Test
    void theDefaultBindIsTheLoopbackAndBindIsAnOption() {
        LocalOptions defaults = new LocalOptions();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.bind()).isEqualTo("127.0.0.1");
        LocalOptions open = new LocalOptions();
        new CommandLine(open).parseArgs("--bind", "0.0.0.0");
        assertThat(open.bind()).isEqualTo("0.0.0.0");
    }

    @Test
    void aLocalServiceAnswersOnTheLoopbackOnly() throws Exception {
        InetAddress external = externalAddress().orElse(null);
        Assumptions.assumeTrue(
                external != null, "this machine has no external IPv4 address to probe");
        try (LocalStack local = new LocalStack(HOME, dir)) {
            local.startStack(0, 0);
            assertThat(local.environment(1)).containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1");
            local.startServices(
                    List.of(Service.ENERGY_MONITOR), Duration.ofSeconds(120), java.util.Map.of());
            int port = local.services().get(0).httpPort();

            try (Socket loopback = new Socket()) {
                loopback.connect(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                assertThat(loopback.isConnected()).isTrue();
            }
            assertThatThrownBy(
                            () -> {
                                try (Socket outside = new Socket()) {
                                    outside.connect(new InetSocketAddress(external, port), 5_000);
                                }
                            })
                    .as("port %d on %s", port, external)
                    .isInstanceOf(IOException.class);
        }
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(
                        i -> {
                            try {
                                return i.isUp() && !i.isLoopback();
                            } catch (IOException e) {
                                return false;
                            }
                        })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}
