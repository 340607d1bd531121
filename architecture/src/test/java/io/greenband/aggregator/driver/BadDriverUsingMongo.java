package io.greenband.aggregator.driver;

import org.bson.Document;

/**
 * Bad sample: the aggregator's driver building a MongoDB document itself instead of asking its
 * store.
 */
public final class BadDriverUsingMongo {

    /** The score as a document. */
    public Document asDocument(String trialId, double joules) {
        return new Document("_id", trialId).append("energyJoules", joules);
    }
}
