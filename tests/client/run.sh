#!/usr/bin/env bash
# The published contract: openapi/openapi.json must be a valid OpenAPI 3.1 document
# (openapi-spec-validator), and a Python client generated from it (openapi-python-client) must do
# an integrator's first tasks against a real server (generated_client.py). Called by
# `cargo xtask test` with KINERJA_BIN and VENV (the tools' virtualenv).
set -euo pipefail
: "${KINERJA_BIN:?path to the kinerja binary}"
: "${VENV:?the virtualenv with openapi-spec-validator and openapi-python-client}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$DIR"; }
trap cleanup EXIT

"$VENV/bin/openapi-spec-validator" "$ROOT/openapi/openapi.json"
(cd "$DIR" && "$VENV/bin/openapi-python-client" generate --path "$ROOT/openapi/openapi.json" \
  --output-path kinerja_client --meta none >"$DIR/generate.log" 2>&1) || { cat "$DIR/generate.log"; exit 1; }

"$KINERJA_BIN" --data-dir "$DIR/data" seed demo >/dev/null
"$KINERJA_BIN" --data-dir "$DIR/data" serve --bind "127.0.0.1:$PORT" --static-dir "$DIR/no-spa" >"$DIR/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs "$BASE/ready" >/dev/null && break; sleep 0.1; done
PYTHONPATH="$DIR" "$VENV/bin/python" "$ROOT/tests/client/generated_client.py" "$BASE"
