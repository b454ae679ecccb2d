# Fuzzes the served OpenAPI document with schemathesis (PyPI): no 5xx and no response outside the schema, in
# positive and negative data modes, following the document's links (log in → refresh, submit a job → read it).
# Runs after start_servers (REDIS_URL, DATABASE_URL, free_port) with a built aips.
#
# So the cases reach the handlers rather than the guards: the fuzz user is not throttled (the API runs with high
# user and login limits), it is the documented login example, and scripts/lib/fuzz-seed.sql gives the reads a game,
# a model, a pick and a settled day to find. A second, shorter run points the `{id}` paths and the daily, weekly and
# monthly reports at those rows (the broad run's time, spread over every operation, may miss a valid week or month).
# Then every response is counted per operation (scripts/lib/fuzz-summary.py), and the run fails if a documented
# operation never answered 2xx. Kept short for CI: FUZZ_SECONDS (default 45) for the first run.

fuzz_api() {
    local schemathesis
    schemathesis=$(command -v schemathesis || true)
    if [[ -z "$schemathesis" ]]; then
        # A private virtualenv: Debian's system Python refuses pip installs (PEP 668).
        [[ -x .build/fuzz-venv/bin/schemathesis ]] || {
            python3 -m venv .build/fuzz-venv
            .build/fuzz-venv/bin/pip install --quiet --disable-pip-version-check schemathesis
        }
        schemathesis=.build/fuzz-venv/bin/schemathesis
    fi
    local aips=.build/debug/aips port work
    port=$(free_port)
    work=$(mktemp -d /tmp/aips-fuzz.XXXXXX)
    # Two-factor secrets are sealed at rest: the admin enrolment routes need a key, as in production.
    TOTP_ENCRYPTION_KEYS=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
    export TOTP_ENCRYPTION_KEYS
    JWT_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))') "$aips" api --port "$port" \
        --user-rate-limit 1000000 --login-rate-limit 1000000 >"$work/api.log" 2>&1 &
    local api=$!
    for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.1; done
    local base="http://127.0.0.1:$port"
    curl -sf "$base/api/v1/openapi.json" >"$work/openapi.json"

    # The login example of the document (AuthOpenAPI), so the examples phase logs in and the link to refresh works.
    local email password
    email=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["paths"]["/api/v1/auth/login"]["post"]["requestBody"]["content"]["application/json"]["example"]["email"])' "$work/openapi.json")
    password=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["paths"]["/api/v1/auth/login"]["post"]["requestBody"]["content"]["application/json"]["example"]["password"])' "$work/openapi.json")
    echo "$password" | "$aips" user create --email "$email" --admin >/dev/null
    local token
    token=$(curl -s -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"$password\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"]["access_token"])')

    # An alert rule made before the seeded picks, so a prediction job raises alerts to them.
    local rule
    rule=$(curl -s -X POST "$base/api/v1/alerts/rules" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
        -d '{"min_tier":"D"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"]["id"])')
    # Rows for the reads, the daily report a real settle job writes for the game that went final, and the alerts a
    # real prediction job raises (predict.props: there are no props to price, and every run raises what is due).
    local ids
    readarray -t ids < <(psql "$DATABASE_URL" -q -f scripts/lib/fuzz-seed.sql)
    "$aips" enqueue settle --queue predict --payload '{"sport":"nba"}' >/dev/null
    "$aips" enqueue predict.props --queue predict --payload '{}' >/dev/null
    "$aips" worker --queues predict --metrics-port "$(free_port)" >"$work/worker.log" 2>&1 &
    local worker=$!
    for _ in $(seq 1 150); do
        [[ $(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM daily_reports") -gt 0 &&
            $(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM pick_alerts") -gt 0 ]] && break
        sleep 0.2
    done
    local alert
    alert=$(psql "$DATABASE_URL" -tAc "SELECT min(id) FROM pick_alerts")
    kill -INT "$worker" 2>/dev/null; wait "$worker" 2>/dev/null || true
    local job
    job=$(curl -s -X POST "$base/api/v1/jobs" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
        -d '{"type":"settle","payload":{"sport":"nba"}}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"]["id"])')
    # A bankroll and a bet on the seeded pick, for the betting reads, the bet's void and the stake suggestion.
    local authorization=(-H "Authorization: Bearer $token" -H 'content-type: application/json') bet
    curl -sf -X POST "$base/api/v1/betting/bankroll" "${authorization[@]}" -d '{"type":"deposit","amount":100000}' >/dev/null
    bet=$(curl -s -X POST "$base/api/v1/betting/bets" "${authorization[@]}" -d "{\"prediction_id\":${ids[2]},\"stake\":10}" |
        python3 -c 'import sys,json; print(json.load(sys.stdin)["data"]["id"])')
    # For the admin routes: a user with two-factor login on (its recovery codes; made after the broad run, which finds
    # every user through the user list's links and once reset this one's two-factor login before any 2xx), one without
    # (enrolment, role, state), a queued job to cancel and a cancelled one to retry, on a queue no worker takes.
    local totp_user plain_user to_cancel to_retry pending
    plain_user=$(echo "fuzz target password" | "$aips" user create --email fuzz-plain@example.com | awk '/^created user/ {print $3}')
    to_cancel=$("$aips" enqueue diag.noop --queue fuzz-admin)
    to_retry=$("$aips" enqueue diag.noop --queue fuzz-admin)
    curl -sf -X POST "$base/api/v1/admin/jobs/$to_retry/cancel" -H "Authorization: Bearer $token" >/dev/null
    cat >"$work/reach.toml" <<EOF
[[operations]]
include-path = "/api/v1/games/{id}"
parameters = { id = ${ids[0]} }
[[operations]]
include-path-regex = "^/api/v1/models/\\\\{id\\\\}"
parameters = { id = ${ids[1]} }
[[operations]]
include-path-regex = "^/api/v1/predictions/\\\\{id\\\\}"
parameters = { id = ${ids[2]} }
[[operations]]
include-path = "/api/v1/admin/models/{id}/rollback"
parameters = { id = ${ids[1]} }
[[operations]]
include-path = "/api/v1/jobs/{id}"
parameters = { id = "$job" }
[[operations]]
include-path = "/api/v1/reports/daily"
parameters = { date = "${ids[3]}", sport = "nba" }
[[operations]]
include-path = "/api/v1/reports/weekly"
parameters = { week = "$(python3 -c 'import datetime,sys; y,w,_ = datetime.date.fromisoformat(sys.argv[1]).isocalendar(); print(f"{y}-W{w:02d}")' "${ids[3]}")", sport = "nba" }
[[operations]]
include-path = "/api/v1/reports/monthly"
parameters = { month = "${ids[3]:0:7}", sport = "nba" }
[[operations]]
include-path = "/api/v1/odds"
parameters = { game_id = ${ids[0]} }
[[operations]]
include-path = "/api/v1/betting/bets/{id}"
parameters = { id = $bet }
[[operations]]
include-path = "/api/v1/betting/bets"
parameters = { "body.prediction_id" = ${ids[2]} }
[[operations]]
include-path = "/api/v1/betting/stake"
parameters = { prediction_id = ${ids[2]} }
[[operations]]
include-path = "/api/v1/admin/users/{id}/2fa/recovery-codes"
parameters = { id = "TOTP_USER" }
[[operations]]
include-path-regex = "^/api/v1/admin/users/\\\\{id\\\\}(/(role|disable|enable|unlock|password|2fa/reset|2fa/enrol|2fa/confirm))?$"
parameters = { id = "$plain_user" }
[[operations]]
include-path = "/api/v1/admin/jobs/{id}/cancel"
parameters = { id = "$to_cancel" }
[[operations]]
include-path = "/api/v1/admin/jobs/{id}/retry"
parameters = { id = "$to_retry" }
[[operations]]
include-path-regex = "^/api/v1/admin/promotions/\\\\{id\\\\}(/approve)?$"
parameters = { id = APPROVE_TARGET }
[[operations]]
include-path = "/api/v1/admin/promotions/{id}/reject"
parameters = { id = REJECT_TARGET }
[[operations]]
include-path = "/api/v1/alerts/{id}"
parameters = { id = ${alert:-1} }
[[operations]]
include-path = "/api/v1/alerts/rules/{id}"
parameters = { id = $rule }
EOF

    local status=0
    fuzz_run "$schemathesis" "$work/broad" "$base" "$token" "${FUZZ_SECONDS:-45}" || status=$?
    if [[ $status -eq 0 ]]; then
        totp_user=$(echo "fuzz target password" | "$aips" user create --email fuzz-2fa@example.com --totp | awk '/^created user/ {print $3}')
        readarray -t pending < <(psql "$DATABASE_URL" -q -f scripts/lib/fuzz-seed-pending.sql)
        sed -i -e "s/TOTP_USER/$totp_user/" -e "s/APPROVE_TARGET/${pending[0]}/" -e "s/REJECT_TARGET/${pending[1]}/" "$work/reach.toml"
        fuzz_run "$schemathesis" "$work/reach" "$base" "$token" 20 --config-file "$work/reach.toml" \
            --include-path-regex '\{id\}|/reports/(daily|weekly|monthly)|/odds$|/betting/(bets|stake)$' || status=$?
    fi
    if [[ $status -eq 0 ]]; then
        # Operations the runs cannot take to 2xx: verifying a 2FA code, confirming an enrolment, or getting new recovery
        # codes, needs the code a person's authenticator shows; logout is left out because it would end the fuzz user's
        # session, and changing one's password, starting one's own 2FA enrolment or turning it off because they take the
        # current password, and wrong ones would lock the fuzz user out (the endpoint tests cover them all); the
        # document itself is read (curl -f above) before the runs, not by them.
        python3 scripts/lib/fuzz-summary.py "$work/openapi.json" "$work"/broad/*.json "$work"/reach/*.json \
            --allow-no-2xx "POST /api/v1/auth/2fa/verify" --allow-no-2xx "POST /api/v1/auth/logout" --allow-no-2xx "POST /api/v1/auth/password" \
            --allow-no-2xx "GET /api/v1/openapi.json" --allow-no-2xx "POST /api/v1/admin/users/{id}/2fa/confirm" \
            --allow-no-2xx "POST /api/v1/auth/2fa/enrol" --allow-no-2xx "POST /api/v1/auth/2fa/disable" \
            --allow-no-2xx "POST /api/v1/auth/2fa/confirm" --allow-no-2xx "POST /api/v1/auth/2fa/recovery-codes" || status=$?
    fi
    kill "$api" 2>/dev/null; wait "$api" 2>/dev/null || true
    [[ $status -eq 0 ]] && rm -rf "$work" || echo "fuzz: logs and HAR reports kept in $work" >&2
    return $status
}

# One schemathesis run against the API, its HAR report under $2. Arguments after the fifth go to schemathesis.
fuzz_run() {
    local schemathesis=$1 reports=$2 base=$3 token=$4 seconds=$5
    shift 5
    local status=0 output="$reports.out" attempt config=()
    # The config file option belongs to schemathesis itself, before `run`.
    [[ "${1:-}" == --config-file ]] && { config=("$1" "$2"); shift 2; }
    for attempt in 1 2; do
        rm -rf "$reports"
        # One worker: with two, hypothesis parses lambda sources with Python's ast from two threads at once.
        # The exit status travels through a file so `tee` can show the output whatever errexit/pipefail say.
        {
            "$schemathesis" "${config[@]}" run "$base/api/v1/openapi.json" -H "Authorization: Bearer $token" \
                --checks not_a_server_error,response_schema_conformance --max-time "$seconds" --workers 1 \
                --exclude-path /api/v1/auth/logout --exclude-path /api/v1/auth/password --exclude-path /api/v1/auth/2fa/enrol \
                --exclude-path /api/v1/auth/2fa/disable --report har --report-dir "$reports" "$@" 2>&1 \
                && echo 0 >"$output.status" || echo $? >"$output.status"
        } | tee "$output"
        status=$(cat "$output.status")
        # CPython 3.11 sometimes fails inside the tool ("AST constructor recursion depth mismatch") while every
        # generated case passed: that run says nothing about the API, so it is run once more; a failed case never is.
        if [[ $status -ne 0 && $attempt -eq 1 ]] && grep -q "Runtime Error" "$output" && ! grep -qE "[0-9]+ failed" "$output"; then
            echo "fuzz: schemathesis failed inside itself with no failed case; running it once more" >&2
            continue
        fi
        break
    done
    return "$status"
}
