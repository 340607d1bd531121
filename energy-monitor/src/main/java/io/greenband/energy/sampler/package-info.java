/**
 * Turns source readings into per-device energy windows: counter deltas with reset detection,
 * mean-power intervals, running totals, and UTC window bounds derived from monotonic time. Plain
 * Java, driven by a {@link io.greenband.energy.sampler.Ticker} and a {@link
 * io.greenband.energy.sampler.SamplerClock} so tests script time.
 */
package io.greenband.energy.sampler;
