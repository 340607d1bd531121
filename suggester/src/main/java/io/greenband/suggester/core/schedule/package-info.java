/**
 * Multi-fidelity scheduling (SMAC's intensifier): the Hyperband budget ladder, synchronous
 * successive halving in brackets, asynchronous promotion, and the single-budget baseline.
 */
package io.greenband.suggester.core.schedule;
