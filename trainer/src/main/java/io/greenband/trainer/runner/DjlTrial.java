package io.greenband.trainer.runner;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.greenband.datasets.ImageSet;
import io.greenband.trainer.data.DataSplit;
import io.greenband.trainer.data.ImageBatcher;
import io.greenband.trainer.data.Normalization;
import io.greenband.trainer.dsnn.ResNet20;
import io.greenband.trainer.dsnn.ShiftLayers;
import io.greenband.trainer.onnx.DsnnOnnxExport;
import io.greenband.trainer.optim.Gradients;
import io.greenband.trainer.optim.LearningRateSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One DJL training run: owns the trial's model, trainer and measurements until it returns. */
final class DjlTrial {

    private static final int EVAL_BATCH = 256;

    private final TrialRequest request;
    private final ProgressListener listener;
    private final Device device;
    private final Map<String, Double> metrics;
    private final TrialConfig config;
    private Normalization normalization;

    /** Whether the loss carried a PS shift penalty (PS layers trained with weight decay). */
    private boolean penalised;

    DjlTrial(
            TrialRequest request,
            ProgressListener listener,
            Device device,
            Map<String, Double> metrics) {
        this.request = request;
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.device = device;
        this.metrics = metrics;
        this.config = request.dsnnConfig();
    }

    /** Measurements of one pass over an image set. */
    private record Score(double loss, double accuracy, double seconds) {}

