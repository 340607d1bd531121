package io.greenband.energy.adapter.lifecycle;

import io.greenband.energy.adapter.messaging.EnergySampleMapper;
import io.greenband.energy.adapter.messaging.EnergySamplePublisher;
import io.greenband.energy.adapter.messaging.Incarnation;
import io.greenband.energy.adapter.metrics.EnergyMetrics;
import io.greenband.energy.config.EnergyConfig;
import io.greenband.energy.config.EnergyWiring;
import io.greenband.energy.node.NodeIdentity;
import io.greenband.energy.node.NodeSources;
import io.greenband.energy.sampler.DeviceWindow;
import io.greenband.energy.sampler.ExecutorTicker;
import io.greenband.energy.sampler.Sampler;
import io.greenband.energy.sampler.SamplerLoop;
import io.greenband.energy.source.SourceStatus;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.topic.TopicRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The running monitor: opens the node's sources at startup, ticks the sampler, sends every closed
 * window to the metrics and (when enabled) to Kafka as {@code energy-sample}, and flushes on
 * shutdown.
 */
@ApplicationScoped
public class EnergyMonitor {

    private static final System.Logger LOG = System.getLogger(EnergyMonitor.class.getName());

    private final EnergyConfig config;
    private final Map<String, Object> kafka;
    private final String topicPrefix;
    private final NodeIdentity node;
    private final EnergyMetrics metrics;
    private final EnergySampleMapper mapper;
    private volatile SamplerLoop loop;
    private volatile EnergySamplePublisher publisher;

    @Inject
    public EnergyMonitor(
            EnergyConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "greenband.topics.prefix") Optional<String> topicPrefix,
            MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.topicPrefix = topicPrefix.map(String::strip).orElse("");
        this.node = EnergyWiring.identity(config, System.getenv());
        this.metrics = new EnergyMetrics(registry, node.host());
        // A fresh incarnation per process, so restarted monitors never reuse an earlier run's
        // sample ids.
        this.mapper =
                new EnergySampleMapper(
                        node,
                        Incarnation.startingAt(Instant.now()),
                        EnergyWiring.machine(config).orElse(null));
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Opens the sources and starts sampling; idempotent. */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        NodeSources.Settings settings = EnergyWiring.sources(config);
        int ticksPerWindow = EnergyWiring.ticksPerWindow(config);
        if (config.publish().enabled()) {
            EventCodec codec =
                    EventCodec.builder()
                            .setSource(config.publish().eventSource())
                            .optRegistry(TopicRegistry.withPrefix(topicPrefix))
                            .build();
            // Every kafka.* setting (TLS, SASL), like the other services' clients.
            publisher =
                    new EnergySamplePublisher(
                            codec,
                            EnergySamplePublisher.kafkaProducer(kafka),
                            config.publish().outboxCapacity());
            EnergySamplePublisher p = publisher;
            metrics.bindPublisher(p::published, p::dropped, p::failed);
        }
        Sampler sampler =
                Sampler.builder()
                        .setSources(NodeSources.open(settings))
                        .optTickInterval(config.interval())
                        .optTicksPerWindow(ticksPerWindow)
                        .optSink(this::onWindows)
                        .optUsage(EnergyWiring.usage(config).orElse(null))
                        .build();
        loop = new SamplerLoop(sampler, new ExecutorTicker("greenband-energy-sampler"));
        loop.start();
        LOG.log(
                System.Logger.Level.INFO,
                "energy monitor for node "
                        + node.nodeId()
                        + " (host "
                        + node.host()
                        + "): tick "
                        + config.interval()
                        + ", window "
                        + sampler.window()
                        + ", sources "
                        + sampler.sourceStatuses().stream()
                                .map(
                                        s ->
                                                s.source().label()
                                                        + (s.available() ? "" : " (unavailable)"))
                                .toList()
                        + (publisher == null
                                ? ", publishing off"
                                : ", publishing to Kafka at " + kafka.get("bootstrap.servers")));
    }

    private void onWindows(List<DeviceWindow> windows) {
        metrics.record(windows);
        EnergySamplePublisher p = publisher;
        if (p == null) {
            return;
        }
        mapper.observe(windows);
        List<EnergySample> events = new ArrayList<>(windows.size());
        for (DeviceWindow w : windows) {
            try {
                events.add(mapper.toEvent(w));
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "window of " + w.device().id() + " not publishable: " + e);
            }
        }
        p.submit(events);
    }

    /** Stops sampling (publishing the partial last windows) and closes the producer. */
    public synchronized void stop() {
        if (loop != null) {
            loop.close();
        }
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    /** The metrics registry wrapper. */
    public EnergyMetrics metrics() {
        return metrics;
    }

    /** The names samples are published under. */
    public NodeIdentity node() {
        return node;
    }

    /** What readiness needs to know, taken now. */
    public MonitorState state() {
        SamplerLoop l = loop;
        if (l == null || !l.running()) {
            return new MonitorState(false, List.of(), -1, config.interval().toMillis());
        }
        Sampler s = l.sampler();
        long last = s.lastTickNanos();
        long age = last == Long.MIN_VALUE ? -1 : (s.clock().nanos() - last) / 1_000_000;
        return new MonitorState(true, s.sourceStatuses(), age, config.interval().toMillis());
    }

    /**
     * A snapshot for health checks.
     *
     * @param started whether sources are open and the sampler runs
     * @param sources each source's status
     * @param lastTickAgeMs milliseconds since the last tick, -1 before the first
     * @param intervalMs the tick interval
     */
    public record MonitorState(
            boolean started, List<SourceStatus> sources, long lastTickAgeMs, long intervalMs) {}
}
