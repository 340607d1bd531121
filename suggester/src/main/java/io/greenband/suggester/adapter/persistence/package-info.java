/**
 * MongoDB storage of the suggester's per-study snapshots and the input offsets each one includes.
 */
package io.greenband.suggester.adapter.persistence;
