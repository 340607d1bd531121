package io.greenband.cli.local;

import io.greenband.cli.CliException;
import io.greenband.cli.front.FrontTable;
import io.greenband.cli.front.ScoredTrials;
import io.greenband.cli.log.KafkaLog;
import io.greenband.cli.report.HtmlReport;
import io.greenband.cli.report.StudyImportances;
import io.greenband.cli.study.StudyDirectory;
import io.greenband.cli.study.StudyEntry;
import io.greenband.cli.study.StudyFiles;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.topic.Topic;
import io.greenband.servicekit.log.TopicReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one study on this machine: stack, services, publish (or resume), live progress until the
 * study stops, then the front and the HTML report. A shutdown hook stops the services and the stack
 * on Ctrl-C.
 */
public final class LocalRunner {

    private static final List<Topic> WATCHED =
            List.of(
                    Topic.STUDIES,
                    Topic.TRIAL_SUGGESTED,
                    Topic.TRIAL_PROGRESS,
                    Topic.TRIAL_FINISHED,
                    Topic.TRIAL_SCORED,
                    Topic.ENERGY_SAMPLE);

    /** How long to keep reading after the stop, for scores that trail it. */
    private static final Duration TRAILING = Duration.ofSeconds(3);

    /** The trainer's default heartbeat period. */
    private static final int MAX_HEARTBEAT_SECONDS = 30;

    private final LocalOptions options;
    private final PrintWriter out;

