/**
 * MongoDB views of the aggregator's results (mongodb-driver-sync): every write is an upsert keyed
 * by ids, so redelivered events change nothing; no transactions are used.
 */
package io.greenband.aggregator.adapter.persistence;
