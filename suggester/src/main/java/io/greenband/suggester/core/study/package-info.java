/**
 * The ask/tell loop: a study specification, the optimizer that owns the history and hands out
 * trials, and snapshots that restore it exactly.
 */
package io.greenband.suggester.core.study;
