/**
 * Quarkus test support: {@link io.greenband.embedded.quarkus.EmbeddedStackResource} starts an embedded stack for
 * {@code @QuarkusTest}/{@code @QuarkusIntegrationTest} classes and hands the application its addresses.
 */
package io.greenband.embedded.quarkus;
