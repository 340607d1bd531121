package io.greenband.aggregator.core.emissions;

import java.util.Objects;

/**
 * The carbon accounting of one study: its settings resolved once to a fixed intensity, then applied
 * to every trial's energy.
 */
public final class StudyCarbon {

    private final CarbonSettings settings;
    private final CarbonIntensity intensity;

    /** Resolves the study's intensity now; it stays fixed for the study. */
    public StudyCarbon(CarbonSettings settings, IntensityResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.intensity = resolver.resolve(settings);
    }

    /** Emissions of one trial's energy. */
    public Emissions emissionsOf(EnergyBreakdown energy) {
        return Emissions.of(energy, settings.pue(), intensity);
    }

    /** The intensity in use. */
    public CarbonIntensity intensity() {
        return intensity;
    }

    /** The settings. */
    public CarbonSettings settings() {
        return settings;
    }
}
