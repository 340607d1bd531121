/**
 * The payload records of every greenband event (DESIGN §3), sealed under {@link
 * io.greenband.events.payload.GreenbandEvent}. Compact constructors check invariants and name the
 * offending field in an {@link io.greenband.events.payload.InvalidFieldException}.
 */
package io.greenband.events.payload;
