/**
 * What every greenband Quarkus service shares: health endpoints, the topic registry and, for the
 * services with MongoDB views, the client. No business logic lives here.
 */
package io.greenband.servicekit;
