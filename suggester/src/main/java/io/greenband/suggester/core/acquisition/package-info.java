/** Acquisition functions: how promising a configuration is under the surrogate (SMAC's log-EI). */
package io.greenband.suggester.core.acquisition;
