package io.greenband.energy.nvml;

import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.greenband.energy.source.ProcessUse;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@link NvmlApi} over JNA. Thread-safe as NVML is; one reusable process buffer is guarded by
 * {@code this}.
 */
public final class JnaNvml implements NvmlApi {

    /** The driver's library; never the toolkit's link stub {@code libnvidia-ml.so}. */
    public static final String DEFAULT_LIBRARY = "libnvidia-ml.so.1";

    /** {@code NVML_DEVICE_UUID_V2_BUFFER_SIZE} and {@code NVML_DEVICE_NAME_V2_BUFFER_SIZE}. */
    private static final int TEXT_BUFFER = 96;

    /** {@code NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE}. */
    private static final int DRIVER_BUFFER = 80;

    /** Extra slots for processes that start between the sizing call and the filling call. */
    private static final int PROCESS_HEADROOM = 8;

    /**
     * Bound on the per-process utilization samples read per call, whatever count the driver asks
     * for.
     */
    private static final int MAX_UTIL_SAMPLES = 4096;

    /** All ones: NVML's "value not available" for unsigned 64-bit fields. */
    private static final long NOT_AVAILABLE = -1L;

    private final NvmlLibrary lib;
    private final String library;
    private boolean initialised;

    private JnaNvml(NvmlLibrary lib, String library) {
        this.lib = lib;
        this.library = library;
    }

    /**
     * Loads {@code library} (a soname such as {@code libnvidia-ml.so.1} or an absolute path).
     *
     * @throws NvmlException with {@link NvmlReturn#LIBRARY_NOT_FOUND} when it cannot be loaded
     */
    public static JnaNvml load(String library) throws NvmlException {
        try {
            return new JnaNvml(Native.load(library, NvmlLibrary.class), library);
        } catch (UnsatisfiedLinkError e) {
            throw new NvmlException(
                    "dlopen",
                    NvmlReturn.LIBRARY_NOT_FOUND.code(),
                    "cannot load '" + library + "': " + e.getMessage());
        }
    }

    /** The library name or path this binding loaded. */
    public String library() {
        return library;
    }

    @Override
    public synchronized void init() throws NvmlException {
        check("nvmlInit_v2", call(() -> lib.nvmlInit_v2()));
        initialised = true;
    }

    @Override
    public String driverVersion() throws NvmlException {
        byte[] buf = new byte[DRIVER_BUFFER];
        check(
                "nvmlSystemGetDriverVersion",
                call(() -> lib.nvmlSystemGetDriverVersion(buf, buf.length)));
        return Native.toString(buf);
    }

    @Override
    public int deviceCount() throws NvmlException {
        IntByReference n = new IntByReference();
        check("nvmlDeviceGetCount_v2", call(() -> lib.nvmlDeviceGetCount_v2(n)));
        return n.getValue();
    }

    @Override
    public NvmlHandle handle(int index) throws NvmlException {
        PointerByReference ref = new PointerByReference();
        check(
                "nvmlDeviceGetHandleByIndex_v2",
                call(() -> lib.nvmlDeviceGetHandleByIndex_v2(index, ref)));
        if (ref.getValue() == null) {
            throw new NvmlException(
                    "nvmlDeviceGetHandleByIndex_v2",
                    NvmlReturn.UNKNOWN.code(),
                    "returned success with a null handle for index " + index);
        }
        return new NvmlHandle(ref.getValue());
    }

    @Override
    public String uuid(NvmlHandle device) throws NvmlException {
        byte[] buf = new byte[TEXT_BUFFER];
        check(
                "nvmlDeviceGetUUID",
                call(() -> lib.nvmlDeviceGetUUID(device.pointer(), buf, buf.length)));
        return Native.toString(buf);
    }

    @Override
    public String name(NvmlHandle device) throws NvmlException {
        byte[] buf = new byte[TEXT_BUFFER];
        check(
                "nvmlDeviceGetName",
                call(() -> lib.nvmlDeviceGetName(device.pointer(), buf, buf.length)));
        return Native.toString(buf);
    }

    @Override
    public int architecture(NvmlHandle device) throws NvmlException {
        IntByReference a = new IntByReference();
        check(
                "nvmlDeviceGetArchitecture",
                call(() -> lib.nvmlDeviceGetArchitecture(device.pointer(), a)));
        return a.getValue();
    }

    @Override
    public long totalEnergyMillijoules(NvmlHandle device) throws NvmlException {
        LongByReference e = new LongByReference();
        check(
                "nvmlDeviceGetTotalEnergyConsumption",
                call(() -> lib.nvmlDeviceGetTotalEnergyConsumption(device.pointer(), e)));
        return e.getValue();
    }

    @Override
    public long powerMilliwatts(NvmlHandle device) throws NvmlException {
        IntByReference p = new IntByReference();
        check(
                "nvmlDeviceGetPowerUsage",
                call(() -> lib.nvmlDeviceGetPowerUsage(device.pointer(), p)));
        return Integer.toUnsignedLong(p.getValue());
    }

    @Override
    public long enforcedPowerLimitMilliwatts(NvmlHandle device) throws NvmlException {
        IntByReference p = new IntByReference();
        check(
                "nvmlDeviceGetEnforcedPowerLimit",
                call(() -> lib.nvmlDeviceGetEnforcedPowerLimit(device.pointer(), p)));
        return Integer.toUnsignedLong(p.getValue());
    }

