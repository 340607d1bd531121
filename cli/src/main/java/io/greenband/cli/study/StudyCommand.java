package io.greenband.cli.study;

import io.greenband.cli.Connection;
import io.greenband.cli.front.FrontCommand;
import io.greenband.cli.front.FrontTable;
import io.greenband.cli.front.ScoredTrials;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code greenband study create|list|status|stop} against a running stack. */
@Command(
        name = "study",
        mixinStandardHelpOptions = true,
        description = "Create, list, inspect and stop studies.",
        subcommands = {
            StudyCommand.Create.class,
            StudyCommand.ListStudies.class,
            StudyCommand.Status.class,
            StudyCommand.Stop.class
        })
public final class StudyCommand {

    /** Publishes a study file's definition. */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description =
                    "Publish a study (StudyDefined on the studies topic) from a YAML or JSON file.")
    static final class Create implements java.util.concurrent.Callable<Integer> {
        @Mixin Connection connection;

        @Parameters(paramLabel = "FILE", description = "The study file.")
        Path file;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            StudyDefined study = StudyFiles.load(file);
            for (String w : io.greenband.events.study.StudyWarnings.of(study)) {
                spec.commandLine().getErr().println("warning: " + w);
            }
            spec.commandLine().getErr().flush();
            var log = connection.kafka();
            log.checkReachable();
            StudyDirectory.Outcome outcome = new StudyDirectory(log).define(study);
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    outcome == StudyDirectory.Outcome.PUBLISHED
                            ? "created study "
                                    + study.studyId()
                                    + " (fingerprint "
                                    + study.fingerprint().substring(0, 12)
                                    + ")"
                            : "study "
                                    + study.studyId()
                                    + " already exists with this definition; nothing published");
            out.flush();
            return 0;
        }
    }

    /** Lists studies. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the studies on the studies topic.")
    static final class ListStudies implements java.util.concurrent.Callable<Integer> {
        @Mixin Connection connection;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            List<StudyEntry> studies = new StudyDirectory(connection.kafka()).list();
            PrintWriter out = spec.commandLine().getOut();
            if (studies.isEmpty()) {
                out.println("no studies");
            } else {
                int w =
                        Math.max(
                                8,
                                studies.stream()
                                        .mapToInt(s -> s.studyId().length())
                                        .max()
                                        .orElse(8));
                out.printf("%-" + w + "s  %-24s  %s%n", "STUDY", "STATE", "FINGERPRINT");
                for (StudyEntry s : studies) {
                    out.printf(
                            "%-" + w + "s  %-24s  %s%n",
                            s.studyId(),
                            s.state(),
                            s.shortFingerprint());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** Shows one study. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Show a study's state, trial counts, best values and front size.")
    static final class Status implements java.util.concurrent.Callable<Integer> {
        @Mixin Connection connection;

        @Parameters(paramLabel = "STUDY_ID")
        String studyId;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            StudyEntry entry = new StudyDirectory(connection.kafka()).get(studyId);
            ScoredTrials scored = FrontCommand.fold(connection, studyId);
            PrintWriter out = spec.commandLine().getOut();
            out.println("study:       " + entry.studyId());
            out.println("state:       " + entry.state());
            out.println(
                    "fingerprint: "
                            + (entry.definition() == null
                                    ? "-"
                                    : entry.definition().fingerprint()));
            if (entry.definition() != null) {
                out.println(
                        "objectives:  " + String.join(", ", entry.definition().objectiveNames()));
                out.println(
                        "scheduler:   "
                                + entry.definition()
                                        .scheduler()
                                        .kind()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT));
            }
            Map<TrialStatus, Integer> c = scored.counts();
            out.printf(
                    "trials:      %d succeeded, %d failed, %d lost%n",
                    c.getOrDefault(TrialStatus.SUCCEEDED, 0),
                    c.getOrDefault(TrialStatus.FAILED, 0),
                    c.getOrDefault(TrialStatus.LOST, 0));
            double[] best = scored.best();
            for (int i = 0; i < best.length; i++) {
                out.println("best " + scored.names().get(i) + ": " + FrontTable.number(best[i]));
            }
            out.println("front size:  " + scored.front(false).size());
            out.flush();
            return 0;
        }
    }

    /** Stops a study. */
    @Command(
            name = "stop",
            mixinStandardHelpOptions = true,
            description = "Stop a study (StudyStopped on the studies topic).")
    static final class Stop implements java.util.concurrent.Callable<Integer> {
        @Mixin Connection connection;

        @Parameters(paramLabel = "STUDY_ID")
        String studyId;

        @Option(
                names = "--reason",
                defaultValue = "stopped from the command line",
                description = "Free text kept with the stop.")
        String detail;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            new StudyDirectory(connection.kafka())
                    .stop(studyId, StudyStopped.Reason.REQUESTED, detail);
            spec.commandLine().getOut().println("stopped study " + studyId);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
