package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link SequentialBlock} that closes each child's output once the next child has consumed it,
 * instead of keeping every activation of the pass alive until the caller's scope ends. Native
 * memory then follows what autograd still needs (it holds its own references to saved tensors), as
 * in PyTorch, and freed buffers are reused by the next layer. The network's input and output are
 * never closed here; parameters and names are those of a plain sequential block.
 */
public class ReleasingSequentialBlock extends SequentialBlock {

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDList current = inputs;
        for (Block child : getChildren().values()) {
            NDList next = child.forward(store, current, training);
            if (current != inputs) {
                release(current, next);
            }
            current = next;
        }
        return current;
    }

    /**
     * Closes the arrays of {@code done} that {@code next} does not pass on (an identity child
     * returns them).
     */
    private static void release(NDList done, NDList next) {
        for (NDArray array : done) {
            boolean passedOn = false;
            for (NDArray kept : next) {
                passedOn |= kept == array;
            }
            if (!passedOn) {
                array.close();
            }
        }
    }
}
