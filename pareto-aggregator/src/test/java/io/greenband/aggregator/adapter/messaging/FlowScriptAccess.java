package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.FlowScript;

/** Exposes the scripted study's expected figures to tests in other packages. */
public final class FlowScriptAccess {

    private FlowScriptAccess() {}

    /** Joules of trial {@code i}. */
    public static double joules(int i) {
        return FlowScript.joules(i);
    }

    /** Scored trials of the script. */
    public static int trials() {
        return FlowScript.ERRORS.length;
    }
}
