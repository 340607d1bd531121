package io.greenband.trainer.dsnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResNet20Test {

    private static ResNet20 net(int depth, ShiftType type) {
        return ResNet20.builder()
                .setShiftDepth(depth)
                .setShiftSettings(ShiftSettings.defaults(type))
                .build();
    }

    @Test
    void shiftDepthConvertsExactlyTheLastConvolutions() {
        for (int depth : new int[] {0, 1, 5, 12, 18, 19, 1000}) {
            List<Block> convs = ShiftLayers.convolutions(net(depth, ShiftType.Q).newBlock());
            assertThat(convs).hasSize(19);
            int converted = Math.min(depth, 19);
            for (int i = 0; i < 19; i++) {
                boolean shouldShift = i >= 19 - converted;
                assertThat(convs.get(i))
                        .as("depth %d, conv %d", depth, i)
                        .isInstanceOf(shouldShift ? ShiftConv2d.class : Conv2d.class);
            }
            List<ShiftBlock> shifted = ShiftLayers.find(net(depth, ShiftType.PS).newBlock());
            assertThat(shifted).hasSize(converted + 1);
            assertThat(shifted.get(shifted.size() - 1)).isInstanceOf(ShiftLinear.class);
        }
    }

    @Test
    void planMatchesTheReferenceArchitecture() {
        List<LayerSpec> layers = net(19, ShiftType.Q).layers();
        assertThat(layers).hasSize(20);
        long weights = layers.stream().mapToLong(LayerSpec::weightCount).sum();
        assertThat(weights).isEqualTo(267_696 + 640);
        assertThat(layers.get(7).name()).isEqualTo("stage2.block0.conv1");
        assertThat(layers.get(7).stride()).isEqualTo(2);
        assertThat(layers.get(7).outputSize()).isEqualTo(16);
        assertThat(layers.get(18).outputSize()).isEqualTo(8);
        assertThat(layers.get(0).macsPerImage()).isEqualTo(16L * 27 * 32 * 32);
    }

    @Test
    void grayImagesEnterThroughOneInputChannelOfTheStem() {
        Engine.getEngine("PyTorch").setRandomSeed(1);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ResNet20 plan =
                    ResNet20.builder()
                            .setShiftDepth(19)
                            .setShiftSettings(ShiftSettings.defaults(ShiftType.Q))
                            .optImageSize(28)
                            .optInputChannels(1)
                            .build();
            assertThat(plan.layers().get(0).inChannels()).isEqualTo(1);
            assertThat(plan.inputShape(2)).isEqualTo(new Shape(2, 1, 28, 28));
            Block block = plan.newBlock();
            block.initialize(manager, DataType.FLOAT32, plan.inputShape(2));
            long count = 0;
            for (Parameter p : block.getParameters().values()) {
                if (p.requiresGradient()) {
                    count += p.getArray().size();
                }
            }
            // the RGB network's 269,722 less two thirds of the stem's 16 x 3 x 3 x 3 weights
            assertThat(count).isEqualTo(269_722 - 288);
            NDArray y =
                    block.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(manager.randomNormal(new Shape(2, 1, 28, 28))),
                                    false)
                            .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 10));
        }
        assertThatThrownBy(
                        () ->
                                ResNet20.builder()
                                        .setShiftDepth(0)
                                        .setShiftSettings(ShiftSettings.defaults(ShiftType.Q))
                                        .optInputChannels(0)
                                        .build())
                .hasMessageContaining("inputChannels must be 1-4");
    }

    @Test
    void forwardGivesLogitsAndTheParameterCountOfTheReference() {
        Engine.getEngine("PyTorch").setRandomSeed(1);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ResNet20 plan = net(4, ShiftType.Q);
            Block block = plan.newBlock();
            block.initialize(manager, DataType.FLOAT32, plan.inputShape(2));
            long count = 0;
            for (Parameter p : block.getParameters().values()) {
                if (p.requiresGradient()) {
                    count += p.getArray().size();
                }
            }
            assertThat(count).isEqualTo(269_722);
            NDArray x = manager.randomNormal(new Shape(2, 3, 32, 32));
            NDArray y =
                    block.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 10));
            assertThat(y.isNaN().any().getBoolean()).isFalse();
        }
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(
                        () ->
                                ResNet20.builder()
                                        .setShiftDepth(-1)
                                        .setShiftSettings(ShiftSettings.defaults(ShiftType.Q))
                                        .build())
                .hasMessageContaining("shift_depth");
        assertThatThrownBy(() -> ResNet20.builder().setShiftDepth(3).build())
                .hasMessageContaining("shiftSettings");
    }
}
