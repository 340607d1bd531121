#!/usr/bin/env python3
"""An example training program for greenband's command backend ("bring your own training code").

Optimize it with
    ./greenband optimize --command python3 --space examples/command/space.json -- examples/command/train.py

greenband hands over one trial as a JSON object on standard input (the same object is in the file named by
GREENBAND_TRIAL_FILE); the fields this program reads are
    config    the suggested hyperparameters, exactly as the study's space names them
    fidelity  the budget: {"knob": "epochs", "value": 3, "epochs": 3} (or the data_fraction knob)
    seed      the trial's seed (weights and shuffling)
It prints one JSON line per epoch, {"type": "progress", ...}, and ends with one result line,
{"type": "result", "metrics": {"loss": ..., ...}}, or {"type": "result", "status": "failed", "error": "..."}.

The model is a logistic regression trained by mini-batch SGD on a generated two-class data set (points inside or
outside a circle, 10% of labels flipped). With "quadratic" features it can draw the circle; with "linear" ones it
cannot, so the loss depends on every hyperparameter and on the budget, and a trial takes well under a second.
Python 3 standard library only. Try it by hand:
    echo '{"config": {"learning_rate": 0.3}, "fidelity": {"knob": "epochs", "value": 3, "epochs": 3}, "seed": 1}' \\
        | python3 examples/command/train.py
"""
import json
import math
import os
import random
import sys
import time

DATA_SEED = 2026  # the data set stays the same across trials; only the trial's seed varies
TRAIN_SIZE = 600
VALIDATION_SIZE = 300
LABEL_NOISE = 0.1
DEFAULT_EPOCHS = 9  # when the study's fidelity knob is not epochs
DEFAULTS = {"learning_rate": 0.1, "l2": 1e-4, "batch_size": 32, "features": "quadratic"}


def read_trial():
    """The trial JSON: from GREENBAND_TRIAL_FILE when set, else standard input."""
    path = os.environ.get("GREENBAND_TRIAL_FILE")
    if path:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return json.load(sys.stdin)


def settings(trial):
    """Hyperparameters and budget, each checked; a ValueError names the bad field."""
    config = dict(DEFAULTS)
    config.update(trial.get("config") or {})
    learning_rate = float(config["learning_rate"])
    l2 = float(config["l2"])
    batch_size = int(config["batch_size"])
    features = str(config["features"])
    if not learning_rate > 0:
        raise ValueError("config.learning_rate must be > 0, got %r" % config["learning_rate"])
    if l2 < 0:
        raise ValueError("config.l2 must be >= 0, got %r" % config["l2"])
    if batch_size < 1:
        raise ValueError("config.batch_size must be >= 1, got %r" % config["batch_size"])
    if features not in ("linear", "quadratic"):
        raise ValueError("config.features must be 'linear' or 'quadratic', got %r" % features)
    fidelity = trial.get("fidelity") or {}
    epochs = int(fidelity.get("epochs", DEFAULT_EPOCHS))
    fraction = float(fidelity.get("data_fraction", 1.0))
    if epochs < 1:
        raise ValueError("fidelity.epochs must be >= 1, got %r" % epochs)
    if not 0 < fraction <= 1:
        raise ValueError("fidelity.data_fraction must be in (0, 1], got %r" % fraction)
    return learning_rate, l2, batch_size, features, epochs, fraction


def generate(count, rng):
    """Points in [-2, 2]^2, label 1 inside a shifted circle, some labels flipped."""
    points = []
    for _ in range(count):
        x1, x2 = rng.uniform(-2, 2), rng.uniform(-2, 2)
        label = 1 if (x1 - 0.3) ** 2 + x2 ** 2 < 1.8 else 0
        if rng.random() < LABEL_NOISE:
            label = 1 - label
        points.append((x1, x2, label))
    return points


def featurize(points, features):
    rows = []
    for x1, x2, label in points:
        row = [1.0, x1, x2]
        if features == "quadratic":
            row += [x1 * x1, x2 * x2, x1 * x2]
        rows.append((row, label))
    return rows


def log_loss(z, label):
    """-log p(label | z) for the logistic model, stable for large |z|."""
    margin = z if label == 1 else -z
    return math.log1p(math.exp(-margin)) if margin > 0 else -margin + math.log1p(math.exp(margin))


def sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def evaluate(weights, rows):
    loss, correct = 0.0, 0
    for row, label in rows:
        z = sum(w * x for w, x in zip(weights, row))
        loss += log_loss(z, label)
        correct += (z > 0) == (label == 1)
    return loss / len(rows), correct / len(rows)


def train(trial):
    learning_rate, l2, batch_size, features, epochs, fraction = settings(trial)
    data = random.Random(DATA_SEED)
    train_rows = featurize(generate(TRAIN_SIZE, data), features)
    validation_rows = featurize(generate(VALIDATION_SIZE, data), features)
    train_rows = train_rows[:max(10, round(TRAIN_SIZE * fraction))]
    rng = random.Random(int(trial.get("seed", 0)))
    weights = [rng.gauss(0, 0.1) for _ in train_rows[0][0]]
    started = time.monotonic()
    for epoch in range(1, epochs + 1):
        order = list(range(len(train_rows)))
        rng.shuffle(order)
        for start in range(0, len(order), batch_size):
            batch = [train_rows[i] for i in order[start:start + batch_size]]
            gradient = [l2 * w for w in weights]
            for row, label in batch:
                error = sigmoid(sum(w * x for w, x in zip(weights, row))) - label
                for j, x in enumerate(row):
                    gradient[j] += error * x / len(batch)
            weights = [w - learning_rate * g for w, g in zip(weights, gradient)]
        train_loss, train_accuracy = evaluate(weights, train_rows)
        validation_loss, validation_accuracy = evaluate(weights, validation_rows)
        if not all(math.isfinite(v) for v in weights + [train_loss, validation_loss]):
            raise ArithmeticError("diverged in epoch %d (learning_rate %g)" % (epoch, learning_rate))
        emit({"type": "progress", "epoch": epoch, "epochs": epochs, "train_loss": train_loss,
              "train_accuracy": train_accuracy, "validation_loss": validation_loss,
              "validation_accuracy": validation_accuracy, "learning_rate": learning_rate,
              "elapsed_seconds": time.monotonic() - started})
    return {"loss": validation_loss, "validation_loss": validation_loss, "validation_accuracy": validation_accuracy,
            "train_loss": train_loss, "train_examples": len(train_rows), "epochs": epochs}


def emit(line):
    print(json.dumps(line), flush=True)


def main():
    try:
        metrics = train(read_trial())
    except (ValueError, TypeError, KeyError, ArithmeticError, OSError) as e:
        emit({"type": "result", "status": "failed", "error": "%s: %s" % (type(e).__name__, e)})
        return 1
    emit({"type": "result", "metrics": metrics})
    return 0


if __name__ == "__main__":
    sys.exit(main())
