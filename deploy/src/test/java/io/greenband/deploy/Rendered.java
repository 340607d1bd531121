package io.greenband.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects one overlay renders to, with views of the pod templates and containers in them.
 *
 * @param objects every rendered object, in kubectl's order
 */
record Rendered(List<JsonNode> objects) {

    /** Kinds whose {@code spec.template.spec} is a pod spec. */
    private static final Set<String> WORKLOAD_KINDS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    /** Our images: {@code ghcr.io/greenband/<service>:<tag>}. */
    private static final Pattern OUR_IMAGE =
            Pattern.compile("ghcr\\.io/greenband/([a-z0-9-]+):([^:@/]+)");

    /** A pod template of a Deployment, StatefulSet, DaemonSet or Job. */
    record Workload(String kind, String name, JsonNode podSpec) {
        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    /** One container (or init container) of a workload. */
    record Container(Workload workload, JsonNode node, boolean init) {

        String name() {
            return node.path("name").asText();
        }

        String image() {
            return node.path("image").asText("");
        }

        /**
         * The greenband service this container runs, from its image name; empty for other images.
         */
        Optional<String> service() {
            Matcher m = OUR_IMAGE.matcher(image());
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** A container-level security setting, else the pod-level one. */
        JsonNode security(String field) {
            JsonNode own = node.path("securityContext").path(field);
            return own.isMissingNode()
                    ? workload.podSpec().path("securityContext").path(field)
                    : own;
        }

        @Override
        public String toString() {
            return workload + " container " + name();
        }
    }

    /** Objects of one kind. */
    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** The object of this kind and name. */
    JsonNode one(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    /** Every pod template. */
    List<Workload> workloads() {
        List<Workload> all = new ArrayList<>();
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            if (WORKLOAD_KINDS.contains(kind)) {
                all.add(
                        new Workload(
                                kind,
                                o.path("metadata").path("name").asText(),
                                o.path("spec").path("template").path("spec")));
            }
        }
        return all;
    }

    /** The workload of this name (any kind). */
    Workload workload(String name) {
        return workloads().stream()
                .filter(w -> w.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no workload named " + name + " rendered"));
    }

    /** Every container and init container of every workload. */
    List<Container> containers() {
        List<Container> all = new ArrayList<>();
        for (Workload w : workloads()) {
            w.podSpec().path("initContainers").forEach(c -> all.add(new Container(w, c, true)));
            w.podSpec().path("containers").forEach(c -> all.add(new Container(w, c, false)));
        }
        return all;
    }

    /** The main container running {@code service}'s image. */
    Container container(String service) {
        return containers().stream()
                .filter(c -> c.service().filter(service::equals).isPresent())
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no container runs the " + service + " image"));
    }
}
