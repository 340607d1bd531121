package io.greenband.suggester.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelLoopTest {

    @Test
    void runsEveryIndexExactlyOnce() {
        for (int n : new int[] {0, 1, 2, 3, 17, 1000}) {
            AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(1, n));
            ParallelLoop.forEach(n, i -> hits.incrementAndGet(i));
            for (int i = 0; i < n; i++) {
                assertThat(hits.get(i)).as("index %d of %d", i, n).isEqualTo(1);
            }
        }
    }

    @Test
    void nestedLoopsComplete() {
        AtomicIntegerArray hits = new AtomicIntegerArray(40);
        ParallelLoop.forEach(8, i -> ParallelLoop.forEach(5, j -> hits.incrementAndGet(i * 5 + j)));
        for (int k = 0; k < 40; k++) {
            assertThat(hits.get(k)).isEqualTo(1);
        }
    }

    @Test
    void theBodysExceptionReachesTheCaller() {
        assertThatThrownBy(
                        () ->
                                ParallelLoop.forEach(
                                        50,
                                        i -> {
                                            if (i == 7) {
                                                throw new IllegalArgumentException(
                                                        "index 7 is bad");
                                            }
                                        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index 7 is bad");
    }
}
