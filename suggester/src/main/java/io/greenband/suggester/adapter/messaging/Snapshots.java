package io.greenband.suggester.adapter.messaging;

import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.suggester.adapter.persistence.SnapshotStore;
import io.greenband.suggester.adapter.persistence.StoredSnapshot;
import io.greenband.suggester.driver.StudyRun;
import io.greenband.suggester.driver.SuggesterDriver;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * When to snapshot, what the offsets are, and where to resume. Every save round covers every known
 * study (new ones included), and no round runs while any study holds decisions, so the stored set
 * always covers everything below the smallest stored offset of each partition. {@code studies} is
 * always re-read from the beginning (small, compacted; definitions and stamped stops are
 * idempotent), so a study defined after the last round is found again.
 */
final class Snapshots {

    private final SnapshotStore store;
    private final SuggesterDriver driver;
    private final LoopSettings settings;
    private final TopicRegistry topics;
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<String, Map<String, Long>> included = new HashMap<>();
    private final Map<String, Long> savedSeq = new HashMap<>();
    private final Map<String, Instant> savedAt = new HashMap<>();

    Snapshots(
            SnapshotStore store,
            SuggesterDriver driver,
            LoopSettings settings,
            TopicRegistry topics) {
        this.store = store;
        this.driver = driver;
        this.settings = settings;
        this.topics = topics;
    }

    /** Restores every stored study into the driver and returns where each partition resumes. */
    Map<TopicPartition, Long> restore(List<TopicPartition> partitions, Instant now) {
        List<StoredSnapshot> stored = store.loadAll();
        for (StoredSnapshot s : stored) {
            String id = s.definition().studyId();
            driver.restore(s.definition(), s.state(), now);
            included.put(id, s.offsets());
            savedSeq.put(id, s.state().seq());
            savedAt.put(id, now);
        }
        Map<TopicPartition, Long> seek = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            long from =
                    topics.roleOf(tp.topic()).orElse(null) == Topic.STUDIES || stored.isEmpty()
                            ? 0
                            : stored.stream()
                                    .mapToLong(s -> s.offsets().getOrDefault(key(tp), 0L))
                                    .min()
                                    .orElse(0);
            seek.put(tp, from);
            next.put(tp, from);
        }
        return seek;
    }

    /** Whether the restored snapshot of the record's study already includes it. */
    boolean includes(String studyId, TopicPartition tp, long offset) {
        Map<String, Long> offsets = studyId == null ? null : included.get(studyId);
        return offsets != null && offset < offsets.getOrDefault(key(tp), 0L);
    }

    /** A record was handled: its partition resumes after it. */
    void advance(TopicPartition tp, long nextOffset) {
        next.put(tp, nextOffset);
    }

    /** Saves the studies that are due, if no study is waiting for a decision. */
    void maybeSave(Instant now) {
        if (driver.runs().values().stream().anyMatch(StudyRun::hasHeldDecisions)) {
            return;
        }
        Map<String, Long> offsets = new LinkedHashMap<>();
        next.forEach((tp, o) -> offsets.put(key(tp), o));
        for (var e : driver.runs().entrySet()) {
            String id = e.getKey();
            StudyRun run = e.getValue();
            Long last = savedSeq.get(id);
            boolean due =
                    last == null
                            || run.seq() - last >= settings.snapshotEveryInputs()
                            || (run.seq() != last
                                    && !now.isBefore(
                                            savedAt.get(id).plus(settings.snapshotEvery())));
            if (due) {
                store.save(new StoredSnapshot(run.definition(), run.state(), offsets), now);
                run.importances().ifPresent(p -> store.saveImportances(id, p, now));
                savedSeq.put(id, run.seq());
                savedAt.put(id, now);
            }
        }
    }

    private static String key(TopicPartition tp) {
        return tp.topic() + ":" + tp.partition();
    }
}
