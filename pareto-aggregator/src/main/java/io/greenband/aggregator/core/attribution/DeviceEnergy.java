package io.greenband.aggregator.core.attribution;

/**
 * A trial's energy from one device or host component.
 *
 * @param device         GPU UUID or component name ({@code cpu} when the trial held the CPU but the host
 *                       reported no CPU measurement at all)
 * @param component      what was measured
 * @param joules         energy attributed to the trial
 * @param coveredSeconds time of the trial's window covered by samples of this stream
 * @param gapSeconds     time of the trial's window with no sample of this stream
 * @param shared         whether part of this energy was split with another trial
 */
public record DeviceEnergy(String device, Component component, double joules, double coveredSeconds,
    double gapSeconds, boolean shared) {

  /** Whether the energy is modelled rather than measured. */
  public boolean estimated() {
    return component == Component.ESTIMATED;
  }
}
