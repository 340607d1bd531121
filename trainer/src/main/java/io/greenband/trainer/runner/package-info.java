/**
 * Running one trial: the {@link io.greenband.trainer.runner.TrialRunner} interface with its
 * request, progress and result records, the DJL implementation that trains a shift ResNet20, and
 * the command implementation that hands the trial to an external program.
 */
package io.greenband.trainer.runner;
