#!/bin/sh
# Creates the Secrets every overlay expects, with random values, in namespace greenband (or $1).
# Nothing here is committed: run it once per cluster; run it again with --rotate to replace them
# (then re-run the Job mongodb-users and restart the services, docs/kubernetes.md).
set -eu
ns=${1:-greenband}
rotate=${2:-}
rand() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }
# apply NAME KEY=VALUE...: creates the Secret unless it exists (then keeps it) or --rotate replaces it.
apply() {
  name=$1; shift
  if [ "$rotate" = "--rotate" ]; then
    kubectl -n "$ns" delete secret "$name" --ignore-not-found
  elif kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret $name exists; keeping it (pass --rotate as second argument to replace it)"; return 0
  fi
  kubectl -n "$ns" create secret generic "$name" "$@"
}
kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
root=$(rand); suggester=$(rand); aggregator=$(rand)
apply greenband-mongodb --from-literal=username=root --from-literal=password="$root"
apply greenband-mongodb-suggester --from-literal=password="$suggester" \
  --from-literal=connection-string="mongodb://greenband-suggester:$suggester@mongodb-0.mongodb:27017/greenband?authSource=greenband"
apply greenband-mongodb-aggregator --from-literal=password="$aggregator" \
  --from-literal=connection-string="mongodb://greenband-aggregator:$aggregator@mongodb-0.mongodb:27017/greenband?authSource=greenband"
apply greenband-api-token --from-literal=token="$(rand)"
