package io.greenband.trainer.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON form of a trial handed to external commands. */
final class TrialJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private TrialJson() {}

    /**
     * {@code trial_id}, {@code config} (as suggested for a command trial), {@code fidelity} ({@code
     * knob}, {@code value} and the budget's keys), {@code seed}, {@code evaluate_test}, {@code
     * data}, {@code model_dir}.
     */
    static Map<String, Object> of(TrialRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (request.data() instanceof DataSource.Cifar10 cifar) {
            data.put("kind", "cifar10");
            data.put("root", cifar.root().toAbsolutePath().toString());
            data.put("download", cifar.download());
        } else if (request.data() instanceof DataSource.Synthetic synthetic) {
            data.put("kind", "synthetic");
            data.put("train_images", synthetic.trainImages());
            data.put("test_images", synthetic.testImages());
            data.put("image_size", synthetic.imageSize());
            data.put("seed", synthetic.seed());
        }
        Map<String, Object> trial = new LinkedHashMap<>();
        trial.put("trial_id", request.trialId());
        trial.put("config", request.config().toMap());
        trial.put("fidelity", request.fidelity().toMap());
        trial.put("seed", request.seed());
        trial.put("evaluate_test", request.evaluateTest());
        trial.put("data", data);
        trial.put(
                "model_dir",
                request.modelDir() == null ? null : request.modelDir().toAbsolutePath().toString());
        return trial;
    }
}
