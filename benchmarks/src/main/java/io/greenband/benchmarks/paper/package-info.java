/**
 * The {@code paper} benchmark: the paper's default DSNN against a multi-fidelity (loss only) and a
 * multi-fidelity multi-objective (loss and energy) study on Fashion-MNIST, with a final evaluation
 * on the test set over seeds. Trials run in this process through the trainer's own planner and DJL
 * runner; their energy is charged from this process's CPU time and memory with the energy monitor's
 * estimate models.
 */
package io.greenband.benchmarks.paper;
