package io.greenband.events.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.SampleEvents;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StudyCatalogueTest {

    @Test
    void theLatestEventOfAStudyWinsAndAStopKeepsTheDefinition() {
        StudyCatalogue catalogue = new StudyCatalogue();
        StudyDefined defined = SampleEvents.studyDefined();
        StudyStopped stopped =
                new StudyStopped(
                        defined.studyId(), StudyStopped.Reason.REQUESTED, null, Instant.now());
        StudyStopped orphan =
                new StudyStopped("compacted", StudyStopped.Reason.REQUESTED, "gone", Instant.now());

        assertThat(catalogue.apply(SampleEvents.trialSuggested())).isFalse();
        assertThat(catalogue.apply(defined)).isTrue();
        catalogue.apply(orphan);
        catalogue.apply(stopped);

        StudyCatalogue.Entry e = catalogue.find(defined.studyId()).orElseThrow();
        assertThat(e.definition()).isEqualTo(defined);
        assertThat(e.stopped()).isTrue();
        assertThat(catalogue.find("compacted").orElseThrow().defined()).isFalse();
        assertThat(catalogue.list())
                .extracting(StudyCatalogue.Entry::studyId)
                .containsExactly(defined.studyId(), "compacted");

        catalogue.apply(defined);
        assertThat(catalogue.find(defined.studyId()).orElseThrow().stopped())
                .as("a new definition restarts it")
                .isFalse();
        assertThat(catalogue.size()).isEqualTo(2);
    }
}
