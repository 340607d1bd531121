/**
 * The run history: configurations and trials, appended by the study (the one owner) and read by the
 * scheduler and the surrogate through {@link io.greenband.suggester.core.history.HistoryView}.
 */
package io.greenband.suggester.core.history;
