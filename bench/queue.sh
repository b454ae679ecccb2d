#!/usr/bin/env bash
# Queue benchmark: enqueue jobs/s (single, batched), end-to-end no-op jobs/s with 1 and 2
# worker processes, pickup latency. Builds in release mode; starts a private redis-server
# (AOF everysec, as in production) unless REDIS_URL is set. BENCH_SCALE=0.2 runs a quick pass.
# Each phase also prints what Redis spent per job (INFO commandstats and INFO cpu), the enqueue phases what the bench
# process itself spent (so which side bounds the rate is visible). BENCH_PEERS=1 then runs
# Sidekiq's bench (BENCH_PEERS_DIR, default ../shared/peers; Debian's ruby-sidekiq, installed on demand) on
# the same redis-server, in BENCH_ROUNDS rounds (default 5) that alternate this bench's batched and end-to-end phases with
# Sidekiq's, and prints each round's ratios and their median. BENCH_CLUSTER=1 then runs it again on a Redis Cluster
# (3 masters + 3 replicas on this machine, AOF everysec; scripts/lib/redis-cluster.sh), with one phase more: one
# queue per master at once. BENCH_JOB_LAYOUT (packed, the library's default;
# spec; fields) chooses how jobs are laid out (aips writes fields until AIPS_QUEUE_JOB_LAYOUT names another).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup
swift build -c release --product queue-bench >/dev/null
if [[ -z "${REDIS_URL:-}" ]]; then
    work=$(mktemp -d /tmp/aips-bench.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    redis-server --bind 127.0.0.1 --port "$port" --dir "$work" --appendonly yes --appendfsync everysec \
        --save "" --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log"
    trap 'kill "$(cat "$work/redis.pid")" 2>/dev/null; sleep 0.3; rm -rf "$work"' EXIT
    export REDIS_URL="redis://127.0.0.1:$port/0"
    sleep 0.2
fi
echo "machine: $(nproc) cores, $(redis-server --version | awk '{print $3}'), job layout ${BENCH_JOB_LAYOUT:-packed}"
if [[ "${BENCH_PEERS:-0}" == 1 ]]; then
    export BENCH_PEERS_DIR="${BENCH_PEERS_DIR:-$(cd .. && pwd)/shared/peers}"
fi
.build/release/queue-bench
if [[ "${BENCH_CLUSTER:-0}" == 1 ]]; then
    source scripts/lib/redis-cluster.sh
    cluster_work=$(mktemp -d /tmp/aips-bench-cluster.XXXXXX)
    REDIS_CLUSTER_APPENDONLY=yes start_redis_cluster "$cluster_work"
    echo "== Redis Cluster: 3 masters + 3 replicas on the same $(nproc) cores, AOF everysec"
    REDIS_URL=$REDIS_CLUSTER_URL BENCH_PEERS=0 .build/release/queue-bench || status=$?
    stop_redis_cluster
    rm -rf "$cluster_work"
    exit "${status:-0}"
fi
