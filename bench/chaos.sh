#!/usr/bin/env bash
# Chaos run: 10,000 jobs (CHAOS_JOBS) with a real PostgreSQL effect through 3 worker
# processes (CHAOS_WORKERS) killed with SIGKILL at random, redis-server (AOF,
# appendfsync always) SIGKILLed and restarted (CHAOS_REDIS_RESTARTS), and the scheduler
# leader SIGKILLed; then prints the counts and exits non-zero unless the run is clean.
# CHAOS_CLUSTER=1 runs on the Redis Cluster scripts/lib/servers.sh starts instead, SIGKILLing the master that
# serves the queue (its replica takes over) CHAOS_REDIS_RESTARTS times, and moves the queue to another master
# (aips queue move, under the load) CHAOS_QUEUE_MOVES times (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup
swift build -c release --product aips >/dev/null
swift build -c release --product chaos >/dev/null
source scripts/lib/servers.sh
start_servers_unless_configured
.build/release/chaos
