package io.greenband.benchmarks.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenband.datasets.MnistLayout;
import io.greenband.energy.estimate.ProcessEnergyModel;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paper}: the paper's experiment on Fashion-MNIST. (a) The default DSNN trained as a
 * baseline; (b) the MF study (Hyperband over shift depth, val_error only) and (c) the MFMO study
 * (val_error and emissions) with the same trial budget; then (b)'s best configuration and (c)'s
 * front trained again with several seeds and scored on the test set. Prints the paper's
 * comparisons: best accuracy against the default, the front's accuracy and energy against the
 * default's, and the trials and energy each study spent.
 */
@Command(
        name = "paper",
        mixinStandardHelpOptions = true,
        description =
                "Default DSNN vs MF and MFMO studies on Fashion-MNIST, final test evaluation with seeds.")
public final class PaperBenchmark implements Callable<Integer> {

    @Option(
            names = "--quick",
            description = "1,000 training and 1,000 test images, 12 trials per study, 3 seeds.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    File json;

    @Option(names = "--trials", description = "Trials of each study (default: the setup's).")
    Integer trials;

    @Option(
            names = "--seeds",
            description = "Seeds of each final evaluation (default: the setup's).")
    Integer seeds;

    @Option(names = "--synthetic", hidden = true, description = "A tiny synthetic setup (tests).")
    boolean synthetic;

    @Override
    public Integer call() throws Exception {
        djlOffline();
        PaperSetup setup = setup();
        if (setup.dataset().equals("fashion-mnist")
                && !Files.isDirectory(MnistLayout.FASHION_MNIST_DEBIAN)) {
            System.err.println(
                    "paper: Fashion-MNIST not found in "
                            + MnistLayout.FASHION_MNIST_DEBIAN
                            + "; install Debian's dataset-fashion-mnist package");
            return 2;
        }
        long start = System.nanoTime();
        ProcessEnergyModel energy = ProcessEnergyModel.ofThisMachine();
        FixedTraining training = new FixedTraining(energy);
        System.out.printf(
                Locale.ROOT,
                "paper benchmark (%s): %s, %s training images (validation %s), %s test images, "
                        + "%d trials per study, %d seeds; energy %.2f J per CPU-second (TDP %.0f W, %s)%n",
                setup.name(),
                setup.dataset(),
                all(setup.trainImages()),
                setup.validation(),
                all(setup.testImages()),
                setup.trials(),
                setup.seeds(),
                energy.joulesPerCpuSecond(),
                energy.tdp().watts(),
                energy.tdp().basis());
        var mfStudy = setup.mf();
        var mfmoStudy = setup.mfmo();
        double depth = setup.maxDepth();
        System.out.println("(a) the default configuration " + setup.defaultConfig());
        Evaluation.Row baseline =
                Evaluation.evaluate(
                        mfStudy,
                        training,
                        "default",
                        null,
                        setup.defaultConfig(),
                        depth,
                        setup.seeds(),
                        PaperBenchmark::progress);
        System.out.println("(b) MF study: Hyperband over shift_depth, val_error");
        SearchLoop.Outcome mf = SearchLoop.run(mfStudy, training, PaperBenchmark::progress);
        System.out.println(
                "(c) MFMO study: Hyperband over shift_depth, val_error and emissions_g (ParEGO)");
        SearchLoop.Outcome mfmo = SearchLoop.run(mfmoStudy, training, PaperBenchmark::progress);
        System.out.println("final evaluation on the test set");
        List<Evaluation.Row> finals = new ArrayList<>();
        FixedTraining.Run best = Evaluation.best(mf);
        if (best != null) {
            finals.add(
                    Evaluation.evaluate(
                            mfStudy,
                            training,
                            "mf-best",
                            best.trialId(),
                            best.config(),
                            depth,
                            setup.seeds(),
                            PaperBenchmark::progress));
        }
        List<FixedTraining.Run> front = Evaluation.front(mfmo, setup.frontPoints());
        for (int i = 0; i < front.size(); i++) {
            FixedTraining.Run point = front.get(i);
            finals.add(
                    Evaluation.evaluate(
                            mfmoStudy,
                            training,
                            "mfmo-front-" + (i + 1),
                            point.trialId(),
                            point.config(),
                            depth,
                            setup.seeds(),
                            PaperBenchmark::progress));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PaperReport report = new PaperReport(setup, baseline, mf, mfmo, finals, seconds);
        report.print(System.out);
        if (json != null) {
            Map<String, Object> out = report.json();
            out.put(
                    "energy_model",
                    Map.of(
                            "joules_per_cpu_second",
                            energy.joulesPerCpuSecond(),
                            "tdp_watts",
                            energy.tdp().watts(),
                            "tdp_basis",
                            energy.tdp().basis(),
                            "ram_watts",
                            energy.ramWatts()));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json, out);
        }
        return 0;
    }

    private PaperSetup setup() {
        PaperSetup base =
                synthetic ? PaperSetup.tiny() : quick ? PaperSetup.quick() : PaperSetup.full();
        return base.with(
                trials == null ? base.trials() : trials, seeds == null ? base.seeds() : seeds);
    }

    private static String all(int images) {
        return images == 0 ? "all" : String.valueOf(images);
    }

    private static void progress(FixedTraining.Run run) {
        if (run.succeeded()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-22s depth %4.0f  val_error %.3f%s  %7.1f J  %6.1f s%n",
                    run.trialId(),
                    run.fidelity(),
                    run.metric("val_error"),
                    Double.isNaN(run.metric("test_accuracy"))
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "  test_accuracy %.3f",
                                    run.metric("test_accuracy")),
                    run.joules(),
                    run.wallSeconds());
        } else {
            System.out.printf("  %-22s FAILED: %s%n", run.trialId(), run.error());
        }
        System.out.flush();
    }

    /** DJL's offline settings (the bundled CPU libtorch), unless the caller gave them. */
    private static void djlOffline() {
        Map<String, String> defaults =
                Map.of(
                        "ai.djl.offline",
                        "true",
                        "ai.djl.default_engine",
                        "PyTorch",
                        "PYTORCH_VERSION",
                        "2.7.1",
                        "PYTORCH_FLAVOR",
                        "cpu");
        defaults.forEach(
                (key, value) -> {
                    if (System.getProperty(key) == null && System.getenv(key) == null) {
                        System.setProperty(key, value);
                    }
                });
    }
}
