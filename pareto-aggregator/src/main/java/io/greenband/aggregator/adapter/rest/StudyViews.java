package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.aggregator.adapter.persistence.StoredFront;
import io.greenband.aggregator.driver.StoredStudy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the REST resources share: a study or 404, and its current top front (a singleton: no proxy,
 * so its store fields are read directly).
 */
@Singleton
public class StudyViews {

    final MongoAggregatorStore store;
    final MongoStudyStore studies;

    @Inject
    public StudyViews(MongoAggregatorStore store, MongoStudyStore studies) {
        this.store = store;
        this.studies = studies;
    }

    /** The study, or NOT_FOUND naming it. */
    StoredStudy require(String studyId) {
        return studies.study(studyId)
                .orElseThrow(
                        () ->
                                AggregatorException.notFound(
                                        "study '"
                                                + studyId
                                                + "' is unknown: list studies at GET /api/studies"));
    }

    /** The front of the highest fidelity with one. */
    Optional<StoredFront> topFront(String studyId) {
        return store.fronts(studyId).stream()
                .max(Comparator.comparingDouble(StoredFront::fidelity));
    }

    /** Point ids on the current top front. */
    Set<String> topMembers(String studyId) {
        return topFront(studyId)
                .map(f -> f.members().stream().map(p -> p.id()).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    /** Directions of the study's objectives in vector order. */
    List<String> directions(String studyId) {
        return require(studyId).directions();
    }
}
