package io.greenband.benchmarks.paper;

import io.greenband.events.payload.StudyDefined;
import io.greenband.events.study.StudyReader;
import io.greenband.trainer.runner.TrialConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The sizes of a {@code paper} run and the two studies it runs, as study files a user could
 * publish: the same space (the paper's Table 1, narrowed to what trains on the subset), {@code
 * shift_depth} as fidelity with Hyperband, one objective (val_error) for MF and two (val_error,
 * emissions_g with ParEGO) for MFMO, and the same trial budget.
 *
 * @param name {@code quick} or {@code full}
 * @param trainImages training images before the hold-out (0: all 60,000)
 * @param validation the hold-out, a count or a percentage
 * @param testImages test images for the final evaluation (0: all 10,000)
 * @param maxEpochs the space's largest epoch count, also the default configuration's epochs
 * @param batchSizes the space's batch sizes
 * @param minDepth the fidelity's smallest shift depth
 * @param maxDepth the fidelity's largest shift depth: the depth of the default and of every final
 *     evaluation
 * @param trials trials of each study
 * @param seeds seeds of each final evaluation
 * @param frontPoints at most this many points of the MFMO front are evaluated again
 * @param dataset the data set (fashion-mnist, or synthetic for tests)
 */
record PaperSetup(
        String name,
        int trainImages,
        String validation,
        int testImages,
        int maxEpochs,
        String batchSizes,
        int minDepth,
        int maxDepth,
        int trials,
        int seeds,
        int frontPoints,
        String dataset) {

    /** Carbon intensity used for emissions, as in the example studies. */
    static final double INTENSITY_G_PER_KWH = 475.0;

    /**
     * 500 training images (400 to train, 100 to validate, as the quick example), 500 test images,
     * 1-3 epochs, 12 trials per study (two Hyperband iterations: six trials reach the top depth), 3
     * seeds, at most 2 front points evaluated: 36 trainings.
     */
    static PaperSetup quick() {
        return new PaperSetup(
                "quick", 500, "100", 500, 3, "[32, 64]", 6, 18, 12, 3, 2, "fashion-mnist");
    }

    /** All of Fashion-MNIST (10% validation), up to 10 epochs, 72 trials per study, 5 seeds. */
    static PaperSetup full() {
        return new PaperSetup(
                "full", 0, "10%", 0, 10, "[32, 64, 128]", 2, 18, 72, 5, 5, "fashion-mnist");
    }

    /**
     * A few seconds of work on a tiny synthetic set (tests): 4 trials per study over depth 1..3, 2
     * seeds.
     */
    static PaperSetup tiny() {
        return new PaperSetup("tiny", 0, "", 0, 2, "[16, 32]", 1, 3, 4, 2, 2, "synthetic");
    }

    /** This setup with another trial budget and seed count. */
    PaperSetup with(int trials, int seeds) {
        if (trials < 1 || seeds < 1) {
            throw new IllegalArgumentException(
                    "trials and seeds must be at least 1, got " + trials + " and " + seeds);
        }
        return new PaperSetup(
                name,
                trainImages,
                validation,
                testImages,
                maxEpochs,
                batchSizes,
                minDepth,
                maxDepth,
                trials,
                seeds,
                frontPoints,
                dataset);
    }

    /** The MF study: Hyperband over shift_depth on val_error alone. */
    StudyDefined mf() {
        return study(
                "paper-mf",
                "  - {name: val_error, direction: minimize, source: metric:val_error}\n",
                "");
    }

    /** The MFMO study: Hyperband over shift_depth on val_error and emissions, ranked by ParEGO. */
    StudyDefined mfmo() {
        return study(
                "paper-mfmo",
                "  - {name: val_error, direction: minimize, source: metric:val_error}\n"
                        + "  - {name: emissions_g, direction: minimize, source: energy:emissions_g, unit: g}\n",
                "  ranking: parego\n");
    }

    /** The paper's default DSNN (the reference's CIFAR defaults) trained for {@link #maxEpochs}. */
    Map<String, Object> defaultConfig() {
        Map<String, Object> config = new LinkedHashMap<>(TrialConfig.defaults().toMap());
        config.put("epochs", maxEpochs);
        return config;
    }

    private StudyDefined study(String id, String objectives, String ranking) {
        String yaml =
                String.format(
                        Locale.ROOT,
                        """
                studyId: %s
                space:
                  name: %s
                  hyperparameters:
                    - {type: ordinal, name: batch_size, sequence: %s}
                    - {type: categorical, name: optimizer, choices: [sgd, adam, radam]}
                    - {type: uniform_float, name: learning_rate, lower: 0.001, upper: 0.1, log: true}
                    - {type: uniform_int, name: epochs, lower: 1, upper: %d}
                    - {type: uniform_int, name: weight_bits, lower: 2, upper: 8}
                    - {type: categorical, name: shift_type, choices: [Q, PS]}
                    - {type: categorical, name: rounding, choices: [deterministic, stochastic]}
                objectives:
                %sfidelity: {knob: shift_depth, min: %d, max: %d, eta: 3}
                scheduler:
                  kind: hyperband
                %sbudget: {maxTrials: %d}
                carbon: {intensityGPerKwh: %s}
                seed: 7
                workload:
                  backend: dsnn
                  dataset: %s
                  options:
                %s""",
                        id,
                        id,
                        batchSizes,
                        maxEpochs,
                        objectives,
                        minDepth,
                        maxDepth,
                        ranking,
                        trials,
                        INTENSITY_G_PER_KWH,
                        dataset,
                        options());
        return StudyReader.read(yaml, id + ".yaml", Path.of("."));
    }

    private String options() {
        StringBuilder out = new StringBuilder();
        if (dataset.equals("synthetic")) {
            out.append("    syntheticTrainImages: \"200\"\n    syntheticTestImages: \"40\"\n")
                    .append("    syntheticImageSize: \"8\"\n");
            return out.toString();
        }
        out.append("    validation: \"").append(validation).append("\"\n");
        if (trainImages > 0) {
            out.append("    trainImages: \"").append(trainImages).append("\"\n");
        }
        if (testImages > 0) {
            out.append("    testImages: \"").append(testImages).append("\"\n");
        }
        return out.toString();
    }
}
