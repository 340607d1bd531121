/**
 * One study's scoring pipeline: attributed energy to emissions, objective assembly, and the study's
 * fronts and hypervolume. The single entry point the messaging adapter drives per study.
 */
package io.greenband.aggregator.core.study;
