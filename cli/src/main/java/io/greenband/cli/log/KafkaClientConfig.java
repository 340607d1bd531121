package io.greenband.cli.log;

import io.greenband.cli.CliException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Kafka client settings from a properties file ({@code --kafka-config}), as Kafka's own
 * command-line tools take them ({@code --command-config}): security.protocol, sasl.*, ssl.* and any
 * other client setting, applied to every client a command opens. The bootstrap servers stay the
 * command's option.
 */
public final class KafkaClientConfig {

    private KafkaClientConfig() {}

    /** The settings of {@code file}, or none when it is null. */
    public static Map<String, String> load(Path file) {
        Map<String, String> out = new TreeMap<>();
        if (file == null) {
            return out;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw CliException.notFound(
                    "--kafka-config "
                            + file
                            + ": no readable file there; give a Kafka client "
                            + "properties file (for example security.protocol=SASL_SSL and sasl.* / ssl.* settings)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.notFound(
                    "--kafka-config "
                            + file
                            + ": cannot be read as a properties file ("
                            + e.getMessage()
                            + ")");
        }
        for (String key : p.stringPropertyNames()) {
            if (key.equals("bootstrap.servers")) {
                throw CliException.conflict(
                        "--kafka-config "
                                + file
                                + " sets bootstrap.servers; give the servers with"
                                + " --bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS) and remove the line");
            }
            out.put(key, p.getProperty(key).trim());
        }
        return out;
    }
}
