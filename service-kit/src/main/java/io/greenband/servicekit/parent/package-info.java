/**
 * A service started by a supervising process stops when that process is gone, so no orphan outlives
 * it.
 */
package io.greenband.servicekit.parent;
