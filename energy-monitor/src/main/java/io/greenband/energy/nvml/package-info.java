/**
 * NVIDIA GPUs through NVML ({@code libnvidia-ml.so.1}) with a thin JNA binding to the versioned
 * symbols: discovery keyed by GPU UUID, the cumulative energy counter where supported and power
 * otherwise, utilization, power limit and running compute processes.
 */
package io.greenband.energy.nvml;
