package io.greenband.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths inside the repository, found from the directory the tests run in (the module or the root).
 */
final class Repository {

    /**
     * The overlays every rendering test covers; each is a folder under {@code deploy/k8s/overlays}.
     */
    static final String[] OVERLAYS = {"dev", "gpu", "gpu-secure", "secure"};

    /** The services with an image, a Dockerfile and a module folder of the same name. */
    static final String[] SERVICES = {
        "suggester", "trainer", "energy-monitor", "pareto-aggregator"
    };

    /** The module every service depends on; the keys it reads are read by every service. */
    static final String SERVICE_KIT = "service-kit";

    private static final Path ROOT = findRoot();

    private Repository() {}

    /** The repository root. */
    static Path root() {
        return ROOT;
    }

    /** {@code deploy/k8s/overlays/<name>}. */
    static Path overlay(String name) {
        return ROOT.resolve("deploy/k8s/overlays").resolve(name);
    }

    /** A module folder such as {@code suggester}. */
    static Path module(String name) {
        return ROOT.resolve(name);
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/k8s/base/kustomization.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "no deploy/k8s/base/kustomization.yaml above "
                        + dir
                        + ": run the tests from the repository or its deploy module");
    }
}
