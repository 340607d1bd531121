package io.greenband.aggregator.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The chart library of the dashboard, served from this origin (its policy allows scripts from
 * 'self' only): the minified Apache ECharts bundle of the {@code org.webjars.npm:echarts} webjar,
 * whose version the root pom sets.
 */
@Path("/lib")
@Tag(name = "dashboard", description = "Files the dashboard loads")
public class LibraryResource {

    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final byte[] ECHARTS = load();

    @GET
    @Path("/echarts.min.js")
    @Operation(
            summary =
                    "The charting library the dashboard draws with (Apache ECharts, from its webjar)")
    @Produces("text/javascript; charset=utf-8")
    public Response echarts() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(ECHARTS).cacheControl(cache).build();
    }

    private static byte[] load() {
        ClassLoader loader = LibraryResource.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new NotFoundException("the echarts webjar is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            String path =
                    "META-INF/resources/webjars/echarts/"
                            + p.getProperty("version")
                            + "/dist/echarts.min.js";
            try (InputStream js = loader.getResourceAsStream(path)) {
                if (js == null) {
                    throw new NotFoundException(path + " is missing from the echarts webjar");
                }
                return js.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the echarts webjar", e);
        }
    }
}
