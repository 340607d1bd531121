package io.greenband.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import java.util.List;

/** Package patterns (ArchUnit syntax) the rules speak of. */
public final class Libraries {

    /**
     * Frameworks, brokers, databases and engines: an edge's business, never a core's unless a
     * module allows one.
     */
    public static final List<String> FRAMEWORKS =
            List.of(
                    "io.quarkus..",
                    "jakarta..",
                    "javax..",
                    "org.eclipse.microprofile..",
                    "org.jboss..",
                    "io.smallrye..",
                    "io.vertx..",
                    "io.netty..",
                    "io.micrometer..",
                    "org.apache.kafka..",
                    "io.cloudevents..",
                    "com.mongodb..",
                    "org.bson..",
                    "de.bwaldvogel..",
                    "com.fasterxml.jackson..",
                    "com.networknt..",
                    "picocli..",
                    "ai.djl..",
                    "ai.onnxruntime..",
                    "com.sun.jna..",
                    "org.slf4j..");

    /**
     * Jackson: the events codec's format library, allowed in payload records for their annotations.
     */
    public static final String JACKSON = "com.fasterxml.jackson..";

    /** The JSON Schema validator the events codec uses. */
    public static final String SCHEMA_VALIDATOR = "com.networknt..";

    /**
     * The Kafka client and the CloudEvents SDK: only the events' Kafka binding ({@code
     * events-kafka}) and edges use them.
     */
    public static final List<String> KAFKA_BINDING_LIBRARIES =
            List.of("org.apache.kafka..", "io.cloudevents..");

    /** Deep learning engines the trainer's core is built on. */
    public static final List<String> DJL = List.of("ai.djl..", "ai.onnxruntime..");

    /** Native access the energy monitor's readers use (NVML, RAPL). */
    public static final String JNA = "com.sun.jna..";

    /**
     * Frameworks a plain-Java tool (the CLI, the benchmarks) does without: it is no Quarkus
     * service.
     */
    public static final List<String> SERVICE_FRAMEWORKS =
            List.of(
                    "io.quarkus..",
                    "jakarta..",
                    "org.eclipse.microprofile..",
                    "org.jboss.logging..",
                    "io.smallrye..",
                    "io.vertx..");

    /**
     * The neutral modules any core may use: the events' payloads, schemas and payload codec, the
     * Pareto maths and the data set files. The events' Kafka binding ({@link
     * #EVENTS_KAFKA_BINDING}) is not neutral.
     */
    public static final List<String> NEUTRAL =
            List.of("io.greenband.events..", "io.greenband.pareto..", "io.greenband.datasets..");

    /**
     * The events' CloudEvents/Kafka binding (module {@code events-kafka}), which is not neutral:
     * the only events package that may use Kafka or CloudEvents. {@code RejectedEvent} in {@code
     * events.deadletter} is a plain exception and neutral.
     */
    public static final List<String> EVENTS_KAFKA_BINDING = List.of("io.greenband.events.kafka..");

    /**
     * Modules that run the loop or drive it; lower modules (events, pareto, embedded, service-kit)
     * never use them.
     */
    public static final List<String> UPPER_MODULES =
            List.of(
                    "io.greenband.suggester..",
                    "io.greenband.trainer..",
                    "io.greenband.energy..",
                    "io.greenband.aggregator..",
                    "io.greenband.cli..",
                    "io.greenband.benchmarks..");

    /** Every module's adapters; one module never reaches into another's. */
    public static final String ANY_ADAPTER = "io.greenband.*.adapter..";

    /** Classes of the events' Kafka binding ({@link #EVENTS_KAFKA_BINDING}). */
    public static DescribedPredicate<JavaClass> eventsKafkaBinding() {
        return DescribedPredicate.describe(
                "the events' Kafka binding",
                c ->
                        EVENTS_KAFKA_BINDING.stream()
                                .anyMatch(p -> PackageMatcher.of(p).matches(c.getPackageName())));
    }

    private Libraries() {}
}
