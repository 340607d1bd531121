/**
 * The topics of greenband's event log: names, keys, partitions and cleanup policies, with a
 * configurable prefix.
 */
package io.greenband.events.topic;
