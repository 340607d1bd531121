/**
 * The architecture rules every module's tests apply ({@link
 * io.greenband.architecture.GreenbandModules}): plain-Java cores, {@code adapter} → {@code driver}
 * → {@code core} and never back, frameworks only at the edges. One place, so a new module or
 * package is held to the same rules as the old ones.
 */
package io.greenband.architecture;
