package io.greenband.energy.nvml;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The control functions of the fake {@code libnvidia-ml} compiled from {@code
 * src/test/c/fake_nvml.c}; the same loaded library also serves the NVML symbols to the real
 * binding, so state is shared.
 */
public interface FakeNvml extends Library {

    /** The system property the build sets to the compiled library's path. */
    String PATH_PROPERTY = "greenband.test.fake-nvml";

    /**
     * Held for the life of the class loader: were the library unloaded when a JNA proxy is
     * collected, the next load would start from fresh (zeroed) fake state between a test's set-up
     * and its use.
     */
    FakeNvml INSTANCE = Native.load(path(), FakeNvml.class);

    void fake_nvml_reset(int devices);

    void fake_nvml_set_init_rc(int rc);

    void fake_nvml_set_energy(int device, long millijoules);

    void fake_nvml_set_power(int device, int milliwatts);

    void fake_nvml_set_util(int device, int pct);

    void fake_nvml_set_mig(int device, int on);

    int fake_nvml_set_rc(int device, String what, int rc);

    void fake_nvml_set_process(int device, int slot, int pid, long usedMemory);

    void fake_nvml_clear_processes(int device);

    void fake_nvml_add_process_util(int device, int pid, long timestampMicros, int smUtil);

    void fake_nvml_clear_process_util(int device);

    int fake_nvml_init_calls();

    int fake_nvml_shutdown_calls();

    int fake_nvml_power_calls();

    /** The path of the compiled fake library. */
    static String path() {
        String p = System.getProperty(PATH_PROPERTY);
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            throw new IllegalStateException(
                    "fake NVML library not found at '"
                            + p
                            + "': run the tests through "
                            + "Maven (the process-test-classes phase compiles src/test/c/fake_nvml.c with gcc)");
        }
        return p;
    }

    /** Loads the control functions, resetting the fake to {@code devices} healthy GPUs. */
    static FakeNvml withDevices(int devices) {
        INSTANCE.fake_nvml_reset(devices);
        return INSTANCE;
    }
}
