/** The energy monitor's readiness: sources initialised and the sampler ticking. */
package io.greenband.energy.health;
