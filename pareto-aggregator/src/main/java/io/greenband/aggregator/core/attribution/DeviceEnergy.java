package io.greenband.aggregator.core.attribution;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trial's energy from one device or host component.
 *
 * @param device GPU UUID or component name ({@code cpu} when the trial held the CPU but the host
 *     reported no CPU measurement at all)
 * @param component what was measured
 * @param joules energy attributed to the trial
 * @param coveredSeconds time of the trial's window covered by samples of this stream
 * @param gapSeconds time of the trial's window with no sample of this stream
 * @param shared whether part of this energy was split with another trial
 * @param basis how the shares were computed (several when it changed over the range)
 * @param otherJoules energy of this stream used by no trial while the trial ran (not in {@code
 *     joules})
 */
public record DeviceEnergy(
        String device,
        Component component,
        double joules,
        double coveredSeconds,
        double gapSeconds,
        boolean shared,
        Set<ShareBasis> basis,
        double otherJoules) {

    /** Copies the bases. */
    public DeviceEnergy {
        basis =
                basis == null || basis.isEmpty()
                        ? Set.of()
                        : Collections.unmodifiableSet(EnumSet.copyOf(basis));
    }

    /** Energy without attribution details. */
    public DeviceEnergy(
            String device,
            Component component,
            double joules,
            double coveredSeconds,
            double gapSeconds,
            boolean shared) {
        this(device, component, joules, coveredSeconds, gapSeconds, shared, Set.of(), 0);
    }

    /** The bases in declaration order joined by {@code +}, empty when none applied. */
    public String basisLabel() {
        StringBuilder b = new StringBuilder();
        for (ShareBasis s : new TreeSet<>(basis)) {
            b.append(b.length() == 0 ? "" : "+").append(s.name());
        }
        return b.toString();
    }

    /** Whether the energy is modelled rather than measured. */
    public boolean estimated() {
        return component == Component.ESTIMATED;
    }
}
