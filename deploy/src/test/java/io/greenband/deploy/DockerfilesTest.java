package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One Dockerfile per service (images cannot be built here, so their text is checked): a pinned
 * base, the Quarkus fast-jar layout, a numeric non-root user that matches what the manifests run
 * as.
 */
class DockerfilesTest {

    private static final Pattern FROM =
            Pattern.compile("(?m)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$");

    static List<String> services() {
        return List.of(Repository.SERVICES);
    }

    static String dockerfile(String service) throws IOException {
        Path file =
                Repository.root().resolve("deploy/docker").resolve(service).resolve("Dockerfile");
        assertThat(file).as("Dockerfile of " + service).isRegularFile();
        return Files.readString(file);
    }

    @ParameterizedTest
    @MethodSource("services")
    void baseImagesArePinned(String service) throws IOException {
        Matcher m = FROM.matcher(dockerfile(service));
        int bases = 0;
        while (m.find()) {
            bases++;
            assertThat(OverlaysTest.pinned(m.group(1)))
                    .as("%s: FROM %s", service, m.group(1))
                    .isTrue();
        }
        assertThat(bases).as("%s has a FROM line", service).isPositive();
    }

    @ParameterizedTest
    @MethodSource("services")
    void runsTheFastJarAsTheNonRootUserOfTheManifests(String service) throws IOException {
        String text = dockerfile(service);
        for (String part : new String[] {"lib/", "app/", "quarkus/", "*.jar"}) {
            assertThat(text).as(service).contains("COPY target/quarkus-app/" + part);
        }
        assertThat(text)
                .as(service)
                .containsPattern("(?m)^ENTRYPOINT .*quarkus-run\\.jar")
                .containsPattern("(?m)^EXPOSE 8080$");

        Matcher user = USER.matcher(text);
        assertThat(user.find()).as("%s has a numeric USER line", service).isTrue();
        long uid = Long.parseLong(user.group(1));
        assertThat(uid).as("%s uid", service).isNotZero();
        for (String overlay : Repository.OVERLAYS) {
            var runAs = Kustomize.render(overlay).container(service).security("runAsUser");
            assertThat(runAs.asLong()).as("%s runAsUser in %s", service, overlay).isEqualTo(uid);
        }
    }

    @Test
    void pinnedMeansATagOtherThanLatestOrADigest() {
        assertThat(OverlaysTest.pinned("mongo")).isFalse();
        assertThat(OverlaysTest.pinned("mongo:latest")).isFalse();
        assertThat(OverlaysTest.pinned("registry.local:5000/mongo")).isFalse();
        assertThat(OverlaysTest.pinned("registry.local:5000/mongo:7.0.16")).isTrue();
        assertThat(OverlaysTest.pinned("mongo@sha256:0123abcd")).isTrue();
    }
}