    @Override
    public int gpuUtilizationPct(NvmlHandle device) throws NvmlException {
        NvmlUtilization u = new NvmlUtilization();
        check(
                "nvmlDeviceGetUtilizationRates",
                call(() -> lib.nvmlDeviceGetUtilizationRates(device.pointer(), u)));
        return u.gpu;
    }

    @Override
    public boolean migEnabled(NvmlHandle device) throws NvmlException {
        IntByReference current = new IntByReference();
        IntByReference pending = new IntByReference();
        check(
                "nvmlDeviceGetMigMode",
                call(() -> lib.nvmlDeviceGetMigMode(device.pointer(), current, pending)));
        return current.getValue() == 1;
    }

    @Override
    public List<ProcessUse> computeProcesses(NvmlHandle device) throws NvmlException {
        String fn = "nvmlDeviceGetComputeRunningProcesses_v3";
        IntByReference count = new IntByReference(0);
        int rc =
                call(
                        () ->
                                lib.nvmlDeviceGetComputeRunningProcesses_v3(
                                        device.pointer(), count, null));
        if (rc == NvmlReturn.SUCCESS.code()) {
            return List.of();
        }
        // Two attempts: the list can grow between the sizing call and the filling call.
        for (int attempt = 0; attempt < 2 && rc == NvmlReturn.INSUFFICIENT_SIZE.code(); attempt++) {
            int capacity = (count.getValue() + PROCESS_HEADROOM) << attempt;
            NvmlProcessInfo[] infos = (NvmlProcessInfo[]) new NvmlProcessInfo().toArray(capacity);
            count.setValue(capacity);
            rc =
                    call(
                            () ->
                                    lib.nvmlDeviceGetComputeRunningProcesses_v3(
                                            device.pointer(), count, infos[0]));
            if (rc == NvmlReturn.SUCCESS.code()) {
                return toProcesses(infos, count.getValue());
            }
        }
        check(fn, rc);
        return List.of();
    }

    @Override
    public List<ProcessSmSample> processUtilization(NvmlHandle device, long sinceMicros)
            throws NvmlException {
        String fn = "nvmlDeviceGetProcessUtilization";
        IntByReference count = new IntByReference(0);
        int rc =
                call(
                        () ->
                                lib.nvmlDeviceGetProcessUtilization(
                                        device.pointer(), null, count, sinceMicros));
        // Two attempts, as for the process list: samples can arrive between the sizing call and the
        // filling call.
        for (int attempt = 0;
                attempt < 2
                        && (rc == NvmlReturn.INSUFFICIENT_SIZE.code()
                                || rc == NvmlReturn.SUCCESS.code() && count.getValue() > 0);
                attempt++) {
            int capacity =
                    Math.min(MAX_UTIL_SAMPLES, (count.getValue() + PROCESS_HEADROOM) << attempt);
            NvmlProcessUtilization[] samples =
                    (NvmlProcessUtilization[]) new NvmlProcessUtilization().toArray(capacity);
            count.setValue(capacity);
            rc =
                    call(
                            () ->
                                    lib.nvmlDeviceGetProcessUtilization(
                                            device.pointer(), samples[0], count, sinceMicros));
            if (rc == NvmlReturn.SUCCESS.code()) {
                return toSamples(samples, count.getValue());
            }
        }
        if (rc == NvmlReturn.NOT_FOUND.code() || rc == NvmlReturn.SUCCESS.code()) {
            return List.of();
        }
        check(fn, rc);
        return List.of();
    }

    private static List<ProcessSmSample> toSamples(NvmlProcessUtilization[] samples, int n) {
        List<ProcessSmSample> out = new ArrayList<>(Math.max(0, n));
        for (int i = 0; i < n && i < samples.length; i++) {
            NvmlProcessUtilization u = samples[i];
            u.read();
            // Unsigned ints from the driver; a percentage above 100 is not one, so it is capped.
            long sm = Math.min(100, Integer.toUnsignedLong(u.smUtil));
            out.add(new ProcessSmSample(Integer.toUnsignedLong(u.pid), u.timeStamp, (int) sm));
        }
        return List.copyOf(out);
    }

    private static List<ProcessUse> toProcesses(NvmlProcessInfo[] infos, int n) {
        List<ProcessUse> out = new ArrayList<>(n);
        for (int i = 0; i < n && i < infos.length; i++) {
            NvmlProcessInfo p = infos[i];
            p.read();
            long mem = p.usedGpuMemory;
            out.add(
                    new ProcessUse(
                            Integer.toUnsignedLong(p.pid),
                            mem == NOT_AVAILABLE ? OptionalLong.empty() : OptionalLong.of(mem)));
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized void close() {
        if (initialised) {
            initialised = false;
            call(() -> lib.nvmlShutdown());
        }
    }

    private interface NativeCall {
        int invoke();
    }

    /**
     * Runs a native call; a symbol missing from an old driver becomes FUNCTION_NOT_FOUND, not an
     * Error.
     */
    private static int call(NativeCall c) {
        try {
            return c.invoke();
        } catch (UnsatisfiedLinkError e) {
            return NvmlReturn.FUNCTION_NOT_FOUND.code();
        }
    }

    private void check(String function, int rc) throws NvmlException {
        if (rc != NvmlReturn.SUCCESS.code()) {
            String text;
            try {
                text =
                        rc == NvmlReturn.FUNCTION_NOT_FOUND.code()
                                ? "symbol not exported by " + library
                                : lib.nvmlErrorString(rc);
            } catch (UnsatisfiedLinkError e) {
                text = "no error string";
            }
            throw new NvmlException(function, rc, text);
        }
    }
}
