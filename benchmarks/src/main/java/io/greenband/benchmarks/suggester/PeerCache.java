package io.greenband.benchmarks.suggester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Optuna's results kept in a JSON-lines file ({@code --peer-cache}), one line per (problem,
 * sampler, seed, budget) run. A seeded Optuna sampler asked sequentially is deterministic and the
 * problems are this module's own code, so a run recorded once stands for every later benchmark of
 * the same problems; this lets a long 10-seed table reuse the peer's slow runs (multi-objective TPE
 * at B = 100 takes minutes) instead of repeating them. A line from an unknown or edited problem is
 * simply never looked up.
 */
final class PeerCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, QualityRun.Result> runs = new HashMap<>();

    private PeerCache(Path file) {
        this.file = file;
    }

    /** The cache in {@code file}, with every well-formed line already there. */
    static PeerCache open(Path file) throws IOException {
        PeerCache cache = new PeerCache(file);
        cache.load();
        return cache;
    }

    private void load() throws IOException {
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // a line cut short by an interrupted run
                }
                if (n == null || !n.has("regret")) {
                    continue;
                }
                runs.put(
                        key(
                                n.path("problem").asText(),
                                n.path("sampler").asText(),
                                n.path("seed").asLong(),
                                n.path("budget").asInt()),
                        new QualityRun.Result(
                                n.get("regret").asDouble(),
                                n.path("trials").asInt(),
                                n.path("trials").asInt(),
                                n.path("seconds").asDouble()));
            }
        }
    }

    /**
     * The recorded result, or null. A miss reads the file again first: several benchmark processes
     * may share one cache, each running part of the problems.
     */
    QualityRun.Result get(String problem, String sampler, long seed, int budget) {
        QualityRun.Result r = runs.get(key(problem, sampler, seed, budget));
        if (r == null) {
            try {
                load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            r = runs.get(key(problem, sampler, seed, budget));
        }
        return r;
    }

    /** Records a result and appends it to the file. */
    void put(String problem, String sampler, long seed, int budget, QualityRun.Result r) {
        runs.put(key(problem, sampler, seed, budget), r);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("problem", problem);
        line.put("sampler", sampler);
        line.put("seed", seed);
        line.put("budget", budget);
        line.put("regret", r.regret());
        line.put("trials", r.trials());
        line.put("seconds", r.seconds());
        try {
            Files.writeString(
                    file,
                    JSON.writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String problem, String sampler, long seed, int budget) {
        return problem + "/" + sampler + "/" + seed + "/" + budget;
    }
}
