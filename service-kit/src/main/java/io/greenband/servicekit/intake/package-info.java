/** Decoding of incoming Kafka records into events, with dead-lettering of what cannot be decoded. */
package io.greenband.servicekit.intake;
