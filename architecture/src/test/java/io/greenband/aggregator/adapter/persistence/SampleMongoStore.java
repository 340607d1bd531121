package io.greenband.aggregator.adapter.persistence;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Sample adapter: a MongoDB store, as the aggregator's persistence adapter has. */
public final class SampleMongoStore {

    private final MongoCollection<Document> trials;

    /** Keeps the collection. */
    public SampleMongoStore(MongoCollection<Document> trials) {
        this.trials = trials;
    }

    /** Counts the stored trials. */
    public long count() {
        return trials.countDocuments();
    }
}
