/** Replayable randomness: every ask draws from a numbered split of the study seed. */
package io.greenband.suggester.core.random;
