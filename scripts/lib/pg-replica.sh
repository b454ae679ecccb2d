# A streaming replica of a running PostgreSQL, for the tests' read routing and the failover runbook test.
#
# Sourced by scripts/lib/servers.sh: `start_pg_replica` clones the test's primary ($pg_port, started by
# start_servers) into $work/pg-replica, starts it as a hot standby on its own port and exports
# DATABASE_REPLICA_URL; `stop_pg_replica` stops it.
#
# Run as a program it makes a replica of any primary, which the failover test does with a primary of its own:
#   bash scripts/lib/pg-replica.sh start PRIMARY_HOST PRIMARY_PORT DIRECTORY   # prints the replica's URL
#   bash scripts/lib/pg-replica.sh stop DIRECTORY
# PRIMARY_HOST is an address or a unix socket directory. The primary needs nothing initdb does not already give
# (PostgreSQL 10 and later): wal_level=replica, max_wal_senders=10, and with `initdb -A trust` pg_hba.conf trusts
# replication connections from 127.0.0.1, ::1 and the local socket.

# pg_replica_start PRIMARY_HOST PRIMARY_PORT DIRECTORY: clones, starts and prints the replica's URL.
pg_replica_start() {
    local primary_host=$1 primary_port=$2 dir=$3
    local bin port run=()
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    # PostgreSQL refuses to run as root, so the copy belongs to the postgres user.
    [[ $(id -u) -ne 0 ]] || run=(runuser -u postgres --)
    mkdir -p "$dir"
    [[ ${#run[@]} -eq 0 ]] || chown postgres "$dir"
    local wal_level max_connections
    wal_level=$("${run[@]}" "$bin/psql" -h "$primary_host" -p "$primary_port" -U postgres -d postgres -Atc 'SHOW wal_level') || return 1
    # A hot standby refuses to start with fewer connection slots than its primary has.
    max_connections=$("${run[@]}" "$bin/psql" -h "$primary_host" -p "$primary_port" -U postgres -d postgres -Atc 'SHOW max_connections') ||
        return 1
    if [[ $wal_level == minimal ]]; then
        echo "pg-replica: the primary runs with wal_level=minimal; streaming needs replica or logical" >&2
        return 1
    fi
    # -R writes standby.signal and primary_conninfo; -X stream copies the WAL the backup needs as it goes.
    "${run[@]}" "$bin/pg_basebackup" -h "$primary_host" -p "$primary_port" -U postgres -D "$dir/data" -R -X stream \
        --checkpoint=fast --no-sync >/dev/null || return 1
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-c listen_addresses=127.0.0.1 -c port=$port \
        -c unix_socket_directories=$dir -c hot_standby=on -c fsync=off -c max_connections=$max_connections" start >/dev/null ||
        { tail -n 5 "$dir/log" >&2; return 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
}

# pg_replica_stop DIRECTORY: stops the server there, standby or promoted, at once.
pg_replica_stop() {
    local dir=$1 bin run=()
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [[ $(id -u) -ne 0 ]] || run=(runuser -u postgres --)
    [[ -f "$dir/data/postmaster.pid" ]] || return 0
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
}

# The hooks for start_servers / stop_servers (which set $work and $pg_port).
start_pg_replica() {
    DATABASE_REPLICA_URL=$(pg_replica_start 127.0.0.1 "$pg_port" "$work/pg-replica") || return 1
    export DATABASE_REPLICA_URL
}

stop_pg_replica() {
    [[ -n ${work:-} ]] && pg_replica_stop "$work/pg-replica"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    case ${1:-} in
    start) pg_replica_start "$2" "$3" "$4" ;;
    stop) pg_replica_stop "$2" ;;
    *)
        echo "usage: $0 start PRIMARY_HOST PRIMARY_PORT DIRECTORY | stop DIRECTORY" >&2
        exit 2
        ;;
    esac
fi
