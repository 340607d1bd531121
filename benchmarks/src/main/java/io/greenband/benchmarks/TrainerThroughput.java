package io.greenband.benchmarks;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.greenband.datasets.ImageSet;
import io.greenband.trainer.data.Augmentation;
import io.greenband.trainer.data.ImageBatcher;
import io.greenband.trainer.data.Normalization;
import io.greenband.trainer.data.SyntheticImages;
import io.greenband.trainer.dsnn.ResNet20;
import io.greenband.trainer.dsnn.ShiftLayers;
import io.greenband.trainer.optim.Gradients;
import io.greenband.trainer.optim.LearningRateSchedule;
import io.greenband.trainer.optim.OptimizerKind;
import io.greenband.trainer.optim.OptimizerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures one variant as the trainer trains it: SGD steps (forward, loss plus the PS penalty,
 * backward, update, latent clamp) and forward-only inference on one fixed synthetic CIFAR-sized
 * batch, after warm-up steps; peak resident memory from {@code /proc/self/status} (VmHWM, reset
 * before each variant where Linux allows it).
 */
final class TrainerThroughput {

    /** Results of one variant. */
    record Result(double trainImagesPerSecond, double inferImagesPerSecond, double peakMemoryMiB) {}

    private static final float WEIGHT_DECAY = 1e-4f;

    private final int batchSize;
    private final int warmup;
    private final int steps;

    TrainerThroughput(int batchSize, int warmup, int steps) {
        this.batchSize = batchSize;
        this.warmup = warmup;
        this.steps = steps;
    }

    Result measure(TrainerVariant variant, Device device) {
        resetPeakMemory();
        ResNet20 plan = variant.plan();
        Block block = plan.newBlock();
        ImageSet images = SyntheticImages.generate(batchSize, 10, 32, 1);
        ImageBatcher.Batch batch =
                new ImageBatcher(images, Normalization.CIFAR10, Augmentation.NONE)
                        .assemble(java.util.stream.IntStream.range(0, batchSize).toArray(), null);
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(
                                new OptimizerSettings(OptimizerKind.SGD, 0.05f, 0.9f, WEIGHT_DECAY)
                                        .newOptimizer(
                                                block, LearningRateSchedule.constant(0.05f), 1000))
                        .optDevices(new Device[] {device});
        try (Model model = Model.newInstance("bench-" + variant.name(), device, "PyTorch")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(plan.inputShape(batchSize));
                ShiftLayers.clampAll(block);
                NDManager manager = trainer.getManager();
                NDArray x = manager.create(batch.pixels(), new Shape(batchSize, 3, 32, 32));
                NDArray labels = manager.create(batch.labels()).toType(DataType.INT64, false);
                for (int i = 0; i < warmup; i++) {
                    step(trainer, block, x, labels);
                }
                long start = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    step(trainer, block, x, labels);
                }
                double train = steps * (double) batchSize / ((System.nanoTime() - start) / 1e9);
                for (int i = 0; i < warmup; i++) {
                    infer(trainer, x);
                }
                start = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    infer(trainer, x);
                }
                double infer = steps * (double) batchSize / ((System.nanoTime() - start) / 1e9);
                return new Result(train, infer, peakMemoryMiB());
            }
        }
    }

    private static void step(Trainer trainer, Block block, NDArray x, NDArray labels) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray input = x;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                NDArray penalty = ShiftLayers.shiftPenalty(block);
                if (penalty != null) {
                    loss = loss.add(penalty.mul(WEIGHT_DECAY / 2));
                }
                collector.backward(loss);
                loss.getFloat(); // waits for the step on asynchronous devices
            }
            trainer.step();
            Gradients.zero(block);
            ShiftLayers.clampAll(block);
        }
    }

    private static void infer(Trainer trainer, NDArray x) {
        try (NDScope scope = new NDScope();
                Gradients.NoGrad noGrad = Gradients.noGrad()) {
            scope.suppressNotUsedWarning();
            NDArray input = x;
            trainer.evaluate(new NDList(input)).singletonOrThrow().argMax(1).getLong(0);
        }
    }

    /** The engine's default device: a GPU when the PyTorch engine has CUDA. */
    static Device device() {
        return Engine.getEngine("PyTorch").defaultDevice();
    }

    private static void resetPeakMemory() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the peak then covers the whole run so far
        }
    }

    private static double peakMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
