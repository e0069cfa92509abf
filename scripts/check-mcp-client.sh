#!/usr/bin/env bash
# Drives `smm mcp` with a real MCP client: the official Python SDK (PyPI `mcp`, pinned) in a
# throwaway venv under target/mcp-client/ (never system-wide). Starts `smm sandbox` on a free
# loopback port, writes a scratch home whose config has profile `sandbox` on it and an [mcp]
# table allowing orders, then runs scripts/mcp_client_driver.py: initialize, list the tools,
# balance, quote, place an order on the sandbox, the duplicate guard, an order through a
# route, list_orders, sync (its answer checked against the tool's output schema).
#
#   scripts/check-mcp-client.sh [path/to/smm]      (default: target/debug/smm)
#
# Exits 0 when the client's checks pass, 1 when one fails, and 0 with a warning when the SDK
# cannot be installed (no PyPI): that is "not checked", not "broken".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
bin="${1:-$root/target/debug/smm}"
smm="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
req="mcp==2.3.0"
venv="$root/target/mcp-client/venv-${req/==/-}"
py="$venv/bin/python"

if ! [[ -x "$py" ]] || ! "$py" -c "import mcp.client.stdio" 2>/dev/null; then
  echo "installing $req into $venv" >&2
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  if ! "${PYTHON:-python3}" -m venv "$venv" ||
     ! "$py" -m pip install --quiet --disable-pip-version-check --no-input "$req"; then
    echo "warning: could not install $req from PyPI; MCP client check skipped"
    exit 0
  fi
fi

home="$(mktemp -d)"
# The sandbox's ids file in the scratch home: a fresh sandbox each time, nothing left behind.
HOME="$home" SMM_DATA_DIR="$home/sandbox-data" "$smm" sandbox --port 0 >"$home/sandbox.out" 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 1 50); do
  grep -q "Press Ctrl-C" "$home/sandbox.out" && break
  sleep 0.1
done
url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$home/sandbox.out" | head -1)"
[[ -n "$url" ]] || { echo "sandbox did not start:"; cat "$home/sandbox.out"; exit 1; }
cat >"$home/config.toml" <<TOML
default_profile = "sandbox"

[profiles.sandbox]
url = "$url"
key = "sandbox"

[routes.ig]
candidates = ["sandbox:1448"]

[mcp]
allow_orders = true
max_order_cost = "1.00"
max_daily_spend = "5.00"
TOML
chmod 600 "$home/config.toml"

echo "== the official MCP client (PyPI $req) against smm mcp, orders on $url"
# Keep a proxy from the environment away from the loopback sandbox.
NO_PROXY="127.0.0.1,localhost,::1" no_proxy="127.0.0.1,localhost,::1" \
  HOME="$home" SMM_BIN="$smm" SMM_CONFIG="$home/config.toml" SMM_DATA_DIR="$home/data" \
  "$py" "$here/mcp_client_driver.py"
