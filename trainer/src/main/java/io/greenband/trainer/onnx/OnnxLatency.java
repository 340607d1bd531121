package io.greenband.trainer.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inference latency of a saved DSNN in ONNX Runtime (CPU), in milliseconds per image: an objective
 * producer for {@code greenband producer}. It reads the model folder from {@code
 * GREENBAND_MODEL_ARTIFACT} (or its first argument), runs a batch of random images once to warm up
 * and then {@link #RUNS} times, and prints {@code {"value": ms, "unit": "ms"}}. Without a saved
 * model it fails with the reason on standard error, so the trial's objective is reported missing
 * rather than made up.
 */
public final class OnnxLatency {

    /** Images per timed batch. */
    public static final int BATCH = 32;

    /** Timed batches. */
    public static final int RUNS = 5;

    private OnnxLatency() {}

    /** Exit status 0 with the value printed, 2 when there is no model to measure. */
    public static void main(String[] args) {
        String folder = args.length > 0 ? args[0] : System.getenv("GREENBAND_MODEL_ARTIFACT");
        System.exit(run(folder, System.out, System.err));
    }

    /**
     * Measures the model in {@code folder}, printing the value to {@code out} or the reason to
     * {@code err}; the exit status.
     */
    public static int run(String folder, PrintStream out, PrintStream err) {
        if (folder == null || folder.isBlank()) {
            err.println(
                    "no model folder: the trainer saves models only when greenband.trainer.models-dir is set "
                            + "(greenband local sets it), and passes the folder as GREENBAND_MODEL_ARTIFACT");
            return 2;
        }
        Path model = Path.of(folder).resolve(DsnnOnnxExport.FILE);
        if (!Files.isRegularFile(model)) {
            err.println("no " + DsnnOnnxExport.FILE + " in " + folder);
            return 2;
        }
        try {
            out.println(
                    String.format(
                            Locale.ROOT,
                            "{\"value\": %.6f, \"unit\": \"ms\"}",
                            millisPerImage(model)));
            return 0;
        } catch (OrtException | IOException | RuntimeException e) {
            err.println("ONNX Runtime could not run " + model + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * Mean wall-clock milliseconds per image over {@link #RUNS} batches of {@link #BATCH} random
     * images.
     */
    public static double millisPerImage(Path model) throws OrtException, IOException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One thread: the figure should not depend on what else the machine runs beside it.
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(Files.readAllBytes(model), options)) {
                Map.Entry<String, NodeInfo> input =
                        session.getInputInfo().entrySet().iterator().next();
                long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape().clone();
                shape[0] = BATCH;
                int size = 1;
                for (long d : shape) {
                    size *= (int) d;
                }
                float[] images = new float[size];
                SplittableRandom rng = new SplittableRandom(0);
                for (int i = 0; i < size; i++) {
                    images[i] = (float) rng.nextGaussian();
                }
                try (OnnxTensor tensor =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(images), shape)) {
                    Map<String, OnnxTensor> feed = Map.of(input.getKey(), tensor);
                    session.run(feed).close();
                    long start = System.nanoTime();
                    for (int r = 0; r < RUNS; r++) {
                        session.run(feed).close();
                    }
                    return (System.nanoTime() - start) / 1e6 / (RUNS * BATCH);
                }
            }
        }
    }
}
