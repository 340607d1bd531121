/**
 * Configuration spaces in ConfigSpace's JSON format (suggester.md §5): hyperparameters, conditions
 * and forbidden clauses, read and written as ConfigSpace 1.x does (legacy 0.x files included), with
 * {@link io.greenband.events.space.Configuration} for activity, forbidden checks, validation and
 * the vector encoding. Sampling is the suggester's job.
 */
package io.greenband.events.space;
