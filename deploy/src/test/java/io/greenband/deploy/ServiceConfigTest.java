package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key scanner behind {@link EnvVarsTest}, on small made-up modules. */
class ServiceConfigTest {

    @TempDir Path module;

    private ServiceConfig scan(String properties, String java) throws IOException {
        Path res = Files.createDirectories(module.resolve("src/main/resources"));
        Files.writeString(res.resolve("application.properties"), properties);
        Path pkg = Files.createDirectories(module.resolve("src/main/java/x"));
        Files.writeString(pkg.resolve("Settings.java"), java);
        return ServiceConfig.scan(module);
    }

    @Test
    void envFormFollowsMicroProfileConfig() {
        assertThat(ServiceConfig.envForm("greenband.mongodb.connection-string"))
                .isEqualTo("GREENBAND_MONGODB_CONNECTION_STRING");
        assertThat(ServiceConfig.envForm("kafka.bootstrap.servers"))
                .isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(ServiceConfig.envForm("NODE_NAME")).isEqualTo("NODE_NAME");
    }

    @Test
    void propertiesKeysAndTheirExpressionsAreRead() throws IOException {
        ServiceConfig c =
                scan(
                        """
                # a comment
                quarkus.http.port=${HTTP_PORT:8080}
                %prod.greenband.x.window = 5s
                greenband.y:${greenband.z}
                """,
                        "");
        assertThat(c.reads("QUARKUS_HTTP_PORT")).isTrue();
        assertThat(c.reads("HTTP_PORT")).isTrue();
        assertThat(c.reads("GREENBAND_X_WINDOW")).isTrue();
        assertThat(c.reads("GREENBAND_Z")).isTrue();
        assertThat(c.reads("GREENBAND_X")).isFalse();
        assertThat(c.reads("A_COMMENT")).isFalse();
    }

    @Test
    void annotationsAndDirectEnvironmentReadsAreRead() throws IOException {
        ServiceConfig c =
                scan(
                        "",
                        """
                package x;
                @ConfigMapping(prefix = "greenband.trainer")
                interface Settings {
                    String HOST_ENV = "POD_IP";
                    static String a(@ConfigProperty(defaultValue = "1", name = "greenband.lease") String s) {
                        return System.getenv("WORKER_ID");
                    }
                }
                """);
        assertThat(c.reads("GREENBAND_TRAINER_DATA_PATH")).isTrue();
        assertThat(c.reads("GREENBAND_TRAINER")).isFalse();
        assertThat(c.reads("GREENBAND_TRAINERS_X")).isFalse();
        assertThat(c.reads("GREENBAND_LEASE")).isTrue();
        assertThat(c.reads("POD_IP")).isTrue();
        assertThat(c.reads("WORKER_ID")).isTrue();
        assertThat(c.reads("GREENBAND_LEASE_SECONDS")).isFalse();
    }
}
