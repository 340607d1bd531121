/**
 * CPU package and DRAM energy from Linux powercap RAPL counters ({@code energy_uj}) under a
 * configurable root: zone discovery and selection, MSR/MMIO duplicates removed, wrap-around
 * corrected with {@code max_energy_range_uj}, permission problems reported once.
 */
package io.greenband.energy.rapl;
