package io.greenband.events.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.PayloadCodec;
import io.greenband.events.payload.Direction;
import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.Scheduler;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.space.DsnnSpace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReaderTest {

    @TempDir Path dir;

    @Test
    void minimalDsnnStudyGetsThePapersDefaults() {
        StudyDefined s = StudyReader.read(resource("dsnn-minimal.yaml"), "dsnn-minimal.yaml", null);

        assertThat(s.studyId()).isEqualTo("dsnn-paper");
        assertThat(s.name()).isEqualTo("dsnn-paper");
        assertThat(s.configSpace()).isEqualTo(DsnnSpace.table1());
        assertThat(s.objectives()).isEqualTo(StudyDefaults.OBJECTIVES);
        assertThat(s.fidelity()).isEqualTo(new Fidelity(Fidelity.Knob.SHIFT_DEPTH, 2, 20, 3));
        assertThat(s.scheduler()).isEqualTo(Scheduler.defaults());
        assertThat(s.budget().maxTrials()).isEqualTo(100);
        assertThat(s.carbon().pue()).isEqualTo(1.0);
        assertThat(s.seed()).isEqualTo(42L);
    }

    @Test
    void minimalFileEqualsTheProgrammaticPaperStudy() {
        StudyDefined fromFile =
                StudyReader.read(resource("dsnn-minimal.yaml"), "dsnn-minimal.yaml", null);
        StudyDefined built = StudyDefaults.dsnn("dsnn-paper", 42L);

        assertThat(fromFile.fingerprint()).isEqualTo(built.fingerprint());
        assertThat(built.configSpace()).isEqualTo(DsnnSpace.table1());
    }

    @Test
    void fullStudyReadsEverySection() {
        StudyDefined s = StudyReader.read(resource("full.yaml"), "full.yaml", null);

        assertThat(s.configSpace().names()).containsExactly("booster", "eta", "depth");
        assertThat(s.configSpace().hyperparameter("depth").defaultValue()).isEqualTo(7L);
        assertThat(
                        StudyReader.read(
                                        resource("full.yaml")
                                                .replace(
                                                        "producer:latency-bench",
                                                        "producer:bench/latency"),
                                        "full.yaml",
                                        null)
                                .objectives()
                                .get(2)
                                .sourceName())
                .isEqualTo("bench/latency");
        assertThat(s.objectives().get(2))
                .isEqualTo(
                        new Objective(
                                "latency",
                                Direction.MINIMIZE,
                                "producer:latency-bench",
                                null,
                                600L,
                                Objective.OnTimeout.USE_WORST));
        assertThat(s.fidelity()).isEqualTo(new Fidelity(Fidelity.Knob.EPOCHS, 1, 27, 3));
        assertThat(s.scheduler().kind()).isEqualTo(Scheduler.Kind.ASHA);
        assertThat(s.scheduler().ranking()).isEqualTo(Scheduler.Ranking.NSGA2);
        assertThat(s.scheduler().surrogate()).isFalse();
        assertThat(s.budget().wallClockLimitSeconds()).isEqualTo(7200L);
        assertThat(s.budget().energyBudgetJoules()).isEqualTo(3.6e6);
        assertThat(s.carbon().region()).isEqualTo("DE");
        assertThat(s.workload().program()).isEqualTo("train-py");
        assertThat(s.workload().command()).isEmpty();
        assertThat(s.labels()).containsEntry("team", "green");
    }

    @Test
    void writtenStudyReadsBackEqualAsYamlAndJson() {
        StudyDefined s = StudyReader.read(resource("full.yaml"), "full.yaml", null);

        assertThat(StudyReader.read(StudyWriter.toYaml(s), "again.yaml", null)).isEqualTo(s);
        assertThat(StudyReader.read(StudyWriter.toJson(s), "again.json", null)).isEqualTo(s);
        StudyDefined sample = SampleEvents.studyDefined();
        assertThat(StudyReader.read(StudyWriter.toYaml(sample), "sample.yaml", null))
                .isEqualTo(sample);
    }

    @Test
    void spaceMayBeAFileNextToTheStudy() throws IOException {
        Files.writeString(dir.resolve("space.json"), SampleEvents.SPACE_JSON);
        Path study = dir.resolve("study.yaml");
        Files.writeString(
                study,
                "studyId: s1\nspace: space.json\nfidelity: {knob: epochs, min: 1, max: 9}\n");

        StudyDefined s = StudyReader.read(study);

        assertThat(s.space()).isEqualTo(SampleEvents.space());
        assertThat(s.fidelity().eta()).isEqualTo(3);
    }

    @Test
    void errorsNameTheFieldAndTheLine() {
        String yaml = resource("full.yaml");
        assertError(
                yaml.replace("  eta: 3", "  eta: 1"),
                31,
                "fidelity.eta",
                "full.yaml line 31: fidelity.eta must be >= 2, got 1");
        assertError(
                yaml.replace("  max: 27", "  max: 0.5"),
                30,
                "fidelity.max",
                "fidelity.max must be > min (1.0), got 0.5");
        assertError(
                yaml.replace("source: energy:emissions_g", "source: energy:carbon"),
                20,
                "objectives[1].source",
                "objectives[1].source 'energy:carbon' names an unknown quantity");
        assertError(
                yaml.replace("source: metric:val_error", "source: val_error"),
                17,
                "objectives[0].source",
                "must match");
        assertError(
                yaml.replace("source: metric:val_error", "source: metric:val/error"),
                17,
                "objectives[0].source",
                "only producer sources may name an objective");
        assertError(
                yaml.replace("  kind: asha", "  kind: bohb"),
                33,
                "scheduler.kind",
                "must be one of");
        assertError(
                yaml.replace("scheduler:", "schedular:"), 32, "schedular", "is not a known field");
        assertError(
                yaml.replace("  parallelism: 4", "  paralelism: 4"),
                36,
                "scheduler.paralelism",
                "is not a known field");
        assertError(
                yaml.replace("lower: 0.001, upper: 0.5", "lower: 0.0, upper: 0.5"),
                9,
                "space.hyperparameters[0]",
                "lower must be > 0 when log is true");
        assertError(
                yaml.replace("wallClockLimitSeconds: 2h", "wallClockLimitSeconds: two hours"),
                39,
                "budget.wallClockLimitSeconds",
                "like 90s, 10m");
        assertError(
                yaml.replace("  region: DE\n", "  region: DE\n  intensityGPerKwh: 300\n"),
                43,
                "carbon.intensityGPerKwh",
                "give either region or intensityGPerKwh, not both");
        assertError(
                "studyId: x\nspace: dsnn-table1\nfidelity: {knob: shift_depth, min: 0, max: 20}\n",
                3,
                "fidelity.min",
                "must be > 0 for scheduler hyperband");
        assertError("studyId: x\nspace:\n  hyperparameters: []\n", 1, "fidelity", "is required");
        assertError("studyId: x\nspace: [oops\n", 2, "", "is not valid YAML");
        assertError(
                "studyId: x\nspace: other.json\nfidelity: {knob: epochs, min: 1, max: 3}\n",
                2,
                "space",
                "was not read from a file");
    }

    @Test
    void fingerprintIsStableAndIgnoresNamesAndBudget() {
        StudyDefined a = StudyReader.read(resource("full.yaml"), "full.yaml", null);
        StudyDefined renamed =
                StudyReader.read(
                        resource("full.yaml")
                                .replace("name: GBM, green", "name: other")
                                .replace("maxTrials: 200", "maxTrials: 500"),
                        "full.yaml",
                        null);
        StudyDefined reseeded =
                StudyReader.read(
                        resource("full.yaml").replace("seed: 7", "seed: 8"), "full.yaml", null);
        StudyDefined reordered = StudyReader.read(StudyWriter.toJson(a), "a.json", null);

        assertThat(a.fingerprint()).hasSize(64).matches("[0-9a-f]+");
        assertThat(renamed.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(reordered.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(reseeded.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void fingerprintsOfStudiesWrittenBeforeReferencesAreUnchanged() throws IOException {
        byte[] pinned;
        try (InputStream in = getClass().getResourceAsStream("/events/v1/study-defined.json")) {
            pinned = in.readAllBytes();
        }
        GreenbandEvent v1 = PayloadCodec.DEFAULT.decodePayload(EventType.STUDY_DEFINED, pinned);

        // Hashes taken before objectives could carry a reference: an absent reference must not move
        // them (full.yaml's
        // was taken again when its workload moved from a command to a registered program, which is
        // a new study).
        assertThat(StudyReader.read(resource("full.yaml"), "full.yaml", null).fingerprint())
                .isEqualTo("815964e80a25890ba86ef956c2119b22e33c17e93da5bfc352bca8b1ccea65fa");
        assertThat(
                        StudyReader.read(resource("dsnn-minimal.yaml"), "dsnn-minimal.yaml", null)
                                .fingerprint())
                .isEqualTo("07b44b48b8830e50dcfca2f5f55d1b4fcebe336c78a5f4b89a3d03ccb742a639");
        assertThat(((StudyDefined) v1).fingerprint())
                .isEqualTo("d24fddf50ea27113a6d5ad71490db0ab32bb6c6656533f453f74b33971224f4c");
    }

    @Test
    void fingerprintSeesTheSpaceNotItsSpelling() {
        String yaml = resource("full.yaml");
        StudyDefined a = StudyReader.read(yaml, "full.yaml", null);
        StudyDefined explicitDefault =
                StudyReader.read(
                        yaml.replace(
                                "upper: 12, log: false}",
                                "upper: 12, log: false, default_value: 7}"),
                        "full.yaml",
                        null);
        StudyDefined otherDefault =
                StudyReader.read(
                        yaml.replace(
                                "upper: 12, log: false}",
                                "upper: 12, log: false, default_value: 8}"),
                        "full.yaml",
                        null);

        assertThat(explicitDefault.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(otherDefault.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void referencesOfEveryObjectiveMakeTheReferencePoint() {
        StudyDefined s = StudyReader.read(withReferences("1.0", "50", ".5"), "full.yaml", null);

        assertThat(s.referencePoint())
                .hasValueSatisfying(r -> assertThat(r).containsExactly(1.0, 50.0, 0.5));
        assertThat(s.objectives().get(1).reference()).isEqualTo(50.0);
        assertThat(StudyReader.read(StudyWriter.toYaml(s), "again.yaml", null)).isEqualTo(s);
        assertThat(StudyReader.read(StudyWriter.toJson(s), "again.json", null)).isEqualTo(s);
        assertThat(StudyReader.read(resource("full.yaml"), "full.yaml", null).referencePoint())
                .isEmpty();
    }

    @Test
    void referencesCountInTheFingerprint() {
        StudyDefined plain = StudyReader.read(resource("full.yaml"), "full.yaml", null);
        StudyDefined referenced =
                StudyReader.read(withReferences("1.0", "50", "0.5"), "full.yaml", null);
        StudyDefined again =
                StudyReader.read(withReferences("1", "50.0", "0.50"), "full.yaml", null);
        StudyDefined moved =
                StudyReader.read(withReferences("1.0", "60", "0.5"), "full.yaml", null);

        assertThat(referenced.fingerprint()).isNotEqualTo(plain.fingerprint());
        assertThat(again.fingerprint()).isEqualTo(referenced.fingerprint());
        assertThat(moved.fingerprint()).isNotEqualTo(referenced.fingerprint());
    }

    @Test
    void someReferencesButNotAllAreRefusedNamingTheMissingOne() {
        String yaml =
                resource("full.yaml")
                        .replace(
                                "    source: metric:val_error\n",
                                "    source: metric:val_error\n    reference: 1.0\n")
                        .replace(
                                "    source: producer:latency-bench\n",
                                "    source: producer:latency-bench\n    reference: 0.5\n");

        assertError(
                yaml,
                19,
                "objectives[1].reference",
                "full.yaml line 19: objectives[1].reference is missing, but objective 'val_error' gives one");
        assertError(
                resource("full.yaml")
                        .replace(
                                "    source: energy:emissions_g\n",
                                "    source: energy:emissions_g\n    reference: 50\n"),
                15,
                "objectives[0].reference",
                "but objective 'emissions' gives one: the hypervolume reference point needs a value for every objective");
    }

    @Test
    void referencesMustBeFiniteNumbers() {
        assertError(
                withReferences("1.0", ".inf", "0.5"),
                22,
                "objectives[1].reference",
                "objectives[1].reference must be a finite number, got Infinity");
        assertError(
                withReferences(".nan", "50", "0.5"),
                18,
                "objectives[0].reference",
                "must be a finite number, got NaN");
        assertError(withReferences("1.0", "50", "high"), 27, "objectives[2].reference", "number");
    }

    @Test
    void theSurrogatesTrainingBudgetsAreReadAndCountOnlyWhenGiven() {
        String yaml = resource("full.yaml");
        StudyDefined plain = StudyReader.read(yaml, "full.yaml", null);
        StudyDefined smac =
                StudyReader.read(
                        yaml.replace(
                                "  surrogate: false\n",
                                "  surrogate: false\n  surrogateBudgets: highest\n"),
                        "full.yaml",
                        null);
        StudyDefined all =
                StudyReader.read(
                        yaml.replace(
                                "  surrogate: false\n",
                                "  surrogate: false\n  surrogateBudgets: all\n"),
                        "full.yaml",
                        null);

        assertThat(plain.scheduler().surrogateBudgets()).isNull();
        assertThat(plain.scheduler().surrogateLearnsAllBudgets()).isTrue();
        assertThat(smac.scheduler().surrogateBudgets())
                .isEqualTo(Scheduler.SurrogateBudgets.HIGHEST);
        assertThat(smac.scheduler().surrogateLearnsAllBudgets()).isFalse();
        assertThat(all.scheduler().surrogateLearnsAllBudgets()).isTrue();
        assertThat(smac.fingerprint()).isNotEqualTo(plain.fingerprint());
        assertThat(StudyReader.read(StudyWriter.toYaml(smac), "again.yaml", null)).isEqualTo(smac);
        assertError(
                yaml.replace(
                        "  surrogate: false\n", "  surrogate: false\n  surrogateBudgets: lowest\n"),
                36,
                "scheduler.surrogateBudgets",
                "surrogateBudgets must be one of [\"all\", \"highest\"], got \"lowest\"");
    }

    @Test
    void duplicateObjectiveNamesNameTheFieldOnce() {
        assertError(
                resource("full.yaml").replace("name: emissions", "name: val_error"),
                18,
                "objectives[1].name",
                "full.yaml line 18: objectives[1].name 'val_error' is used twice; names must be unique");
    }

    @Test
    void aStudyCarryingItsOwnCommandIsRefusedNamingProgram() {
        String withCommand =
                resource("full.yaml")
                        .replace("  program: train-py\n", "  command: [sh, -c, \"id > owned\"]\n");
        int line =
                (int) withCommand.lines().takeWhile(l -> !l.startsWith("  command:")).count() + 1;

        assertError(withCommand, line, "workload.command", "workload.program");
        assertError(
                resource("full.yaml").replace("  program: train-py\n", "  program: ../bin/sh\n"),
                line,
                "workload.program",
                "^[A-Za-z0-9]");
        assertError(
                resource("full.yaml").replace("  program: train-py\n", ""),
                line - 2,
                "workload.program",
                "required");
    }

    /** full.yaml with a reference under each of its three objectives. */
    private static String withReferences(String valError, String emissions, String latency) {
        return resource("full.yaml")
                .replace(
                        "    source: metric:val_error\n",
                        "    source: metric:val_error\n    reference: " + valError + "\n")
                .replace(
                        "    source: energy:emissions_g\n",
                        "    source: energy:emissions_g\n    reference: " + emissions + "\n")
                .replace(
                        "    source: producer:latency-bench\n",
                        "    source: producer:latency-bench\n    reference: " + latency + "\n");
    }

    private static void assertError(String content, int line, String field, String messagePart) {
        assertThatThrownBy(() -> StudyReader.read(content, "full.yaml", null))
                .isInstanceOfSatisfying(
                        StudyDefinitionException.class,
                        e -> {
                            assertThat(e.getMessage()).contains(messagePart);
                            assertThat(e.field()).isEqualTo(field);
                            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                        });
    }

    private static String resource(String name) {
        try (InputStream in = StudyReaderTest.class.getResourceAsStream("/studies/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
