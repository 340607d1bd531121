package io.greenband.suggester.adapter.messaging;

/** Sample adapter: the suggester's consumer. */
public final class SampleConsumer {

    /** Whether the consumer is running. */
    public boolean running() {
        return true;
    }
}
