/** The trainer's edges: Kafka messaging around the framework-free worker and runners. */
package io.greenband.trainer.adapter;
