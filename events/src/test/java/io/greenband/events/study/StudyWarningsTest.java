package io.greenband.events.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.payload.StudyDefined;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyWarningsTest {

    private static List<String> warnings(String budget, String scheduler) {
        StudyDefined s =
                StudyReader.read(
                        """
                studyId: w
                space: dsnn-table1
                fidelity: {knob: epochs, min: 1, max: 27, eta: 3}
                scheduler: %s
                budget: %s
                """
                                .formatted(scheduler, budget),
                        "w.yaml",
                        null);
        return StudyWarnings.of(s);
    }

    @Test
    void aBudgetThatEndsBeforeTheMaximumFidelityIsWarnedAbout() {
        // 1..27, eta 3: the first bracket runs 27 + 9 + 3 = 39 trials (27 + 27 + 27 = 81 epochs)
        // first.
        List<String> w = warnings("{maxTrials: 20}", "{kind: hyperband}");
        assertThat(w).hasSize(1);
        assertThat(w.get(0))
                .contains("maxTrials 20")
                .contains("39 trials")
                .contains("27 at 1, 9 at 3, 3 at 9")
                .contains("at least 40")
                .contains("full-parego-rf");
        assertThat(warnings("{maxTrials: 40}", "{kind: hyperband}")).isEmpty();
        List<String> f = warnings("{totalFidelityBudget: 100}", "{kind: asha}");
        assertThat(f).singleElement().asString().contains("spends 81").contains("at least 108");
        assertThat(warnings("{totalFidelityBudget: 108}", "{kind: asha}")).isEmpty();
    }

    @Test
    void fullFidelitySchedulersAreNotWarnedAbout() {
        assertThat(warnings("{maxTrials: 5}", "{kind: random}")).isEmpty();
        assertThat(warnings("{maxTrials: 5}", "{preset: full-parego-rf}")).isEmpty();
    }
}
