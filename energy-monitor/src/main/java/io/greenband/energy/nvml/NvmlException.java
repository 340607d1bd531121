package io.greenband.energy.nvml;

/**
 * An NVML call that did not return {@code NVML_SUCCESS}; carries the code and the function's name.
 */
public final class NvmlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String function;

    /** An error {@code code} returned by {@code function}, described by {@code message}. */
    public NvmlException(String function, int code, String message) {
        super(function + " returned " + NvmlReturn.of(code) + " (" + code + "): " + message);
        this.function = function;
        this.code = code;
    }

    /** The raw return code. */
    public int code() {
        return code;
    }

    /** The return code as a constant. */
    public NvmlReturn kind() {
        return NvmlReturn.of(code);
    }

    /** The NVML function that failed, e.g. {@code nvmlDeviceGetTotalEnergyConsumption}. */
    public String function() {
        return function;
    }
}
