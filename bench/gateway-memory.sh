#!/usr/bin/env bash
# bench/gateway-memory.sh [extra JVM options] — how the gateway's memory behaves under a few minutes of load:
# starts ../shared/bench's loopback mock and `bin/openclaw gateway` (throw-away state dir, port 18925), drives
# 60 s of chat at 64 connections, 60 s at 16 (with latency percentiles) and 60 s of chat-stream at 64 with wrk,
# and prints requests/s, VmRSS after each phase, VmHWM and the JVM's native-memory summary at the end.
# Extra options go to OPENCLAW_JAVA_OPTS (e.g. -Xmx96m); NMT is switched on for the summary. Needs wrk and curl.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$ROOT/../shared/bench}
WORK=$(mktemp -d /tmp/openclaw-gw-memory.XXXXXX)
PORT=${PORT:-18925}
trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; "$BENCH/mock.sh" stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$BENCH/mock.sh" start >/dev/null
mkdir -p "$WORK/state/agents/main/agent"
cat >"$WORK/state/openclaw.json" <<JSON
{ gateway: { port: $PORT, auth: { mode: "token", token: "t" } },
  models: { providers: { mock: { baseUrl: "http://127.0.0.1:18901/v1", api: "openai-completions", models: [{ id: "gpt-4o-mini" }] } } },
  agents: { defaults: { model: { primary: "mock/gpt-4o-mini" } } } }
JSON
printf '{"version":1,"profiles":{"mock:a":{"type":"api_key","provider":"mock","key":"sk-mock-1"}}}' \
    >"$WORK/state/agents/main/agent/auth-profiles.json"
chmod 600 "$WORK/state/agents/main/agent/auth-profiles.json"
for s in chat chat-stream; do
    printf 'wrk.method="POST"; wrk.headers["Content-Type"]="application/json"; wrk.headers["Authorization"]="Bearer t"\nwrk.body=io.open("%s"):read("a")\n' \
        "$BENCH/load/bodies/$s.json" >"$WORK/$s.lua"
done
OPENCLAW_JAVA_OPTS="-XX:NativeMemoryTracking=summary ${*:-}" OPENCLAW_STATE_DIR="$WORK/state" HOME="$WORK" \
    "$ROOT/bin/openclaw" gateway </dev/null >"$WORK/gateway.log" 2>&1 &
for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.2; done
PID=$(ss -ltnpH "sport = :$PORT" | sed -E 's/.*pid=([0-9]+).*/\1/')
URL=http://127.0.0.1:$PORT/v1/chat/completions
wrk -t1 -c64 -d60s -s "$WORK/chat.lua" "$URL" | grep Requests/sec; grep VmRSS "/proc/$PID/status"
wrk -t1 -c16 -d60s --latency -s "$WORK/chat.lua" "$URL" | grep -E 'Requests/sec|50%|99%'; grep VmRSS "/proc/$PID/status"
wrk -t1 -c64 -d60s -s "$WORK/chat-stream.lua" "$URL" | grep Requests/sec; grep -E 'VmHWM|VmRSS' "/proc/$PID/status"
"$(dirname "$(readlink -f "/proc/$PID/exe")")/jcmd" "$PID" VM.native_memory summary | grep -E '^Total|^-' | head -20
