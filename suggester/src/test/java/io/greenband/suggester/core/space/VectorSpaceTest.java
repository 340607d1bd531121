package io.greenband.suggester.core.space;

import static io.greenband.suggester.core.TestSpaces.BOOSTER;
import static io.greenband.suggester.core.TestSpaces.ETA;
import static io.greenband.suggester.core.TestSpaces.MAX_DEPTH;
import static io.greenband.suggester.core.TestSpaces.ONE_DROP;
import static io.greenband.suggester.core.TestSpaces.RATE_DROP;
import static io.greenband.suggester.core.TestSpaces.SUBSAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.suggester.core.TestSpaces;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorSpaceTest {

    private final VectorSpace space = TestSpaces.mixed();

    @Test
    void samplesRespectConditionsAndForbiddenClausesOverManySeeds() {
        double dart = 1;
        double linear = 2;
        for (long seed = 0; seed < 300; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] v = seed % 2 == 0 ? space.sample(rng) : space.sampleUniform(rng);
            assertThat(space.whyInvalid(v)).as("seed %d", seed).isNull();
            assertThat(Double.isNaN(v[MAX_DEPTH])).isEqualTo(v[BOOSTER] == linear);
            assertThat(Double.isNaN(v[RATE_DROP])).isEqualTo(v[BOOSTER] != dart);
            boolean oneDropActive =
                    v[BOOSTER] == dart && (double) space.decode(v).get("rate_drop") > 0.05;
            assertThat(Double.isNaN(v[ONE_DROP])).isEqualTo(!oneDropActive);
            assertThat(v[BOOSTER] == linear && v[SUBSAMPLE] == 0)
                    .as("forbidden linear+0.5")
                    .isFalse();
            assertThat((double) space.decode(v).get("eta")).isLessThanOrEqualTo(0.3);
        }
    }

    @Test
    void neighboursChangeOneActiveHyperparameterAndStayValid() {
        for (long seed = 0; seed < 60; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] v = space.sample(rng);
            List<double[]> neighbours = space.neighbours(v, 0.05, rng);
            assertThat(neighbours).isNotEmpty();
            for (double[] n : neighbours) {
                assertThat(space.whyInvalid(n)).isNull();
                int changedActiveInBoth = 0;
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isNaN(v[i]) && !Double.isNaN(n[i]) && v[i] != n[i]) {
                        changedActiveInBoth++;
                    }
                }
                // A parent change may switch children on (at their default) or off, never alter
                // another value.
                assertThat(changedActiveInBoth).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void lazyNeighbourhoodYieldsTheListInOrderAndDrawsOnlyWhatIsTaken() {
        for (long seed = 0; seed < 40; seed++) {
            double[] v = space.sample(new SplittableRandom(seed));
            List<double[]> list = space.neighbours(v, 0.05, new SplittableRandom(seed + 1000));
            Iterator<double[]> lazy =
                    space.neighbourhood(v, 0.05, new SplittableRandom(seed + 1000));
            for (double[] n : list) {
                assertThat(lazy.hasNext()).isTrue();
                assertThat(lazy.next()).containsExactly(n);
            }
            assertThat(lazy.hasNext()).isFalse();
            assertThatThrownBy(lazy::next).isInstanceOf(NoSuchElementException.class);
        }
        // Taking one neighbour consumes fewer draws than building the whole neighbourhood.
        double[] v = space.sample(new SplittableRandom(3));
        SplittableRandom one = new SplittableRandom(9);
        space.neighbourhood(v, 0.05, one).next();
        SplittableRandom all = new SplittableRandom(9);
        space.neighbours(v, 0.05, all);
        assertThat(one.nextLong()).isNotEqualTo(all.nextLong());
    }

    @Test
    void categoricalNeighboursCoverEveryOtherChoice() {
        double[] v = space.defaults();
        List<double[]> neighbours = space.neighbours(v, 0.05, new SplittableRandom(1));
        assertThat(
                        neighbours.stream()
                                .filter(n -> n[BOOSTER] != v[BOOSTER])
                                .map(n -> n[BOOSTER])
                                .distinct())
                .containsExactlyInAnyOrder(1.0, 2.0);
        double[] dart =
                neighbours.stream().filter(n -> n[BOOSTER] == 1.0).findFirst().orElseThrow();
        assertThat(dart[RATE_DROP])
                .as("child switched on takes its default")
                .isEqualTo(space.dimensionAt(RATE_DROP).defaultVector());
    }

    @Test
    void decodeEncodeRoundTrip() {
        for (long seed = 0; seed < 50; seed++) {
            double[] v = space.sample(new SplittableRandom(seed));
            Map<String, Object> values = space.decode(v);
            double[] back = space.encode(values);
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) {
                    assertThat(back[i]).isNaN();
                } else {
                    assertThat(back[i]).isCloseTo(v[i], org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    @Test
    void encodeNamesTheProblem() {
        assertThatThrownBy(
                        () ->
                                space.encode(
                                        Map.of(
                                                "booster",
                                                "linear",
                                                "eta",
                                                0.01,
                                                "subsample",
                                                0.5,
                                                "objective",
                                                "binary:logistic")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forbidden");
        assertThatThrownBy(
                        () ->
                                space.encode(
                                        Map.of(
                                                "booster",
                                                "gbtree",
                                                "eta",
                                                0.01,
                                                "subsample",
                                                1.0,
                                                "objective",
                                                "binary:logistic",
                                                "max_depth",
                                                6,
                                                "rate_drop",
                                                0.1)))
                .hasMessageContaining("rate_drop");
        assertThatThrownBy(() -> space.encode(Map.of("nope", 1))).hasMessageContaining("nope");
        assertThatThrownBy(() -> space.encode(Map.of("booster", "gbtree", "eta", 0.9)))
                .hasMessageContaining("eta");
    }

    @Test
    void integersStayOnTheirGridAndLogFloatsInRange() {
        Dimension depth = space.dimensionAt(MAX_DEPTH);
        Dimension eta = space.dimensionAt(ETA);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            double u = depth.sample(rng, false);
            assertThat(depth.accepts(u)).isTrue();
            long value = (Long) depth.toValue(u);
            assertThat(value).isBetween(2L, 12L);
            double e = (Double) eta.toValue(eta.sample(rng, false));
            assertThat(e).isBetween(0.001, 0.5);
        }
    }

    @Test
    void everyForbiddenSpaceFailsWithAClearMessage() {
        VectorSpace dead =
                new VectorSpace(
                        List.of(Dimension.uniformFloat("x", 0, 1, false)),
                        List.of(),
                        List.of(VectorForbidden.of(0, x -> true)));
        assertThatThrownBy(() -> dead.sample(new SplittableRandom(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("forbidden");
    }
}
