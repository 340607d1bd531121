"""Optuna as a peer of the suggester benchmark.

Reads one JSON request per line on stdin and answers on stdout; the benchmark (Java) evaluates every
configuration, so both sides see the same objective functions. Protocol:
  start:  -> {"ready": "<optuna version>"}  or  {"error": "..."} and exit
  run:    <- {"run": {"sampler": "tpe"|"nsga2"|"random", "seed": S, "trials": B, "objectives": M,
                      "space": [{"name", "type": "float"|"int"|"categorical", "low", "high", "log",
                                 "choices", "parent", "parent_values"}]}}
          then B times: -> {"ask": {name: value}}  <- {"tell": [v1, ..., vM]}
          finally -> {"done": true, "seconds": sampler seconds}
Every objective is minimized.
"""
import json
import sys
import time
import warnings


def out(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def sampler_for(name, seed, trials):
    import optuna
    if name == "tpe":
        # Optuna's defaults: with several objectives TPESampler is MOTPE (10 random start-up trials).
        return optuna.samplers.TPESampler(seed=seed)
    if name == "nsga2":
        # Population sized to the budget: about five generations, at least 4 individuals.
        return optuna.samplers.NSGAIISampler(population_size=max(4, min(50, trials // 5)), seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise ValueError("unknown sampler " + name)


def sample(trial, space):
    params = {}
    for d in space:
        parent = d.get("parent")
        if parent is not None and params.get(parent) not in d["parent_values"]:
            continue
        t = d["type"]
        if t == "float":
            params[d["name"]] = trial.suggest_float(d["name"], d["low"], d["high"], log=d.get("log", False))
        elif t == "int":
            params[d["name"]] = trial.suggest_int(d["name"], int(d["low"]), int(d["high"]), log=d.get("log", False))
        else:
            params[d["name"]] = trial.suggest_categorical(d["name"], d["choices"])
    return params


def run(req):
    import optuna
    trials = int(req["trials"])
    study = optuna.create_study(directions=["minimize"] * int(req["objectives"]),
                                sampler=sampler_for(req["sampler"], int(req["seed"]), trials))
    spent = 0.0
    for _ in range(trials):
        start = time.perf_counter()
        trial = study.ask()
        params = sample(trial, req["space"])
        spent += time.perf_counter() - start
        out({"ask": params})
        line = sys.stdin.readline()
        if not line:
            raise SystemExit(0)
        values = json.loads(line)["tell"]
        start = time.perf_counter()
        study.tell(trial, values)
        spent += time.perf_counter() - start
    out({"done": True, "seconds": spent})


def main():
    warnings.filterwarnings("ignore")
    try:
        import optuna
    except Exception as e:  # not installed: the benchmark skips the peer
        out({"error": "cannot import optuna: %s" % e})
        return
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    out({"ready": optuna.__version__})
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        if "run" not in req:
            out({"error": "expected a run request"})
            return
        try:
            run(req["run"])
        except Exception as e:
            out({"error": "%s: %s" % (type(e).__name__, e)})
            return


if __name__ == "__main__":
    main()
