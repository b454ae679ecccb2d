# Fuzzes the served OpenAPI document with schemathesis (PyPI): no 5xx and no response
# outside the schema. Runs after start_servers (REDIS_URL, DATABASE_URL, free_port) with a built aips.
# Kept short for CI: FUZZ_SECONDS (default 45).

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
    local aips=.build/debug/aips port log
    port=$(free_port)
    log=$(mktemp /tmp/aips-fuzz.XXXXXX)
    JWT_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))') "$aips" api --port "$port" >"$log" 2>&1 &
    local api=$!
    for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.1; done
    local email="fuzz-$RANDOM@example.com" password
    password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
    echo "$password" | "$aips" user create --email "$email" --admin >/dev/null
    local token
    token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"$password\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"]["access_token"])')
    local status=0
    "$schemathesis" run "http://127.0.0.1:$port/api/v1/openapi.json" -H "Authorization: Bearer $token" \
        --checks not_a_server_error,response_schema_conformance --max-time "${FUZZ_SECONDS:-45}" --workers 2 \
        --exclude-path /api/v1/auth/logout || status=$?
    kill "$api" 2>/dev/null; wait "$api" 2>/dev/null || true
    rm -f "$log"
    return $status
}
