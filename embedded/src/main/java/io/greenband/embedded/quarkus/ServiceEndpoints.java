package io.greenband.embedded.quarkus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * For tests of a service's standard endpoints: the routes its JAX-RS resources declare (found by
 * reflection on the class path, so a new route is seen without being listed anywhere), the
 * operations of its generated {@code /q/openapi} document, and plain GETs. Annotations are matched
 * by name, so this module needs no JAX-RS.
 */
public final class ServiceEndpoints {

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServiceEndpoints() {}

    /**
     * {@code "GET /api/x/{id}"} for every resource method of the classes under {@code
     * packagePrefix}.
     */
    public static TreeSet<String> declaredRoutes(String packagePrefix) throws IOException {
        TreeSet<String> routes = new TreeSet<>();
        for (Class<?> c : classes(packagePrefix)) {
            String base = value(c.getAnnotations(), PATH);
            if (base == null) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb != null) {
                    String sub = value(m.getAnnotations(), PATH);
                    routes.add(verb + " " + normalize(base + "/" + (sub == null ? "" : sub)));
                }
            }
        }
        return routes;
    }

    /**
     * {@code "GET /path"} to the operation's summary (empty when it has none) of an OpenAPI JSON
     * document.
     */
    public static TreeMap<String, String> documentedRoutes(String openApiJson) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        JsonNode paths = new ObjectMapper().readTree(openApiJson).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields();
                    o.hasNext(); ) {
                Map.Entry<String, JsonNode> op = o.next();
                out.put(
                        op.getKey().toUpperCase(Locale.ROOT) + " " + normalize(path.getKey()),
                        op.getValue().path("summary").asText(""));
            }
        }
        return out;
    }

    /**
     * What is wrong with the service's generated {@code /q/openapi} against the routes of its
     * resources under {@code packagePrefix}: a route missing from the document or without a
     * summary, or a documented operation no resource serves. Empty when the document lists every
     * route, described.
     */
    public static List<String> openApiProblems(URI base, String packagePrefix)
            throws IOException, InterruptedException {
        HttpResponse<String> doc = get(base, "/q/openapi?format=json");
        if (doc.statusCode() != 200) {
            return List.of("GET /q/openapi answered " + doc.statusCode() + ": " + doc.body());
        }
        TreeSet<String> declared = declaredRoutes(packagePrefix);
        TreeMap<String, String> documented = documentedRoutes(doc.body());
        List<String> problems = new ArrayList<>();
        if (declared.isEmpty()) {
            problems.add("no JAX-RS resource found under " + packagePrefix);
        }
        for (String route : declared) {
            String summary = documented.get(route);
            if (summary == null) {
                problems.add(route + " is served but not in /q/openapi");
            } else if (summary.isBlank()) {
                problems.add(route + " has no summary in /q/openapi (annotate it with @Operation)");
            }
        }
        for (String route : documented.keySet()) {
            if (!declared.contains(route)) {
                problems.add(
                        route
                                + " is in /q/openapi but no resource under "
                                + packagePrefix
                                + " serves it");
            }
        }
        return problems;
    }

    /**
     * Scrapes {@code /q/metrics} until its text matches {@code regex} or {@code limit} passes;
     * returns the last text (the caller asserts on it, so a miss shows what was there).
     */
    public static String awaitMetrics(URI base, String regex, Duration limit)
            throws IOException, InterruptedException {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        long deadline = System.nanoTime() + limit.toNanos();
        String body = get(base, "/q/metrics").body();
        while (!pattern.matcher(body).find() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            body = get(base, "/q/metrics").body();
        }
        return body;
    }

    /** The status and body of {@code GET base+path}. */
    public static HttpResponse<String> get(URI base, String path)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String normalize(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            for (Annotation meta : a.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(HTTP_METHOD)) {
                    return invoke(meta);
                }
            }
        }
        return null;
    }

    private static String value(Annotation[] annotations, String type) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(type)) {
                return invoke(a);
            }
        }
        return null;
    }

    private static String invoke(Annotation a) {
        try {
            return (String) a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + a, e);
        }
    }

    private static List<Class<?>> classes(String packagePrefix) throws IOException {
        // Quarkus's test class loader may not list package folders; the JVM's own sees the same
        // class path.
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader system = ClassLoader.getSystemClassLoader();
        TreeSet<String> names = new TreeSet<>();
        for (ClassLoader loader : new ClassLoader[] {context, system}) {
            if (loader != null) {
                names.addAll(classNames(loader, packagePrefix));
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            if (n.contains("$") || n.endsWith("package-info")) {
                continue;
            }
            Class<?> c = load(n, context);
            if (c == null) {
                c = load(n, system);
            }
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return loader == null ? null : Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // A class whose dependencies are not on this class path declares no route of this
            // service.
            return null;
        }
    }

    private static TreeSet<String> classNames(ClassLoader loader, String packagePrefix)
            throws IOException {
        String dir = packagePrefix.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        for (Enumeration<URL> roots = loader.getResources(dir); roots.hasMoreElements(); ) {
            URL root = roots.nextElement();
            if (root.getProtocol().equals("file")) {
                walk(new File(URI.create(root.toString())), packagePrefix, names);
            } else if (root.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(dir + "/") && n.endsWith(".class")) {
                            names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static void walk(File dir, String pkg, TreeSet<String> names) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File f : files) {
            if (f.isDirectory()) {
                walk(f, pkg + "." + f.getName(), names);
            } else if (f.getName().endsWith(".class")) {
                names.add(pkg + "." + f.getName().substring(0, f.getName().length() - 6));
            }
        }
    }
}
