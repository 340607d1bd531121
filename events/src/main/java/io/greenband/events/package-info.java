/**
 * greenband's event vocabulary: {@link io.greenband.events.EventType} names every CloudEvents type
 * with its topic, payload record and JSON Schema. Sub-packages hold the payloads, the codec,
 * dead-lettering, the topic registry, the configuration-space model and the study definition.
 */
package io.greenband.events;
