package io.greenband.suggester.driver;

import io.greenband.suggester.adapter.messaging.SampleConsumer;

/** Bad sample: the suggester's driver reaching back into an adapter. */
public final class BadDriverUsingAdapter {

    /** Asks the consumer whether it runs. */
    public boolean alive(SampleConsumer consumer) {
        return consumer.running();
    }
}
