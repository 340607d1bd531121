package io.greenband.suggester.adapter.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.embedded.quarkus.HealthProbe;
import io.greenband.servicekit.intake.ConsumerWatch;
import io.greenband.suggester.adapter.messaging.SuggesterLoop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The running service's consumer, once reported stopped (as its loop reports a store or broker
 * failure), takes both probes DOWN with the consumer's name and the reason, which is what makes a
 * supervisor or Kubernetes restart it.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ConsumerDownTest {

    @TestHTTPResource("/")
    URI service;

    @Inject ConsumerWatch watch;

    @Test
    void aStoppedConsumerTakesLivenessAndReadinessDown() throws Exception {
        assertThat(HealthProbe.live(service).httpStatus()).isEqualTo(200);
        try {
            watch.failed(
                    SuggesterLoop.WATCH_NAME,
                    new IllegalStateException("snapshot store unreachable"));

            HealthProbe.Report live = HealthProbe.live(service);
            assertThat(live.httpStatus()).as(live.body()).isEqualTo(503);
            assertThat(live.status()).isEqualTo("DOWN");
            assertThat(live.body())
                    .contains(SuggesterLoop.WATCH_NAME, "stopped", "snapshot store unreachable");
            HealthProbe.Report ready = HealthProbe.ready(service);
            assertThat(ready.httpStatus()).as(ready.body()).isEqualTo(503);
            assertThat(ready.body())
                    .contains(SuggesterLoop.WATCH_NAME, "snapshot store unreachable");
        } finally {
            // The loop itself still polls: register it again so later tests of this app see it
            // healthy.
            watch.started(SuggesterLoop.WATCH_NAME);
        }
        assertThat(HealthProbe.live(service).httpStatus()).isEqualTo(200);
    }
}
