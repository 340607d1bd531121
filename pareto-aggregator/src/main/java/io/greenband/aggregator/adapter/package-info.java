/**
 * Adapters connecting the aggregator's core to MongoDB, Kafka and HTTP; they translate and
 * delegate.
 */
package io.greenband.aggregator.adapter;
