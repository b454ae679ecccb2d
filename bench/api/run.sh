#!/usr/bin/env bash
# API benchmark with wrk: requests/s and latency of GET /api/v1/jobs/{id}, GET /api/v1/predictions
# (served from the Redis cache) and POST /api/v1/jobs, each at saturation (CONNECTIONS, default 32)
# and at a light load (4 connections). Builds in release mode; starts a private redis-server
# (AOF everysec) and PostgreSQL (fsync on) on loopback through scripts/lib/servers.sh; everything stops at the end.
# DURATION (seconds per run, default 10) and CONNECTIONS tune it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/setup
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }
duration=${DURATION:-10}
connections=${CONNECTIONS:-32}
swift build -c release --product aips >/dev/null
aips=.build/release/aips

PG_FSYNC=on
source scripts/lib/servers.sh
start_servers
api_pid=
cleanup() {
    [[ -n "$api_pid" ]] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
    stop_servers
}
trap cleanup EXIT
export JWT_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
export LOG_LEVEL=warning
echo "bench-password-1" | "$aips" user create --email bench@example.com --admin >/dev/null
psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -f bench/api/seed.sql >/dev/null
api_port=$(free_port)
"$aips" api --port "$api_port" --user-rate-limit 100000000 >"$work/api.log" 2>&1 &
api_pid=$!
base="http://127.0.0.1:$api_port"
for _ in $(seq 1 100); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
export TOKEN=$(curl -fs -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-1"}' | json '["data"]["access_token"]')
job_id=$(curl -fs -X POST "$base/api/v1/jobs" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"type":"diag.noop","queue":"bench-api"}' | json '["data"]["id"]')
curl -fs "$base/api/v1/predictions?limit=20" -H "Authorization: Bearer $TOKEN" >/dev/null

echo "machine: $(nproc) cores (wrk, the API, Redis and PostgreSQL share them); $duration s per run"
run() {
    local name=$1 conns=$2 script=$3 url=$4
    local out
    out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency -s "bench/api/$script" "$url")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    printf '%-34s %4s conns  %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "$name" "$conns" "$rps" "$p50" "$p99" "${errors:-0}"
}
for conns in "$connections" 4; do
    run "GET /api/v1/jobs/{id}" "$conns" get.lua "$base/api/v1/jobs/$job_id"
    run "GET /api/v1/predictions (cached)" "$conns" get.lua "$base/api/v1/predictions?limit=20"
    run "POST /api/v1/jobs" "$conns" post-job.lua "$base/api/v1/jobs"
done
