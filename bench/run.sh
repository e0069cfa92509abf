#!/usr/bin/env bash
# smm benchmarks, against the built-in sandbox panel on 127.0.0.1 (nothing else is contacted).
#
#   bench/run.sh            # all of A, B, C
#   bench/run.sh A          # just one
#
# A) status of 10,000 ids at 100 ms panel latency: smm at concurrency 1, 4 (default) and 8,
#    and a third-party Python client (babismm, from PyPI) doing the usual one-call-per-100-ids
#    loop, when it can be installed (scripts/third-party-client.sh's venv).
# B) services with 20,000 entries: to a table and to --json, against the bare transfer (curl),
#    plus peak memory of the table run.
# C) process start: smm --version.
#
# Needs: cargo, hyperfine (apt-get install hyperfine), curl, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-ABC}
for tool in hyperfine curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool (apt-get install hyperfine curl time)"; exit 2; }
done
cargo build --release --quiet
smm="$PWD/target/release/smm"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Starts a sandbox with extra args; sets $url.
sandbox() {
  local out="$work/sandbox.$RANDOM"
  SMM_DATA_DIR="$work/sandbox-data" "$smm" sandbox --port 0 "$@" >"$out" 2>&1 &  # its ids file stays in $work
  pids+=($!)
  for _ in $(seq 1 50); do grep -q "Press Ctrl-C" "$out" 2>/dev/null && break; sleep 0.1; done
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$out" | head -1)"
  printf 'default_profile = "b"\n[profiles.b]\nurl = "%s"\nkey = "sandbox"\n' "$url" >"$work/config.toml"
  export SMM_CONFIG="$work/config.toml" SMM_CACHE_DIR="$work/cache"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "smm: $("$smm" --version)"

if [[ $which == *A* ]]; then
  echo; echo "== A) status of 10,000 ids, 100 ms latency (100 chunks of 100)"
  sandbox --latency-ms 100
  seq 1 10000 >"$work/ids.txt"
  hyperfine --warmup 1 --runs 5 \
    -n "concurrency 1" "$smm status --file $work/ids.txt --json --concurrency 1 >/dev/null" \
    -n "concurrency 4 (default)" "$smm status --file $work/ids.txt --json >/dev/null" \
    -n "concurrency 8" "$smm status --file $work/ids.txt --json --concurrency 8 >/dev/null" \
    -i --export-markdown "$work/a.md"
  cat "$work/a.md"
  echo "floor = ceil(100 / concurrency) x 100 ms: 10.0 s, 2.5 s, 1.3 s"
  venv_py="$(ls -d target/third-party/venv-babismm-*/bin/python 2>/dev/null | head -1 || true)"
  if [[ -z "$venv_py" ]] && SMM_SANDBOX_URL="$url" scripts/third-party-client.sh >/dev/null 2>&1; then
    venv_py="$(ls -d target/third-party/venv-babismm-*/bin/python | head -1)"
  fi
  if [[ -n "$venv_py" ]]; then
    cat >"$work/loop.py" <<PY
import smm, sys
c = smm.SMM(api_url="$url", api_key="sandbox", timeout=30)
ids = list(range(1, 10001))
for i in range(0, len(ids), 100):
    c.get_multi_status(ids[i:i + 100])
PY
    hyperfine --warmup 1 --runs 3 -n "babismm (Python), 100 calls in a loop" "$venv_py $work/loop.py" -i
  else
    echo "(babismm not installed: no PyPI? skipping the Python comparison)"
  fi
fi

if [[ $which == *B* ]]; then
  echo; echo "== B) services: 20,000 entries"
  sandbox --services 19998
  curl -s -d key=sandbox -d action=services "$url" | wc -c | xargs echo "answer bytes:"
  hyperfine --warmup 3 --runs 20 -N \
    -n "transfer only (curl)" "curl -s -o /dev/null -d key=sandbox -d action=services $url" \
    -n "smm services --json" "$smm services --json" \
    -n "smm services (table)" "$smm services" \
    --output=null --export-markdown "$work/b.md"
  cat "$work/b.md"
  /usr/bin/time -f "peak memory, table: %M KB" "$smm" services >/dev/null
  /usr/bin/time -f "peak memory, --json: %M KB" "$smm" services --json >/dev/null
fi

if [[ $which == *C* ]]; then
  echo; echo "== C) process start"
  hyperfine -N --warmup 50 --runs 500 "$smm --version" --export-markdown "$work/c.md"
  cat "$work/c.md"
fi
