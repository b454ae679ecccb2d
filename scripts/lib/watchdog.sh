# `watchdog SECONDS COMMAND…`: runs COMMAND in a process group of its own; if it is still running after SECONDS,
# prints every thread's stack of the test processes (gdb, when installed) so a hang can be diagnosed from the log,
# then kills it and fails. Either way, whatever COMMAND left running in its group (a server or worker a crashed
# test never stopped) is killed when it ends.
watchdog() {
    local limit=$1
    shift
    setsid "$@" &
    local pid=$! waited=0
    local status=0
    while kill -0 "$pid" 2>/dev/null; do
        if (( waited >= limit )); then
            echo "watchdog: '$*' still running after ${limit}s; stacks of the test processes follow" >&2
            # swift test may run the tests in its own process or in a child: dump them all.
            local runner runners=("$pid") queue=("$pid")
            while (( ${#queue[@]} )); do
                local children
                children=$(pgrep -P "${queue[0]}" || true)
                queue=("${queue[@]:1}")
                for runner in $children; do runners+=("$runner"); queue+=("$runner"); done
            done
            for runner in "${runners[@]}"; do
                echo "watchdog: stacks of $(tr '\0' ' ' < "/proc/$runner/cmdline" 2>/dev/null | cut -c1-120)" >&2
                if command -v gdb >/dev/null; then
                    gdb -p "$runner" -batch -ex "thread apply all bt" 2>&1 | grep -E '^(Thread|#)' >&2 || true
                fi
                kill -9 "$runner" 2>/dev/null || true
            done
            kill -9 -- "-$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
            return 124
        fi
        sleep 1
        waited=$((waited + 1))
    done
    wait "$pid" || status=$?
    kill -9 -- "-$pid" 2>/dev/null || true
    return "$status"
}
