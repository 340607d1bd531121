package io.greenband.cli.producer;

import io.greenband.cli.log.KafkaLog;
import io.greenband.cli.log.LoggedEvent;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.topic.Topic;
import io.greenband.servicekit.log.TopicReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Follows a study's {@code trial-finished} events and publishes the program's value for every
 * succeeded trial as {@code objective-reported}. It reads from the beginning and skips trials this
 * producer already reported, so a restarted producer catches up without reporting twice; the
 * report's id is deterministic, so a duplicate changes nothing downstream either.
 */
public final class ProducerLoop {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaLog log;
    private final String studyId;
    private final ProgramObjective program;
    private final PrintWriter out;

    /** A loop for one study and one program; notices go to {@code out}. */
    public ProducerLoop(KafkaLog log, String studyId, ProgramObjective program, PrintWriter out) {
        this.log = log;
        this.studyId = studyId;
        this.program = program;
        this.out = out;
    }

    /**
     * Runs until {@code keepGoing} turns false or, with {@code untilStopped}, until the study
     * stopped and every trial finished by then was handled.
     *
     * @return the number of values reported
     */
    public int run(BooleanSupplier keepGoing, boolean untilStopped) throws InterruptedException {
        Set<String> done = new HashSet<>();
        for (LoggedEvent e : log.readAll(List.of(Topic.OBJECTIVE_REPORTED))) {
            ObjectiveReported r = e.event().payload(ObjectiveReported.class);
            if (r.studyId().equals(studyId)
                    && r.producer().equals(program.producer())
                    && r.objective().equals(program.objective())) {
                done.add(r.trialId() + "#" + r.attempt());
            }
        }
        int reported = 0;
        boolean stopped = false;
        try (TopicReader reader = log.reader(List.of(Topic.TRIAL_FINISHED, Topic.STUDIES))) {
            while (keepGoing.getAsBoolean()) {
                List<Map.Entry<ReceivedEvent, byte[]>> read = new ArrayList<>();
                boolean caughtUp =
                        reader.catchUp((event, r) -> read.add(Map.entry(event, r.value())));
                for (Map.Entry<ReceivedEvent, byte[]> e : read) {
                    ReceivedEvent received = e.getKey();
                    if (received.payload() instanceof StudyStopped s
                            && s.studyId().equals(studyId)) {
                        stopped = true;
                    } else if (received.payload() instanceof TrialFinished f
                            && f.studyId().equals(studyId)
                            && f.status() == TrialStatus.SUCCEEDED
                            && done.add(f.trialId() + "#" + f.attempt())) {
                        reported += report(f, e.getValue());
                    }
                }
                if (untilStopped && stopped && caughtUp) {
                    break;
                }
                if (read.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                }
            }
        }
        return reported;
    }

    private int report(TrialFinished trial, byte[] eventJson) throws InterruptedException {
        try {
            ObjectiveReported value = program.run(trial, eventJson);
            log.publish(List.of(value));
            out.println(
                    "producer "
                            + program.producer()
                            + ": "
                            + trial.trialId()
                            + " "
                            + program.objective()
                            + " = "
                            + value.value()
                            + (value.unit() == null ? "" : " " + value.unit()));
            out.flush();
            return 1;
        } catch (IOException e) {
            // The aggregator's wait timeout then decides (objective missing or trial failed, as the
            // study says).
            out.println(
                    "producer "
                            + program.producer()
                            + ": no value for "
                            + trial.trialId()
                            + ": "
                            + e.getMessage());
            out.flush();
            return 0;
        }
    }
}
