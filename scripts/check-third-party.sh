#!/usr/bin/env bash
# Starts `smm sandbox` on a free loopback port (one per client) and points two third-party SMM API v2 clients
# from PyPI (babismm, safesmm) at it through scripts/third-party-client.sh.
#
#   scripts/check-third-party.sh [path/to/smm]      (default: target/debug/smm)
#
# Exits 0 when both clients work against the sandbox, 1 when one fails, and 0 with a warning
# when a client cannot be installed (no PyPI): that is "not checked", not "broken".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
smm="${1:-$here/../target/debug/smm}"
# One fresh sandbox per client: the sandbox keeps the real panels' refill rules (one refill of
# an order per 24 hours), so a second client refilling the same finished order would be refused.
status=0
for client in babismm safesmm; do
  out="$(mktemp)"
  data="$(mktemp -d)"   # the sandbox's ids file: a fresh sandbox each time, nothing left behind
  SMM_DATA_DIR="$data" "$smm" sandbox --port 0 >"$out" 2>&1 &
  pid=$!
  trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$out" "$data"' EXIT
  for _ in $(seq 1 50); do
    grep -q "Press Ctrl-C" "$out" && break
    sleep 0.1
  done
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$out" | head -1)"
  [[ -n "$url" ]] || { echo "sandbox did not start:"; cat "$out"; exit 1; }
  echo "== third-party client $client against $url"
  SMM_SANDBOX_URL="$url" SMM_THIRD_PARTY_CLIENT="$client" SMM_THIRD_PARTY_EXTRA=1 "$here/third-party-client.sh"
  rc=$?
  case $rc in
    0) ;;
    75) echo "warning: could not install $client from PyPI; third-party check skipped" ;;
    *) status=1 ;;
  esac
  kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$out" "$data"
  trap - EXIT
done
exit $status
