package io.greenband.trainer.worker;

import io.greenband.trainer.runner.TrialRequest;
import io.greenband.trainer.runner.TrialRunner;
import java.util.List;

/**
 * A trial ready to run: the runner of its backend, the request, and the devices it will use.
 *
 * @param backend {@code dsnn} or {@code command}
 * @param runner the runner of that backend
 * @param request what to run
 * @param epochs epochs planned, 0 when unknown (a command study whose knob is not epochs)
 * @param devices GPU UUIDs or {@code cpu}
 */
public record TrialPlan(
        String backend,
        TrialRunner runner,
        TrialRequest request,
        int epochs,
        List<String> devices) {}