    public LocalRunner(LocalOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs {@code study} to its end with the programs of {@code --programs}; returns the exit code.
     */
    public int run(StudyDefined study) {
        return run(study, options.programs());
    }

    /**
     * Runs {@code requested} to its end; returns the exit code.
     *
     * @param programs the trainer's program registry for this run (the programs the study may
     *     name), or null
     */
    public int run(StudyDefined requested, Path programs) {
        StudyDefined study = StudyFiles.withLocalData(requested, out);
        ProgramFile.check(study, programs);
        for (String w : io.greenband.events.study.StudyWarnings.of(study)) {
            say("warning: " + w);
        }
        Path dataDir = options.dataDir(study.studyId());
        LocalStack local = new LocalStack(options.home(), dataDir, options.bind());
        // A data directory with a stack may hold the study finished: then no service is needed
        // (checked below).
        boolean rerun = java.nio.file.Files.isDirectory(dataDir.resolve("stack"));
        if (!rerun) {
            local.checkBuilt(options.services());
        }
        Thread hook =
                new Thread(
                        () -> {
                            out.println();
                            out.println("stopping services and the stack ...");
                            out.flush();
                            local.close();
                        },
                        "greenband-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            EmbeddedStack stack = local.startStack(options.kafkaPort, options.mongoPort);
            say(
                    "stack up: kafka "
                            + stack.kafkaBootstrapServers()
                            + ", mongodb "
                            + stack.mongoConnectionString()
                            + ", data in "
                            + dataDir);
            if (rerun) {
                Optional<StudyProgress> finished =
                        finishedInLog(
                                new KafkaLog(stack.kafkaBootstrapServers(), stack.topics()), study);
                if (finished.isPresent()) {
                    say(
                            "study "
                                    + study.studyId()
                                    + " already finished in "
                                    + dataDir
                                    + ": its front and report from the log, no service started");
                    finish(study, finished.get(), dataDir, stack.mongoConnectionString());
                    return 0;
                }
                local.checkBuilt(options.services());
            }
            Map<String, String> extra = new java.util.LinkedHashMap<>(studyEnvironment(study));
            if (programs != null) {
                extra.put("GREENBAND_TRAINER_PROGRAMS_FILE", programs.toAbsolutePath().toString());
            }
            local.startServices(options.services(), options.readyTimeout(), extra);
            for (ServiceProcess p : local.services()) {
                say(
                        p.service().module()
                                + " ready on port "
                                + p.httpPort()
                                + " (log "
                                + p.log()
                                + ")");
            }
            KafkaLog log = new KafkaLog(stack.kafkaBootstrapServers(), stack.topics());
            StudyDirectory directory = new StudyDirectory(log);
            StudyDirectory.Outcome outcome = directory.define(study);
            say(
                    outcome == StudyDirectory.Outcome.PUBLISHED
                            ? "study " + study.studyId() + " published"
                            : "resuming study "
                                    + study.studyId()
                                    + " (same definition found in "
                                    + dataDir
                                    + ")");
            StudyDefined stored = directory.get(study.studyId()).definition();
            Instant since =
                    stored != null && stored.definedAt() != null
                            ? stored.definedAt()
                            : Instant.now();
            StudyProgress progress = watch(log, study, since, local);
            finish(study, progress, dataDir, stack.mongoConnectionString());
            return 0;
        } finally {
            local.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /**
     * The study's progress read from the log up to its end, when the log holds it defined as {@code
     * study} (same fingerprint) and stopped; empty otherwise (new, changed or still running: the
     * services are needed).
     */
    static Optional<StudyProgress> finishedInLog(KafkaLog log, StudyDefined study) {
        Optional<StudyEntry> entry = new StudyDirectory(log).find(study.studyId());
        if (entry.isEmpty()
                || entry.get().stopped() == null
                || entry.get().definition() == null
                || !entry.get().definition().fingerprint().equals(study.fingerprint())) {
            return Optional.empty();
        }
        StudyDefined stored = entry.get().definition();
        Instant since = stored.definedAt() != null ? stored.definedAt() : Instant.EPOCH;
        StudyProgress progress =
                new StudyProgress(
                        study.studyId(),
                        since,
                        ScoredTrials.referenceOf(study),
                        study.fidelity().max());
        io.greenband.cli.front.ScoreTrust trust =
                io.greenband.cli.front.ScoreTrust.fromEnvironment();
        for (var e : log.readAll(WATCHED)) {
            trust.admit(e.event()).forEach(progress::add);
        }
        return progress.stopped() == null ? Optional.empty() : Optional.of(progress);
    }

    private StudyProgress watch(KafkaLog log, StudyDefined study, Instant since, LocalStack local) {
        StudyProgress progress =
                new StudyProgress(
                        study.studyId(),
                        since,
                        ScoredTrials.referenceOf(study),
                        study.fidelity().max());
        boolean console = System.console() != null;
        io.greenband.cli.front.ScoreTrust trust =
                io.greenband.cli.front.ScoreTrust.fromEnvironment();
        try (TopicReader reader = log.reader(WATCHED)) {
            long lastPrint = 0;
            String lastLine = "";
            long stopAt = Long.MAX_VALUE;
            while (System.nanoTime() < stopAt) {
                List<ReceivedEvent> read = new ArrayList<>();
                reader.catchUpEvents(read::add);
                read.forEach(e -> trust.admit(e).forEach(progress::add));
                if (read.isEmpty() && !pause()) {
                    break;
                }
                if (progress.stopped() != null && stopAt == Long.MAX_VALUE) {
                    stopAt = System.nanoTime() + TRAILING.toNanos();
                }
                local.supervise(
                        options.readyTimeout(),
                        notice -> {
                            if (console) {
                                out.println();
                            }
                            say(notice);
                        });
                String line = progress.line();
                long now = System.nanoTime();
                if (console && now - lastPrint > 1_000_000_000L) {
                    out.print(
                            "\r"
                                    + line
                                    + " ".repeat(Math.max(0, lastLine.length() - line.length())));
                    out.flush();
                    lastPrint = now;
                    lastLine = line;
                } else if (!console
                        && !line.equals(lastLine)
                        && now - lastPrint > 10_000_000_000L) {
                    say(line);
                    lastPrint = now;
                    lastLine = line;
                }
            }
        }
        out.println();
        return progress;
    }

    /** Waits half a second between reads; false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void finish(StudyDefined study, StudyProgress progress, Path dataDir, String mongodb) {
        var stop = progress.stopped();
        say(
                "study "
                        + study.studyId()
                        + " stopped: "
                        + stop.reason().name().toLowerCase(java.util.Locale.ROOT)
                        + (stop.detail() == null ? "" : " (" + stop.detail() + ")"));
        say(progress.line());
        var scored = progress.scored();
        if (scored.names().isEmpty()) {
            say("no trial was scored: no front to show");
        } else {
            say("Pareto front at fidelity " + FrontTable.number(scored.topFidelity()) + ":");
            out.print(FrontTable.table(scored.names(), scored.front(false)));
        }
        Path report = options.report != null ? options.report : dataDir.resolve("report.html");
        try {
            StudyImportances.read(mongodb, LocalStack.DATABASE, study.studyId())
                    .ifPresent(progress.extras()::importances);
        } catch (CliException e) {
            say("warning: the report shows no parameter importances: " + e.getMessage());
        }
        HtmlReport.write(report, study, scored, progress.extras());
        say("report: " + report.toAbsolutePath());
    }

    /**
     * Service settings that follow from the study: the trainer heartbeats at a quarter of the lease
     * (at most every {@value #MAX_HEARTBEAT_SECONDS} s, its own default), so a short lease is not
     * taken for a lost trial.
     */
    static Map<String, String> studyEnvironment(StudyDefined study) {
        int lease = study.scheduler().leaseSeconds();
        int heartbeat = Math.max(1, Math.min(MAX_HEARTBEAT_SECONDS, lease / 4));
        return Map.of("GREENBAND_TRAINER_HEARTBEAT", heartbeat + "s");
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
