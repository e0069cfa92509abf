#!/usr/bin/env bash
# Check `smm sandbox` with a third-party SMM panel API v2 client from PyPI.
#
#   SMM_SANDBOX_URL=http://127.0.0.1:PORT/api/v2 [SMM_SANDBOX_KEY=sandbox] scripts/third-party-client.sh
#
# Installs the client (pinned) into a throwaway venv under target/third-party/
# (never system-wide) if it is not there yet, then runs
# scripts/third_party_client_driver.py with that venv's python: balance, services,
# add (service 1448), status, multi-status (order + unknown 999999), refill (of the
# sandbox's completed order 23491; SMM_REFILL_ORDER overrides), cancel,
# all through the client's own methods. Exits non-zero if any call raised or an
# answer lacks the expected keys.
#
# Optional:
#   SMM_THIRD_PARTY_CLIENT=babismm|safesmm  which client (default babismm)
#   SMM_THIRD_PARTY_EXTRA=1                 also multi-refill + refill_status (babismm)
#   PYTHON=python3                          interpreter used to create the venv
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [[ -z "${SMM_SANDBOX_URL:-}" ]]; then
  echo "usage: SMM_SANDBOX_URL=http://127.0.0.1:PORT/api/v2 [SMM_SANDBOX_KEY=sandbox] $0" >&2
  exit 2
fi
export SMM_SANDBOX_KEY="${SMM_SANDBOX_KEY:-sandbox}"
export SMM_THIRD_PARTY_CLIENT="${SMM_THIRD_PARTY_CLIENT:-babismm}"

case "$SMM_THIRD_PARTY_CLIENT" in
  babismm) req="babismm==1.0.1"; module="smm" ;;
  safesmm) req="safesmm==0.1.0"; module="safesmm" ;;
  *) echo "SMM_THIRD_PARTY_CLIENT must be babismm or safesmm" >&2; exit 2 ;;
esac

venv="$root/target/third-party/venv-${req/==/-}"
py="$venv/bin/python"

if ! [[ -x "$py" ]] || ! "$py" -c "import $module" 2>/dev/null; then
  echo "installing $req into $venv" >&2
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  # Exit 75 (temporary failure) when the client cannot be installed, e.g. PyPI unreachable,
  # so callers can tell "could not check" from "the sandbox failed the check".
  "${PYTHON:-python3}" -m venv "$venv" || exit 75
  "$py" -m pip install --quiet --disable-pip-version-check --no-input "$req" || exit 75
fi

# Keep a proxy from the environment away from the loopback sandbox.
export NO_PROXY="127.0.0.1,localhost,::1${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY"

exec "$py" "$here/third_party_client_driver.py"