    String run() throws IOException {
        long started = System.nanoTime();
        int epochs = request.fidelity().epochsFor(config);
        DataSource.Splits data = request.data().load();
        normalization = data.normalization();
        ImageSet train = DataSplit.fraction(data.train(), request.fidelity().dataFraction());
        if (train.size() < 2) {
            throw TrainerException.invalidConfig(
                    "data_fraction leaves " + train.size() + " training image(s)", null);
        }
        ResNet20 plan =
                ResNet20.builder()
                        .setShiftDepth(request.fidelity().shiftDepth())
                        .setShiftSettings(config.shiftSettings())
                        .optNumClasses(train.numClasses())
                        .optImageSize(train.height())
                        .optInputChannels(train.channels())
                        .build();
        metrics.putAll(NetworkCost.of(plan.layers(), config.weightBits()).metrics());

        Engine engine = Engine.getEngine(DjlTrialRunner.ENGINE);
        engine.setRandomSeed((int) (request.seed() ^ (request.seed() >>> 32)));
        SplittableRandom random = new SplittableRandom(request.seed());
        Block block = plan.newBlock();
        int batchSize = Math.min(config.batchSize(), train.size());
        int stepsPerEpoch = ImageBatcher.epoch(train.size(), batchSize, null, true).size();
        LearningRateSchedule schedule = config.schedule(epochs);
        DefaultTrainingConfig trainingConfig =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(
                                config.optimizerSettings()
                                        .newOptimizer(block, schedule, stepsPerEpoch))
                        .optDevices(new Device[] {device});
        ImageBatcher trainBatches =
                new ImageBatcher(train, data.normalization(), data.augmentation());
        float penaltyScale = config.weightDecay() / 2;

        try (Model model =
                Model.newInstance("dsnn-" + request.trialId(), device, DjlTrialRunner.ENGINE)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(plan.inputShape(batchSize));
                ShiftLayers.clampAll(block);
                double trainNanos = 0;
                long images = 0;
                double inferenceSeconds = 0;
                long inferred = 0;
                Score validation = null;
                for (int epoch = 0; epoch < epochs; epoch++) {
                    double lossSum = 0;
                    double penaltySum = 0;
                    long correct = 0;
                    long seen = 0;
                    long epochStart = System.nanoTime();
                    for (int[] indices :
                            ImageBatcher.epoch(train.size(), batchSize, random, true)) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new TrainerException(
                                    TrainerException.Kind.INTERRUPTED,
                                    "trial interrupted in epoch " + (epoch + 1),
                                    null);
                        }
                        ImageBatcher.Batch batch = trainBatches.assemble(indices, random);
                        double[] step = step(trainer, block, batch, train, penaltyScale);
                        if (!Double.isFinite(step[0] + step[1])) {
                            throw TrainerException.diverged(
                                    "training loss became "
                                            + (step[0] + step[1])
                                            + " in epoch "
                                            + (epoch + 1)
                                            + " (learning_rate "
                                            + schedule.at(epoch)
                                            + ")");
                        }
                        lossSum += step[0] * batch.size();
                        penaltySum += step[1] * batch.size();
                        correct += (long) step[2];
                        seen += batch.size();
                    }
                    trainNanos += System.nanoTime() - epochStart;
                    images += seen;
                    validation = evaluate(trainer, data.validation());
                    inferenceSeconds += validation.seconds();
                    inferred += data.validation().size();
                    if (!Double.isFinite(validation.loss())) {
                        throw TrainerException.diverged(
                                "validation loss became "
                                        + validation.loss()
                                        + " in epoch "
                                        + (epoch + 1));
                    }
                    metrics.put(MetricNames.EPOCHS_COMPLETED, (double) (epoch + 1));
                    metrics.put(MetricNames.TRAIN_LOSS, lossSum / seen);
                    if (penalised) {
                        metrics.put(MetricNames.TRAIN_SHIFT_PENALTY, penaltySum / seen);
                    }
                    metrics.put(MetricNames.TRAIN_ACCURACY, (double) correct / seen);
                    metrics.put(MetricNames.VALIDATION_LOSS, validation.loss());
                    metrics.put(MetricNames.VALIDATION_ACCURACY, validation.accuracy());
                    listener.onEpoch(
                            new EpochProgress(
                                    request.trialId(),
                                    epoch + 1,
                                    epochs,
                                    lossSum / seen,
                                    (double) correct / seen,
                                    validation.loss(),
                                    validation.accuracy(),
                                    schedule.at(epoch),
                                    (System.nanoTime() - started) / 1e9));
                }
                metrics.put(MetricNames.TRAINING_SECONDS, trainNanos / 1e9);
                metrics.put(MetricNames.TRAINING_IMAGES, (double) images);
                metrics.put(MetricNames.TRAIN_IMAGES_PER_SECOND, images / (trainNanos / 1e9));
                metrics.put(
                        MetricNames.INFERENCE_IMAGES_PER_SECOND,
                        data.validation().size() / validation.seconds());
                if (request.evaluateTest()) {
                    Score test = evaluate(trainer, data.test());
                    metrics.put(MetricNames.TEST_LOSS, test.loss());
                    metrics.put(MetricNames.TEST_ACCURACY, test.accuracy());
                    inferenceSeconds += test.seconds();
                    inferred += data.test().size();
                }
                metrics.put(MetricNames.INFERENCE_IMAGES, (double) inferred);
                metrics.put(MetricNames.INFERENCE_SECONDS, inferenceSeconds);
                return save(model, block, plan, train);
            }
        }
    }

    /**
     * One optimisation step; returns {cross-entropy, scaled PS shift penalty (0 without), correct
     * predictions}.
     */
    private double[] step(
            Trainer trainer,
            Block block,
            ImageBatcher.Batch batch,
            ImageSet shape,
            float penaltyScale) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDManager manager = trainer.getManager();
            NDArray x =
                    manager.create(
                            batch.pixels(),
                            new Shape(
                                    batch.size(), shape.channels(), shape.height(), shape.width()));
            NDArray labels =
                    manager.create(batch.labels())
                            .toType(ai.djl.ndarray.types.DataType.INT64, false);
            double loss;
            double penaltyValue = 0;
            double correct;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray crossEntropy =
                        trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                NDArray total = crossEntropy;
                NDArray penalty = penaltyScale > 0 ? ShiftLayers.shiftPenalty(block) : null;
                if (penalty != null) {
                    NDArray scaled = penalty.mul(penaltyScale);
                    total = total.add(scaled);
                    penaltyValue = scaled.getFloat();
                    penalised = true;
                }
                collector.backward(total);
                loss = crossEntropy.getFloat();
                correct = logits.argMax(1).eq(labels).sum().getLong();
            }
            trainer.step();
            Gradients.zero(block);
            ShiftLayers.clampAll(block);
            return new double[] {loss, penaltyValue, correct};
        }
    }

    private Score evaluate(Trainer trainer, ImageSet images) {
        ImageBatcher batcher =
                new ImageBatcher(
                        images, normalization, io.greenband.trainer.data.Augmentation.NONE);
        double lossSum = 0;
        long correct = 0;
        long start = System.nanoTime();
        List<int[]> batches = ImageBatcher.epoch(images.size(), EVAL_BATCH, null, false);
        for (int[] indices : batches) {
            try (NDScope scope = new NDScope();
                    Gradients.NoGrad noGrad = Gradients.noGrad()) {
                scope.suppressNotUsedWarning();
                ImageBatcher.Batch batch = batcher.assemble(indices, null);
                NDManager manager = trainer.getManager();
                NDArray x =
                        manager.create(
                                batch.pixels(),
                                new Shape(
                                        batch.size(),
                                        images.channels(),
                                        images.height(),
                                        images.width()));
                NDArray labels =
                        manager.create(batch.labels())
                                .toType(ai.djl.ndarray.types.DataType.INT64, false);
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                lossSum +=
                        trainer.getLoss()
                                        .evaluate(new NDList(labels), new NDList(logits))
                                        .getFloat()
                                * batch.size();
                correct += logits.argMax(1).eq(labels).sum().getLong();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Score(lossSum / images.size(), (double) correct / images.size(), seconds);
    }

    private String save(Model model, Block block, ResNet20 plan, ImageSet shape)
            throws IOException {
        if (request.modelDir() == null) {
            return null;
        }
        Files.createDirectories(request.modelDir());
        Map<String, Object> provenance = new LinkedHashMap<>(TrialJson.of(request));
        provenance.put("djl_version", Engine.getDjlVersion());
        provenance.put(
                "engine",
                DjlTrialRunner.ENGINE + " " + Engine.getEngine(DjlTrialRunner.ENGINE).getVersion());
        provenance.put("device", device.toString());
        provenance.put("image_size", shape.height());
        provenance.put("image_channels", shape.channels());
        provenance.put(
                "normalization", Map.of("mean", normalization.mean(), "std", normalization.std()));
        provenance.put("num_classes", shape.numClasses());
        provenance.put("metrics", new LinkedHashMap<>(metrics));
        model.setProperty("trial_id", request.trialId());
        model.setProperty("seed", Long.toString(request.seed()));
        TrialJson.MAPPER
                .writerWithDefaultPrettyPrinter()
                .writeValue(request.modelDir().resolve("trial.json").toFile(), provenance);
        model.save(request.modelDir(), "dsnn");
        DsnnOnnxExport.write(
                block,
                plan,
                shape.height(),
                shape.numClasses(),
                request.modelDir().resolve(DsnnOnnxExport.FILE));
        return request.modelDir().toAbsolutePath().toString();
    }
}
