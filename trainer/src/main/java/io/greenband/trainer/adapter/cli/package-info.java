/**
 * The trainer's command-line edge: {@link io.greenband.trainer.adapter.cli.FixedTraining}, the
 * entry point of the JVM the CLI's {@code train} and {@code evaluate} start on the built trainer to
 * run one fixed training.
 */
package io.greenband.trainer.adapter.cli;
