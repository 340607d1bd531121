package io.greenband.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.greenband.aggregator.adapter.persistence.SampleMongoStore;
import io.greenband.aggregator.core.attribution.BadStoreUser;
import io.greenband.aggregator.core.objective.BadMicroprofileConfig;
import io.greenband.aggregator.driver.BadDriverUsingMongo;
import io.greenband.energy.source.BadJbossLogging;
import io.greenband.events.kafka.SampleBinding;
import io.greenband.events.payload.BadPayloadWithKafka;
import io.greenband.suggester.adapter.messaging.SampleConsumer;
import io.greenband.suggester.core.study.BadBindingUser;
import io.greenband.suggester.core.study.BadFullyQualifiedKafka;
import io.greenband.suggester.core.study.GoodStudyCore;
import io.greenband.suggester.driver.BadDriverUsingAdapter;
import io.greenband.trainer.adapter.messaging.SampleTrialPublisher;
import io.greenband.trainer.dsnn.BadSmallRye;
import io.greenband.trainer.runner.BadAdapterRunner;
import io.greenband.trainer.runner.GoodRunner;
import io.greenband.trainer.telemetry.BadKafkaTelemetry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each deliberately bad sample class (test sources, in the packages of the module it imitates)
 * breaks the rules: both the named rule and the module's whole rule set report it, naming the class
 * and what it used. The good samples pass, so the rules do not fail on everything.
 */
class BadSamplesTest {

    static Stream<Arguments> mutations() {
        return Stream.of(
                Arguments.of(
                        "a fully qualified Kafka type in the suggester core",
                        GreenbandModules.SUGGESTER,
                        GreenbandModules.SUGGESTER.coreUsesNoFramework(),
                        BadFullyQualifiedKafka.class,
                        "org.apache.kafka.common.TopicPartition",
                        new Class<?>[] {GoodStudyCore.class}),
                Arguments.of(
                        "MicroProfile Config in the aggregator core",
                        GreenbandModules.AGGREGATOR,
                        GreenbandModules.AGGREGATOR.coreUsesNoFramework(),
                        BadMicroprofileConfig.class,
                        "org.eclipse.microprofile.config.inject.ConfigProperty",
                        new Class<?>[0]),
                Arguments.of(
                        "JBoss Logging in the energy monitor's core",
                        GreenbandModules.ENERGY,
                        GreenbandModules.ENERGY.coreUsesNoFramework(),
                        BadJbossLogging.class,
                        "org.jboss.logging.Logger",
                        new Class<?>[0]),
                Arguments.of(
                        "SmallRye in the trainer core",
                        GreenbandModules.TRAINER,
                        GreenbandModules.TRAINER.coreUsesNoFramework(),
                        BadSmallRye.class,
                        "io.smallrye.common.constraint.Assert",
                        new Class<?>[] {GoodRunner.class}),
                Arguments.of(
                        "the aggregator core importing its own Mongo adapter",
                        GreenbandModules.AGGREGATOR,
                        GreenbandModules.AGGREGATOR.coreUsesNoEdge(),
                        BadStoreUser.class,
                        SampleMongoStore.class.getName(),
                        new Class<?>[] {SampleMongoStore.class}),
                Arguments.of(
                        "a trainer runner importing an adapter",
                        GreenbandModules.TRAINER,
                        GreenbandModules.TRAINER.coreUsesNoEdge(),
                        BadAdapterRunner.class,
                        SampleTrialPublisher.class.getName(),
                        new Class<?>[] {SampleTrialPublisher.class, GoodRunner.class}),
                Arguments.of(
                        "a new trainer package importing Kafka",
                        GreenbandModules.TRAINER,
                        GreenbandModules.TRAINER.coreUsesNoFramework(),
                        BadKafkaTelemetry.class,
                        "org.apache.kafka.clients.producer.Producer",
                        new Class<?>[] {GoodRunner.class}),
                Arguments.of(
                        "the suggester driver reaching back into an adapter",
                        GreenbandModules.SUGGESTER,
                        GreenbandModules.SUGGESTER.layers(),
                        BadDriverUsingAdapter.class,
                        SampleConsumer.class.getName(),
                        new Class<?>[] {SampleConsumer.class, GoodStudyCore.class}),
                Arguments.of(
                        "the aggregator driver using MongoDB",
                        GreenbandModules.AGGREGATOR,
                        GreenbandModules.AGGREGATOR.driverUsesOnlyAllowed(),
                        BadDriverUsingMongo.class,
                        "org.bson.Document",
                        new Class<?>[0]),
                Arguments.of(
                        "the suggester core using the events' Kafka binding",
                        GreenbandModules.SUGGESTER,
                        GreenbandModules.SUGGESTER.coreUsesOnlyAllowed(),
                        BadBindingUser.class,
                        SampleBinding.class.getName(),
                        new Class<?>[] {GoodStudyCore.class}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void eachBadSampleBreaksItsRuleAndItsModulesRules(
            String mutation,
            ModuleRules module,
            ArchRule rule,
            Class<?> bad,
            String used,
            Class<?>[] company) {
        JavaClasses classes = new ClassFileImporter().importClasses(with(bad, company));

        for (ArchRule checked : new ArchRule[] {rule, module.all()}) {
            EvaluationResult result = checked.evaluate(classes);
            assertThat(result.hasViolation())
                    .as(mutation + " breaks " + checked.getDescription())
                    .isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .as(mutation)
                    .anySatisfy(line -> assertThat(line).contains(bad.getName()).contains(used));
        }
        // Without the bad class the same module passes: the violation is the sample's, not its
        // company's.
        if (company.length > 0) {
            EvaluationResult clean =
                    module.all().evaluate(new ClassFileImporter().importClasses(company));
            assertThat(clean.getFailureReport().getDetails())
                    .as(mutation + " without the bad class")
                    .isEmpty();
        }
    }

    @Test
    void kafkaInAnEventsPayloadBreaksTheEventsRules() {
        EvaluationResult result =
                GreenbandModules.events()
                        .evaluate(new ClassFileImporter().importClasses(BadPayloadWithKafka.class));

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .contains(BadPayloadWithKafka.class.getName())
                                        .contains("org.apache.kafka.common.header.Headers"));
    }

    @Test
    void goodSamplesPassEveryRuleOfTheirModule() {
        EvaluationResult trainer =
                GreenbandModules.TRAINER
                        .all()
                        .evaluate(
                                new ClassFileImporter()
                                        .importClasses(
                                                GoodRunner.class, SampleTrialPublisher.class));
        EvaluationResult suggester =
                GreenbandModules.SUGGESTER
                        .all()
                        .evaluate(
                                new ClassFileImporter()
                                        .importClasses(GoodStudyCore.class, SampleConsumer.class));

        assertThat(trainer.getFailureReport().getDetails()).isEmpty();
        assertThat(suggester.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void aModuleWithoutClassesFailsInsteadOfPassingOnNothing() {
        JavaClasses trainerOnly = new ClassFileImporter().importClasses(GoodRunner.class);

        assertThatThrownBy(() -> GreenbandModules.CLI.all().evaluate(trainerOnly))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.greenband.cli has classes to check");
    }

    private static Class<?>[] with(Class<?> bad, Class<?>[] company) {
        return Stream.concat(Stream.of(bad), Stream.of(company)).toArray(Class<?>[]::new);
    }
}
