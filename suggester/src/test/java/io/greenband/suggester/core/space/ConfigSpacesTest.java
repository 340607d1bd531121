package io.greenband.suggester.core.space;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.space.ConfigSpace;
import io.greenband.events.space.ConfigSpaceJson;
import io.greenband.events.space.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The optimizer's view of ConfigSpace documents agrees with the event model on every sample. */
public class ConfigSpacesTest {

    public static ConfigSpace load(String file) throws IOException {
        try (InputStream in = ConfigSpacesTest.class.getResourceAsStream("/spaces/" + file)) {
            assertThat(in).as(file).isNotNull();
            return ConfigSpaceJson.read(in);
        }
    }

    @Test
    void samplesAndNeighboursAreValidConfigurationsOfTheDocument() throws IOException {
        for (String file : new String[] {"every-type.json", "gbm-example.json", "legacy-0x.json"}) {
            ConfigSpace model = load(file);
            VectorSpace space = ConfigSpaces.of(model);
            assertThat(space.names()).isEqualTo(model.names());
            for (long seed = 0; seed < 200; seed++) {
                SplittableRandom rng = new SplittableRandom(seed);
                double[] v = seed % 2 == 0 ? space.sample(rng) : space.sampleUniform(rng);
                Configuration c = Configuration.fromVector(model, v);
                assertThat(c.problems()).as("%s seed %d: %s", file, seed, c.values()).isEmpty();
                assertThat(space.decode(v)).isEqualTo(c.values());
                if (seed % 10 == 0) {
                    for (double[] n : space.neighbours(v, 0.05, rng)) {
                        assertThat(Configuration.fromVector(model, n).problems()).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void vectorsMatchTheDocumentsEncoding() throws IOException {
        ConfigSpace model = load("every-type.json");
        VectorSpace space = ConfigSpaces.of(model);
        double[] defaults = space.defaults();
        double[] expected = model.defaultConfiguration().toVector();
        assertThat(defaults).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(defaults[i]).as(model.names().get(i)).isNaN();
            } else {
                assertThat(defaults[i])
                        .as(model.names().get(i))
                        .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        for (long seed = 0; seed < 50; seed++) {
            double[] v = space.sample(new SplittableRandom(seed));
            double[] back = space.encode(Configuration.fromVector(model, v).values());
            assertThat(Configuration.fromVector(model, back).values()).isEqualTo(space.decode(v));
        }
    }

    @Test
    void normalAndBetaHyperparametersFollowTheirDistributions() throws IOException {
        ConfigSpace model = load("every-type.json");
        VectorSpace space = ConfigSpaces.of(model);
        int dropout = model.indexOf("dropout"); // normal mu 0.2 sigma 0.1 on [0, 0.8]
        int beta1 = model.indexOf("beta1"); // beta(5, 2) on [0.5, 0.999]
        SplittableRandom rng = new SplittableRandom(2);
        double dropoutSum = 0;
        double betaSum = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            double[] v = space.sample(rng);
            dropoutSum += (Double) space.dimensionAt(dropout).toValue(v[dropout]);
            betaSum += v[beta1];
        }
        // Truncated normal around 0.2 (uniform would average 0.4); beta(5,2) averages 5/7 (uniform
        // 0.5).
        assertThat(dropoutSum / n).isBetween(0.17, 0.25);
        assertThat(betaSum / n).isBetween(0.66, 0.76);
        double uniformBeta = 0;
        for (int i = 0; i < n; i++) {
            uniformBeta += space.sampleUniform(rng)[beta1];
        }
        assertThat(uniformBeta / n).isBetween(0.45, 0.55);
    }
}
