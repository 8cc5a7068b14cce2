#!/usr/bin/env bash
# The platform's own figures from outside, as issue 12 states them: submissions/s and their p99
# under wrk (50 connections), executions completed end to end per second on each adapter, and the
# platform JVM's resident memory (now and peak). A benchmark, not a test: run it on purpose.
#
#   mvn -q -pl platform -am package -Dplatform.tests.skip=true -DskipTests
#   platform/bench/throughput.sh [seconds=10] [connections=50] [extra JVM options...]
#
# It starts platform/target/platform-0.1.0-app.jar in local mode (its own embedded PostgreSQL in a
# fresh temporary directory) on a free port, and stops it at the end. Needs wrk and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-50}
shift $(( $# > 2 ? 2 : $# )) || true
JVM_OPTS=("$@")
JAR=${PROOFGATE_BENCH_JAR:-platform/target/platform-0.1.0-app.jar}
KEY=bench-key-0123456789
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
URL=http://localhost:$PORT
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT

PROOFGATE_PORT=$PORT PROOFGATE_DATA_DIR=$WORK/pgdata PROOFGATE_API_KEYS=$KEY PROOFGATE_RATE_LIMIT=1000000 \
  java "${JVM_OPTS[@]}" -jar "$JAR" > "$WORK/platform.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -sf "$URL/health/ready" >/dev/null && break; sleep 0.1; done
curl -sf "$URL/health/ready" >/dev/null || { echo "platform did not start"; tail -20 "$WORK/platform.log"; exit 1; }

api() { curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
SIG=$(api "$URL/api/signatures" -d '{"definition":"signature bench_qa: :string question -> :string answer, :confidence_score confidence"}' | field id)
completed() { curl -sf "$URL/metrics" | awk '/^proofgate_executions_total\{.*outcome="completed"/ {s+=$2} END {printf "%d", s}'; }
queued() { curl -sf "$URL/metrics" | awk '/^proofgate_queue_depth/ {printf "%d", $2}'; }
rss() { awk -v k="$1" '$1==k":" {printf "%d", $2/1024}' /proc/$PID/status; }

drain() { for _ in $(seq 1 1200); do [ "$(queued)" = "0" ] && break; sleep 0.05; done; sleep 1.1; for _ in $(seq 1 200); do [ "$(queued)" = "0" ] && break; sleep 0.05; done; }

echo "# platform throughput: ${SECONDS_PER_RUN}s per run, $CONNECTIONS connections, JVM options: ${JVM_OPTS[*]:-(none)}"
# every phase first runs 5 s unmeasured on each adapter, so that neither meets a cold JIT
for PHASE in warm-up measure; do
for ADAPTER in native python_port; do
  PROGRAM=$(api "$URL/api/programs" -d "{\"name\":\"bench $ADAPTER $PHASE\",\"signature_id\":\"$SIG\",\"adapter\":\"$ADAPTER\"}" | field id)
  cat > "$WORK/submit.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"program_id":"$PROGRAM","inputs":{"question":"Why is the sky blue?"}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
LUA
  if [ "$PHASE" = warm-up ]; then
    wrk -t2 -c"$CONNECTIONS" -d5s -s "$WORK/submit.lua" "$URL/api/executions" > /dev/null; drain; continue
  fi
  BEFORE=$(completed)
  START=$(date +%s.%N)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/submit.lua" "$URL/api/executions" > "$WORK/wrk-$ADAPTER.txt"
  drain  # every accepted execution done: the queue empty (the gauge is refreshed once a second)
  END=$(date +%s.%N)
  AFTER=$(completed)
  RATE=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$ADAPTER.txt")
  P99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-$ADAPTER.txt")
  NON2XX=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk-$ADAPTER.txt")
  python3 - "$ADAPTER" "$RATE" "$P99" "${NON2XX:-0}" "$BEFORE" "$AFTER" "$START" "$END" <<'PY'
import sys
adapter, rate, p99, non2xx, before, after, start, end = sys.argv[1:]
done = int(after) - int(before)
print(f"{adapter}: submissions {float(rate):,.0f}/s p99 {p99} (non-2xx {non2xx}); "
      f"completed {done:,} in {float(end) - float(start):.1f} s = {done / (float(end) - float(start)):,.0f}/s end to end")
PY
done
done
echo "resident memory: now $(rss VmRSS) MB, peak $(rss VmHWM) MB"
