/** Maximizing the acquisition function over the space: sorted random search plus local search. */
package io.greenband.suggester.core.acquisition.maximize;
