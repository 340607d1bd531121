package io.greenband.trainer.runner;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains a shift ResNet20 with DJL on the PyTorch engine. Uses the engine's default device: a GPU
 * when DJL finds CUDA, else the CPU, where a fixed seed repeats a trial exactly. Trials run one at
 * a time per JVM (the engine's seed and gradient mode are global); every failure becomes a FAILED
 * result.
 */
public final class DjlTrialRunner implements TrialRunner {

    /** The DJL engine used for training. */
    public static final String ENGINE = "PyTorch";

    /**
     * The engine's random seed and gradient mode are process-wide: one DJL trial at a time per JVM.
     */
    private static final Object ENGINE_LOCK = new Object();

    private final Device device;

    /** A runner on the engine's default device. */
    public DjlTrialRunner() {
        this(null);
    }

    /** A runner on {@code device} (null: the engine's default device). */
    public DjlTrialRunner(Device device) {
        this.device = device;
    }

    @Override
    public TrialResult run(TrialRequest request, ProgressListener listener) {
        synchronized (ENGINE_LOCK) {
            return runAlone(request, listener);
        }
    }

    private TrialResult runAlone(TrialRequest request, ProgressListener listener) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            Device target = device != null ? device : Engine.getEngine(ENGINE).defaultDevice();
            String modelPath = new DjlTrial(request, listener, target, metrics).run();
            return TrialResult.completed(request.trialId(), metrics, modelPath);
        } catch (StackOverflowError | OutOfMemoryError | LinkageError e) {
            // LinkageError: libtorch or a class could not be loaded; the trial fails, the caller
            // lives on
            return TrialResult.failed(request.trialId(), metrics, TrainerException.classify(e));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return TrialResult.failed(request.trialId(), metrics, TrainerException.classify(e));
        }
    }
}
