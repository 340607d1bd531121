package io.greenband.events.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a study may be: bounds that fit real hyperparameter optimization and keep a hostile study
 * from blocking a service. {@link #check} walks a study's JSON once (linear in its size) before
 * anything else parses it.
 *
 * @param maxChoices most entries of any list in the space (categorical choices, ordinal sequences,
 *     condition and forbidden value lists)
 * @param maxHyperparameters most hyperparameters in the space
 * @param maxStudyBytes most bytes of the study's JSON
 */
public record StudyLimits(int maxChoices, int maxHyperparameters, long maxStudyBytes) {

    /**
     * Setting (and, upper-cased with {@code _}, environment variable) raising {@link #maxChoices}.
     */
    public static final String MAX_CHOICES = "greenband.study.max-choices";

    /** Setting raising {@link #maxHyperparameters}. */
    public static final String MAX_HYPERPARAMETERS = "greenband.study.max-hyperparameters";

    /** Setting raising {@link #maxStudyBytes}. */
    public static final String MAX_STUDY_BYTES = "greenband.study.max-bytes";

    /** 1,000 choices, 200 hyperparameters, 1 MB of JSON. */
    public static final StudyLimits DEFAULTS = new StudyLimits(1_000, 200, 1_000_000);

    public StudyLimits {
        if (maxChoices < 1 || maxHyperparameters < 1 || maxStudyBytes < 1) {
            throw new IllegalArgumentException(
                    "study limits must be positive: "
                            + maxChoices
                            + ", "
                            + maxHyperparameters
                            + ", "
                            + maxStudyBytes);
        }
    }

    /** Limits from settings looked up by the names above (a missing one keeps its default). */
    public static StudyLimits from(Function<String, Optional<String>> settings) {
        return new StudyLimits(
                settings.apply(MAX_CHOICES).map(Integer::parseInt).orElse(DEFAULTS.maxChoices),
                settings.apply(MAX_HYPERPARAMETERS)
                        .map(Integer::parseInt)
                        .orElse(DEFAULTS.maxHyperparameters),
                settings.apply(MAX_STUDY_BYTES)
                        .map(Long::parseLong)
                        .orElse(DEFAULTS.maxStudyBytes));
    }

    /**
     * Limits from environment variables such as {@code GREENBAND_STUDY_MAX_CHOICES} (the CLI's
     * way).
     */
    public static StudyLimits fromEnvironment(Map<String, String> env) {
        return from(name -> Optional.ofNullable(env.get(envName(name))).filter(v -> !v.isBlank()));
    }

    /** The environment variable of a setting. */
    public static String envName(String setting) {
        return setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Fails with {@link StudyLimitException} when {@code jsonBytes} of study JSON are too many. */
    public void checkSize(long jsonBytes) {
        if (jsonBytes > maxStudyBytes) {
            throw new StudyLimitException(
                    true,
                    "the study is "
                            + jsonBytes
                            + " bytes of JSON; the limit is "
                            + maxStudyBytes
                            + " (raise it with "
                            + MAX_STUDY_BYTES
                            + " / "
                            + envName(MAX_STUDY_BYTES)
                            + ")");
        }
    }

    /**
     * Checks a study's space (the {@code space} object of a study, or a study holding one): not
     * empty, not more hyperparameters than allowed, no list longer than allowed. One pass over the
     * tree.
     */
    public void checkSpace(JsonNode space) {
        JsonNode hps = space == null ? null : space.get("hyperparameters");
        if (hps == null || !hps.isArray() || hps.isEmpty()) {
            throw new StudyLimitException(
                    false, "the space has no hyperparameters; a study needs at least one");
        }
        if (hps.size() > maxHyperparameters) {
            throw new StudyLimitException(
                    true,
                    "the space has "
                            + hps.size()
                            + " hyperparameters; the limit is "
                            + maxHyperparameters
                            + " (raise it with "
                            + MAX_HYPERPARAMETERS
                            + " / "
                            + envName(MAX_HYPERPARAMETERS)
                            + ")");
        }
        // Iterative walk: the tree's depth is bounded by the JSON parser, its width by the checks
        // below.
        Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
        todo.push(Map.entry("/space", space));
        while (!todo.isEmpty()) {
            Map.Entry<String, JsonNode> e = todo.pop();
            JsonNode node = e.getValue();
            if (node.isArray()) {
                int limit =
                        e.getKey().equals("/space/hyperparameters")
                                ? maxHyperparameters
                                : maxChoices;
                if (node.size() > limit) {
                    throw new StudyLimitException(
                            true,
                            e.getKey()
                                    + " holds "
                                    + node.size()
                                    + " entries; the limit is "
                                    + limit
                                    + " (raise it with "
                                    + MAX_CHOICES
                                    + " / "
                                    + envName(MAX_CHOICES)
                                    + ")");
                }
                for (int i = 0; i < node.size(); i++) {
                    todo.push(Map.entry(e.getKey() + "/" + i, node.get(i)));
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    todo.push(Map.entry(e.getKey() + "/" + f.getKey(), f.getValue()));
                }
            }
        }
    }
}
