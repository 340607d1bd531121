#!/usr/bin/env python3
"""An objective producer for greenband: inference latency in milliseconds per image.

Run it for a study with
    ./greenband producer --study STUDY --name latency --objective latency_ms -- python3 inference_latency.py
(or `./greenband local STUDY.yaml --producer latency:latency_ms=...`). greenband hands over the trial-finished
event as JSON on standard input; this program prints {"value": ..., "unit": "ms"} on its last line.

When the trainer saved the model (GREENBAND_MODEL_ARTIFACT points at its folder, holding dsnn.onnx) and the
onnxruntime package is installed, the latency is measured with ONNX Runtime on 32 random images; otherwise it is
derived from the trainer's own inference throughput (metric inference_images_per_second). Standard library only
for the fallback.
"""
import json
import os
import sys
import time


def onnx_latency_ms(folder):
    try:
        import numpy as np
        import onnxruntime as ort
    except ImportError:
        return None
    path = os.path.join(folder, "dsnn.onnx")
    if not os.path.isfile(path):
        return None
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    first = session.get_inputs()[0]
    shape = [32 if not isinstance(d, int) else d for d in first.shape]
    batch = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    session.run(None, {first.name: batch})  # warm-up
    runs = 5
    start = time.perf_counter()
    for _ in range(runs):
        session.run(None, {first.name: batch})
    return (time.perf_counter() - start) * 1000.0 / (runs * shape[0])


def main():
    trial = json.load(sys.stdin)
    value = None
    folder = os.environ.get("GREENBAND_MODEL_ARTIFACT")
    if folder:
        value = onnx_latency_ms(folder)
    if value is None:
        throughput = trial.get("metrics", {}).get("inference_images_per_second")
        if not throughput:
            print("no saved ONNX model and no inference_images_per_second metric", file=sys.stderr)
            return 1
        value = 1000.0 / throughput
    print(json.dumps({"value": value, "unit": "ms"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
