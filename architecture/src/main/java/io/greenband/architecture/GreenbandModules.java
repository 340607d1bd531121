package io.greenband.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Every module's rules, in one place. A module's {@code ArchitectureTest} checks its constant's
 * {@link ModuleRules#all()} (or {@link #events()}) against its main classes. A new module adds a
 * constant here.
 */
public final class GreenbandModules {

    /** Plain-Java Pareto maths: uses Java and the events' payloads only. */
    public static final ModuleRules PARETO = ModuleRules.service("io.greenband.pareto");

    /** The embedded Kafka broker and MongoDB server for tests and {@code greenband local}. */
    public static final ModuleRules EMBEDDED = ModuleRules.library("io.greenband.embedded");

    /** What the services share: health, intake path, Kafka and MongoDB wiring. */
    public static final ModuleRules SERVICE_KIT = ModuleRules.library("io.greenband.servicekit");

    /** The suggester: a plain core, a plain driver, Quarkus adapters. */
    public static final ModuleRules SUGGESTER = ModuleRules.service("io.greenband.suggester");

    /**
     * The trainer: its core (dsnn, data, optim, runner, onnx, worker and any new package) is built
     * on DJL and ONNX Runtime, and reads a user program's JSON or YAML output and registry with
     * Jackson.
     */
    public static final ModuleRules TRAINER =
            ModuleRules.service(
                    "io.greenband.trainer", "ai.djl..", "ai.onnxruntime..", Libraries.JACKSON);

    /** The energy monitor: its readers reach NVML and RAPL through JNA. */
    public static final ModuleRules ENERGY =
            ModuleRules.service("io.greenband.energy", Libraries.JNA);

    /** The Pareto aggregator: a plain core, Mongo and Kafka only in adapters. */
    public static final ModuleRules AGGREGATOR = ModuleRules.service("io.greenband.aggregator");

    /** The command line: plain Java with picocli, Kafka and MongoDB clients. */
    public static final ModuleRules CLI = ModuleRules.tool("io.greenband.cli");

    /**
     * The benchmarks: plain Java. The aggregator's is driven through its driver and the parts its
     * {@code config} exposes; the attribution benchmark still maps windows with the energy
     * monitor's messaging adapter, which is tolerated until that mapping has a home outside the
     * adapter.
     */
    public static final ModuleRules BENCHMARKS =
            ModuleRules.tool("io.greenband.benchmarks").tolerating("io.greenband.energy.adapter..");

    /**
     * The events' CloudEvents/Kafka binding: a lower module, the one events package that may use
     * Kafka.
     */
    public static final ModuleRules EVENTS_KAFKA = ModuleRules.library("io.greenband.events.kafka");

    /**
     * CIFAR-10 and Fashion-MNIST files, downloads and layouts: plain Java, usable by any module.
     */
    public static final ModuleRules DATASETS = ModuleRules.service("io.greenband.datasets");

    private static final String EVENTS = "io.greenband.events";

    private GreenbandModules() {}

    /**
     * The events module's rules: a lower module; payloads, spaces, studies and topics use only
     * Java, events and Jackson and the payload codec; no framework but Jackson and the schema
     * validator, and never Kafka or CloudEvents, which only the binding ({@code
     * io.greenband.events.kafka}, module {@code events-kafka}) uses.
     */
    public static ArchRule events() {
        ModuleRules library = ModuleRules.library(EVENTS);
        DescribedPredicate<JavaClass> binding = Libraries.eventsKafkaBinding();
        DescribedPredicate<JavaClass> codec = resideInAPackage(EVENTS + ".codec..");
        DescribedPredicate<JavaClass> events =
                resideInAPackage(EVENTS + "..").and(not(binding)).as("events");
        DescribedPredicate<JavaClass> model = events.and(not(codec)).as("events model");
        List<String> others = new ArrayList<>(Libraries.FRAMEWORKS);
        others.removeAll(List.of(Libraries.JACKSON, Libraries.SCHEMA_VALIDATOR));
        ArchRule modelPlain =
                classes()
                        .that(model)
                        .should()
                        .onlyDependOnClassesThat(
                                resideInAnyPackage("java..", Libraries.JACKSON).or(model).or(codec))
                        .as(
                                "events' payloads, spaces, studies and topics use only java.*, Jackson, the codec and each other");
        ArchRule noFramework =
                noClasses()
                        .that(events)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(others.toArray(String[]::new))
                        .as(
                                "events uses no framework but Jackson and the schema validator: no Kafka, no CloudEvents");
        ArchRule noBinding =
                noClasses()
                        .that(events)
                        .should()
                        .dependOnClassesThat(binding)
                        .as("events uses not its Kafka binding, which depends on it");
        return CompositeArchRule.of(library.all()).and(modelPlain).and(noFramework).and(noBinding);
    }
}
