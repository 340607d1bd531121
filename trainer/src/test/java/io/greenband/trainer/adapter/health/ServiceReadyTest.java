package io.greenband.trainer.adapter.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.embedded.quarkus.HealthProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The service starts against the embedded Kafka broker and MongoDB server and reports itself live and ready. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ServiceReadyTest {

    @TestHTTPResource("/")
    URI service;

    @Test
    void liveAndReadyOnTheEmbeddedStack() throws Exception {
        assertThat(HealthProbe.live(service).httpStatus()).isEqualTo(200);

        HealthProbe.Report ready = HealthProbe.ready(service);
        assertThat(ready.httpStatus()).as(ready.body()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo("UP");
        assertThat(ready.upChecks()).contains("kafka");
    }
}
