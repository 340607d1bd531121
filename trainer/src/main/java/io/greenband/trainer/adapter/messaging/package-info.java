/**
 * The Kafka side of the trainer: a plain consumer loop on {@code trial-suggested} that pauses its
 * partitions while a trial runs, a reader of {@code studies}, and the producer of the trial events.
 */
package io.greenband.trainer.adapter.messaging;
