package io.greenband.aggregator.adapter.rest;

/**
 * The error body of every failed request.
 *
 * @param kind what went wrong, e.g. NOT_FOUND, BAD_REQUEST, STORE_FAILED
 * @param message what to do about it
 */
public record ApiError(String kind, String message) {}
