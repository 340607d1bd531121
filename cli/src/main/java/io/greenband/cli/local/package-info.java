/**
 * {@code greenband local} and {@code optimize}: the embedded stack, the four services as child
 * processes, live progress.
 */
package io.greenband.cli.local;
