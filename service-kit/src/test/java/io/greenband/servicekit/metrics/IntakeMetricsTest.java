package io.greenband.servicekit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.topic.Topic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * Dead letters are counted by the role of their topic, whatever the prefix, with a bounded label
 * set.
 */
class IntakeMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IntakeMetrics metrics = new IntakeMetrics(registry);

    @Test
    void deadLettersAreCountedByTopicRole() {
        metrics.deadLettered("prod.trial-scored");
        metrics.deadLettered("trial-scored");
        metrics.deadLettered("someone-elses-topic");

        assertThat(
                        registry.get("greenband.dead.letters")
                                .tag("topic", "trial-scored")
                                .counter()
                                .count())
                .isEqualTo(2.0);
        assertThat(
                        registry.get("greenband.dead.letters")
                                .tag("topic", IntakeMetrics.OTHER)
                                .counter()
                                .count())
                .isEqualTo(1.0);
        assertThat(metrics.deadLetters("x.trial-scored")).isEqualTo(2.0);
    }

    @Test
    void everyRoleIsRegisteredAtZeroFromTheStart() {
        metrics.registerAll();
        assertThat(registry.find("greenband.dead.letters").counters())
                .hasSize(Topic.values().length);
        assertThat(registry.get("greenband.dead.letters").tag("topic", "studies").counter().count())
                .isZero();
    }

    @Test
    void rolesIgnoreThePrefix() {
        for (Topic t : Topic.values()) {
            assertThat(IntakeMetrics.role("a.b-" + t.defaultName())).isEqualTo(t.defaultName());
        }
        assertThat(IntakeMetrics.role("scored")).isEqualTo(IntakeMetrics.OTHER);
    }
}
