package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Finds and maintains the shift layers of a block tree (definition order, depth first). */
public final class ShiftLayers {

    private ShiftLayers() {}

    /** All shift blocks under {@code root}, in definition order. */
    public static List<ShiftBlock> find(Block root) {
        List<ShiftBlock> found = new ArrayList<>();
        for (Block block : collect(root, b -> b instanceof ShiftBlock)) {
            found.add((ShiftBlock) block);
        }
        return found;
    }

    /**
     * All convolutions, dense ({@link Conv2d}) or shift ({@link ShiftConv2d}), in definition order.
     */
    public static List<Block> convolutions(Block root) {
        return collect(root, b -> b instanceof Conv2d || b instanceof ShiftConv2d);
    }

    private static List<Block> collect(Block root, Predicate<Block> wanted) {
        List<Block> found = new ArrayList<>();
        walk(root, wanted, found);
        return found;
    }

    private static void walk(Block block, Predicate<Block> wanted, List<Block> found) {
        if (wanted.test(block)) {
            found.add(block);
        }
        for (Block child : block.getChildren().values()) {
            walk(child, wanted, found);
        }
    }

    /** Clamps every shift layer's latent parameters in place (call outside gradient collection). */
    public static void clampAll(Block root) {
        for (ShiftBlock block : find(root)) {
            block.clampLatent();
        }
    }

    /**
     * Sum of the PS shift penalties {@code sum (2^P)^2} over all layers, or null when no layer is
     * PS.
     */
    public static NDArray shiftPenalty(Block root) {
        NDArray total = null;
        for (ShiftBlock block : find(root)) {
            NDArray penalty = block.shiftPenalty();
            if (penalty != null) {
                total = total == null ? penalty : total.add(penalty);
            }
        }
        return total;
    }
}
