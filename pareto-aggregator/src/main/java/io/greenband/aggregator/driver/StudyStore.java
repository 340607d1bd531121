package io.greenband.aggregator.driver;

import java.time.Instant;

/**
 * Where the engine keeps the studies it has seen and the trial attempts that started; upserts keyed
 * by ids.
 */
public interface StudyStore {

    /** Upserts a study's definition. */
    void saveStudy(StoredStudy study);

    /** Marks a study stopped with when and why. */
    void markStopped(String studyId, Instant at, String reason);

    /** Upserts a started trial attempt. */
    void saveRun(StoredRun run);
}
