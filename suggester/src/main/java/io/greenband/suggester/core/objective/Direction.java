package io.greenband.suggester.core.objective;

/** Whether an objective is minimized or maximized; the optimizer works on costs (minimization). */
public enum Direction {
    /** Smaller is better. */
    MINIMIZE,
    /** Larger is better; negated into a cost. */
    MAXIMIZE;

    /** The cost of a reported value. */
    public double toCost(double value) {
        return this == MAXIMIZE ? -value : value;
    }

    /** The reported value of a cost. */
    public double fromCost(double cost) {
        return this == MAXIMIZE ? -cost : cost;
    }
}
