package io.greenband.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import io.greenband.trainer.dsnn.FixedPoint;
import io.greenband.trainer.dsnn.ResNet20;
import io.greenband.trainer.dsnn.Rounding;
import io.greenband.trainer.dsnn.ShiftBlock;
import io.greenband.trainer.dsnn.ShiftLayers;
import io.greenband.trainer.dsnn.ShiftSettings;
import io.greenband.trainer.dsnn.ShiftType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported graph, run in ONNX Runtime, reproduces the DJL network's inference output. */
class DsnnOnnxExportTest {

    @TempDir Path dir;

    private float[][] exportAndCompare(ShiftSettings settings, int shiftDepth, String name)
            throws Exception {
        ResNet20 plan =
                ResNet20.builder()
                        .setShiftDepth(shiftDepth)
                        .setShiftSettings(settings)
                        .optImageSize(16)
                        .build();
        Engine.getEngine("PyTorch").setRandomSeed(21);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Block block = plan.newBlock();
            block.initialize(manager, DataType.FLOAT32, plan.inputShape(4));
            ShiftLayers.clampAll(block);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(4, 3, 16, 16));
            // training-mode passes move the batch-norm running statistics away from 0 / 1
            for (int i = 0; i < 3; i++) {
                block.forward(store, new NDList(x.mul(1 + i)), true);
            }
            float[] expected =
                    block.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            for (ShiftBlock shift : ShiftLayers.find(block)) {
                assertThat(
                                DsnnOnnxExport.signedPowersOfTwo(
                                        shift.exportWeight().toFloatArray(), settings.minShift()))
                        .isTrue();
            }
            Path file = dir.resolve(name + ".onnx");
            DsnnOnnxExport.write(block, plan, 16, 10, file);
            float[] actual;
            try (Model onnx = Model.newInstance(name, Device.cpu(), "OnnxRuntime")) {
                onnx.load(file);
                try (Predictor<NDList, NDList> predictor =
                        onnx.newPredictor(new NoopTranslator())) {
                    NDArray input = onnx.getNDManager().create(x.toFloatArray(), x.getShape());
                    input.setName(DsnnOnnxExport.INPUT);
                    actual = predictor.predict(new NDList(input)).singletonOrThrow().toFloatArray();
                }
            }
            return new float[][] {expected, actual};
        }
    }

    private static void assertClose(float[][] pair) {
        assertThat(pair[1]).hasSameSizeAs(pair[0]);
        double scale = 0;
        for (float v : pair[0]) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < pair[0].length; i++) {
            assertThat((double) pair[1][i])
                    .as("logit %d", i)
                    .isCloseTo(
                            pair[0][i], org.assertj.core.api.Assertions.within(1e-3 * (1 + scale)));
        }
    }

    @Test
    void qNetworkWithDenseAndShiftConvolutionsMatchesInOnnxRuntime() throws Exception {
        assertClose(
                exportAndCompare(
                        new ShiftSettings(
                                ShiftType.Q, 5, Rounding.DETERMINISTIC, FixedPoint.DEFAULT),
                        10,
                        "q"));
    }

    @Test
    void psNetworkOnACoarseActivationGridMatchesInOnnxRuntime() throws Exception {
        assertClose(
                exportAndCompare(
                        new ShiftSettings(
                                ShiftType.PS, 4, Rounding.DETERMINISTIC, new FixedPoint(8, 8)),
                        19,
                        "ps"));
    }
}
