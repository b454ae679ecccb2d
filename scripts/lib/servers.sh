# Starts a private redis-server and PostgreSQL on loopback in a temporary directory and
# exports REDIS_URL, DATABASE_URL and AIPS_TEST_TMP; `stop_servers` undoes it.
# Sourced by scripts/test and the benchmarks. PG_FSYNC=on keeps PostgreSQL's fsync (benchmarks);
# tests run without it.

source "$(dirname "${BASH_SOURCE[0]}")/pg-replica.sh"  # start_pg_replica: DATABASE_REPLICA_URL
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_servers() {
    work=$(mktemp -d /tmp/aips-servers.XXXXXX)
    chmod 755 "$work"

    redis_port=$(free_port)
    redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work" --appendonly yes \
        --appendfsync everysec --save "" --daemonize yes --pidfile "$work/redis.pid" \
        --logfile "$work/redis.log"

    # PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    pg_port=$(free_port)
    as_pg=()
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --home "$work" postgres
        as_pg=(runuser -u postgres --)
    fi
    mkdir -p "$work/pg"
    [[ ${#as_pg[@]} -eq 0 ]] || chown postgres "$work/pg"
    "${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 >/dev/null
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$work/pg -c fsync=${PG_FSYNC:-off} -c max_connections=400" start >/dev/null

    export REDIS_URL="redis://127.0.0.1:$redis_port/0"
    export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres?sslmode=disable"
    export AIPS_TEST_TMP="$work"
    start_pg_replica
    source "$(dirname "${BASH_SOURCE[0]}")/redis-cluster.sh" && start_redis_cluster "$work"  # REDIS_CLUSTER_URL, REDIS_SENTINEL_URL
}

# The benchmarks' servers: the ones DATABASE_URL (and REDIS_URL) name, else private ones stopped at exit.
start_servers_unless_configured() {
    [[ -n "${DATABASE_URL:-}" ]] && return
    start_servers
    trap stop_servers EXIT
}

stop_servers() {
    stop_pg_replica
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
    [[ -f "$work/redis.pid" ]] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
    stop_redis_cluster
    sleep 0.2
    rm -rf "$work"
}
