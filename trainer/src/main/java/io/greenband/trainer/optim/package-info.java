/**
 * Optimisers for shift networks written as DJL {@code Optimizer} subclasses (SGD with momentum,
 * Adam, Adagrad, Adadelta, RMSProp, RAdam, Ranger), with per-parameter-group weight decay and the
 * learning-rate schedule.
 */
package io.greenband.trainer.optim;
