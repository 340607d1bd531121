package io.greenband.suggester.adapter.persistence;

import io.greenband.events.payload.StudyDefined;
import io.greenband.suggester.driver.StudyRunState;
import java.util.Map;

/**
 * One study's snapshot as stored: its definition, its run state and, per input partition ({@code
 * topic:partition}), the offset of the first record the state does not include.
 *
 * @param definition the study definition
 * @param state the run state
 * @param offsets next offset per {@code topic:partition}
 */
public record StoredSnapshot(
        StudyDefined definition, StudyRunState state, Map<String, Long> offsets) {

    public StoredSnapshot {
        offsets = Map.copyOf(offsets);
    }
}
