/**
 * The surrogate model: SMAC's random forest (CART trees on bootstrap samples, mean and variance
 * across trees, leaves averaged in the un-logged space), its input encoding and the log-scaled
 * response, and a Gaussian process for small training sets on continuous spaces.
 */
package io.greenband.suggester.core.surrogate;
