package io.greenband.aggregator.core.attribution;

import io.greenband.aggregator.adapter.persistence.SampleMongoStore;

/** Bad sample: the aggregator core importing its own MongoDB adapter. */
public final class BadStoreUser {

    /** Counts trials through the adapter. */
    public long trials(SampleMongoStore store) {
        return store.count();
    }
}
