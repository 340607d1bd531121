package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.cli.study.StudyFiles;
import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.Scheduler;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.Workload;
import io.greenband.events.study.StudyReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleStudiesTest {

    static Path example(String name) {
        return Path.of(System.getProperty("greenband.home"), "examples", name);
    }

    @Test
    void paperStudyLoads() {
        StudyDefined s = StudyReader.read(example("dsnn-cifar10.yaml"));
        assertThat(s.studyId()).isEqualTo("dsnn-cifar10");
        assertThat(s.configSpace().hyperparameters()).hasSizeGreaterThan(8);
        assertThat(s.fidelity().knob()).isEqualTo(Fidelity.Knob.SHIFT_DEPTH);
        assertThat(s.fidelity().eta()).isEqualTo(3);
        assertThat(s.scheduler().kind()).isEqualTo(Scheduler.Kind.HYPERBAND);
        assertThat(s.scheduler().ranking()).isEqualTo(Scheduler.Ranking.PAREGO);
        assertThat(s.objectiveNames()).containsExactly("val_error", "emissions_g");
        assertThat(s.workload().dataset()).isEqualTo("cifar10");
    }

    @Test
    void quickStudyLoadsAndIsSmall() {
        StudyDefined s = StudyReader.read(example("dsnn-quick.yaml"));
        assertThat(s.workload().dataset()).isEqualTo("fashion-mnist");
        assertThat(s.workload().options())
                .containsEntry("trainImages", "500")
                .containsEntry("ifMissing", "synthetic");
        assertThat(s.budget().maxTrials()).isLessThanOrEqualTo(30);
        assertThat(s.budget().wallClockLimitSeconds()).isLessThanOrEqualTo(600L);
        assertThat(s.objectiveNames()).containsExactly("val_error", "emissions_g");
        assertThat(StudyFiles.withLocalData(s, null).workload().dataset())
                .isIn("fashion-mnist", "synthetic");
    }

    @Test
    void aMissingFashionMnistFallsBackToTheSyntheticSetWithANoticeOnlyWhenTheStudyAllowsIt(
            @TempDir Path empty) {
        StudyDefined quick = StudyReader.read(example("dsnn-quick.yaml"));
        Workload w = quick.workload();
        StudyDefined elsewhere =
                with(
                        quick,
                        new Workload(
                                w.backend(), w.dataset(), empty.toString(), null, w.options()));
        StringWriter notices = new StringWriter();
        StudyDefined fallback = StudyFiles.withLocalData(elsewhere, new PrintWriter(notices));
        assertThat(fallback.workload().dataset()).isEqualTo("synthetic");
        assertThat(fallback.workload().options()).containsEntry("syntheticImageSize", "16");
        assertThat(notices.toString())
                .startsWith("notice: fashion-mnist is not in " + empty.toAbsolutePath())
                .contains("training on the synthetic set instead")
                .hasLineCount(1);

        Map<String, String> strict = new HashMap<>(w.options());
        strict.remove("ifMissing");
        StudyDefined noFallback =
                with(quick, new Workload(w.backend(), w.dataset(), empty.toString(), null, strict));
        assertThatThrownBy(() -> StudyFiles.withLocalData(noFallback, null))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("missing train-images-idx3-ubyte");
        StudyDefined idx = with(quick, new Workload(w.backend(), "idx", null, null, strict));
        assertThatThrownBy(() -> StudyFiles.checkLocalData(idx))
                .hasMessageContaining("workload.datasetPath is not set");
    }

    static StudyDefined with(StudyDefined s, Workload workload) {
        return new StudyDefined(
                s.studyId(),
                s.name(),
                s.description(),
                s.labels(),
                s.space(),
                s.objectives(),
                s.fidelity(),
                s.scheduler(),
                s.budget(),
                s.carbon(),
                s.seed(),
                workload,
                s.definedAt());
    }

    @Test
    void latencyStudyWaitsForItsProducer() {
        StudyDefined s = StudyReader.read(example("dsnn-quick-latency.yaml"));
        assertThat(s.objectiveNames()).containsExactly("val_error", "emissions_g", "latency_ms");
        assertThat(s.objectives().get(2).sourceKind()).isEqualTo("producer");
        assertThat(s.objectives().get(2).sourceName()).isEqualTo("latency");
        assertThat(s.objectives().get(2).waitTimeoutSeconds()).isEqualTo(60L);
        assertThat(s.space()).isEqualTo(StudyReader.read(example("dsnn-quick.yaml")).space());
    }

    @Test
    void paperStudyWithoutItsDataSetSaysWhereToPutIt() {
        StudyDefined s = StudyReader.read(example("dsnn-cifar10.yaml"));
        assertThatThrownBy(() -> StudyFiles.checkLocalData(s))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("cifar-10-batches-bin")
                .hasMessageContaining("does not exist")
                .extracting(e -> ((CliException) e).kind())
                .isEqualTo(CliException.Kind.NOT_FOUND);
    }
}
