package io.greenband.suggester.core.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.suggester.core.TestSpaces;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.preset.Preset;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot written by format 1 must keep restoring: stored studies resume across releases. */
class PinnedSnapshotTest {

    /**
     * The spec the pinned snapshot was taken from (the preset then kept SMAC's highest-budget
     * rule).
     */
    private static StudySpec spec() {
        return Preset.HYPERBAND_PAREGO_RF
                .builder()
                .optBudgetFeature(false)
                .setSpace(TestSpaces.square())
                .setObjectives(List.of(ObjectiveSpec.minimize("f"), ObjectiveSpec.maximize("g")))
                .optFidelity(FidelitySpec.of(1, 9))
                .optSeed(1)
                .optTrialsHint(20)
                .optRandomCandidates(200)
                .build();
    }

    @Test
    void formatOneSnapshotRestoresAndContinues() throws Exception {
        OptimizerSnapshot snapshot;
        try (InputStream in =
                getClass().getResourceAsStream("/snapshots/v1-hyperband-parego-rf.json")) {
            snapshot = new ObjectMapper().readValue(in, OptimizerSnapshot.class);
        }
        assertThat(snapshot.formatVersion()).isEqualTo(1);
        Optimizer opt = Optimizer.restore(spec(), snapshot);
        assertThat(opt.history().trialCount()).isEqualTo(24);
        assertThat(opt.history().pending()).hasSize(3);
        assertThat(opt.history().trial(4).status()).isEqualTo(TrialStatus.FAILED);
        assertThat(opt.snapshot()).isEqualTo(snapshot);
        opt.history().pending().stream()
                .map(r -> r.trialId())
                .toList()
                .forEach(id -> opt.tell(id, new double[] {1, 0}));
        for (int i = 0; i < 10; i++) {
            Trial t = opt.ask();
            assertThat(t.trialId()).isEqualTo(24 + i);
            assertThat(t.split()).isEqualTo(24 + i);
            opt.tell(t.trialId(), new double[] {t.vector()[0], t.vector()[1]});
        }
    }
}
