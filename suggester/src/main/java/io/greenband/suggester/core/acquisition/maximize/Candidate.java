package io.greenband.suggester.core.acquisition.maximize;

/** A configuration vector and its acquisition value. */
public record Candidate(double[] vector, double value) {}
