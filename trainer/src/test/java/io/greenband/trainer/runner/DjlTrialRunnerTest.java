package io.greenband.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import io.greenband.trainer.onnx.OnnxLatency;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlTrialRunnerTest {

    private static final DataSource TINY = new DataSource.Synthetic(120, 40, 16, 5);

    @TempDir Path dir;

    private static TrialRequest request(
            String id,
            Map<String, Object> overrides,
            int shiftDepth,
            DataSource data,
            Path modelDir) {
        Map<String, Object> config =
                new HashMap<>(Map.of("batch_size", 16, "epochs", 2, "learning_rate", 0.05));
        config.putAll(overrides);
        return new TrialRequest(
                id,
                TrialConfig.fromMap(config),
                new Fidelity(shiftDepth, null, 1.0),
                42,
                data,
                true,
                modelDir);
    }

    @Test
    void aTrialReportsEveryEpochMeasuresAndSavesAndRepeatsExactlyOnCpu() throws Exception {
        List<EpochProgress> progress = new ArrayList<>();
        TrialRequest request = request("q-1", Map.of(), 3, TINY, dir.resolve("model"));
        TrialResult first = new DjlTrialRunner().run(request, progress::add);
        assertThat(first.status())
                .as(String.valueOf(first.error()))
                .isEqualTo(TrialStatus.COMPLETED);
        assertThat(progress).extracting(EpochProgress::epoch).containsExactly(1, 2);
        assertThat(progress.get(1).validationAccuracy())
                .isEqualTo(first.metric(MetricNames.VALIDATION_ACCURACY));
        for (String name :
                List.of(
                        MetricNames.VALIDATION_LOSS,
                        MetricNames.TEST_ACCURACY,
                        MetricNames.TRAIN_IMAGES_PER_SECOND,
                        MetricNames.INFERENCE_IMAGES_PER_SECOND)) {
            assertThat(first.metric(name)).as(name).isPositive().isFinite();
        }
        assertThat(first.metric(MetricNames.TRAINING_IMAGES)).isEqualTo(2 * 108);
        // validation (12 held-out images) after each of the 2 epochs, then the 40 test images
        assertThat(first.metric(MetricNames.INFERENCE_IMAGES)).isEqualTo(2 * 12 + 40);
        assertThat(first.metric(MetricNames.INFERENCE_SECONDS)).isPositive().isFinite();
        assertThat(first.metric(MetricNames.SHIFT_MAC_FRACTION)).isBetween(0.0, 1.0);
        assertThat(Files.exists(dir.resolve("model/dsnn-0000.params"))).isTrue();
        assertThat(Files.exists(dir.resolve("model/dsnn.onnx"))).isTrue();
        assertThat(Files.readString(dir.resolve("model/trial.json")))
                .contains("\"seed\" : 42")
                .contains("djl_version")
                .contains("validation_accuracy");
        assertThat(first.modelPath()).isEqualTo(dir.resolve("model").toAbsolutePath().toString());

        float[] reloaded = evaluateSaved(dir.resolve("model"));
        assertThat(reloaded).hasSize(2 * 10);

        // After DJL opened ONNX Runtime with its thread settings: the producer takes the
        // environment as it finds it.
        // The latency producer measures the saved model in ONNX Runtime, and says why when there is
        // none.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(
                        OnnxLatency.run(
                                first.modelPath(),
                                new PrintStream(out, true),
                                new PrintStream(err, true)))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).matches("\\{\"value\": [0-9.]+, \"unit\": \"ms\"\\}\\s*");
        assertThat(Double.parseDouble(out.toString().replaceAll("[^0-9.]", ""))).isPositive();
        assertThat(
                        OnnxLatency.run(
                                dir.toString(), new PrintStream(out), new PrintStream(err, true)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no dsnn.onnx in");

        TrialResult second = new DjlTrialRunner().run(request, ProgressListener.NONE);
        assertThat(second.metric(MetricNames.VALIDATION_LOSS))
                .isEqualTo(first.metric(MetricNames.VALIDATION_LOSS));
        assertThat(second.metric(MetricNames.TRAIN_LOSS))
                .isEqualTo(first.metric(MetricNames.TRAIN_LOSS));
        // Q layers carry no shift penalty
        assertThat(first.metrics()).doesNotContainKey(MetricNames.TRAIN_SHIFT_PENALTY);
    }

    /**
     * Logits of the reloaded model, which must equal the exported ONNX model's on the same input.
     */
    private float[] evaluateSaved(Path modelDir) throws Exception {
        float[] input = new float[2 * 3 * 16 * 16];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) Math.sin(i);
        }
        float[] djl;
        try (Model model = SavedModels.load(modelDir, Device.cpu());
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            djl =
                    predictor
                            .predict(
                                    new NDList(
                                            model.getNDManager()
                                                    .create(input, new Shape(2, 3, 16, 16))))
                            .singletonOrThrow()
                            .toFloatArray();
        }
        float[] onnx;
        try (Model model = Model.newInstance("onnx", Device.cpu(), "OnnxRuntime")) {
            model.load(modelDir.resolve("dsnn.onnx"));
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                onnx =
                        predictor
                                .predict(
                                        new NDList(
                                                model.getNDManager()
                                                        .create(input, new Shape(2, 3, 16, 16))))
                                .singletonOrThrow()
                                .toFloatArray();
            }
        }
        for (int i = 0; i < djl.length; i++) {
            assertThat((double) onnx[i]).isCloseTo(djl[i], within(1e-3 * (1 + Math.abs(djl[i]))));
        }
        return djl;
    }

    @Test
    void psWithRangerAndStochasticRoundingTrains() {
        TrialResult result =
                new DjlTrialRunner()
                        .run(
                                request(
                                        "ps-1",
                                        Map.of(
                                                "shift_type",
                                                "PS",
                                                "optimizer",
                                                "ranger",
                                                "rounding",
                                                "stochastic",
                                                "learning_rate",
                                                0.01,
                                                "epochs",
                                                1),
                                        19,
                                        TINY,
                                        null),
                                ProgressListener.NONE);
        assertThat(result.status())
                .as(String.valueOf(result.error()))
                .isEqualTo(TrialStatus.COMPLETED);
        assertThat(result.metric(MetricNames.SHIFT_MAC_FRACTION)).isEqualTo(1.0);
        assertThat(result.metric(MetricNames.TRAIN_LOSS)).isFinite();
        // cross entropy and the PS penalty (weight decay 1e-4 by default) are reported apart
        assertThat(result.metric(MetricNames.TRAIN_SHIFT_PENALTY)).isPositive().isLessThan(1.0);
        assertThat(result.modelPath()).isNull();
    }

    @Test
    void divergenceEndsTheTrialFailedWithTheReason() {
        TrialResult result =
                new DjlTrialRunner()
                        .run(
                                request(
                                        "nan",
                                        Map.of("learning_rate", 1e30, "momentum", 0.0, "epochs", 3),
                                        0,
                                        TINY,
                                        null),
                                ProgressListener.NONE);
        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).isEqualTo(TrainerException.Kind.DIVERGED);
        assertThat(result.error()).contains("loss became");
    }

    @Test
    void aMissingDataFolderAndAThrowingListenerFailWithTheirReasons() {
        TrialResult noData =
                new DjlTrialRunner()
                        .run(
                                request(
                                        "data",
                                        Map.of(),
                                        3,
                                        new DataSource.Cifar10(dir.resolve("absent"), false),
                                        null),
                                ProgressListener.NONE);
        assertThat(noData.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(noData.failure()).isEqualTo(TrainerException.Kind.DATA);
        assertThat(noData.error()).contains("data_batch_1.bin").contains("absent");

        TrialResult broken =
                new DjlTrialRunner()
                        .run(
                                request("listener", Map.of("epochs", 1), 1, TINY, null),
                                progress -> {
                                    throw new IllegalStateException("progress sink closed");
                                });
        assertThat(broken.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(broken.error()).contains("progress sink closed");
        assertThat(broken.metrics()).containsKey(MetricNames.VALIDATION_ACCURACY);
    }

    @Test
    void memoryErrorsAreClassifiedAsOutOfMemory() {
        assertThat(TrainerException.classify(new OutOfMemoryError("Java heap space")).kind())
                .isEqualTo(TrainerException.Kind.OUT_OF_MEMORY);
        assertThat(
                        TrainerException.classify(
                                        new ai.djl.engine.EngineException(
                                                "CUDA out of memory. Tried to allocate"))
                                .kind())
                .isEqualTo(TrainerException.Kind.OUT_OF_MEMORY);
        assertThat(TrainerException.classify(new IllegalArgumentException("batch_size")).kind())
                .isEqualTo(TrainerException.Kind.INVALID_CONFIG);
    }
}
