package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.cli.study.StudyFiles;
import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.Scheduler;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.study.StudyReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
        assertThat(s.workload().dataset()).isEqualTo("synthetic");
        assertThat(s.budget().maxTrials()).isLessThanOrEqualTo(30);
        assertThat(s.budget().wallClockLimitSeconds()).isLessThanOrEqualTo(600L);
        assertThat(s.objectiveNames()).containsExactly("val_error", "emissions_g");
        StudyFiles.checkLocalData(s);
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
        assertThatThrownBy(() -> StudyFiles.checkLocalData(s)).isInstanceOf(CliException.class)
                .hasMessageContaining("cifar-10-batches-bin").hasMessageContaining("does not exist")
                .extracting(e -> ((CliException) e).kind()).isEqualTo(CliException.Kind.NOT_FOUND);
    }
}
