/** The event log from the command's side: reading topics to their end, publishing, export, import and replay. */
package io.greenband.cli.log;
