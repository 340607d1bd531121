package io.greenband.suggester.core.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.suggester.core.TestSpaces;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatinHypercubeDesignTest {

    @Test
    void everyNumericColumnHasOnePointPerStratum() {
        VectorSpace square = TestSpaces.square();
        int n = 8;
        LatinHypercubeDesign design = new LatinHypercubeDesign(square, n, 42);
        assertThat(design.size()).isEqualTo(n);
        SplittableRandom rng = new SplittableRandom(1);
        for (int j = 0; j < 2; j++) {
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                int stratum = (int) Math.floor(design.config(i, rng)[j] * n);
                assertThat(seen[stratum]).as("stratum %d of column %d", stratum, j).isFalse();
                seen[stratum] = true;
            }
        }
    }

    @Test
    void pointsAreValidOnAConditionalSpaceAndTheDesignDependsOnlyOnItsSeed() {
        VectorSpace mixed = TestSpaces.mixed();
        LatinHypercubeDesign a = new LatinHypercubeDesign(mixed, 9, 5);
        LatinHypercubeDesign b = new LatinHypercubeDesign(mixed, 9, 5);
        LatinHypercubeDesign c = new LatinHypercubeDesign(mixed, 9, 6);
        boolean differs = false;
        for (int i = 0; i < 9; i++) {
            double[] va = a.config(i, new SplittableRandom(i));
            assertThat(mixed.isValid(va)).isTrue();
            assertThat(b.config(i, new SplittableRandom(i))).containsExactly(va);
            differs |= !java.util.Arrays.equals(va, c.config(i, new SplittableRandom(i)));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void permutationsAreComplete() {
        int[] p = LatinHypercubeDesign.permutation(50, new SplittableRandom(3));
        assertThat(p).hasSize(50);
        assertThat(java.util.Arrays.stream(p).sorted().toArray())
                .containsExactly(java.util.stream.IntStream.range(0, 50).toArray());
    }
}
