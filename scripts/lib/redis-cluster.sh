# Starts a Redis Cluster (3 masters + 3 replicas) and a Sentinel set (1 master + 1 replica + 3 sentinels) on
# loopback, under $1 (a scratch directory), and exports REDIS_CLUSTER_URL and REDIS_SENTINEL_URL;
# `stop_redis_cluster` stops them. Sourced by scripts/lib/servers.sh.
# Timeouts are short (node timeout 1 s, sentinel down-after 1 s) so the failover tests stay fast.

start_redis_cluster() {
    redis_cluster_dir="$1/redis-cluster"
    # Every server starts at once and the waits come after, so startup takes about as long as the cluster's join.
    local ports
    read -r -a ports <<<"$(cluster_ports 11)"
    local cluster=("${ports[@]:0:6}") master=${ports[6]} replica=${ports[7]} sentinels=("${ports[@]:8:3}")
    local port nodes=()
    for port in "${ports[@]}"; do mkdir -p "$redis_cluster_dir/$port"; done
    for port in "${cluster[@]}"; do
        nodes+=("127.0.0.1:$port")
        redis_cluster_server "$port" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 1000
    done
    redis_cluster_server "$master"
    redis_cluster_server "$replica" --replicaof 127.0.0.1 "$master"
    for port in "${sentinels[@]}"; do
        # A sentinel rewrites its configuration file, so each has its own.
        printf '%s\n' "bind 127.0.0.1" "port $port" "dir $redis_cluster_dir/$port" "daemonize yes" \
            "pidfile $redis_cluster_dir/$port/redis.pid" "logfile $redis_cluster_dir/$port/redis.log" \
            "sentinel monitor mymaster 127.0.0.1 $master 2" "sentinel down-after-milliseconds mymaster 1000" \
            "sentinel failover-timeout mymaster 5000" >"$redis_cluster_dir/$port/sentinel.conf"
        redis-server "$redis_cluster_dir/$port/sentinel.conf" --sentinel
    done

    for port in "${cluster[@]}"; do wait_for_redis "$port"; done
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes >"$redis_cluster_dir/create.log" 2>&1
    for port in "${cluster[@]}"; do
        wait_for "cluster on $port" bash -c "redis-cli -p $port cluster info | grep -q cluster_state:ok"
    done
    # Every replica must have synced, or a failover test could promote an empty one.
    wait_for "cluster replicas in sync" bash -c \
        "[[ \$(for p in ${cluster[*]}; do redis-cli -p \$p info replication; done | grep -c 'master_link_status:up') -eq 3 ]]"
    wait_for "sentinel replica in sync" bash -c "redis-cli -p $replica info replication | grep -q master_link_status:up"
    # `SENTINEL failover` needs the sentinel to know the replica, which it learns from the master's INFO.
    for port in "${sentinels[@]}"; do
        wait_for "sentinel $port knows the replica" bash -c "redis-cli -p $port sentinel replicas mymaster | grep -q $replica"
    done
    export REDIS_CLUSTER_URL="redis-cluster://$(IFS=,; echo "${nodes[*]:0:3}")"
    export REDIS_SENTINEL_URL="redis-sentinel://$(printf '127.0.0.1:%s,' "${sentinels[@]}" | sed 's/,$//')/mymaster"
}

stop_redis_cluster() {
    [[ -n ${redis_cluster_dir:-} ]] || return 0
    local pidfile
    # SIGKILL: nothing is persisted, and a node the chaos harness restarted from a Swift thread ignores SIGTERM.
    for pidfile in "$redis_cluster_dir"/*/redis.pid; do
        [[ -f $pidfile ]] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
    done
}

# `redis_cluster_server PORT [OPTION…]`: a daemonized redis-server without persistence (REDIS_CLUSTER_APPENDONLY=yes:
# AOF everysec, as production and the queue bench run); replicas sync at once.
redis_cluster_server() {
    local port=$1
    shift
    redis-server --bind 127.0.0.1 --port "$port" --dir "$redis_cluster_dir/$port" --save "" \
        --appendonly "${REDIS_CLUSTER_APPENDONLY:-no}" --appendfsync everysec \
        --repl-diskless-sync-delay 0 --daemonize yes --pidfile "$redis_cluster_dir/$port/redis.pid" \
        --logfile "$redis_cluster_dir/$port/redis.log" "$@"
}

# `cluster_ports N`: N distinct free ports whose cluster bus ports (port + 10000) are free too; Redis refuses
# cluster ports above 55535.
cluster_ports() {
    python3 -c '
import random, socket, sys
ports = []
while len(ports) < int(sys.argv[1]):
    port = random.randint(20000, 45000)
    if any(abs(port - other) in (0, 10000) for other in ports):
        continue
    try:
        for candidate in (port, port + 10000):
            with socket.socket() as s:
                s.bind(("127.0.0.1", candidate))
        ports.append(port)
    except OSError:
        pass
print(" ".join(map(str, ports)))
' "$1"
}

wait_for_redis() { wait_for "redis on $1" redis-cli -p "$1" ping; }

# `wait_for WHAT COMMAND…`: retries COMMAND every 0.1 s for up to 20 s.
wait_for() {
    local what=$1
    shift
    for _ in $(seq 200); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "redis-cluster.sh: timed out waiting for $what" >&2
    return 1
}
