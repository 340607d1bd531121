package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The DSNN search space of the paper's Table 1, bundled as {@value #RESOURCE}. Two decisions:
 *
 * <ul>
 *   <li>{@code momentum} is active only when {@code optimizer} is SGD or RMSProp, the two
 *       optimizers that take a momentum; for the others it would be a dead dimension the surrogate
 *       has to learn to ignore.
 *   <li>{@code epochs} defaults to 100, its upper bound: the paper's default of 200 lies outside
 *       the paper's own range 5–100, and a default outside the bounds is illegal in ConfigSpace.
 * </ul>
 *
 * {@code shift_depth} (0–20, default 20) is not sampled: it is the study's fidelity, see {@link
 * #SHIFT_DEPTH_MIN}, {@link #SHIFT_DEPTH_MAX}.
 */
public final class DsnnSpace {

    /** The bundled space's name, usable as a study's {@code space} reference. */
    public static final String NAME = "dsnn-table1";

    /** The classpath resource. */
    public static final String RESOURCE = "spaces/dsnn-table1.json";

    /** Smallest shift depth of Table 1 (no converted convolution). */
    public static final int SHIFT_DEPTH_MIN = 0;

    /** Largest shift depth of Table 1, also its default (the ResNet20 fully converted). */
    public static final int SHIFT_DEPTH_MAX = 20;

    private static final ConfigSpace TABLE1 = ConfigSpaceJson.read(json(), "");

    private DsnnSpace() {}

    /** The parsed space. */
    public static ConfigSpace table1() {
        return TABLE1;
    }

    /** The space as ConfigSpace JSON, as bundled (a fresh tree each call). */
    public static JsonNode json() {
        try (InputStream in = DsnnSpace.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
