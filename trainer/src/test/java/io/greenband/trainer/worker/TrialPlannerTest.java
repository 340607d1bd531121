package io.greenband.trainer.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.greenband.datasets.MnistLayout;
import io.greenband.events.SampleEvents;
import io.greenband.events.payload.Fidelity.Knob;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.payload.Workload;
import io.greenband.trainer.data.Augmentation;
import io.greenband.trainer.data.Holdout;
import io.greenband.trainer.runner.CommandConfig;
import io.greenband.trainer.runner.CommandTrialRunner;
import io.greenband.trainer.runner.DataSource;
import io.greenband.trainer.runner.DjlTrialRunner;
import io.greenband.trainer.runner.Program;
import io.greenband.trainer.runner.ProgramRegistry;
import io.greenband.trainer.runner.TrainerException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialPlannerTest {

    private static final String GPU = "GPU-11111111-2222-3333-4444-555555555555";

    private static WorkerSettings settings(Path cifar) {
        return new WorkerSettings(
                "w",
                "h",
                1,
                List.of(),
                Duration.ofSeconds(1),
                40,
                10,
                16,
                cifar,
                false,
                Path.of("models"),
                Path.of("work"),
                Duration.ofMinutes(1),
                false);
    }

    private static TrialPlanner planner(Path cifar, int engineGpus) {
        return new TrialPlanner(
                settings(cifar),
                new DeviceInventory(List.of(), () -> engineGpus, () -> List.of(GPU)),
                PROGRAMS);
    }

    static final ProgramRegistry PROGRAMS =
            ProgramRegistry.of(
                    List.of(
                            new Program(
                                    "train-py",
                                    List.of("python3", "train.py"),
                                    null,
                                    List.of("PATH"),
                                    Duration.ofMinutes(5)),
                            new Program(
                                    "eval",
                                    List.of("/bin/true"),
                                    null,
                                    null,
                                    Duration.ofMinutes(1))));

    @Test
    void aProgramIsTheRegisteredOneAndAnUnknownNameOrAStudysOwnCommandIsInvalid() {
        TrialPlan plan =
                planner(null, 0)
                        .plan(
                                trial(Map.of(), 3),
                                study(Workload.program("train-py", null), Knob.EPOCHS));
        CommandTrialRunner runner = (CommandTrialRunner) plan.runner();
        assertThat(runner.program().argv()).containsExactly("python3", "train.py");
        assertThat(runner.program().timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(runner.program().environment()).containsExactly("PATH");

        assertThatThrownBy(
                        () ->
                                planner(null, 0)
                                        .plan(
                                                trial(Map.of(), 3),
                                                study(Workload.program("sh", null), Knob.EPOCHS)))
                .isInstanceOfSatisfying(
                        TrainerException.class,
                        e -> assertThat(e.kind()).isEqualTo(TrainerException.Kind.INVALID_CONFIG))
                .hasMessageContaining("'sh' is not registered")
                .hasMessageContaining("[eval, train-py]");
        Workload own = new Workload("command", null, null, List.of("sh", "-c", "id"), null, null);
        assertThatThrownBy(() -> planner(null, 0).plan(trial(Map.of(), 3), study(own, Knob.EPOCHS)))
                .isInstanceOfSatisfying(
                        TrainerException.class,
                        e -> assertThat(e.kind()).isEqualTo(TrainerException.Kind.INVALID_CONFIG))
                .hasMessageContaining("workload.command is not accepted")
                .hasMessageContaining("[eval, train-py]");
        Workload both = new Workload("command", null, null, List.of("sh"), "train-py", null);
        assertThatThrownBy(
                        () -> planner(null, 0).plan(trial(Map.of(), 3), study(both, Knob.EPOCHS)))
                .hasMessageContaining("workload.command is not accepted");
        assertThatThrownBy(
                        () ->
                                new TrialPlanner(
                                                settings(null),
                                                new DeviceInventory(
                                                        List.of(), () -> 0, () -> List.of()))
                                        .plan(
                                                trial(Map.of(), 3),
                                                study(
                                                        Workload.program("train-py", null),
                                                        Knob.EPOCHS)))
                .hasMessageContaining("known programs: []");
    }

    private static TrialSuggested trial(Map<String, Object> config, double fidelity) {
        return new TrialSuggested(
                "s", "t-1", 2, null, config, fidelity, 0, 0, 5L, 60, null, null, Instant.EPOCH);
    }

    private static StudyEntry study(Workload workload, Knob knob) {
        return new StudyEntry("s", workload, knob, null);
    }

    @Test
    void theDsnnBackendOnSyntheticDataByDefaultWithTheFidelityUnderTheStudysKnob() {
        TrialPlan plan =
                planner(null, 0)
                        .plan(
                                trial(Map.of("epochs", 4, "weight_bits", 3), 7),
                                study(Workload.defaults(), Knob.SHIFT_DEPTH));
        assertThat(plan.runner()).isInstanceOf(DjlTrialRunner.class);
        assertThat(plan.request().fidelity().shiftDepth()).isEqualTo(7);
        assertThat(plan.epochs()).isEqualTo(4);
        assertThat(plan.request().data()).isInstanceOf(DataSource.Synthetic.class);
        assertThat(plan.request().modelDir()).isEqualTo(Path.of("models", "t-1-a2"));
        assertThat(plan.devices()).containsExactly("cpu");

        TrialPlan epochs =
                planner(null, 1)
                        .plan(
                                trial(Map.of("epochs", 40), 3),
                                study(Workload.defaults(), Knob.EPOCHS));
        assertThat(epochs.epochs()).isEqualTo(3);
        assertThat(epochs.devices()).containsExactly(GPU);
    }

    @Test
    void fashionMnistFromTheDebianFolderOrTheStudysWithItsHoldoutSubsetsAndTestEvaluation() {
        Workload fashion =
                new Workload(
                        "dsnn",
                        "fashion-mnist",
                        null,
                        null,
                        Map.of(
                                "validation",
                                "10%",
                                "trainImages",
                                "700",
                                "testImages",
                                "300",
                                "evaluateTest",
                                "true"));
        TrialPlan plan =
                planner(null, 0).plan(trial(Map.of(), 5), study(fashion, Knob.SHIFT_DEPTH));
        DataSource.Idx data = (DataSource.Idx) plan.request().data();
        assertThat(data.folder()).isEqualTo(MnistLayout.FASHION_MNIST_DEBIAN);
        assertThat(data.validation()).isEqualTo(Holdout.fraction(0.1));
        assertThat(data.trainLimit()).isEqualTo(700);
        assertThat(data.testLimit()).isEqualTo(300);
        assertThat(data.augmentation()).isEqualTo(Augmentation.NONE);
        assertThat(plan.request().evaluateTest()).isTrue();

        Workload idx =
                new Workload(
                        "dsnn",
                        "idx",
                        "/data/mnist",
                        null,
                        Map.of("validation", "5000", "augmentation", "crop"));
        TrialPlan own = planner(null, 0).plan(trial(Map.of(), 5), study(idx, Knob.SHIFT_DEPTH));
        DataSource.Idx digits = (DataSource.Idx) own.request().data();
        assertThat(digits.folder()).isEqualTo(Path.of("/data/mnist"));
        assertThat(digits.validation()).isEqualTo(Holdout.count(5000));
        assertThat(digits.augmentation()).isEqualTo(DataSource.Idx.CROP);
        assertThat(own.request().evaluateTest()).isFalse();

        assertThatThrownBy(
                        () ->
                                planner(null, 0)
                                        .plan(
                                                trial(Map.of(), 5),
                                                study(
                                                        new Workload(
                                                                "dsnn", "idx", null, null, null),
                                                        Knob.SHIFT_DEPTH)))
                .hasMessageContaining("workload.datasetPath");
        assertThatThrownBy(
                        () ->
                                planner(null, 0)
                                        .plan(
                                                trial(Map.of(), 5),
                                                study(
                                                        new Workload(
                                                                "dsnn",
                                                                "fashion-mnist",
                                                                null,
                                                                null,
                                                                Map.of("validation", "1.5")),
                                                        Knob.SHIFT_DEPTH)))
                .hasMessageContaining("workload.options.validation must be a fraction");
        assertThatThrownBy(
                        () ->
                                planner(null, 0)
                                        .plan(
                                                trial(Map.of(), 5),
                                                study(
                                                        new Workload(
                                                                "dsnn",
                                                                "fashion-mnist",
                                                                null,
                                                                null,
                                                                Map.of("evaluateTest", "yes")),
                                                        Knob.SHIFT_DEPTH)))
                .hasMessageContaining("workload.options.evaluateTest must be true or false");
        assertThatThrownBy(
                        () ->
                                planner(null, 0)
                                        .plan(
                                                trial(Map.of(), 5),
                                                study(
                                                        new Workload(
                                                                "dsnn", "fashion", null, null,
                                                                null),
                                                        Knob.SHIFT_DEPTH)))
                .hasMessageContaining("[synthetic, cifar10, fashion-mnist, idx]");
    }

    @Test
    void theCommandBackendAndCifarWhenTheWorkloadSaysSo() {
        Workload command =
                new Workload("command", "cifar10", "/data/study", null, "train-py", null);
        TrialPlan plan =
                planner(Path.of("/mnt/cifar"), 0)
                        .plan(trial(Map.of(), 5), study(command, Knob.SHIFT_DEPTH));
        assertThat(plan.runner()).isInstanceOf(CommandTrialRunner.class);
        assertThat(plan.devices()).containsExactly(GPU);
        assertThat(((DataSource.Cifar10) plan.request().data()).root())
                .isEqualTo(Path.of("/mnt/cifar"));

        TrialPlan studyPath =
                planner(null, 0).plan(trial(Map.of(), 5), study(command, Knob.SHIFT_DEPTH));
        assertThat(((DataSource.Cifar10) studyPath.request().data()).root())
                .isEqualTo(Path.of("/data/study"));
    }

    @Test
    void aCommandTrialKeepsItsConfigurationAsSuggestedWithTheFidelityUnderTheStudysKnob() {
        Workload command = Workload.program("train-py", null);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("x", 0.3);
        config.put("kernel", "rbf");
        config.put("C", 12);
        config.put("shrinking", true);
        TrialPlan epochs = planner(null, 0).plan(trial(config, 3), study(command, Knob.EPOCHS));
        assertThat(epochs.runner()).isInstanceOf(CommandTrialRunner.class);
        assertThat(epochs.request().config()).isEqualTo(new CommandConfig(config));
        assertThat(epochs.request().config().toMap()).containsExactlyEntriesOf(config);
        assertThat(epochs.request().fidelity().toMap())
                .containsExactly(entry("knob", "epochs"), entry("value", 3), entry("epochs", 3));
        assertThat(epochs.epochs()).isEqualTo(3);
        assertThat(epochs.request().data()).isInstanceOf(DataSource.Synthetic.class);

        TrialPlan fraction =
                planner(null, 0)
                        .plan(
                                trial(Map.of("x", 0.3, "kernel", "rbf"), 0.25),
                                study(command, Knob.DATA_FRACTION));
        assertThat(fraction.request().fidelity().toMap())
                .containsExactly(
                        entry("knob", "data_fraction"),
                        entry("value", 0.25),
                        entry("data_fraction", 0.25));
        assertThat(fraction.epochs()).as("unknown until the program reports it").isZero();
        assertThatThrownBy(() -> fraction.request().dsnnConfig())
                .hasMessageContaining("command configuration");
    }

    @Test
    void theStudysWorkloadOptionsSizeTheSyntheticSet() {
        Workload sized =
                new Workload(
                        null,
                        null,
                        null,
                        null,
                        Map.of(
                                "syntheticTrainImages",
                                "300",
                                "syntheticTestImages",
                                "60",
                                "syntheticImageSize",
                                "24"));
        TrialPlan plan = planner(null, 0).plan(trial(Map.of(), 5), study(sized, Knob.SHIFT_DEPTH));
        assertThat(plan.request().data())
                .isEqualTo(new DataSource.Synthetic(300, 60, 24, TrialPlanner.SYNTHETIC_DATA_SEED));
        TrialPlan defaults =
                planner(null, 0)
                        .plan(trial(Map.of(), 5), study(Workload.defaults(), Knob.SHIFT_DEPTH));
        assertThat(defaults.request().data())
                .isEqualTo(new DataSource.Synthetic(40, 10, 16, TrialPlanner.SYNTHETIC_DATA_SEED));

        Workload odd = new Workload(null, null, null, null, Map.of("syntheticImageSize", "30"));
        assertThatThrownBy(
                        () ->
                                planner(null, 0)
                                        .plan(trial(Map.of(), 5), study(odd, Knob.SHIFT_DEPTH)))
                .hasMessageContaining(
                        "workload.options.syntheticImageSize must be a multiple of 4, got 30");
        Workload words =
                new Workload(null, null, null, null, Map.of("syntheticTrainImages", "many"));
        assertThatThrownBy(
                        () ->
                                planner(null, 0)
                                        .plan(trial(Map.of(), 5), study(words, Knob.SHIFT_DEPTH)))
                .hasMessageContaining(
                        "workload.options.syntheticTrainImages must be an integer, got 'many'");
    }

    @Test
    void malformedTrialsAndStudiesFailNamingWhatIsWrong() {
        TrialPlanner planner = planner(null, 0);
        assertThatThrownBy(
                        () ->
                                planner.plan(
                                        trial(Map.of("optimizer", "lion"), 2),
                                        study(Workload.defaults(), Knob.SHIFT_DEPTH)))
                .isInstanceOf(TrainerException.class)
                .hasMessageContaining("config:")
                .hasMessageContaining("lion");
        assertThatThrownBy(
                        () ->
                                planner.plan(
                                        trial(Map.of("dropout", 0.1), 2),
                                        study(Workload.defaults(), Knob.SHIFT_DEPTH)))
                .hasMessageContaining("unknown configuration key 'dropout'");
        assertThatThrownBy(
                        () ->
                                planner.plan(
                                        trial(Map.of(), 2.5),
                                        study(Workload.defaults(), Knob.SHIFT_DEPTH)))
                .hasMessageContaining("fidelity: shift_depth must be an integer");
        assertThatThrownBy(() -> planner.plan(trial(Map.of(), 2), null))
                .hasMessageContaining("study 's' is not defined");
        assertThatThrownBy(
                        () ->
                                planner.plan(
                                        trial(Map.of(), 2),
                                        new StudyEntry(
                                                "s",
                                                Workload.defaults(),
                                                Knob.SHIFT_DEPTH,
                                                "BUDGET_EXHAUSTED")))
                .hasMessageContaining("was stopped")
                .hasMessageContaining("BUDGET_EXHAUSTED");
        Workload cifar = new Workload(null, "cifar10", null, null, null);
        assertThatThrownBy(() -> planner.plan(trial(Map.of(), 2), study(cifar, Knob.SHIFT_DEPTH)))
                .isInstanceOfSatisfying(
                        TrainerException.class,
                        e -> assertThat(e.kind()).isEqualTo(TrainerException.Kind.DATA))
                .hasMessageContaining("cifar10-dir");
        Workload imagenet = new Workload(null, "imagenet", null, null, null);
        assertThatThrownBy(
                        () -> planner.plan(trial(Map.of(), 2), study(imagenet, Knob.SHIFT_DEPTH)))
                .hasMessageContaining(
                        "workload.dataset must be one of [synthetic, cifar10, fashion-mnist, idx], got 'imagenet'");
    }

    @Test
    void theStudyBookKeepsTheLatestEventPerStudy() {
        StudyBook book = new StudyBook();
        book.define(SampleEvents.studyDefined());
        assertThat(book.find(SampleEvents.STUDY_ID))
                .hasValueSatisfying(
                        e -> {
                            assertThat(e.knob()).isEqualTo(Knob.SHIFT_DEPTH);
                            assertThat(e.stopped()).isFalse();
                        });
        book.stop(SampleEvents.studyStopped());
        assertThat(book.find(SampleEvents.STUDY_ID).orElseThrow().stopReason())
                .contains("BUDGET_EXHAUSTED");
        assertThat(book.find(SampleEvents.STUDY_ID).orElseThrow().defined()).isTrue();
        book.define(SampleEvents.studyDefined());
        assertThat(book.find(SampleEvents.STUDY_ID).orElseThrow().stopped()).isFalse();
        assertThat(book.find("other")).isEmpty();
    }
}
