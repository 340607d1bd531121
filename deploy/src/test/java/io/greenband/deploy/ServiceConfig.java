package io.greenband.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads from its environment, collected from its sources rather than written down
 * here (so the check follows the services as they change):
 *
 * <ul>
 *   <li>keys of {@code src/main/resources/application.properties} (profile prefixes dropped), and
 *       the names its values refer to as {@code ${NAME}} or {@code ${NAME:default}};
 *   <li>{@code @ConfigProperty(name = "...")} names and {@code @ConfigMapping(prefix = "...")}
 *       prefixes in {@code src/main/java};
 *   <li>variables the code reads itself: {@code System.getenv("NAME")}, or a constant {@code
 *       ..._ENV = "NAME"} naming one.
 * </ul>
 *
 * An environment variable matches a key under MicroProfile Config's rule: the key upper-cased with
 * every character other than a letter or digit replaced by {@code _}.
 *
 * @param keys configuration keys (and expression names) read
 * @param prefixes {@code @ConfigMapping} prefixes: every key below one is read
 */
record ServiceConfig(Set<String> keys, Set<String> prefixes) {

    private static final Pattern CONFIG_PROPERTY =
            Pattern.compile("@ConfigProperty\\s*\\(([^)]*)\\)");
    private static final Pattern CONFIG_MAPPING =
            Pattern.compile("@ConfigMapping\\s*\\(([^)]*)\\)");
    private static final Pattern NAME_ATTR = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PREFIX_ATTR = Pattern.compile("\\bprefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern GETENV =
            Pattern.compile("System\\.getenv\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*\\)");
    private static final Pattern ENV_CONSTANT =
            Pattern.compile("String\\s+\\w*_ENV\\s*=\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:$]+)");

    /**
     * MicroProfile Config's environment form of a key: upper case, non-alphanumerics as {@code _}.
     */
    static String envForm(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The keys read by the code under these module folders (a service and service-kit). */
    static ServiceConfig scan(Path... modules) {
        Set<String> keys = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path module : modules) {
            Path props = module.resolve("src/main/resources/application.properties");
            if (Files.isRegularFile(props)) {
                readProperties(read(props), keys);
            }
            Path java = module.resolve("src/main/java");
            if (Files.isDirectory(java)) {
                try (Stream<Path> files = Files.walk(java)) {
                    files.filter(f -> f.toString().endsWith(".java"))
                            .forEach(f -> readJava(read(f), keys, prefixes));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + java, e);
                }
            }
        }
        return new ServiceConfig(Set.copyOf(keys), Set.copyOf(prefixes));
    }

    /** Whether setting environment variable {@code env} reaches something this service reads. */
    boolean reads(String env) {
        for (String key : keys) {
            if (envForm(key).equals(env)) {
                return true;
            }
        }
        for (String prefix : prefixes) {
            if (env.startsWith(envForm(prefix) + "_")) {
                return true;
            }
        }
        return false;
    }

    static void readProperties(String text, Set<String> keys) {
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = indexOfSeparator(line);
            String key = (sep < 0 ? line : line.substring(0, sep)).strip();
            // %prod.quarkus.http.port and quarkus.http.port are one key for the environment.
            keys.add(
                    key.startsWith("%") && key.indexOf('.') > 0
                            ? key.substring(key.indexOf('.') + 1)
                            : key);
            Matcher m = EXPRESSION.matcher(sep < 0 ? "" : line.substring(sep + 1));
            while (m.find()) {
                keys.add(m.group(1).strip());
            }
        }
    }

    static void readJava(String source, Set<String> keys, Set<String> prefixes) {
        collect(CONFIG_PROPERTY, NAME_ATTR, source, keys);
        collect(CONFIG_MAPPING, PREFIX_ATTR, source, prefixes);
        for (Pattern direct : new Pattern[] {GETENV, ENV_CONSTANT}) {
            Matcher m = direct.matcher(source);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
    }

    private static void collect(
            Pattern annotation, Pattern attribute, String source, Set<String> into) {
        Matcher a = annotation.matcher(source);
        while (a.find()) {
            Matcher v = attribute.matcher(a.group(1));
            if (v.find()) {
                into.add(v.group(1));
            }
        }
    }

    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
