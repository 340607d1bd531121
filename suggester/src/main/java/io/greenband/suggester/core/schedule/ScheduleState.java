package io.greenband.suggester.core.schedule;

import java.util.List;

/**
 * The part of a synchronous scheduler's state that the history does not hold: the bracket opened
 * next and the open batches, grouped by (bracket, stage) key in the order the keys were first
 * created.
 *
 * @param nextBracket bracket of the next batch to open
 * @param keys the tracker keys in creation order, each with its batches
 */
public record ScheduleState(int nextBracket, List<Key> keys) {

    /** Defensive copy. */
    public ScheduleState {
        keys = List.copyOf(keys);
    }

    /**
     * One (bracket, stage) key and its batches; each batch lists config ids, -1 for a slot not yet
     * filled.
     */
    public record Key(int bracket, int stage, List<List<Long>> batches) {
        /** Defensive copy. */
        public Key {
            batches = batches.stream().map(List::copyOf).toList();
        }
    }
}
