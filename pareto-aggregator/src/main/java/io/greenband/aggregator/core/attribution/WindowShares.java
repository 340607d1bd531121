package io.greenband.aggregator.core.attribution;

import java.util.List;

/**
 * Where one sample's energy went among a set of trials (for instance one study's): to them, to idle
 * time, or to the host's other processes, by the same rule the ledger charges trials with. Lets a
 * view show per window how much of a host's energy no trial of the set used, without a ledger.
 */
public final class WindowShares {

    /**
     * One window's split; {@code attributed + other + idle} is the sample's energy.
     *
     * @param attributed joules charged to the trials
     * @param other joules used by none of them while they ran (split by use only)
     * @param idle joules while none of them ran, and the estimate's idle baseline
     */
    public record Shares(double attributed, double other, double idle) {}

    private WindowShares() {}

    /**
     * The split of {@code sample}'s whole window among {@code trials} (those on its host; others
     * are ignored).
     */
    public static Shares of(EnergySample sample, List<TrialWindow> trials) {
        List<TrialWindow> onHost =
                trials.stream().filter(t -> t.host().equals(sample.host())).toList();
        Splitter.Allocation a =
                Splitter.split(sample, onHost, sample.windowStart(), sample.windowEnd());
        double attributed = a.trials().values().stream().mapToDouble(Double::doubleValue).sum();
        // Rounding can leave a hair between the parts; it goes to idle so the three add up to the
        // sample.
        double idle = Math.max(0, sample.joules() - attributed - a.other());
        return new Shares(attributed, a.other(), idle);
    }
}
