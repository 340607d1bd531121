/**
 * The {@code monitor} benchmark: CPU used by the energy-monitor's sampler at 1 Hz and 10 Hz, with
 * the energy sources this machine really has (RAPL or the estimate, NVML when a GPU is present).
 */
package io.greenband.benchmarks.monitor;
