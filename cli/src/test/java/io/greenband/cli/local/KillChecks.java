package io.greenband.cli.local;

import static io.greenband.cli.local.EndToEndIT.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What must hold after a process of a run was killed: nothing lost, nothing scored twice, no
 * orphan.
 */
final class KillChecks {

    private KillChecks() {}

    /**
     * Every trial ends with a successful score; each attempt has exactly one score (duplicates must
     * be identical).
     */
    static void everyTrialScoredOnce(List<GreenbandEvent> events) {
        EndToEndIT.checkEveryTrialEnded(events);
        Set<String> trials =
                of(events, TrialSuggested.class).stream()
                        .map(TrialSuggested::trialId)
                        .collect(Collectors.toSet());
        List<TrialScored> scored = of(events, TrialScored.class);
        Set<String> succeeded =
                scored.stream()
                        .filter(s -> s.status() == TrialStatus.SUCCEEDED)
                        .map(TrialScored::trialId)
                        .collect(Collectors.toSet());
        assertThat(succeeded).as("trials scored").containsAll(trials);
        Map<String, Set<TrialScored>> byAttempt =
                scored.stream()
                        .collect(
                                Collectors.groupingBy(
                                        s -> s.trialId() + "#" + s.attempt(), Collectors.toSet()));
        byAttempt.forEach(
                (attempt, scores) ->
                        assertThat(scores)
                                .as("distinct trial-scored events of %s", attempt)
                                .hasSize(1));
    }

    /**
     * No successful trial that started once the energy monitor published again after {@code
     * killedAt} is scored 0 J; returns how many trials that covered.
     */
    static int noZeroEnergyAfter(
            Instant killedAt, List<GreenbandEvent> events, List<EnergySample> samples) {
        Instant resumed =
                samples.stream()
                        .map(EnergySample::windowStart)
                        .filter(t -> !t.isBefore(killedAt))
                        .min(Instant::compareTo)
                        .orElseThrow(() -> new AssertionError("no energy sample after the kill"));
        Map<String, Instant> started = new HashMap<>();
        of(events, TrialStarted.class)
                .forEach(s -> started.put(s.trialId() + "#" + s.attempt(), s.startedAt()));
        int checked = 0;
        for (TrialScored s : of(events, TrialScored.class)) {
            Instant at = started.get(s.trialId() + "#" + s.attempt());
            if (s.status() == TrialStatus.SUCCEEDED && at != null && at.isAfter(resumed)) {
                assertThat(s.energy().totalJoules())
                        .as("energy of %s attempt %d", s.trialId(), s.attempt())
                        .isGreaterThan(0);
                assertThat(s.emissions().grams())
                        .as("emissions of %s attempt %d", s.trialId(), s.attempt())
                        .isGreaterThan(0);
                checked++;
            }
        }
        return checked;
    }

    /**
     * Samples, every half second, the processes this JVM started (services, their children, other
     * JVMs).
     */
    static final class Descendants implements AutoCloseable {
        private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        private final Thread thread;
        private volatile boolean running = true;

        Descendants() {
            thread =
                    new Thread(
                            () -> {
                                while (running) {
                                    ProcessHandle.current().descendants().forEach(seen::add);
                                    try {
                                        Thread.sleep(500);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            },
                            "descendant-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        /** Every process seen so far. */
        Set<ProcessHandle> seen() {
            return Set.copyOf(seen);
        }

        /**
         * Waits up to {@code limit} for every process seen to have ended, then fails naming those
         * still alive.
         */
        void assertAllGone(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline && seen.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(250);
            }
            List<String> alive =
                    seen.stream()
                            .filter(ProcessHandle::isAlive)
                            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                            .toList();
            assertThat(alive).as("processes left behind (pid and command)").isEmpty();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
