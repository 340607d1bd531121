package io.greenband.aggregator.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every JAX-RS operation of the REST package is documented in the hand-written OpenAPI document, and back. */
class OpenApiCoverageTest {

    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern VERB = Pattern.compile("^    (get|post|put|delete|patch):.*$");

    @Test
    void everyResourceOperationIsInTheDocumentAndNothingElse() throws Exception {
        Set<String> code = operationsInCode();
        Set<String> documented = operationsInDocument();
        assertThat(code).as("resources found").isNotEmpty();
        assertThat(documented).as("operations documented in openapi.yaml").containsAll(code);
        assertThat(code).as("operations of openapi.yaml that no resource serves").containsAll(documented);
    }

    @Test
    void documentDeclaresOpenApi31() throws Exception {
        assertThat(document().get(0)).isEqualTo("openapi: 3.1.0");
    }

    private static Set<String> operationsInCode() throws Exception {
        // The main output folder, where the resources are compiled (tests of the package live elsewhere).
        URL root = StudyResource.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path dir = java.nio.file.Path.of(root.toURI()).resolve("io/greenband/aggregator/adapter/rest");
        List<java.nio.file.Path> classes;
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        Set<String> ops = new HashSet<>();
        for (java.nio.file.Path f : classes) {
            String name = f.getFileName().toString().replace(".class", "");
            Class<?> c = Class.forName("io.greenband.aggregator.adapter.rest." + name);
            Path base = c.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                        : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(DELETE.class) ? "delete" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String full = join(base.value(), sub == null ? "" : sub.value());
                ops.add(verb.toUpperCase(Locale.ROOT) + " " + full);
            }
        }
        return ops;
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Set<String> operationsInDocument() throws Exception {
        Set<String> ops = new HashSet<>();
        String current = null;
        for (String line : document()) {
            Matcher p = PATH.matcher(line);
            if (p.matches()) {
                current = p.group(1);
                continue;
            }
            if (!line.startsWith(" ") && !line.isBlank()) {
                current = null;
            }
            Matcher v = VERB.matcher(line);
            if (current != null && v.matches()) {
                ops.add(v.group(1).toUpperCase(Locale.ROOT) + " " + current);
            }
        }
        return ops;
    }

    private static List<String> document() throws Exception {
        try (InputStream in = OpenApiCoverageTest.class.getResourceAsStream("/META-INF/resources/openapi.yaml")) {
            assertThat(in).as("META-INF/resources/openapi.yaml on the class path").isNotNull();
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }
}
