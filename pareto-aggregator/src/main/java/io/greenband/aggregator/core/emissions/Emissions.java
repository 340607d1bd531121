package io.greenband.aggregator.core.emissions;

/**
 * Emissions of some energy. IT energy and facility energy are both kept so the PUE can be changed
 * later.
 *
 * @param itKwh IT energy (what was measured)
 * @param pue the factor applied
 * @param facilityKwh IT energy x PUE
 * @param gpuKwh GPU part of the facility energy (CodeCarbon semantics: PUE applied)
 * @param cpuKwh CPU part of the facility energy
 * @param ramKwh RAM part of the facility energy
 * @param gramsCo2eq facility kWh x intensity
 * @param intensity the intensity used, with its source
 */
public record Emissions(
        double itKwh,
        double pue,
        double facilityKwh,
        double gpuKwh,
        double cpuKwh,
        double ramKwh,
        double gramsCo2eq,
        CarbonIntensity intensity) {

    /** Joules in one kWh. */
    public static final double JOULES_PER_KWH = 3_600_000.0;

    /** Computes the emissions of an energy breakdown. */
    public static Emissions of(EnergyBreakdown energy, double pue, CarbonIntensity intensity) {
        if (!Double.isFinite(pue) || pue < 1.0) {
            throw new IllegalArgumentException(
                    "pue is " + pue + ": power usage effectiveness is at least 1.0");
        }
        double itKwh = energy.totalJoules() / JOULES_PER_KWH;
        double facilityKwh = itKwh * pue;
        return new Emissions(
                itKwh,
                pue,
                facilityKwh,
                energy.gpuJoules() / JOULES_PER_KWH * pue,
                energy.cpuJoules() / JOULES_PER_KWH * pue,
                energy.ramJoules() / JOULES_PER_KWH * pue,
                facilityKwh * intensity.gramsPerKwh(),
                intensity);
    }

    /** Emissions in kilograms (CodeCarbon's unit). */
    public double kilogramsCo2eq() {
        return gramsCo2eq / 1000.0;
    }
}
