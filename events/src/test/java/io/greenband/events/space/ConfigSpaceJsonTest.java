package io.greenband.events.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSpaceJsonTest {

    @Test
    void exampleOfSection57LoadsInInternalOrder() {
        ConfigSpace space = TestSpaces.gbm();

        assertThat(space.names())
                .containsExactly(
                        "booster",
                        "eta",
                        "n_estimators",
                        "objective",
                        "subsample",
                        "max_depth",
                        "rate_drop",
                        "one_drop");
        assertThat(space.conditions())
                .extracting(Condition::child)
                .containsExactly("max_depth", "rate_drop", "one_drop");
        assertThat(space.forbiddens()).hasSize(2);
        assertThat(space.hyperparameter("one_drop"))
                .isEqualTo(
                        new Categorical(
                                "one_drop",
                                List.of(true, false),
                                List.of(0.25, 0.75),
                                false,
                                null));
    }

    @Test
    void exampleOfSection57RoundTrips() throws Exception {
        ConfigSpace space = TestSpaces.gbm();
        String written = ConfigSpaceJson.write(space);

        assertThat(ConfigSpaceJson.read(written)).isEqualTo(space);
        assertThat(ConfigSpaceJson.write(ConfigSpaceJson.read(written))).isEqualTo(written);
        var tree = new ObjectMapper().readTree(written);
        assertThat(tree.get("format_version").asDouble()).isEqualTo(0.4);
        assertThat(tree.get("hyperparameters").get(0).get("name").asText()).isEqualTo("booster");
        assertThat(tree.get("hyperparameters").get(1).get("default_value").asDouble())
                .isEqualTo(0.05);
        assertThat(tree.get("hyperparameters").get(2).get("default_value").isIntegralNumber())
                .isTrue();
    }

    @Test
    void spaceWithEveryTypeConditionAndClauseRoundTrips() {
        ConfigSpace space = TestSpaces.everyType();
        ConfigSpace again = ConfigSpaceJson.read(ConfigSpaceJson.write(space));

        assertThat(again).isEqualTo(space);
        assertThat(space.hyperparameters())
                .extracting(Hyperparameter::type)
                .contains(
                        "uniform_float",
                        "uniform_int",
                        "normal_float",
                        "normal_int",
                        "beta_float",
                        "beta_int",
                        "categorical",
                        "ordinal",
                        "constant");
        assertThat(space.conditions())
                .extracting(Condition::type)
                .containsExactlyInAnyOrder("EQ", "GT", "NEQ", "LT", "OR", "AND");
        assertThat(space.forbiddens())
                .extracting(Forbidden::type)
                .containsExactly(
                        "EQUALS",
                        "IN",
                        "AND",
                        "OR",
                        "CLAUSE_LE",
                        "RELATION_GT",
                        "RELATION_LT",
                        "RELATION_EQ",
                        "RELATION_LE",
                        "RELATION_GE");
        assertThat(((Categorical) space.hyperparameter("opt")).choices())
                .containsExactly("sgd", "adam", 3L, true);
        assertThat(space.hyperparameter("lr").meta().get("unit").asText()).isEqualTo("1");
        // nesterov_gain hangs below momentum (depth 2), so it comes after every depth-1 child
        assertThat(space.names().indexOf("nesterov_gain"))
                .isGreaterThan(space.names().indexOf("momentum"));
        assertThat(space.names().subList(space.size() - 2, space.size()))
                .containsExactly("deep_extra", "nesterov_gain");
    }

    @Test
    void legacyFileLoadsWithEveryOldSpelling() {
        ConfigSpace space = ConfigSpaceJson.read(TestSpaces.text("legacy-0x.json"));

        assertThat(space.name()).isNull();
        assertThat(space.hyperparameter("alpha").defaultValue()).isEqualTo(0.01);
        assertThat(space.hyperparameter("n_layers").defaultValue()).isEqualTo(6L);
        assertThat(((Categorical) space.hyperparameter("kind")).weights()).isNull();
        assertThat(space.hyperparameter("mode")).isEqualTo(new Constant("mode", "fast", null));
        assertThat(space.forbiddens().subList(1, 5))
                .containsExactly(
                        new Forbidden.Relation("first", "second", Forbidden.Op.GT),
                        new Forbidden.Relation("third", "first", Forbidden.Op.LT),
                        new Forbidden.Relation("second", "third", Forbidden.Op.EQ),
                        new Forbidden.Relation("first", "third", Forbidden.Op.GT));
        String written = ConfigSpaceJson.write(space);
        assertThat(written)
                .contains("\"RELATION_GT\"")
                .doesNotContain("\"lambda\"")
                .contains("\"format_version\"");
        assertThat(ConfigSpaceJson.read(written)).isEqualTo(space);
    }

    @Test
    void missingConditionsAndForbiddensReadAsEmpty() {
        ConfigSpace space =
                ConfigSpaceJson.read(
                        "{\"hyperparameters\": [{\"type\": \"uniform_int\", \"name\": \"x\", "
                                + "\"lower\": 1, \"upper\": 10}]}");

        assertThat(space.conditions()).isEmpty();
        assertThat(space.forbiddens()).isEmpty();
    }

    @Test
    void readErrorsNameThePointerAndTheFix() {
        assertReadError(
                "{\"hyperparameters\": [{\"type\": \"uniform_float\", \"name\": \"lr\", \"lower\": 0, \"upper\": 1, \"log\": true}]}",
                "/hyperparameters/0",
                "lower must be > 0 when log is true");
        assertReadError(
                "{\"hyperparameters\": [{\"type\": \"uniform_flaot\", \"name\": \"lr\"}]}",
                "/hyperparameters/0/type",
                "expected one of [uniform_float");
        assertReadError(
                "{\"hyperparameters\": [{\"type\": \"uniform_int\", \"name\": \"n\", \"lower\": 1.5, \"upper\": 4}]}",
                "/hyperparameters/0/lower",
                "must be an integer");
        assertReadError(
                "{\"hyperparameters\": [{\"type\": \"categorical\", \"name\": \"c\", \"choices\": [\"a\"], \"default_value\": \"b\"}]}",
                "/hyperparameters/0",
                "default_value 'b' is not one of the choices ['a']");
        assertReadError(
                "{\"hyperparameters\": [{\"type\": \"normal_float\", \"name\": \"x\", \"mu\": 0, \"sigma\": 1}]}",
                "/hyperparameters/0/lower",
                "add it");
        String twoConditions =
                "{\"hyperparameters\": [{\"type\": \"categorical\", \"name\": \"a\", \"choices\": [\"x\", \"y\"]},"
                        + "{\"type\": \"uniform_int\", \"name\": \"b\", \"lower\": 1, \"upper\": 3}],"
                        + "\"conditions\": [{\"type\": \"EQ\", \"child\": \"b\", \"parent\": \"a\", \"value\": \"x\"},"
                        + "{\"type\": \"NEQ\", \"child\": \"b\", \"parent\": \"a\", \"value\": \"y\"}]}";
        assertReadError(
                twoConditions, "/conditions/1", "combine them into one AND or OR condition");
        String badValue =
                twoConditions
                        .replace(
                                ",{\"type\": \"NEQ\", \"child\": \"b\", \"parent\": \"a\", \"value\": \"y\"}",
                                "")
                        .replace("\"value\": \"x\"", "\"value\": \"z\"");
        assertReadError(badValue, "/conditions/0", "value 'z' is illegal for 'a'");
        String ltOnCategorical = badValue.replace("\"EQ\"", "\"LT\"").replace("\"z\"", "\"x\"");
        assertReadError(ltOnCategorical, "/conditions/0", "needs a numeric or ordinal parent");
        assertReadError(
                "{\"hyperparameters\": [{\"type\": \"uniform_int\", \"name\": \"n\", \"lower\": 1, \"upper\": 4, \"default_value\": 2}],"
                        + "\"forbiddens\": [{\"type\": \"EQUALS\", \"name\": \"n\", \"value\": 2}]}",
                "",
                "default configuration");
        assertReadError(
                "{\"hyperparameters\": [], \"forbiddens\": [{\"type\": \"RELATION\", \"left\": \"a\", \"right\": \"b\", \"lambda\": \"SMALLER\"}]}",
                "/forbiddens/0/lambda",
                "LT/LESS");
        assertReadError("{\"hyperparameters\": [{\"type\": ", "", "not valid JSON");
    }

    private static void assertReadError(String json, String pointer, String messagePart) {
        assertThatThrownBy(() -> ConfigSpaceJson.read(json))
                .isInstanceOfSatisfying(
                        ConfigSpaceFormatException.class,
                        e -> {
                            assertThat(e.pointer()).isEqualTo(pointer);
                            assertThat(e.getMessage()).contains(messagePart);
                        });
    }
}
