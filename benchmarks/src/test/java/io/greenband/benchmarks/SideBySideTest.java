package io.greenband.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Medians over alternating rounds and greenband / reference ratios of the trainer benchmark. */
class SideBySideTest {

    @Test
    void mediansPerMeasureAndRatiosOfTheMedians() {
        SideBySide sides = new SideBySide();
        sides.addGreenband(new TrainerThroughput.Result(10, 40, 900));
        sides.addGreenband(new TrainerThroughput.Result(30, 20, 800));
        sides.addGreenband(new TrainerThroughput.Result(20, 30, 1000));
        sides.addReference(new TrainerThroughput.Result(25, 60, 600));
        sides.addReference(new TrainerThroughput.Result(15, 50, 500));

        // medians are taken per measure, not per round: greenband (20, 30, 900), reference (20, 55,
        // 550)
        assertThat(sides.greenbandMedian()).isEqualTo(new TrainerThroughput.Result(20, 30, 900));
        assertThat(sides.referenceMedian()).isEqualTo(new TrainerThroughput.Result(20, 55, 550));
        assertThat(sides.ratios())
                .containsExactly(
                        Map.entry("train", 1.0),
                        Map.entry("infer", 0.55),
                        Map.entry("peak_memory", 1.64));
    }

    @Test
    void withoutTheReferenceThereAreNoRatiosAndTheOldKeysStay() {
        SideBySide floatSides = new SideBySide();
        floatSides.addGreenband(new TrainerThroughput.Result(20, 50, 700));
        SideBySide q = new SideBySide();
        q.addGreenband(new TrainerThroughput.Result(12, 40, 900));
        Map<String, SideBySide> results = new LinkedHashMap<>();
        results.put("float", floatSides);
        results.put("q-19", q);

        Map<String, Object> json = new TrainerReport(results, null).json();

        assertThat(q.referenceMedian()).isNull();
        assertThat(q.ratios()).isEmpty();
        assertThat(json.get("train_images_per_s")).isEqualTo(Map.of("float", 20.0, "q-19", 12.0));
        assertThat(json.get("min_dsnn_train_ratio")).isEqualTo(0.6);
        assertThat(json.get("target_met")).isEqualTo(true);
        assertThat(json.get("reference")).isEqualTo(Map.of());
        assertThat(((Map<?, ?>) json.get("greenband")).get("q-19"))
                .isEqualTo(
                        SideBySide.json(
                                q.greenbandMedian(),
                                List.of(new TrainerThroughput.Result(12, 40, 900))));
    }
}
