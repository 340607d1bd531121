/**
 * The event log from the command's side: reading topics to their end, publishing, export and
 * import.
 */
package io.greenband.cli.log;
