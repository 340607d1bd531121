/**
 * The REST API under {@code /api}: read views from MongoDB, the CSV export, the live stream and one
 * write endpoint.
 */
package io.greenband.aggregator.adapter.rest;
