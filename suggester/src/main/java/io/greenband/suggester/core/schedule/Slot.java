package io.greenband.suggester.core.schedule;

/**
 * What the scheduler wants run next.
 *
 * @param configId the configuration (a fresh one was already obtained when the slot needed it)
 * @param level ladder level of the budget
 * @param bracket Hyperband bracket (0 in other modes)
 * @param rung stage in the bracket (the level in asynchronous mode)
 * @param promoted true when the configuration moves up from a lower budget
 */
public record Slot(long configId, int level, int bracket, int rung, boolean promoted) {}
