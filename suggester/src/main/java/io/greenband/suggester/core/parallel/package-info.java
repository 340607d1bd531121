/**
 * Loops spread over the common fork-join pool with one index per task, for the optimizer's uneven
 * work (local searches of different lengths, trees of different sizes); results never depend on the
 * threads.
 */
package io.greenband.suggester.core.parallel;
