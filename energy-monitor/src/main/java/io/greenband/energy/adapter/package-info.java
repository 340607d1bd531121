/**
 * Quarkus edges of the energy monitor: the sampler's lifecycle, Kafka publishing, metrics and REST.
 */
package io.greenband.energy.adapter;
