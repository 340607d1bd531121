/**
 * The {@code greenband} command: picocli entry point, shared options, exit codes and the one
 * boundary exception.
 */
package io.greenband.cli;
