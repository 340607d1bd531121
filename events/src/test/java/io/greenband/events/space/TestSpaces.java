package io.greenband.events.space;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the test spaces under {@code src/test/resources/spaces}. */
final class TestSpaces {

    private TestSpaces() {}

    static String text(String file) {
        try (InputStream in = TestSpaces.class.getResourceAsStream("/spaces/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example of suggester.md §5.7. */
    static ConfigSpace gbm() {
        return ConfigSpaceJson.read(text("gbm-example.json"));
    }

    /** Every hyperparameter type, condition kind and forbidden clause kind. */
    static ConfigSpace everyType() {
        return ConfigSpaceJson.read(text("every-type.json"));
    }
}
