package io.greenband.cli.local;

import static io.greenband.cli.local.EndToEndIT.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.cli.Cli;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service of a {@code greenband local} run is killed (SIGKILL) mid-study: {@code local} restarts
 * it and the study still completes with nothing lost, repeated or skipped.
 */
class ServiceCrashIT {

    @TempDir Path dir;

    @Test
    void trainerKilledMidTrialLosesNoTrial() throws Exception {
        TinyStudyRun study = new TinyStudyRun(dir, "e2e-trainer-kill", 4).start();
        List<String> killedDuring = new ArrayList<>();
        // A trial may end between seeing it start and the kill; then the next one is tried (twice
        // at most).
        while (killedDuring.isEmpty()
                || finished(study, killedDuring.get(killedDuring.size() - 1))) {
            assertThat(killedDuring).as("trials killed too late to be lost").hasSizeLessThan(2);
            String trial = awaitRunningTrial(study, killedDuring.size());
            assertThat(TinyStudyRun.kill(Service.TRAINER)).as("a trainer process to kill").isTrue();
            killedDuring.add(trial);
            // A result the trainer sent just before the kill may still be on its way into the log:
            // give it a moment,
            // so that a trial which did finish is not taken for the lost one.
            Thread.sleep(2_000);
        }
        Cli run = study.await();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "trainer stopped unexpectedly",
                        "restarting it (1 of 3)",
                        "trainer ready again",
                        "stopped: budget_exhausted");

        List<GreenbandEvent> events;
        try (LocalStack stack = study.reopen()) {
            events = study.events();
        }
        String lostTrial = killedDuring.get(killedDuring.size() - 1);
        // A trial whose result the trainer had sent just before the kill (it can take longer than
        // the wait above to
        // show in the log on a busy machine) must stand as it is: one attempt, no retry. Any other
        // was lost.
        boolean resultSentBeforeKill =
                of(events, TrialFinished.class).stream()
                        .anyMatch(
                                f ->
                                        f.trialId().equals(lostTrial)
                                                && f.attempt() == 1
                                                && f.status() == TrialStatus.SUCCEEDED);
        if (resultSentBeforeKill) {
            assertThat(of(events, TrialSuggested.class))
                    .as("no retry of a trial that ended")
                    .noneMatch(s -> s.trialId().equals(lostTrial) && s.attempt() > 1);
        } else {
            assertThat(of(events, TrialFinished.class))
                    .as("the suggester's verdict on the killed trial")
                    .anySatisfy(
                            f -> {
                                assertThat(f.trialId()).isEqualTo(lostTrial);
                                assertThat(f.attempt()).isEqualTo(1);
                                assertThat(f.status()).isEqualTo(TrialStatus.LOST);
                                assertThat(f.error()).isNotBlank();
                            });
            assertThat(of(events, TrialSuggested.class))
                    .as("the retry of the lost configuration")
                    .anySatisfy(
                            s -> {
                                assertThat(s.trialId()).isEqualTo(lostTrial);
                                assertThat(s.attempt()).isEqualTo(2);
                            });
        }
        checkEveryTrialScored(events);
    }

    @Test
    void suggesterKilledMidStudyRepeatsAndSkipsNothing() throws Exception {
        TinyStudyRun study = new TinyStudyRun(dir, "e2e-suggester-kill", 4).start();
        study.awaitEvents(
                events ->
                        of(events, TrialScored.class).size() >= 1
                                && of(events, TrialSuggested.class).size() >= 2,
                "a scored trial and a second suggestion");
        assertThat(TinyStudyRun.kill(Service.SUGGESTER)).as("a suggester process to kill").isTrue();

        Cli run = study.await();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "suggester stopped unexpectedly",
                        "restarting it (1 of 3)",
                        "suggester ready again",
                        "stopped: budget_exhausted");

        List<GreenbandEvent> events;
        try (LocalStack stack = study.reopen()) {
            events = study.events();
        }
        List<TrialSuggested> suggested = of(events, TrialSuggested.class);
        List<String> attempts =
                suggested.stream().map(s -> s.trialId() + "#" + s.attempt()).toList();
        assertThat(attempts).as("no suggestion repeated").doesNotHaveDuplicates();
        List<Integer> numbers =
                suggested.stream()
                        .map(TrialSuggested::trialId)
                        .distinct()
                        .map(id -> Integer.parseInt(id.substring(id.lastIndexOf("-t") + 2)))
                        .sorted()
                        .toList();
        assertThat(numbers)
                .as("no suggestion skipped")
                .isEqualTo(IntStream.range(0, numbers.size()).boxed().toList());
        assertThat(numbers).hasSize(4);
        checkEveryTrialScored(events);
    }

    /** Every trial ends with a successful score, after any number of lost attempts. */
    private static void checkEveryTrialScored(List<GreenbandEvent> events) {
        EndToEndIT.checkEveryTrialEnded(events);
        Set<String> trials =
                of(events, TrialSuggested.class).stream()
                        .map(TrialSuggested::trialId)
                        .collect(Collectors.toSet());
        Set<String> succeeded =
                of(events, TrialScored.class).stream()
                        .filter(s -> s.status() == TrialStatus.SUCCEEDED)
                        .map(TrialScored::trialId)
                        .collect(Collectors.toSet());
        assertThat(succeeded).as("trials scored").containsAll(trials);
    }

    /**
     * The id of a trial whose attempt 1 started and has not finished, once the study has run {@code
     * skip} of them.
     */
    private static String awaitRunningTrial(TinyStudyRun study, int skip)
            throws InterruptedException {
        String[] trial = new String[1];
        study.awaitEvents(
                events -> {
                    Set<String> ended =
                            of(events, TrialFinished.class).stream()
                                    .map(TrialFinished::trialId)
                                    .collect(Collectors.toSet());
                    List<String> running =
                            of(events, TrialStarted.class).stream()
                                    .filter(s -> s.attempt() == 1)
                                    .map(TrialStarted::trialId)
                                    .filter(id -> !ended.contains(id))
                                    .toList();
                    if (of(events, TrialStarted.class).size() > skip && !running.isEmpty()) {
                        trial[0] = running.get(0);
                        return true;
                    }
                    return false;
                },
                "a running trial");
        return trial[0];
    }

    /**
     * Whether the trainer reported {@code trialId}'s first attempt finished (the kill came too
     * late).
     */
    private static boolean finished(TinyStudyRun study, String trialId) {
        return of(study.events(), TrialFinished.class).stream()
                .anyMatch(
                        f ->
                                f.trialId().equals(trialId)
                                        && f.attempt() == 1
                                        && f.status() != TrialStatus.LOST);
    }
}
