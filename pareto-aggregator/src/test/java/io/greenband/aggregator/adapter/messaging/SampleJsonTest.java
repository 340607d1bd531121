package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleJsonTest {

    @Test
    void utcTimestampsParseAsTheStandardParserDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            Instant t =
                    Instant.ofEpochSecond(
                            random.nextLong(-2_000_000_000L, 8_000_000_000L),
                            random.nextInt(1_000_000_000));
            for (Instant v :
                    new Instant[] {
                        t, t.truncatedTo(ChronoUnit.SECONDS), t.truncatedTo(ChronoUnit.MILLIS)
                    }) {
                String text = DateTimeFormatter.ISO_INSTANT.format(v);
                assertThat(SampleJson.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
            }
        }
    }

    @Test
    void otherFormsAreLeftToTheStandardParser() {
        for (String s :
                new String[] {
                    "2026-01-01T00:00:00+01:00",
                    "2026-02-30T00:00:00Z",
                    "2026-01-01T24:00:00Z",
                    "2026-01-01T00:00:00.Z",
                    "2026-01-01 00:00:00Z",
                    "+12026-01-01T00:00:00Z",
                    "2026-01-01T00:00:00.1234567890Z",
                    "2026-01-01T00:00:6aZ"
                }) {
            assertThat(SampleJson.parseUtc(s)).as(s).isNull();
        }
    }
}
