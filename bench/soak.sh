#!/usr/bin/env bash
# Soak: runs `aips dev` (embedded Redis and PostgreSQL, worker, scheduler, API, sandbox world) at a high sandbox
# speed for SOAK_MINUTES and samples, every SOAK_INTERVAL seconds, the memory (PSS) and open file descriptors of
# aips and of its embedded servers, while a client reads the API. Prints the samples and, at the end, the growth
# from the first sample after warm-up (a quarter of the run) to the last: memory that keeps growing, or descriptors
# that are never closed, show here. Each role's PSS is split into its private heap (Pss_Anon) and the shared memory
# it has touched (Pss_Shmem: PostgreSQL's shared buffers, which fill up to `shared_buffers` and then stop), with its
# process count (PostgreSQL runs a backend per connection). The dev log's error lines are printed at the end and the
# log is kept at SOAK_LOG.
#
# Environment: SOAK_MINUTES (default 30), SOAK_INTERVAL (default 30), SOAK_SPEED (sandbox speed, default 600: ten
# world minutes a second), SOAK_BOOTSTRAP_DAYS (default 30), SOAK_LOG (default /tmp/aips-soak.log).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup
source scripts/lib/servers.sh  # free_port
swift build -c release --product aips >/dev/null

minutes=${SOAK_MINUTES:-30}
interval=${SOAK_INTERVAL:-30}
data=$(mktemp -d /tmp/aips-soak.XXXXXX)
chmod 755 "$data"  # the embedded PostgreSQL runs as the postgres user when this runs as root
port=$(free_port)
.build/release/aips dev --data "$data" --port "$port" --sandbox-port "$(free_port)" \
    --sandbox-speed "${SOAK_SPEED:-600}" --bootstrap-days "${SOAK_BOOTSTRAP_DAYS:-30}" >"$data/dev.log" 2>&1 &
dev=$!
log=${SOAK_LOG:-/tmp/aips-soak.log}
trap 'kill -INT $dev 2>/dev/null; wait $dev 2>/dev/null; cp "$data/dev.log" "$log" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 900); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
    kill -0 $dev 2>/dev/null || break
    sleep 1
done
if ! curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; then
    echo "soak: aips dev did not become ready:" >&2
    tail -20 "$data/dev.log" >&2
    exit 1
fi

# A reader beside the platform: the readiness check and the metrics page (both need no login), twice a second.
(
    while kill -0 $dev 2>/dev/null; do
        for path in /api/v1/health/ready /metrics; do curl -s -o /dev/null "http://127.0.0.1:$port$path" || true; done
        sleep 0.5
    done
) &
reader=$!

# A process and all its descendants, at any depth.
descendants() {
    echo "$1"
    local child
    for child in $(pgrep -P "$1" || true); do descendants "$child"; done
}

# Memory (PSS, its anonymous and shared-memory parts, KiB), process count and open descriptors of a process and its
# descendants (the embedded servers), one line per role.
sample() {
    local pid=$1 role
    # pg_ctl daemonizes the postmaster (its parent is init, not aips): it is found by its pid file instead.
    local postmaster
    postmaster=$(head -1 "$(find "$data" -name postmaster.pid -print -quit 2>/dev/null)" 2>/dev/null || true)
    for child in $(descendants "$pid") ${postmaster:+$(descendants "$postmaster")}; do
        [[ -r /proc/$child/status ]] || continue
        case $(cat "/proc/$child/comm") in
            aips) role=aips ;;
            redis-server) role=redis ;;
            postgres) role=postgres ;;
            *) continue ;;
        esac
        # Proportional set size: PostgreSQL's backends share its buffers, and summing their RSS would count the
        # same pages once per backend (and grow as each touches more of them, with no leak).
        echo "$role $(awk '/^Pss:/ { p = $2 } /^Pss_Anon:/ { a = $2 } /^Pss_Shmem:/ { s = $2 } END { print p + 0, a + 0, s + 0 }' \
            "/proc/$child/smaps_rollup") $(ls "/proc/$child/fd" 2>/dev/null | wc -l)"
    done | awk '{ pss[$1] += $2; anon[$1] += $3; shmem[$1] += $4; fds[$1] += $5; procs[$1]++ }
        END { for (r in pss) printf "%s %d %d %d %d %d\n", r, pss[r], anon[r], shmem[r], procs[r], fds[r] }' | sort
}

echo "soak: aips dev at sandbox speed ${SOAK_SPEED:-600} for $minutes min, sampled every $interval s"
printf '%-8s %-10s %10s %10s %11s %6s %6s\n' minute role "pss MiB" "anon MiB" "shmem MiB" procs fds
samples=$((minutes * 60 / interval))
: >"$data/samples"
for ((i = 0; i <= samples; i++)); do
    elapsed=$(awk -v s=$((i * interval)) 'BEGIN { printf "%.1f", s / 60 }')
    while read -r role pss anon shmem procs fds; do
        awk -v m="$elapsed" -v r="$role" -v p="$pss" -v a="$anon" -v s="$shmem" -v n="$procs" -v f="$fds" \
            'BEGIN { printf "%-8s %-10s %10.1f %10.1f %11.1f %6d %6d\n", m, r, p / 1024, a / 1024, s / 1024, n, f }'
        echo "$i $role $pss $fds $anon $shmem $procs" >>"$data/samples"
    done < <(sample $dev)
    ((i < samples)) && sleep "$interval"
done
kill $reader 2>/dev/null || true

warm=$((samples / 4))
echo "growth from minute $(awk -v s=$((warm * interval)) 'BEGIN { printf "%.1f", s / 60 }') to minute $minutes:"
awk -v warm=$warm -v last=$samples '
    $1 == warm { rss0[$2] = $3; fd0[$2] = $4; anon0[$2] = $5; shm0[$2] = $6 }
    $1 == last { rss1[$2] = $3; fd1[$2] = $4; anon1[$2] = $5; shm1[$2] = $6 }
    END { for (r in rss1) printf "  %-10s pss %+8.1f MiB (%.1f → %.1f), anon %+.1f, shmem %+.1f  fds %+d (%d → %d)\n", r, (rss1[r] - rss0[r]) / 1024, rss0[r] / 1024, rss1[r] / 1024, (anon1[r] - anon0[r]) / 1024, (shm1[r] - shm0[r]) / 1024, fd1[r] - fd0[r], fd0[r], fd1[r] }
' "$data/samples" | sort
echo "jobs: $(grep -c 'job_type=' "$data/dev.log" || true) job log lines; errors: $(grep -c ' error ' "$data/dev.log" || true)"
grep ' error ' "$data/dev.log" | head -20 || true
echo "log kept at $log"
