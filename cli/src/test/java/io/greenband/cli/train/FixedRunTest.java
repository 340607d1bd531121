package io.greenband.cli.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.payload.Fidelity.Knob;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONFIG.json of {@code greenband train}: what it accepts, and errors that name the field. */
class FixedRunTest {

    @Test
    void theFloatNetworkAtShiftDepthZeroOnFashionMnist() {
        FixedRun run =
                FixedRun.parse(
                        """
                {"config": {"shift_type": "Q", "epochs": 3, "batch_size": 32, "learning_rate": 0.01},
                 "fidelity": {"shift_depth": 0}, "seed": 4,
                 "workload": {"dataset": "fashion-mnist", "options": {"trainImages": "500", "validation": 100}}}""");
        assertThat(run.knob()).isEqualTo(Knob.SHIFT_DEPTH);
        assertThat(run.fidelity()).isZero();
        assertThat(run.seed()).isEqualTo(4);
        assertThat(run.dataset()).isEqualTo("fashion-mnist");
        assertThat(run.options())
                .containsEntry("trainImages", "500")
                .containsEntry("validation", "100");
        assertThat(run.config()).containsEntry("epochs", 3);
        assertThat(run.intensityGPerKwh()).isEqualTo(475.0);
        assertThat(run.withSeed(9).seed()).isEqualTo(9);
    }

    @Test
    void defaultsAreTheFullDepthOnTheSyntheticSet() {
        FixedRun run = FixedRun.parse("{\"config\": {}}");
        assertThat(run.fidelity()).isEqualTo(19);
        assertThat(run.dataset()).isEqualTo("synthetic");
        assertThat(run.seed()).isEqualTo(1);
    }

    @Test
    void errorsNameTheField() {
        List<String[]> cases =
                List.of(
                        new String[] {"[1, 2]", "must be a JSON object"},
                        new String[] {"{\"config\": ", "not JSON"},
                        new String[] {"{}", "config must be an object"},
                        new String[] {
                            "{\"config\": {\"epochs\": [1]}}",
                            "config.epochs must be a number or a string"
                        },
                        new String[] {
                            "{\"config\": {}, \"fidelity\": {\"shift_depth\": -1}}",
                            "fidelity: shift_depth must be an integer >= 0"
                        },
                        new String[] {
                            "{\"config\": {}, \"fidelity\": {\"shift_depth\": 1, \"epochs\": 2}}",
                            "one knob"
                        },
                        new String[] {
                            "{\"config\": {}, \"fidelity\": {\"depth\": 1}}", "unknown knob 'depth'"
                        },
                        new String[] {
                            "{\"config\": {}, \"fidelity\": {\"shift_depth\": \"x\"}}",
                            "fidelity.shift_depth must be a number"
                        },
                        new String[] {
                            "{\"config\": {}, \"fidelity\": {\"data_fraction\": 1.5}}",
                            "data_fraction must be in (0, 1]"
                        },
                        new String[] {"{\"config\": {}, \"seed\": 1.5}", "seed must be an integer"},
                        new String[] {"{\"config\": {}, \"extra\": 1}", "unknown field 'extra'"},
                        new String[] {
                            "{\"config\": {}, \"workload\": {\"dataset\": \"imagenet\"}}",
                            "workload.dataset must be one of"
                        },
                        new String[] {
                            "{\"config\": {}, \"workload\": {\"path\": \"x\"}}",
                            "unknown field 'workload.path'"
                        },
                        new String[] {
                            "{\"config\": {}, \"workload\": {\"options\": {\"a\": {}}}}",
                            "workload.options.a must be a string"
                        },
                        new String[] {
                            "{\"config\": {}, \"intensityGPerKwh\": -1}",
                            "intensityGPerKwh must be a number >= 0"
                        });
        for (String[] c : cases) {
            assertThatThrownBy(() -> FixedRun.parse(c[0]))
                    .as(c[0])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() {
        String big =
                "{\"config\": {}, \"workload\": {\"options\": {\"x\": \""
                        + "a".repeat(FixedRun.MAX_BYTES)
                        + "\"}}}";
        assertThatThrownBy(() -> FixedRun.parse(big)).hasMessageContaining("larger than");
    }

    @Test
    void theExampleFilesAreTheDefaultDsnnAndTheFloatNetwork() throws Exception {
        java.nio.file.Path dir =
                java.nio.file.Path.of(System.getProperty("greenband.home"), "examples", "train");
        FixedRun dsnn =
                FixedRun.parse(java.nio.file.Files.readString(dir.resolve("dsnn-default.json")));
        assertThat(dsnn.fidelity()).isEqualTo(19);
        assertThat(dsnn.config()).containsOnlyKeys("epochs");
        FixedRun dense =
                FixedRun.parse(java.nio.file.Files.readString(dir.resolve("float-depth0.json")));
        assertThat(dense.fidelity()).isZero();
        assertThat(dense.dataset()).isEqualTo("fashion-mnist");
        assertThat(dense.options()).containsEntry("trainImages", "5000");
    }
}
