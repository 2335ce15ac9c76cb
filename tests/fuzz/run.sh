#!/usr/bin/env bash
# Schema-driven fuzzing of the whole API with schemathesis, against the committed OpenAPI spec and
# the real server on a fresh demo city. Checks: no 5xx, status codes, content types and bodies
# conform to the spec (so every error is problem+json). A bounded number of examples per operation
# keeps it inside CI. Called by `cargo xtask test` with KINERJA_BIN and ST (the schemathesis CLI).
set -euo pipefail
: "${KINERJA_BIN:?path to the kinerja binary}"
: "${ST:?path to the schemathesis st command}"
EXAMPLES="${FUZZ_EXAMPLES:-10}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$DIR"; }
trap cleanup EXIT

"$KINERJA_BIN" --data-dir "$DIR" seed demo >/dev/null
"$KINERJA_BIN" --data-dir "$DIR" serve --bind "127.0.0.1:$PORT" --static-dir "$DIR/no-spa" >"$DIR/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs "$BASE/ready" >/dev/null && break; sleep 0.1; done

token() {
  curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"kinerja2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# As the admin (who reaches every route) and as a penilai (who reaches the flows of his people).
# Routes that would lock the fuzzing account out are left to the HTTP tests.
for user in admin kasi.rujukan; do
  echo "fuzz: as $user, $EXAMPLES examples per operation"
  "$ST" run "$ROOT/openapi/openapi.json" --url "$BASE" -H "Authorization: Bearer $(token "$user")" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,fuzzing --max-examples "$EXAMPLES" --workers 2 --seed 20261123 \
    --exclude-path /api/v1/me/password --exclude-path /api/v1/auth/logout \
    --exclude-path-regex 'reset-password' --warnings off
done
