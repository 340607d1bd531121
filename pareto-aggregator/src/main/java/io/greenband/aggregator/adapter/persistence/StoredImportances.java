package io.greenband.aggregator.adapter.persistence;

import java.time.Instant;
import java.util.List;

/**
 * Parameter importances of a study as the suggester last computed them from its random forest.
 *
 * @param studyId the study
 * @param method how they were computed
 * @param trainingRows trials the forest was fitted on
 * @param computedAt when
 * @param importances one share per hyperparameter, largest first
 */
public record StoredImportances(
        String studyId,
        String method,
        int trainingRows,
        Instant computedAt,
        List<Share> importances) {

    /**
     * One hyperparameter's share of the explained variance.
     *
     * @param name the hyperparameter
     * @param importance its share, 0 to 1
     */
    public record Share(String name, double importance) {}
}
