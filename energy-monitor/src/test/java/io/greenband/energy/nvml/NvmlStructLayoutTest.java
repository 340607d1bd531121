package io.greenband.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NvmlStructLayoutTest {

    @Test
    void processInfoMatchesTheV2LayoutOfNvmlH() {
        NvmlProcessInfo p = new NvmlProcessInfo();
        assertThat(p.size()).isEqualTo(24);
        assertThat(p.offsetOf("pid")).isZero();
        assertThat(p.offsetOf("usedGpuMemory")).isEqualTo(8);
        assertThat(p.offsetOf("gpuInstanceId")).isEqualTo(16);
        assertThat(p.offsetOf("computeInstanceId")).isEqualTo(20);
    }

    @Test
    void utilizationIsTwoUnsignedInts() {
        NvmlUtilization u = new NvmlUtilization();
        assertThat(u.size()).isEqualTo(8);
        assertThat(u.offsetOf("memory")).isEqualTo(4);
    }

    @Test
    void returnCodesMapBothWays() {
        assertThat(NvmlReturn.of(3)).isEqualTo(NvmlReturn.NOT_SUPPORTED);
        assertThat(NvmlReturn.of(15).deviceLost()).isTrue();
        assertThat(NvmlReturn.of(12345)).isEqualTo(NvmlReturn.UNKNOWN);
        assertThat(NvmlReturn.GPU_IS_LOST.code()).isEqualTo(15);
    }
}
