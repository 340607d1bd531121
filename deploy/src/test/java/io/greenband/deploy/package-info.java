/**
 * Tests that render the Kubernetes overlays with {@code kubectl kustomize} and check what they
 * would deploy: workload hardening, Kafka topics against the topic registry, GPU placement, and
 * that every environment variable set is one the receiving service reads.
 */
package io.greenband.deploy;
