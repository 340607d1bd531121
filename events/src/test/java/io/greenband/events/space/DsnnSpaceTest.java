package io.greenband.events.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the bundled space against the paper's Table 1, row by row. */
class DsnnSpaceTest {

    private final ConfigSpace space = DsnnSpace.table1();

    @Test
    void everyRangeAndDefaultMatchesTable1() {
        assertInt("batch_size", 32, 128, 128, false);
        assertCategorical(
                "optimizer",
                List.of("SGD", "Adam", "Adagrad", "Adadelta", "RMSProp", "RAdam", "Ranger"),
                "SGD");
        assertFloat("learning_rate", 0.001, 0.1, 0.1, true);
        assertFloat("momentum", 0.0, 0.9, 0.9, false);
        assertInt("epochs", 5, 100, 100, false);
        assertInt("weight_bits", 2, 8, 5, false);
        assertInt("activation_integer_bits", 2, 32, 16, false);
        assertInt("activation_fraction_bits", 2, 32, 16, false);
        assertCategorical("shift_type", List.of("Q", "PS"), "PS");
        assertCategorical("rounding", List.of("deterministic", "stochastic"), "deterministic");
        assertFloat("weight_decay", 1e-6, 1e-2, 1e-4, true);
        assertThat(space.size()).isEqualTo(11);
    }

    @Test
    void shiftDepthIsTheFidelityNotAHyperparameter() {
        assertThat(space.contains("shift_depth")).isFalse();
        assertThat(DsnnSpace.SHIFT_DEPTH_MIN).isZero();
        assertThat(DsnnSpace.SHIFT_DEPTH_MAX).isEqualTo(20);
    }

    @Test
    void epochsDefaultIsTheUpperBoundBecauseThePapersDefaultIsOutOfRange() {
        Hyperparameter epochs = space.hyperparameter("epochs");
        assertThat(epochs.isLegal(200L)).isFalse();
        assertThat(epochs.defaultValue()).isEqualTo(100L);
        assertThat(epochs.meta().get("paper_default").asInt()).isEqualTo(200);
    }

    @Test
    void momentumIsActiveOnlyForSgdAndRmsProp() {
        assertThat(space.conditionOf("momentum").orElseThrow().describe())
                .isEqualTo("optimizer in ['SGD', 'RMSProp']");
        for (String opt :
                List.of("SGD", "Adam", "Adagrad", "Adadelta", "RMSProp", "RAdam", "Ranger")) {
            Map<String, Object> v =
                    new java.util.LinkedHashMap<>(space.defaultConfiguration().values());
            v.put("optimizer", opt);
            assertThat(space.configuration(v).isActive("momentum"))
                    .as(opt)
                    .isEqualTo(opt.equals("SGD") || opt.equals("RMSProp"));
        }
        assertThat(space.defaultConfiguration().values())
                .containsEntry("momentum", 0.9)
                .hasSize(11);
    }

    @Test
    void bundledSpaceRoundTrips() {
        assertThat(ConfigSpaceJson.read(ConfigSpaceJson.write(space))).isEqualTo(space);
    }

    private void assertInt(String name, long lower, long upper, long def, boolean log) {
        assertThat(space.hyperparameter(name))
                .as(name)
                .isInstanceOfSatisfying(
                        UniformInt.class,
                        h -> {
                            assertThat(h.lower()).isEqualTo(lower);
                            assertThat(h.upper()).isEqualTo(upper);
                            assertThat(h.defaultValue()).isEqualTo(def);
                            assertThat(h.log()).isEqualTo(log);
                        });
    }

    private void assertFloat(String name, double lower, double upper, double def, boolean log) {
        assertThat(space.hyperparameter(name))
                .as(name)
                .isInstanceOfSatisfying(
                        UniformFloat.class,
                        h -> {
                            assertThat(h.lower()).isEqualTo(lower);
                            assertThat(h.upper()).isEqualTo(upper);
                            assertThat(h.defaultValue()).isEqualTo(def);
                            assertThat(h.log()).isEqualTo(log);
                        });
    }

    private void assertCategorical(String name, List<Object> choices, Object def) {
        assertThat(space.hyperparameter(name))
                .as(name)
                .isInstanceOfSatisfying(
                        Categorical.class,
                        h -> {
                            assertThat(h.choices()).isEqualTo(choices);
                            assertThat(h.defaultValue()).isEqualTo(def);
                            assertThat(h.weights()).isNull();
                        });
    }
}
