#!/usr/bin/env bash
# Load test on loopback: starts the app from target/polypseg.jar on a free port, waits until it is
# healthy, runs `polypseg load-test` against it (1, 8 and 16 clients, 60 s each, then a soak of
# 1,000 inferences), stops it. Extra arguments go to load-test; server settings through
# SERVER_ARGS, e.g.
#   SERVER_ARGS="--polypseg.inference.workers=1 --polypseg.inference.torch-threads=2" \
#     scripts/loadtest.sh --clients 8 --duration 30s --soak 0
# Build the jar first: ./polypseg build
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA" ] || JAVA=java
[ -f target/polypseg.jar ] || { echo "target/polypseg.jar missing: run ./polypseg build" >&2; exit 1; }
TCMALLOC=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
[ -f "$TCMALLOC" ] && export LD_PRELOAD="$TCMALLOC"
export POLYPSEG_NO_RELAUNCH=1
LOG=${LOG:-target/loadtest-server.log}
mkdir -p target
# shellcheck disable=SC2086
"$JAVA" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -jar target/polypseg.jar \
  --server.port="$PORT" ${SERVER_ARGS:-} >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 $SERVER 2>/dev/null || { echo "server failed to start; see $LOG" >&2; exit 1; }
  sleep 1
done
grep -m1 "Inference:" "$LOG" || true
"$JAVA" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -jar target/polypseg.jar \
  load-test --url "http://127.0.0.1:$PORT" --pid "$SERVER" "${@:---soak=1000}"
