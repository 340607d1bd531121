/**
 * The configuration space as the optimizer sees it: vectors with one entry per hyperparameter
 * (unit-scaled numbers, category indices, NaN when inactive), sampling, validity and one-exchange
 * neighbourhoods.
 */
package io.greenband.suggester.core.space;
