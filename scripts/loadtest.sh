#!/usr/bin/env bash
# Load test on loopback: starts the app from target/polypseg.jar on a free port with the default
# settings, waits until it is healthy, runs `polypseg load-test` against it, stops it. Without
# arguments: 1, 8 and 16 clients (one user) for 60 s each, then two users at once (one with 8
# streams, one with 1, from 127.0.0.1 and 127.0.0.2: login off, so the server tells them apart by
# address) for 60 s, then a soak of 1,000 inferences. Extra arguments replace those and go to
# load-test, e.g. the two-user mode alone:
#   scripts/loadtest.sh --clients 1 --users 8,1 --duration 30s --soak 0
# Server settings through SERVER_ARGS, e.g.
#   SERVER_ARGS="--polypseg.inference.batch-size=4" scripts/loadtest.sh --clients 8 --duration 30s --soak 0
# The server's batched rate (from its start-up log) is passed on, so that the 8-client
# throughput is compared with it in the same run. Build the jar first: ./polypseg build
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
grep -m1 "Inference at start-up" "$LOG" || true
RATE=$(sed -n 's/.*batched rate \([0-9.]*\) images\/s.*/\1/p' "$LOG" | head -1)
if [ $# -eq 0 ]; then
  set -- --clients 1,8,16 --users 8,1 --soak 1000
fi
"$JAVA" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -jar target/polypseg.jar \
  load-test --url "http://127.0.0.1:$PORT" --pid "$SERVER" ${RATE:+--batched-rate "$RATE"} "$@"
