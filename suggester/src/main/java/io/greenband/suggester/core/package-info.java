/**
 * The framework-free optimizer: an ask/tell loop over multi-fidelity schedules (Hyperband,
 * successive halving, asynchronous promotion), multi-objective scalarization and ranking, and a
 * random-forest surrogate.
 */
package io.greenband.suggester.core;
