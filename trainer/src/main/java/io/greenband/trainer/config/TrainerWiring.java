package io.greenband.trainer.config;

import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.trainer.adapter.messaging.ConsumerSettings;
import io.greenband.trainer.adapter.messaging.KafkaTrialEvents;
import io.greenband.trainer.adapter.messaging.StudyReader;
import io.greenband.trainer.adapter.messaging.TrialConsumerLoop;
import io.greenband.trainer.runner.Program;
import io.greenband.trainer.runner.ProgramRegistry;
import io.greenband.trainer.worker.DeviceInventory;
import io.greenband.trainer.worker.TrialPlanner;
import io.greenband.trainer.worker.TrialWorker;
import io.greenband.trainer.worker.WorkerSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Builds the trainer from its configuration at start-up (worker settings, planner, worker, Kafka
 * publisher, studies reader, consumer loop) and stops it at shutdown, reporting a running trial.
 */
@ApplicationScoped
public class TrainerWiring {

    private static final Logger LOG = Logger.getLogger(TrainerWiring.class);

    private final TrainerConfig config;
    private final TopicRegistry topics;
    private final EventIntake intake;
    private final Map<String, Object> kafka;
    private final io.greenband.servicekit.intake.ConsumerWatch watch;
    private TrialWorker worker;
    private KafkaTrialEvents events;
    private StudyReader studies;
    private TrialConsumerLoop loop;

    @Inject
    public TrainerWiring(
            TrainerConfig config,
            TopicRegistry topics,
            EventIntake intake,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            io.greenband.servicekit.intake.ConsumerWatch watch) {
        this.watch = watch;
        this.config = config;
        this.topics = topics;
        this.intake = intake;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.consumer().enabled()) {
            LOG.info("trial consumer disabled (greenband.trainer.consumer.enabled=false)");
            return;
        }
        WorkerSettings settings = workerSettings(config, System.getenv());
        events = new KafkaTrialEvents(intake.codec(), kafka, settings.worker() + "-events");
        ProgramRegistry programs = programs(config);
        worker =
                new TrialWorker(
                        new TrialPlanner(
                                settings, DeviceInventory.detect(settings.devices()), programs),
                        events,
                        settings,
                        Clock.systemUTC());
        studies =
                new StudyReader(kafka, topics, intake.codec(), config.consumer().studiesCatchUp());
        TrainerConfig.Consumer c = config.consumer();
        loop =
                new TrialConsumerLoop(
                                kafka,
                                topics,
                                new ConsumerSettings(
                                        c.groupId(),
                                        settings.worker(),
                                        c.maxPollInterval(),
                                        c.pollTimeout(),
                                        c.shutdownGrace()),
                                intake,
                                studies,
                                worker,
                                events)
                        .watchedBy(watch);
        loop.start();
        LOG.infof(
                "trainer %s on %s consuming %s in group %s; programs %s",
                settings.worker(),
                settings.host(),
                topics.name(io.greenband.events.topic.Topic.TRIAL_SUGGESTED),
                c.groupId(),
                programs.names());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null) {
            loop.close();
            studies.close();
            events.close();
            worker.close();
            loop = null;
        }
    }

    /** Whether the consumer loop runs (false when disabled or stopped). */
    public boolean consuming() {
        return loop != null && loop.isRunning();
    }

    /**
     * The worker settings of {@code config}, with identities from the environment where not
     * configured.
     */
    static WorkerSettings workerSettings(TrainerConfig config, Map<String, String> env) {
        String hostName = hostName();
        String host = config.host().or(() -> nonBlank(env.get("NODE_NAME"))).orElse(hostName);
        String worker =
                config.worker()
                        .or(() -> nonBlank(env.get("POD_NAME")))
                        .or(() -> nonBlank(env.get("HOSTNAME")))
                        .orElse(hostName);
        TrainerConfig.Data data = config.data();
        return new WorkerSettings(
                worker,
                host,
                ProcessHandle.current().pid(),
                config.devices().orElse(List.of()),
                config.heartbeat(),
                data.syntheticTrainImages(),
                data.syntheticTestImages(),
                data.syntheticImageSize(),
                data.cifar10Dir().orElse(null),
                data.download(),
                config.modelsDir().orElse(null),
                config.command().workDir(),
                config.command().timeout(),
                config.evaluateTest());
    }

    /**
     * The programs registered in the configuration and in the registry file; a bad registration
     * stops start-up.
     */
    public static ProgramRegistry programs(TrainerConfig config) {
        List<Program> listed = new ArrayList<>();
        config.programs()
                .forEach(
                        (name, p) ->
                                listed.add(
                                        new Program(
                                                name,
                                                p.argv(),
                                                p.workDir().orElse(null),
                                                p.environment().orElse(null),
                                                p.timeout().orElse(config.command().timeout()))));
        ProgramRegistry programs = ProgramRegistry.of(listed);
        return config.programsFile()
                .map(file -> programs.with(ProgramRegistry.read(file, config.command().timeout())))
                .orElse(programs);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
