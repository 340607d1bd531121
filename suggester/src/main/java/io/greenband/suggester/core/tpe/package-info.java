/**
 * A multi-objective tree-structured Parzen estimator (MOTPE): the evaluated configurations are
 * split by non-dominated rank into a small "good" set and the rest, one density per hyperparameter
 * is estimated for each side, and the candidate drawn from the good densities with the largest
 * ratio good/rest is proposed. Each hyperparameter's densities see only the configurations where it
 * is active, so conditional spaces need no imputation.
 */
package io.greenband.suggester.core.tpe;
