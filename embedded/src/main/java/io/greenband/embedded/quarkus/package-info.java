/**
 * Quarkus test support: {@link io.greenband.embedded.quarkus.EmbeddedStackResource} starts an
 * embedded stack for {@code @QuarkusTest}/{@code @QuarkusIntegrationTest} classes and hands the
 * application its addresses; {@link io.greenband.embedded.quarkus.StandardEndpoints} holds the
 * endpoint checks every service's test makes.
 */
package io.greenband.embedded.quarkus;
