package io.greenband.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules of one module. A service module's packages are edges ({@code adapter}, {@code config},
 * {@code health}), {@code driver}, or core: every other package, so a package added tomorrow is
 * core until it is named an edge. Built by {@link GreenbandModules}; a module's test checks {@link
 * #all()}.
 *
 * @param base the module's root package, e.g. {@code io.greenband.trainer}
 * @param kind what the module is, which decides the rules that apply
 * @param coreLibraries libraries besides {@code java.*} and the neutral modules the core may use
 * @param toleratedAdapters other modules' adapter packages this module still uses, each a debt to
 *     pay
 */
public record ModuleRules(
        String base, Kind kind, List<String> coreLibraries, List<String> toleratedAdapters) {

    /** What a module is. */
    public enum Kind {
        /** A service: core, driver and edges. */
        SERVICE,
        /** A lower module (events, pareto, embedded, service-kit): never uses a service or tool. */
        LIBRARY,
        /** A plain-Java program (CLI, benchmarks): no service framework. */
        TOOL
    }

    /** Validates and copies the lists. */
    public ModuleRules {
        if (base == null || !base.startsWith("io.greenband.")) {
            throw new IllegalArgumentException(
                    "base must be a package under io.greenband, got " + base);
        }
        coreLibraries = List.copyOf(coreLibraries);
        toleratedAdapters = List.copyOf(toleratedAdapters);
    }

    /**
     * The rules of a service whose core may use {@code coreLibraries} besides Java and the neutral
     * modules.
     */
    public static ModuleRules service(String base, String... coreLibraries) {
        return new ModuleRules(base, Kind.SERVICE, List.of(coreLibraries), List.of());
    }

    /** The rules of a lower module. */
    public static ModuleRules library(String base) {
        return new ModuleRules(base, Kind.LIBRARY, List.of(), List.of());
    }

    /** The rules of a plain-Java program. */
    public static ModuleRules tool(String base) {
        return new ModuleRules(base, Kind.TOOL, List.of(), List.of());
    }

    /** These rules, tolerating the given adapter packages of other modules. */
    public ModuleRules tolerating(String... adapterPackages) {
        return new ModuleRules(base, kind, coreLibraries, List.of(adapterPackages));
    }

    /** Every rule that applies to this module, as one rule. */
    public ArchRule all() {
        List<ArchRule> rules = new ArrayList<>(List.of(moduleIsImported(), noForeignAdapters()));
        switch (kind) {
            case SERVICE ->
                    rules.addAll(
                            List.of(
                                    coreUsesNoFramework(),
                                    coreUsesNoEdge(),
                                    coreUsesOnlyAllowed(),
                                    driverUsesOnlyAllowed(),
                                    layers()));
            case LIBRARY -> rules.add(usesNoUpperModule());
            case TOOL -> rules.add(usesNoServiceFramework());
        }
        return CompositeArchRule.of(rules).as("the rules of " + base);
    }

    /**
     * The module's classes were found: guards the other rules, which allow an empty selection (a
     * module without a driver), against passing on nothing. Evaluating it on no classes throws.
     */
    public ArchRule moduleIsImported() {
        return classes()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .resideInAPackage(base + "..")
                .as("the module " + base + " has classes to check");
    }

    /** A core uses no framework, broker, database or engine it is not allowed. */
    public ArchRule coreUsesNoFramework() {
        String[] forbidden =
                Libraries.FRAMEWORKS.stream()
                        .filter(p -> !coreLibraries.contains(p))
                        .toArray(String[]::new);
        return noClasses()
                .that(core())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .as("the core of " + base + " uses no framework, broker, database or engine")
                .because("a core is plain Java; frameworks live in adapters")
                .allowEmptyShould(true);
    }

    /** A core uses none of its module's edges or driver (the trainer's runners no adapter). */
    public ArchRule coreUsesNoEdge() {
        return noClasses()
                .that(core())
                .should()
                .dependOnClassesThat(edge().or(driver()))
                .as("the core of " + base + " uses none of its adapters, config, health or driver")
                .because("dependencies point inwards: adapter -> driver -> core")
                .allowEmptyShould(true);
    }

    /** A core uses only Java, its own core, the neutral modules and its allowed libraries. */
    public ArchRule coreUsesOnlyAllowed() {
        return classes()
                .that(core())
                .should()
                .onlyDependOnClassesThat(allowed(core()))
                .as(
                        "the core of "
                                + base
                                + " uses only java.*, its own core, "
                                + Libraries.NEUTRAL
                                + (coreLibraries.isEmpty() ? "" : " and " + coreLibraries))
                .allowEmptyShould(true);
    }

    /** A driver uses only what its core may, plus the core itself. */
    public ArchRule driverUsesOnlyAllowed() {
        return classes()
                .that(driver())
                .should()
                .onlyDependOnClassesThat(allowed(core().or(driver())))
                .as(
                        "the driver of "
                                + base
                                + " uses only java.*, its core and driver and "
                                + Libraries.NEUTRAL)
                .allowEmptyShould(true);
    }

    /** Adapter -> driver -> core, never back. */
    public ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("core")
                .definedBy(core())
                .layer("driver")
                .definedBy(driver())
                .layer("edge")
                .definedBy(edge())
                .whereLayer("edge")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("driver")
                .mayOnlyBeAccessedByLayers("edge")
                .whereLayer("core")
                .mayOnlyBeAccessedByLayers("driver", "edge")
                .as(
                        "in "
                                + base
                                + " adapters use the driver and the core, the driver the core, never back");
    }

    /** No module reaches into another module's adapters. */
    public ArchRule noForeignAdapters() {
        DescribedPredicate<JavaClass> foreign =
                resideInAPackage(Libraries.ANY_ADAPTER).and(not(resideInAPackage(base + "..")));
        if (!toleratedAdapters.isEmpty()) {
            foreign =
                    foreign.and(not(resideInAnyPackage(toleratedAdapters.toArray(String[]::new))));
        }
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .dependOnClassesThat(foreign)
                .as(
                        base
                                + " uses no other module's adapters"
                                + (toleratedAdapters.isEmpty()
                                        ? ""
                                        : " (tolerated for now: " + toleratedAdapters + ")"));
    }

    /** A lower module uses no service or tool module. */
    public ArchRule usesNoUpperModule() {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Libraries.UPPER_MODULES.toArray(String[]::new))
                .as(base + " uses no service, CLI or benchmark module");
    }

    /** A plain-Java program uses no service framework. */
    public ArchRule usesNoServiceFramework() {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Libraries.SERVICE_FRAMEWORKS.toArray(String[]::new))
                .as(
                        base
                                + " is plain Java: no Quarkus, Jakarta, MicroProfile, JBoss logging, SmallRye or Vert.x");
    }

    /** Classes of the module's core: neither an edge nor the driver. */
    public DescribedPredicate<JavaClass> core() {
        return resideInAPackage(base + "..")
                .and(not(edge()))
                .and(not(driver()))
                .as("core of " + base);
    }

    /** Classes of the module's driver. */
    public DescribedPredicate<JavaClass> driver() {
        return resideInAPackage(base + ".driver..").as("driver of " + base);
    }

    /** Classes of the module's edges, where frameworks live. */
    public DescribedPredicate<JavaClass> edge() {
        return resideInAnyPackage(base + ".adapter..", base + ".config..", base + ".health..")
                .as("adapters of " + base);
    }

    private DescribedPredicate<JavaClass> allowed(DescribedPredicate<JavaClass> own) {
        String[] packages =
                Stream.concat(
                                Stream.of("java.."),
                                Stream.concat(Libraries.NEUTRAL.stream(), coreLibraries.stream()))
                        .toArray(String[]::new);
        DescribedPredicate<JavaClass> neutral =
                resideInAnyPackage(packages).and(not(Libraries.eventsKafkaBinding()));
        return neutral.or(own);
    }
}
