package io.greenband.events.deadletter;

import io.greenband.events.codec.EventCodec;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.ReceivedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A plain-Kafka consumer loop: poll, decode each record with the codec, hand good events to the handler,
 * dead-letter bad ones with the reason, and commit offsets only after every record of the poll was handled
 * or durably dead-lettered (at-least-once). A bad record never stops the loop. The caller creates the
 * consumer ({@code enable.auto.commit=false}, {@code StringDeserializer}/{@code ByteArrayDeserializer}),
 * subscribes it, runs the loop on one thread and calls {@link #stop()} from another.
 */
public final class EventConsumerLoop implements Runnable {

    /** Receives each decoded event. Throwing makes the record a dead letter (or stops the loop, see below). */
    @FunctionalInterface
    public interface Handler {
        /** Handles one event; {@code record} gives topic, partition, offset and raw headers. */
        void handle(ReceivedEvent event, ConsumerRecord<String, byte[]> record) throws Exception;
    }

    /** What a handler exception leads to. */
    public enum OnHandlerFailure {
        /** Dead-letter the record with the exception as reason and go on (default). */
        DEAD_LETTER,
        /** Commit what was handled before it and stop with {@link HandlerFailedException}, so it is re-delivered. */
        STOP
    }

    /** Thrown by {@link #pollOnce()} when a handler fails under {@link OnHandlerFailure#STOP}. */
    public static final class HandlerFailedException extends RuntimeException {
        HandlerFailedException(ConsumerRecord<?, ?> record, Exception cause) {
            super("handler failed on " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + "; offsets before it are committed, it will be re-delivered", cause);
        }
    }

    /**
     * What one poll did.
     *
     * @param handled      events handed to the handler successfully
     * @param deadLettered records sent to the dead-letter topic
     */
    public record PollResult(int handled, int deadLettered) {
    }

    private final Consumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final Handler handler;
    private final DeadLetterPublisher deadLetters;
    private final Duration pollTimeout;
    private final OnHandlerFailure onHandlerFailure;
    private volatile boolean stopped;

    /**
     * @param consumer         a subscribed or assigned consumer, auto-commit off; owned by the caller
     * @param codec            decodes records
     * @param handler          receives good events
     * @param deadLetters      receives bad records
     * @param pollTimeout      how long one poll waits
     * @param onHandlerFailure what a handler exception leads to
     */
    public EventConsumerLoop(Consumer<String, byte[]> consumer, EventCodec codec, Handler handler,
                             DeadLetterPublisher deadLetters, Duration pollTimeout, OnHandlerFailure onHandlerFailure) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.onHandlerFailure = Objects.requireNonNull(onHandlerFailure, "onHandlerFailure");
    }

    /** Polls until {@link #stop()}. */
    @Override
    public void run() {
        try {
            while (!stopped) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        }
    }

    /** Makes {@link #run()} return after the current poll (wakes a blocked poll). */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    /** One poll: decode, handle or dead-letter each record, then commit. */
    public PollResult pollOnce() {
        ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        int handled = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            ReceivedEvent event = null;
            try {
                event = codec.decode(record);
            } catch (EventDecodingException e) {
                pending.add(deadLetters.publish(record, e));
            } catch (RuntimeException e) {
                // A decoder bug must not stop the loop either; the record is kept for a later replay.
                pending.add(deadLetters.publish(record, e, DeadLetterRecords.DECODER_FAILED));
            }
            if (event != null) {
                try {
                    handler.handle(event, record);
                    handled++;
                } catch (Exception e) {
                    if (onHandlerFailure == OnHandlerFailure.STOP) {
                        commit(done, pending);
                        throw new HandlerFailedException(record, e);
                    }
                    pending.add(deadLetters.publish(record, e));
                }
            }
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        commit(done, pending);
        return new PollResult(handled, pending.size());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done, List<Future<RecordMetadata>> pending) {
        for (Future<RecordMetadata> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering; offsets not committed", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("dead-lettering failed; offsets not committed, records will be re-delivered",
                        e.getCause());
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }
}
