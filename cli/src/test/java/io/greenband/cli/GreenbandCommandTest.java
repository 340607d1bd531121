package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.cli.local.ProgramFile;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.Workload;
import io.greenband.events.study.StudyReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreenbandCommandTest {

    @TempDir Path dir;

    @Test
    void everySubcommandHasHelp() {
        for (String[] cmd :
                new String[][] {
                    {"local"},
                    {"study", "create"},
                    {"study", "list"},
                    {"study", "status"},
                    {"study", "stop"},
                    {"front"},
                    {"export"},
                    {"import"},
                    {"replay"},
                    {"optimize"}
                }) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Cli r = Cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out())
                    .as(String.join(" ", cmd))
                    .contains("Usage: greenband " + String.join(" ", cmd));
        }
    }

    @Test
    void trainAndEvaluateShareTheTrainerOptions() {
        for (String cmd : new String[] {"train", "evaluate"}) {
            Cli r = Cli.run(cmd, "--help");
            assertThat(r.exitCode()).as(cmd).isZero();
            assertThat(r.out())
                    .as(cmd)
                    .contains("--home=DIR", "The project folder holding the built trainer")
                    .contains("--json", "Print the result as JSON.");
        }
    }

    @Test
    void topLevelHelpListsExitCodes() {
        Cli r = Cli.run("--help");
        assertThat(r.out())
                .contains("local", "study", "export", "import", "replay", "optimize", "front")
                .contains("study exists with another definition");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli r = Cli.run("study", "list", "--no-such-option");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    void invalidStudyFileNamesFieldAndLineWithoutStackTrace() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(
                file,
                "studyId: bad\nspace: dsnn-table1\nfidelity:\n  knob: shift_depth\n  min: 2\n  max: 20\n  eta: 1\n");
        Cli r = Cli.run("study", "create", file.toString(), "--bootstrap-servers", "127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_STUDY);
        assertThat(r.err()).contains("line 7").contains("eta").doesNotContain("\tat ");
    }

    @Test
    void verboseShowsTheTrace() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "studyId: bad\nspace: dsnn-table1\nseed: [1]\n");
        Cli r = Cli.run("study", "create", file.toString(), "--verbose");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_STUDY);
        assertThat(r.err()).contains("seed").contains("\tat ");
    }

    @Test
    void missingStudyFileIsNotFound() {
        Cli r = Cli.run("local", dir.resolve("nope.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).contains("nope.yaml").contains("does not exist");
    }

    @Test
    void localRefusesUnbuiltServicesNamingTheBuildCommand() throws Exception {
        Cli r =
                Cli.run(
                        "local",
                        Path.of(System.getProperty("greenband.home"), "examples/dsnn-quick.yaml")
                                .toString(),
                        "--home",
                        dir.toString(),
                        "--data-dir",
                        dir.resolve("run").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err())
                .contains("quarkus-run.jar")
                .contains("./mvnw -B -q -DskipTests package");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void unreachableBrokerIsAStackError() {
        Cli r = Cli.run("study", "list", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.STACK);
        // Nothing listens there: the broker "did not answer in time", with the address and no
        // "(null)".
        assertThat(r.err())
                .contains("Kafka at 127.0.0.1:1")
                .doesNotContain("\tat ")
                .doesNotContain("(null)");
    }

    @Test
    void kafkaConfigMustBeAReadablePropertiesFileWithoutServers() throws Exception {
        Cli missing =
                Cli.run(
                        "study",
                        "list",
                        "--kafka-config",
                        dir.resolve("nope.properties").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err())
                .contains("--kafka-config")
                .contains("nope.properties")
                .doesNotContain("\tat ");

        Path servers = dir.resolve("servers.properties");
        Files.writeString(
                servers, "security.protocol=SASL_SSL\nbootstrap.servers=elsewhere:9093\n");
        Cli refused = Cli.run("study", "list", "--kafka-config", servers.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err()).contains("bootstrap.servers").contains("--bootstrap-servers");
    }

    @Test
    void optimizeBuildsACommandBackendStudy() throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(
                space,
                "{\"hyperparameters\":[{\"type\":\"uniform_float\",\"name\":\"lr\",\"lower\":0.001,"
                        + "\"upper\":0.1,\"log\":true}]}");
        Path out = dir.resolve("study.yaml");
        Cli r =
                Cli.run(
                        "optimize",
                        "--command",
                        "python3",
                        "--space",
                        space.toString(),
                        "--study-id",
                        "my-train",
                        "--objective",
                        "loss",
                        "--objective",
                        "accuracy:maximize",
                        "--fidelity",
                        "epochs:1:9",
                        "--write",
                        out.toString(),
                        "--",
                        "train.py",
                        "--fast");
        assertThat(r.exitCode()).as(r.err()).isZero();
        StudyDefined study = StudyReader.read(out);
        assertThat(study.studyId()).isEqualTo("my-train");
        assertThat(study.workload().backend()).isEqualTo(Workload.COMMAND);
        assertThat(study.workload().program()).isEqualTo("python3");
        assertThat(study.workload().command())
                .as("the study names the program, it does not carry it")
                .isEmpty();
        Path programs = dir.resolve("study.programs.yaml");
        assertThat(r.out()).contains("--programs " + programs);
        assertThat(ProgramFile.names(programs)).containsExactly("python3");
        assertThat(Files.readString(programs))
                .contains("- \"python3\"", "- \"train.py\"", "- \"--fast\"")
                .doesNotContain("KAFKA");
        assertThat(study.objectiveNames()).containsExactly("loss", "accuracy");
        assertThat(study.objectives().get(1).source()).isEqualTo("metric:accuracy");
        assertThat(study.fidelity().max()).isEqualTo(9.0);
        assertThat(study.scheduler().preset()).isEqualTo("full-gp-motpe");
        assertThat(study.budget().maxTrials()).isEqualTo(20);
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void optimizeTakesAPresetAFidelityBudgetAndAnInitialDesignAndWarnsAboutAStarvedTopRung()
            throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(
                space,
                "{\"hyperparameters\":[{\"type\":\"uniform_float\",\"name\":\"lr\",\"lower\":0.001,"
                        + "\"upper\":0.1,\"log\":true}]}");
        Path out = dir.resolve("hb.yaml");
        Cli r =
                Cli.run(
                        "optimize",
                        "--command",
                        "python3",
                        "--space",
                        space.toString(),
                        "--fidelity",
                        "epochs:1:27",
                        "--preset",
                        "hyperband-parego-rf",
                        "--fidelity-budget",
                        "100",
                        "--initial-design",
                        "3",
                        "--write",
                        out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        StudyDefined study = StudyReader.read(out);
        assertThat(study.scheduler().preset()).isEqualTo("hyperband-parego-rf");
        assertThat(study.scheduler().initialDesign()).isEqualTo(3);
        assertThat(study.budget().totalFidelityBudget()).isEqualTo(100.0);
        assertThat(study.budget().maxTrials()).isNull();
        assertThat(r.err())
                .contains("warning: budget.totalFidelityBudget 100 ends before any trial reaches");
        Cli help = Cli.run("optimize", "--help");
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains(
                        "--fidelity-budget=F Total fidelity budget: the sum of "
                                + "the fidelity values of all trials");
        Cli bad =
                Cli.run(
                        "optimize",
                        "--command",
                        "x",
                        "--space",
                        space.toString(),
                        "--preset",
                        "smac",
                        "--write",
                        dir.resolve("bad.yaml").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_STUDY);
        assertThat(bad.err())
                .contains("scheduler.preset")
                .contains("smac")
                .contains("full-parego-rf");
    }

    @Test
    void optimizeRejectsABadFidelity() throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(space, "{\"hyperparameters\":[]}");
        Cli r =
                Cli.run(
                        "optimize",
                        "--command",
                        "x",
                        "--space",
                        space.toString(),
                        "--fidelity",
                        "epochs:9",
                        "--write",
                        dir.resolve("s.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_STUDY);
        assertThat(r.err()).contains("--fidelity must be KNOB:MIN:MAX");
    }

    @Test
    void localRefusesACommandStudyWithoutItsProgramAndAStudyCarryingACommand() throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(
                space,
                "{\"hyperparameters\":[{\"type\":\"uniform_float\",\"name\":\"lr\",\"lower\":0.001,"
                        + "\"upper\":0.1,\"log\":true}]}");
        Path study = dir.resolve("study.yaml");
        assertThat(
                        Cli.run(
                                        "optimize",
                                        "--command",
                                        "python3",
                                        "--space",
                                        space.toString(),
                                        "--write",
                                        study.toString())
                                .exitCode())
                .isZero();

        Cli unregistered =
                Cli.run("local", study.toString(), "--data-dir", dir.resolve("run").toString());
        assertThat(unregistered.exitCode()).isEqualTo(ExitCodes.INVALID_STUDY);
        assertThat(unregistered.err()).contains("program 'python3'", "--programs FILE");
        Path other = ProgramFile.write(dir.resolve("other.yaml"), "other", List.of("/bin/true"));
        Cli missing =
                Cli.run(
                        "local",
                        study.toString(),
                        "--programs",
                        other.toString(),
                        "--data-dir",
                        dir.resolve("run").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_STUDY);
        assertThat(missing.err()).contains("does not register", "[other]");

        Path carried = dir.resolve("carried.yaml");
        Files.writeString(
                carried,
                """
                studyId: carried
                space: dsnn-table1
                workload:
                  backend: command
                  command: [sh, -c, "id"]
                """);
        Cli refused =
                Cli.run("local", carried.toString(), "--data-dir", dir.resolve("run").toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_STUDY);
        assertThat(refused.err()).contains("workload.command", "workload.program");
        assertThat(dir.resolve("run")).as("nothing was started").doesNotExist();
    }
}
