/**
 * Objective producers as programs: any executable, in any language, turns a finished trial (its
 * event as JSON on standard input) into one objective value, which is published as {@code
 * objective-reported}.
 */
package io.greenband.cli.producer;
