package io.greenband.embedded.quarkus;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The checks every service's endpoint test makes, in one place: the endpoints each service gets
 * from {@code service-kit} and Quarkus (health, the generated OpenAPI document) are served and
 * described, and the service is live and ready with the named checks up. Each method returns what
 * is wrong, empty when nothing is, so a test asserts emptiness and a failure says why.
 */
public final class StandardEndpoints {

    /** The health routes every service serves through {@code service-kit}'s health resource. */
    public static final List<String> HEALTH_ROUTES =
            List.of("GET /q/health/live", "GET /q/health/ready");

    private StandardEndpoints() {}

    /**
     * What is wrong with the service at {@code base}: its {@code /q/openapi} against the routes of
     * the resources under {@code packagePrefix} ({@link ServiceEndpoints#openApiProblems}), a
     * health route no resource serves, or a liveness answer other than 200.
     */
    public static List<String> problems(URI base, String packagePrefix)
            throws IOException, InterruptedException {
        List<String> problems =
                new ArrayList<>(ServiceEndpoints.openApiProblems(base, packagePrefix));
        TreeSet<String> declared = ServiceEndpoints.declaredRoutes(packagePrefix);
        for (String route : HEALTH_ROUTES) {
            if (!declared.contains(route)) {
                problems.add(route + " is served by no resource under " + packagePrefix);
            }
        }
        HealthProbe.Report live = HealthProbe.live(base);
        if (live.httpStatus() != 200) {
            problems.add("GET /q/health/live answered " + live.httpStatus() + ": " + live.body());
        }
        return problems;
    }

    /**
     * What keeps the service at {@code base} from being ready: a readiness answer other than 200
     * and {@code UP}, or a check of {@code upChecks} (e.g. {@code kafka}, {@code mongodb}) that is
     * missing or not up.
     */
    public static List<String> readinessProblems(URI base, String... upChecks)
            throws IOException, InterruptedException {
        HealthProbe.Report ready = HealthProbe.ready(base);
        List<String> problems = new ArrayList<>();
        if (ready.httpStatus() != 200 || !"UP".equals(ready.status())) {
            problems.add(
                    "GET /q/health/ready answered "
                            + ready.httpStatus()
                            + " "
                            + ready.status()
                            + ": "
                            + ready.body());
        }
        for (String check : upChecks) {
            if (!ready.upChecks().contains(check)) {
                problems.add("readiness check '" + check + "' is not up: " + ready.body());
            }
        }
        return problems;
    }
}
