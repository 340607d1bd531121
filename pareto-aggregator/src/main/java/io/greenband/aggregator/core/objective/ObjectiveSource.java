package io.greenband.aggregator.core.objective;

/**
 * Where an objective's value comes from, written {@code metric:<key>}, {@code energy:<quantity>} or
 * {@code producer:<name>} (optionally {@code producer:<name>/<objective>} when one producer reports
 * several objectives).
 */
public sealed interface ObjectiveSource {

    /** A metric in the trainer's trial-finished event. */
    record Metric(String key) implements ObjectiveSource {
        @Override
        public String text() {
            return "metric:" + key;
        }
    }

    /** A quantity of the aggregator's energy accounting. */
    record Energy(EnergyQuantity quantity) implements ObjectiveSource {
        @Override
        public String text() {
            return "energy:" + quantity.key();
        }
    }

    /**
     * A value reported by a plug-in; {@code objective} empty matches any objective of that
     * producer.
     */
    record Producer(String name, String objective) implements ObjectiveSource {
        @Override
        public String text() {
            return "producer:" + name + (objective.isEmpty() ? "" : "/" + objective);
        }

        /** Whether a reported value belongs to this source. */
        public boolean matches(String producer, String objectiveName) {
            return name.equals(producer)
                    && (objective.isEmpty() || objective.equals(objectiveName));
        }
    }

    /** The written form. */
    String text();

    /** Parses the written form. */
    static ObjectiveSource parse(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1).strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(
                    "objective source '"
                            + text
                            + "' is malformed: write metric:<key>, energy:<quantity> or producer:<name>");
        }
        return switch (kind) {
            case "metric" -> new Metric(rest);
            case "energy" -> new Energy(EnergyQuantity.fromKey(rest));
            case "producer" -> {
                int slash = rest.indexOf('/');
                yield slash < 0
                        ? new Producer(rest, "")
                        : new Producer(rest.substring(0, slash), rest.substring(slash + 1));
            }
            default ->
                    throw new IllegalArgumentException(
                            "objective source kind '"
                                    + kind
                                    + "' in '"
                                    + text
                                    + "' is unknown: use metric, energy or producer");
        };
    }
}
