/**
 * The trainer's typed configuration and the one class that wires it into the worker and the Kafka
 * loop.
 */
package io.greenband.trainer.config;
