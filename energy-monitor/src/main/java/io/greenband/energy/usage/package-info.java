/**
 * What the host's processes use, read from {@code /proc}: CPU time and resident memory of every
 * process tree per window, and the host's busy CPU time, so that host energy can be charged to a
 * trial by its own use.
 */
package io.greenband.energy.usage;
