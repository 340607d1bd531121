package io.greenband.trainer.dsnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intermediates are closed once consumed; values and gradients stay those of a plain sequential
 * block.
 */
class ReleasingSequentialBlockTest {

    private static Block linear() {
        Linear linear = Linear.builder().setUnits(2).build();
        linear.setInitializer(new ConstantInitializer(0.5f), Parameter.Type.WEIGHT);
        return linear;
    }

    /**
     * Output, first weight's gradient, and 1 where the first layer's output was closed by the end
     * of the pass.
     */
    private static float[][] run(SequentialBlock net, NDManager manager, List<NDArray> seen) {
        net.add(linear())
                .add(
                        new LambdaBlock(
                                list -> {
                                    seen.add(list.singletonOrThrow());
                                    return list; // an identity child: what it passes on must stay
                                    // open
                                }))
                .add(list -> new NDList(list.singletonOrThrow().mul(3)))
                .add(linear());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        seen.clear(); // initialisation ran the lambdas on arrays of its own
        NDArray x = manager.create(new float[] {1f, -2f}, new Shape(1, 2));
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray y =
                    net.forward(new ParameterStore(manager, false), new NDList(x), true)
                            .singletonOrThrow();
            collector.backward(y.sum());
            assertThat(x.isReleased()).isFalse();
            assertThat(y.isReleased()).isFalse();
            float closed = seen.get(0).isReleased() ? 1f : 0f;
            NDArray firstWeight =
                    net.getChildren().get(0).getValue().getParameters().get("weight").getArray();
            return new float[][] {
                y.toFloatArray(), firstWeight.getGradient().toFloatArray(), {closed}
            };
        }
    }

    @Test
    void sameValuesAndGradientsWithIntermediatesClosed() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            List<NDArray> plainSeen = new ArrayList<>();
            float[][] plain = run(new SequentialBlock(), manager, plainSeen);
            List<NDArray> releasingSeen = new ArrayList<>();
            float[][] releasing = run(new ReleasingSequentialBlock(), manager, releasingSeen);

            assertThat(releasing[0]).containsExactly(plain[0]);
            assertThat(releasing[1]).containsExactly(plain[1]);
            assertThat(plain[2]).containsExactly(0f);
            // the first layer's output went through the identity child and the multiplication: now
            // closed
            assertThat(releasing[2]).containsExactly(1f);
        }
    }
}
