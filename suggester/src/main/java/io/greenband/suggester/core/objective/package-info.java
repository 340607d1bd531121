/**
 * Turning several objectives into decisions: per-objective bounds, ParEGO and mean scalarization
 * for the surrogate, and promotion rankings by non-dominated sorting with true per-item ranks.
 */
package io.greenband.suggester.core.objective;
