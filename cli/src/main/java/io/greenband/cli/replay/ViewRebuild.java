package io.greenband.cli.replay;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.greenband.cli.CliException;
import io.greenband.cli.local.LocalStack;
import io.greenband.cli.local.Service;
import io.greenband.cli.local.ServiceProcess;
import io.greenband.cli.log.KafkaLog;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rebuilds the aggregator's views from replayed topics: runs a pareto-aggregator on the fresh
 * prefix against an empty database, with consumer groups of its own, and waits until its three
 * consumer groups have read every input topic to the end and it has scored again every trial
 * attempt the replayed events had scores for. Then it stops the aggregator; the views stay.
 */
public final class ViewRebuild {

    /** The aggregator's application name, which its consumer group ids start with. */
    static final String APPLICATION = "greenband-pareto-aggregator";

    /** The topics the aggregator reads. */
    static final List<Topic> INPUTS =
            List.of(
                    Topic.STUDIES,
                    Topic.TRIAL_STARTED,
                    Topic.TRIAL_PROGRESS,
                    Topic.TRIAL_FINISHED,
                    Topic.OBJECTIVE_REPORTED,
                    Topic.ENERGY_SAMPLE);

    private final KafkaLog target;
    private final String mongodb;
    private final String database;
    private final Path home;
    private final Path log;

    /**
     * @param target the replayed topics
     * @param mongodb MongoDB connection string
     * @param database the database to rebuild into; it must be empty
     * @param home the project folder holding the built aggregator
     * @param log the aggregator's log file
     */
    public ViewRebuild(KafkaLog target, String mongodb, String database, Path home, Path log) {
        this.target = target;
        this.mongodb = mongodb;
        this.database = database;
        this.home = home;
        this.log = log;
    }

    /**
     * Fails (conflict) unless the database holds no collection: views are rebuilt into an empty one
     * only.
     */
    public void checkEmpty() {
        try (MongoClient client = MongoClients.create(mongodb)) {
            String first = client.getDatabase(database).listCollectionNames().first();
            if (first != null) {
                throw CliException.conflict(
                        "database '"
                                + database
                                + "' is not empty (it has '"
                                + first
                                + "'); rebuild into a fresh one with --database");
            }
        } catch (MongoException e) {
            throw CliException.stack(
                    "cannot reach MongoDB at " + mongodb + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the aggregator until the views are rebuilt from {@code replayed}.
     *
     * @param gracePeriod the aggregator's energy grace period
     * @param ready how long it may take to start
     * @param timeout how long the rebuild may take once it runs
     */
    public void run(
            List<ReceivedEvent> replayed, Duration gracePeriod, Duration ready, Duration timeout) {
        Set<String> expected =
                scoredAttempts(
                        replayed.stream()
                                .map(ReceivedEvent::payload)
                                .filter(TrialScored.class::isInstance)
                                .map(TrialScored.class::cast)
                                .toList());
        String suffix = "replay-" + target.topics().prefix().replaceAll("[^A-Za-z0-9_-]", "");
        int port = LocalStack.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", target.bootstrapServers());
        env.put("GREENBAND_TOPICS_PREFIX", target.topics().prefix());
        env.put("GREENBAND_MONGODB_CONNECTION_STRING", mongodb);
        env.put("GREENBAND_MONGODB_DATABASE", database);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // The aggregator stops when this command does, even when it is killed outright.
        env.put("GREENBAND_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        // A rebuild's aggregator serves only its own health checks: this machine only.
        env.put("QUARKUS_HTTP_HOST", io.greenband.cli.local.LocalOptions.DEFAULT_BIND);
        env.put("GREENBAND_AGGREGATOR_GRACE_PERIOD", Math.max(1, gracePeriod.toSeconds()) + "s");
        // Groups of its own, so an aggregator serving the source topics on the same broker is not
        // disturbed.
        env.put("GREENBAND_AGGREGATOR_REPLICA", suffix);
        env.put("GREENBAND_AGGREGATOR_TRIALS_GROUP", APPLICATION + "-trials-" + suffix);
        List<String> groups =
                List.of(
                        APPLICATION + "-studies-" + suffix,
                        APPLICATION + "-trials-" + suffix,
                        APPLICATION + "-samples-" + suffix);
        Service aggregator = Service.PARETO_AGGREGATOR;
        try (ServiceProcess p =
                ServiceProcess.start(aggregator, javaExe(), aggregator.jar(home), env, log, port)) {
            p.awaitReady(ready);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done(groups, expected)) {
                if (!p.isAlive()) {
                    throw p.failure(
                            "stopped while rebuilding (exit status " + p.exitStatus() + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw p.failure(
                            "did not finish the rebuild within " + timeout.toSeconds() + " s");
                }
                sleep();
            }
        }
    }

    private boolean done(List<String> groups, Set<String> expected) {
        for (String g : groups) {
            if (!target.consumed(
                    g,
                    g.contains("-studies-")
                            ? List.of(Topic.STUDIES)
                            : g.contains("-samples-")
                                    ? List.of(Topic.ENERGY_SAMPLE)
                                    : INPUTS.subList(1, INPUTS.size() - 1))) {
                return false;
            }
        }
        List<TrialScored> rescored =
                target.readAll(List.of(Topic.TRIAL_SCORED)).stream()
                        .map(e -> e.event().payload(TrialScored.class))
                        .toList();
        return scoredAttempts(rescored).containsAll(expected);
    }

    /** {@code study/trial/attempt} of each score. */
    static Set<String> scoredAttempts(List<TrialScored> scores) {
        return scores.stream()
                .map(s -> s.studyId() + "/" + s.trialId() + "/" + s.attempt())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Path javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted while rebuilding the views", e);
        }
    }
}
