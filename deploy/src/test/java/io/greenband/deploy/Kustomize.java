package io.greenband.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an overlay with {@code kubectl kustomize} (offline, no cluster needed) and parses the
 * result. A missing kubectl fails the test: manifests nobody rendered are manifests nobody checked.
 */
final class Kustomize {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static final Map<Path, Boolean> CHECKED = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern MAJOR = Pattern.compile("v?(\\d+)\\.");

    private Kustomize() {}

    /** The objects overlay {@code name} renders to (rendered once per test run). */
    static Rendered render(String name) {
        return CACHE.computeIfAbsent(
                name,
                n -> {
                    CHECKED.computeIfAbsent(
                            kubectl(),
                            k -> {
                                requireKustomize5(
                                        exec(
                                                List.of(
                                                        k.toString(),
                                                        "version",
                                                        "--client",
                                                        "-o",
                                                        "json"),
                                                "kubectl version"));
                                return Boolean.TRUE;
                            });
                    Path overlay = Repository.overlay(n);
                    if (!Files.isRegularFile(overlay.resolve("kustomization.yaml"))) {
                        throw new AssertionError(
                                "overlay " + overlay + " has no kustomization.yaml");
                    }
                    return parse(
                            exec(
                                    List.of(kubectl().toString(), "kustomize", overlay.toString()),
                                    "kubectl kustomize " + overlay));
                });
    }

    /**
     * Fails unless {@code kubectl version --client -o json} reports kustomize v5 or newer (kubectl
     * 1.27+): older ones lack components and template labels, and Debian's kubernetes-client 1.20
     * is one of them.
     */
    static void requireKustomize5(String versionJson) {
        String kustomize;
        String kubectl;
        try {
            JsonNode v = new ObjectMapper().readTree(versionJson);
            kustomize = v.path("kustomizeVersion").asText("");
            kubectl = v.path("clientVersion").path("gitVersion").asText("?");
        } catch (IOException e) {
            throw new AssertionError(
                    "kubectl version --client -o json printed no JSON: " + versionJson, e);
        }
        Matcher m = MAJOR.matcher(kustomize);
        if (!m.lookingAt() || Integer.parseInt(m.group(1)) < 5) {
            throw new AssertionError(
                    "kubectl "
                            + kubectl
                            + " bundles kustomize '"
                            + kustomize
                            + "'; the overlays"
                            + " need kustomize v5 or newer: install kubectl 1.27 or newer (https://kubernetes.io/docs/tasks/tools/)");
        }
    }

    /** kubectl from the system property {@code greenband.kubectl}, else the first on PATH. */
    static Path kubectl() {
        return kubectl(
                System.getProperty("greenband.kubectl"), System.getenv().getOrDefault("PATH", ""));
    }

    /**
     * kubectl at {@code configured} when given, else the first executable {@code kubectl} on {@code
     * path}.
     */
    static Path kubectl(String configured, String path) {
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new AssertionError(
                        "-Dgreenband.kubectl=" + configured + " is not an executable file");
            }
            return Path.of(configured);
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(
                "kubectl was not found on PATH ("
                        + path
                        + "). The deploy tests render every"
                        + " overlay with `kubectl kustomize`; install kubectl (https://kubernetes.io/docs/tasks/tools/)"
                        + " or point -Dgreenband.kubectl=/path/to/kubectl at one.");
    }

    private static String exec(List<String> command, String what) {
        try {
            Path out = Files.createTempFile("greenband-kustomize", ".yaml");
            Path err = Files.createTempFile("greenband-kustomize", ".err");
            try {
                Process p =
                        new ProcessBuilder(command)
                                .redirectOutput(out.toFile())
                                .redirectError(err.toFile())
                                .start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(what + " did not finish in 120 s");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError(
                            what
                                    + " failed (exit "
                                    + p.exitValue()
                                    + "): "
                                    + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + what, e);
        }
    }

    /** Parses a multi-document YAML stream into its non-empty documents. */
    static Rendered parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(
                    "kubectl kustomize printed YAML that does not parse: " + e.getMessage(), e);
        }
        return new Rendered(List.copyOf(objects));
    }
}
