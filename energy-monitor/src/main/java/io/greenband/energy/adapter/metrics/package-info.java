/** Per-device Prometheus metrics (Micrometer), named close to Kepler's and Zeus's. */
package io.greenband.energy.adapter.metrics;
