package io.greenband.trainer.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** In-place gradient zeroing and the no-gradient section of evaluation. */
class GradientsTest {

    @Test
    void zeroClearsEveryAccumulatedGradientInPlace() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Linear linear = Linear.builder().setUnits(2).build();
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            NDArray x = manager.create(new float[] {1f, 2f, 3f}, new Shape(1, 3));
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                collector.backward(
                        linear.forward(
                                        new ai.djl.training.ParameterStore(manager, false),
                                        new ai.djl.ndarray.NDList(x),
                                        true)
                                .singletonOrThrow()
                                .sum());
            }
            NDArray weight = linear.getParameters().get("weight").getArray();
            assertThat(weight.getGradient().toFloatArray()).containsExactly(1f, 2f, 3f, 1f, 2f, 3f);

            Gradients.zero(linear);

            for (var parameter : linear.getParameters().values()) {
                assertThat(parameter.getArray().getGradient().toFloatArray()).containsOnly(0f);
            }
        }
    }

    @Test
    void noGradStopsRecordingOnAThreadWhereGradModeIsOnAndRestoresIt() throws InterruptedException {
        AtomicReference<Boolean> inside = new AtomicReference<>();
        AtomicReference<String> outside = new AtomicReference<>();
        AtomicReference<Boolean> restored = new AtomicReference<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray w = manager.create(new float[] {1f, 2f});
            w.setRequiresGradient(true);
            // libtorch enables grad mode in every new thread, as on a trial's own thread
            Thread thread =
                    new Thread(
                            () -> {
                                JniUtils.setGradMode(true);
                                try (Gradients.NoGrad noGrad = Gradients.noGrad()) {
                                    inside.set(JniUtils.isGradMode());
                                }
                                restored.set(JniUtils.isGradMode());
                                outside.set(
                                        JniUtils.getGradientFunctionNames((PtNDArray) w.mul(2)));
                            });
            thread.start();
            thread.join();
        }
        assertThat(inside.get()).isFalse();
        assertThat(outside.get()).contains("MulBackward");
        assertThat(restored.get()).isTrue();
    }
}
