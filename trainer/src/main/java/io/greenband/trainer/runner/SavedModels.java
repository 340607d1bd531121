package io.greenband.trainer.runner;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.greenband.trainer.dsnn.ResNet20;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads models saved by {@link DjlTrialRunner}: rebuilds the network from {@code trial.json}, then
 * its parameters.
 */
public final class SavedModels {

    private SavedModels() {}

    /**
     * The model in {@code dir} (as written by a trial with a model folder), on {@code device}, in
     * inference form. The caller closes it; its block is the {@link ResNet20} of the saved trial.
     */
    public static Model load(Path dir, Device device) throws IOException {
        Path file = dir.resolve("trial.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "no trial.json in "
                            + dir.toAbsolutePath()
                            + "; expected a folder written by a trial run with a model folder");
        }
        JsonNode trial = TrialJson.MAPPER.readTree(file.toFile());
        Map<String, Object> config =
                TrialJson.MAPPER.convertValue(
                        trial.path("config"),
                        TypeFactory.defaultInstance()
                                .constructMapType(Map.class, String.class, Object.class));
        ResNet20 plan =
                ResNet20.builder()
                        .setShiftDepth(trial.path("fidelity").path("shift_depth").asInt())
                        .setShiftSettings(TrialConfig.fromMap(config).shiftSettings())
                        .optImageSize(trial.path("image_size").asInt())
                        .optNumClasses(trial.path("num_classes").asInt())
                        .optInputChannels(trial.path("image_channels").asInt(3))
                        .build();
        Model model =
                Model.newInstance(
                        "dsnn-" + trial.path("trial_id").asText(), device, DjlTrialRunner.ENGINE);
        try {
            model.setBlock(plan.newBlock());
            model.load(dir, "dsnn");
            return model;
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException(
                    "cannot load the model in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
