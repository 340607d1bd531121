/**
 * {@code greenband train} and {@code greenband evaluate}: fixed configurations trained outside a
 * study's search, in a child JVM on the trainer's own classes and libraries (the planner and DJL
 * runner a trainer service uses), with the trial's energy charged from that JVM's CPU time and
 * memory by the energy monitor's estimate models.
 */
package io.greenband.cli.train;
