/**
 * What every energy source hands the sampler: device descriptions, one reading per device and tick,
 * and the source's own status. Sources never throw on a failing device; they report it in a
 * reading.
 */
package io.greenband.energy.source;
