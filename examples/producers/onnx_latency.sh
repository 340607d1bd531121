#!/usr/bin/env sh
# An objective producer: inference latency in ms per image of the trial's saved DSNN, measured in ONNX Runtime
# (CPU, one thread, 5 batches of 32 random images) by the trainer's own build. Run it with
#   ./greenband producer --study STUDY --name latency --objective latency_ms -- examples/producers/onnx_latency.sh
# It reads the model folder from GREENBAND_MODEL_ARTIFACT (greenband local has the trainer save every model) and
# prints {"value": ..., "unit": "ms"}.
set -eu
HOME_DIR=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
APP="$HOME_DIR/trainer/target/quarkus-app"
if [ ! -d "$APP/lib/main" ]; then
  echo "the trainer is not built: run ./mvnw -B -pl trainer -am package -DskipTests in $HOME_DIR" >&2
  exit 2
fi
JAVA=java
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; fi
exec "$JAVA" -cp "$APP/lib/main/*:$APP/app/*" io.greenband.trainer.onnx.OnnxLatency "$@"
