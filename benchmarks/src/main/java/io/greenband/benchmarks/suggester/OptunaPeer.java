package io.greenband.benchmarks.suggester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optuna run by the benchmark's own script ({@code optuna_peer.py}, a resource of this module) in a
 * Python child process, one process for the whole benchmark. The script asks Optuna for
 * configurations and the benchmark evaluates them, so both sides see the same objective functions.
 * Optuna evaluates at full fidelity only: a budget of B full-budget evaluations is B Optuna trials.
 */
final class OptunaPeer implements AutoCloseable {

    /** The samplers compared: multi-objective TPE, NSGA-II and random search. */
    static final List<String> SAMPLERS = List.of("tpe", "nsga2", "random");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final BufferedReader in;
    private final BufferedWriter out;
    private final String version;

    private OptunaPeer(Process process, BufferedReader in, BufferedWriter out, String version) {
        this.process = process;
        this.in = in;
        this.out = out;
        this.version = version;
    }

    /**
     * Starts the script with {@code python}; null (with the reason printed) when Python or Optuna
     * is missing.
     */
    static OptunaPeer start(String python) {
        try {
            Path script = Files.createTempFile("greenband-optuna-peer", ".py");
            script.toFile().deleteOnExit();
            try (InputStream res = OptunaPeer.class.getResourceAsStream("optuna_peer.py")) {
                Files.copy(res, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Process p =
                    new ProcessBuilder(python, script.toString())
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start();
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            BufferedWriter out =
                    new BufferedWriter(
                            new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            JsonNode hello = first == null ? null : JSON.readTree(first);
            if (hello == null || !hello.has("ready")) {
                System.out.println(
                        "optuna peer skipped: "
                                + (hello == null
                                        ? python + " exited at start"
                                        : hello.path("error").asText())
                                + " (install python3-optuna for "
                                + python
                                + ")");
                p.destroy();
                return null;
            }
            return new OptunaPeer(p, in, out, hello.get("ready").asText());
        } catch (IOException e) {
            System.out.println(
                    "optuna peer skipped: cannot start " + python + ": " + e.getMessage());
            return null;
        }
    }

    /** Optuna's version. */
    String version() {
        return version;
    }

    /**
     * One Optuna study of {@code trials} trials with {@code sampler}, every trial evaluated at full
     * fidelity.
     */
    QualityRun.Result run(Problem problem, String sampler, long seed, int trials)
            throws IOException {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("sampler", sampler);
        req.put("seed", seed);
        req.put("trials", trials);
        req.put("objectives", problem.objectives());
        req.put("space", problem.peerSpace());
        send(Map.of("run", req));
        problem.reset(seed);
        List<double[]> exact = new ArrayList<>();
        long start = System.nanoTime();
        while (true) {
            JsonNode msg = JSON.readTree(readLine());
            if (msg.has("done")) {
                break;
            }
            if (!msg.has("ask")) {
                throw new IOException("optuna peer: " + msg);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> config = JSON.convertValue(msg.get("ask"), LinkedHashMap.class);
            double[] f = problem.evaluate(config, 0);
            exact.add(problem.exact(config));
            send(Map.of("tell", f));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new QualityRun.Result(QualityRun.regret(problem, exact), trials, trials, seconds);
    }

    private void send(Object message) throws IOException {
        out.write(JSON.writeValueAsString(message));
        out.newLine();
        out.flush();
    }

    private String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("optuna peer exited");
        }
        return line;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the process is gone already
        }
        process.destroy();
    }
}
