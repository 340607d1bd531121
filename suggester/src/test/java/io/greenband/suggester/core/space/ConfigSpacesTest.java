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
                assertThat(defaults[i]).as(model.names().get(i)).isCloseTo(expected[i],
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        for (long seed = 0; seed < 50; seed++) {
            double[] v = space.sample(new SplittableRandom(seed));
            double[] back = space.encode(Configuration.fromVector(model, v).values());
            assertThat(Configuration.fromVector(model, back).values()).isEqualTo(space.decode(v));
        }
    }
}
