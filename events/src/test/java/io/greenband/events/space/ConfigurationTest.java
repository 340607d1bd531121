package io.greenband.events.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private final ConfigSpace gbm = TestSpaces.gbm();

    @Test
    void defaultsAreComputedAsConfigSpaceDoes() {
        assertThat(UniformInt.defaultFor(1, 10, false)).isEqualTo(6L);
        assertThat(UniformInt.defaultFor(2, 12, false)).isEqualTo(7L);
        assertThat(UniformInt.defaultFor(1, 4, false)).isEqualTo(2L);
        assertThat(UniformInt.defaultFor(50, 2000, true)).isEqualTo(316L);
        assertThat(UniformFloat.defaultFor(0.001, 0.1, true)).isEqualTo(0.01);
        assertThat(UniformFloat.defaultFor(0.0, 0.3, false)).isEqualTo(0.15);
        assertThat(
                        new Categorical(
                                        "c",
                                        List.of("a", "b", "c"),
                                        List.of(1.0, 3.0, 3.0),
                                        null,
                                        null)
                                .defaultValue())
                .isEqualTo("b");
        assertThat(new Categorical("c", List.of("a", "b"), null, null, null).defaultValue())
                .isEqualTo("a");
        assertThat(new Ordinal("o", List.of(8L, 16L), null, null).defaultValue()).isEqualTo(8L);
        assertThat(new NormalFloat("n", 0.2, 0.1, 0.0, 1.0, null, false, null).defaultValue())
                .isEqualTo(0.2);
        assertThat(new NormalInt("n", 30, 5, 0, 20, null, false, null).defaultValue())
                .isEqualTo(20L);
        assertThat(new BetaFloat("b", 3, 3, 0, 1, null, false, null).defaultValue()).isEqualTo(0.5);
        assertThat(new BetaInt("b", 5, 2, 0, 10, null, false, null).defaultValue()).isEqualTo(8L);
    }

    @Test
    void defaultConfigurationHoldsOnlyActiveHyperparameters() {
        Configuration d = gbm.defaultConfiguration();

        assertThat(d.values())
                .containsOnlyKeys(
                        "booster", "eta", "n_estimators", "objective", "subsample", "max_depth");
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void activityFollowsConditionsAndParents() {
        Configuration dart = gbm.configuration(values("dart", 0.1, true));
        assertThat(dart.isActive("max_depth")).isTrue();
        assertThat(dart.isActive("rate_drop")).isTrue();
        assertThat(dart.isActive("one_drop")).isTrue();
        assertThat(dart.problems()).isEmpty();

        Configuration lowDrop = gbm.configuration(values("dart", 0.01, null));
        assertThat(lowDrop.isActive("one_drop")).isFalse();
        assertThat(lowDrop.problems()).isEmpty();

        Map<String, Object> linear = values("linear", null, null);
        linear.remove("max_depth");
        Configuration lin = gbm.configuration(linear);
        assertThat(lin.isActive("max_depth")).isFalse();
        assertThat(lin.isActive("rate_drop")).isFalse();
        assertThat(lin.isActive("one_drop")).isFalse();
    }

    @Test
    void forbiddenClausesAreEvaluatedOnActiveValuesOnly() {
        Map<String, Object> linear = values("linear", null, null);
        linear.remove("max_depth");
        linear.put("subsample", 0.5);
        assertThat(gbm.configuration(linear).isForbidden()).isTrue();
        assertThat(gbm.configuration(linear).violatedForbidden().orElseThrow().describe())
                .isEqualTo("(booster == 'linear' && subsample in [0.5])");

        linear.put("subsample", 0.75);
        assertThat(gbm.configuration(linear).isForbidden()).isFalse();

        Map<String, Object> fast = values("gbtree", null, null);
        fast.put("eta", 0.4);
        assertThat(gbm.configuration(fast).isForbidden()).isTrue();

        ConfigSpace every = TestSpaces.everyType();
        Map<String, Object> v = new LinkedHashMap<>(every.defaultConfiguration().values());
        v.put("layers", 9L);
        v.put("opt", 3L);
        assertThat(every.configuration(v).violatedForbidden().orElseThrow().type())
                .isEqualTo("AND");
        v.put("opt", "sgd");
        v.remove("adam_steps");
        v.remove("clip");
        v.put("clip", 1.0);
        v.put("momentum", 0.9);
        v.put("nesterov_gain", 0.5);
        v.put("warmup", 10L);
        v.put("heads", 12L);
        assertThat(every.configuration(v).problems()).isEmpty();
    }

    @Test
    void validationNamesTheHyperparameterAndTheBoundOrChoice() {
        Map<String, Object> v = values("gbtree", null, null);
        v.put("eta", 0.9);
        v.put("max_depth", 13L);
        v.put("rate_drop", 0.1);
        v.put("booster", "gbtree");
        v.put("subsample", 0.6);
        v.put("colour", "red");

        assertThatThrownBy(() -> gbm.configuration(v).validate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "eta = 0.9 is above the upper bound of uniform_float 'eta' [0.001, 0.5] (log)")
                .hasMessageContaining(
                        "max_depth = 13 is above the upper bound of uniform_int 'max_depth' [2, 12]")
                .hasMessageContaining(
                        "'rate_drop' is inactive but has value 0.1; remove it (its condition booster == 'dart' does not hold)")
                .hasMessageContaining("subsample = 0.6 is not in the sequence [0.5, 0.75, 1.0]")
                .hasMessageContaining("unknown hyperparameter 'colour'");
        Map<String, Object> missing = values("dart", 0.1, null);
        assertThat(gbm.configuration(missing).problems())
                .containsExactly(
                        "hyperparameter 'one_drop' is active but has no value (its condition (booster == 'dart' && rate_drop > 0.05) holds)");
        Map<String, Object> wrongChoice = values("xgb", null, null);
        assertThat(gbm.configuration(wrongChoice).problems())
                .contains("booster = 'xgb' is not one of the choices ['gbtree', 'dart', 'linear']");
    }

    @Test
    void vectorEncodingMatchesSection56() {
        Configuration c = gbm.configuration(values("dart", 0.1, true));
        double[] v = c.toVector();

        assertThat(v[gbm.indexOf("booster")]).isEqualTo(1.0);
        assertThat(v[gbm.indexOf("eta")])
                .isCloseTo(Math.log(0.05 / 0.001) / Math.log(0.5 / 0.001), within(1e-12));
        assertThat(v[gbm.indexOf("max_depth")]).isCloseTo(0.4, within(1e-12));
        assertThat(v[gbm.indexOf("objective")]).isEqualTo(0.0);
        assertThat(v[gbm.indexOf("subsample")]).isEqualTo(2.0);
        assertThat(v[gbm.indexOf("one_drop")]).isEqualTo(0.0);
        Configuration back = Configuration.fromVector(gbm, v);
        assertThat(back.values().keySet()).isEqualTo(c.values().keySet());
        assertThat((Double) back.get("eta")).isCloseTo(0.05, within(1e-12));
        assertThat(back.get("max_depth")).isEqualTo(6L);
        assertThat(back.get("one_drop")).isEqualTo(true);

        double[] inactive = gbm.defaultConfiguration().toVector();
        assertThat(inactive[gbm.indexOf("rate_drop")]).isNaN();
        assertThat(inactive[gbm.indexOf("one_drop")]).isNaN();
        Configuration defaults = Configuration.fromVector(gbm, inactive);
        assertThat(defaults.values().keySet())
                .isEqualTo(gbm.defaultConfiguration().values().keySet());
        assertThat(defaults.problems()).isEmpty();
    }

    @Test
    void numbersCompareLikePython() {
        Categorical c = new Categorical("c", List.of(1L, 2.5, "x"), null, null, null);
        assertThat(c.isLegal(1.0)).isTrue();
        assertThat(c.isLegal(2.5)).isTrue();
        assertThat(c.isLegal(true)).isTrue();
        assertThat(c.isLegal("1")).isFalse();
        assertThatThrownBy(() -> new Categorical("c", List.of(1L, 1.0), null, null, null))
                .hasMessageContaining("holds 1.0 twice");
    }

    /**
     * booster, eta 0.05, n_estimators 300, objective, subsample 1.0, max_depth 6 and optionally the
     * dart ones.
     */
    private static Map<String, Object> values(String booster, Double rateDrop, Boolean oneDrop) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("booster", booster);
        v.put("eta", 0.05);
        v.put("n_estimators", 300L);
        v.put("objective", "binary:logistic");
        v.put("subsample", 1.0);
        v.put("max_depth", 6L);
        if (rateDrop != null) {
            v.put("rate_drop", rateDrop);
        }
        if (oneDrop != null) {
            v.put("one_drop", oneDrop);
        }
        return v;
    }
}
