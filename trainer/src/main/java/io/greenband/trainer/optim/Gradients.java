package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient housekeeping of a training loop on DJL's PyTorch engine: zeroing the accumulated
 * gradients in place, and switching gradient recording off for evaluation ({@code
 * torch.no_grad()}).
 */
public final class Gradients {

    private static final NDIndex ALL = new NDIndex("...");

    private Gradients() {}

    /**
     * Zeroes every parameter gradient of {@code block} in place. The PyTorch engine accumulates
     * gradients across backward passes; one native {@code zero_()} per parameter replaces an
     * indexed assignment (several native calls and a fresh handle each).
     */
    public static void zero(Block block) {
        for (Parameter parameter : block.getParameters().values()) {
            NDArray array = parameter.getArray();
            if (!parameter.requiresGradient() || !array.hasGradient()) {
                continue;
            }
            if (array instanceof PtNDArray pt) {
                JniUtils.zeroGrad(pt);
            } else {
                array.getGradient().set(ALL, 0);
            }
        }
    }

    /**
     * Turns gradient recording off on this thread until closed, then restores it. libtorch's grad
     * mode is per thread and is on by default in every thread but the one that loaded the engine,
     * so an evaluation on a trial's own thread would otherwise record an autograd graph until its
     * first training step.
     */
    public static NoGrad noGrad() {
        return new NoGrad(JniUtils.isGradMode());
    }

    /** An open no-gradient section; {@link #close()} restores the previous mode. */
    public static final class NoGrad implements AutoCloseable {
        private final boolean previous;

        private NoGrad(boolean previous) {
            this.previous = previous;
            if (previous) {
                JniUtils.setGradMode(false);
            }
        }

        @Override
        public void close() {
            if (previous) {
                JniUtils.setGradMode(true);
            }
        }
    }
}
