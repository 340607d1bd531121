/**
 * Labelled estimates for nodes without readable counters: CPU power from the TDP and the machine's
 * CPU load ({@code /proc/stat}), with the TDP configured or looked up in a small bundled table.
 * Everything here is published with {@code source=estimate}.
 */
package io.greenband.energy.estimate;
