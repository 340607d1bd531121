package io.greenband.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The scripts and style the report inlines: Apache ECharts from its webjar (the version the root
 * pom sets), the aggregator's {@code charts.js}, {@code table.js} and {@code dashboard.css} (copied
 * here by the build), and the report's own start-up and report-only style rules.
 */
final class ReportAssets {

    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private ReportAssets() {}

    static String echarts() {
        Properties p = new Properties();
        try (InputStream in = stream(WEBJAR)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR, e);
        }
        return read(
                "META-INF/resources/webjars/echarts/"
                        + p.getProperty("version")
                        + "/dist/echarts.min.js");
    }

    static String charts() {
        return read("io/greenband/cli/report/charts.js");
    }

    static String table() {
        return read("io/greenband/cli/report/table.js");
    }

    static String bootstrap() {
        return read("io/greenband/cli/report/report.js");
    }

    /**
     * The dashboard's stylesheet followed by the report-only rules, which override it where they
     * differ.
     */
    static String css() {
        return read("io/greenband/cli/report/dashboard.css")
                + "\n"
                + read("io/greenband/cli/report/report.css");
    }

    private static String read(String path) {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static InputStream stream(String path) {
        InputStream in = ReportAssets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(
                    path + " is missing from the class path: the report cannot be written");
        }
        return in;
    }
}
