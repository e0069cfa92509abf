#!/usr/bin/env bash
# smm sync at scale: 10,000 unfinished orders on each of two panels with 100 ms of latency,
# against two built-in sandbox panels on 127.0.0.1.
#
#   bench/sync.sh
#
# The floor: 100 status requests per panel, 4 in flight, both panels at once = 25 x 100 ms =
# 2.5 s. Then, with panels whose orders finish at once, a second sync right after the first asks
# nothing about the finished orders. Needs: cargo, hyperfine, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/sync.sh needs $tool (apt-get install hyperfine curl)"; exit 2; }
done
cargo build --release --quiet
smm="$PWD/target/release/smm"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}" $(cat "$work/pids" 2>/dev/null); do kill -INT "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export SMM_CACHE_DIR="$work/cache"   # never the real home

# Starts a sandbox with extra args; prints its v2 URL.
sandbox() {
  local out="$work/sandbox.$RANDOM"
  SMM_DATA_DIR="$work/sandbox-data" "$smm" sandbox --port 0 "$@" >"$out" 2>&1 &  # its ids file stays in $work
  echo $! >>"$work/pids"   # sandbox() runs in a $(…) subshell: its pid reaches cleanup through a file
  for _ in $(seq 1 50); do grep -q "Press Ctrl-C" "$out" 2>/dev/null && break; sleep 0.1; done
  grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$out" | head -1
}

# Seeds 10,000 orders on the sandbox at $1 and writes them into an old-style journal in data dir
# $3 for profile $2 (imported into the order book on first use).
seed() {
  local url=$1 profile=$2 dir=$3
  local control="${url%/api/v2}/control"
  local answer; answer="$(curl -s -d 'action=seed&count=10000&quantity=100' "$control")"
  python3 - "$answer" "$url" "$profile" "$dir/journal.jsonl" <<'PY'
import json, sys, time
answer, url, profile, path = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
t = int(time.time()) - 60
with open(path, "a") as f:
    for order in range(answer["first"], answer["last"] + 1):
        f.write('{"kind":"intent","id":"%s-%d","time":%d,"profile":"%s","url":"%s","service":1448,"link":"https://i.com/%s/%d","quantity":100,"fields":{},"cost":"0.09"}\n' % (profile, order, t, profile, url, profile, order))
        f.write('{"kind":"outcome","id":"%s-%d","time":%d,"result":"order","order":"%d","error":null}\n' % (profile, order, t, order))
PY
}

# A config with profiles a and b at $1 and $2; sets SMM_CONFIG.
config() {
  printf '[profiles.a]\nurl = "%s"\nkey = "sandbox"\n[profiles.b]\nurl = "%s"\nkey = "sandbox"\n' "$1" "$2" >"$work/config.toml"
  chmod 600 "$work/config.toml"
  export SMM_CONFIG="$work/config.toml"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "smm: $("$smm" --version)"

echo; echo "== 10,000 unfinished orders on each of two panels, 100 ms latency (orders stay unfinished)"
a=$(sandbox --latency-ms 100 --speed 0.001); b=$(sandbox --latency-ms 100 --speed 0.001)
mkdir -p "$work/slow"
seed "$a" a "$work/slow"; seed "$b" b "$work/slow"
config "$a" "$b"
export SMM_DATA_DIR="$work/slow"
"$smm" orders --limit 1 -q >/dev/null   # import the 20,000 orders
"$smm" sync -q >/dev/null || true       # first sync: catalogue snapshots
hyperfine --warmup 1 --runs 5 -n "smm sync (2 x 10,000 orders)" "$smm sync -q" -i
"$smm" sync --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("orders asked:", [p["orders_asked"] for p in d["profiles"]])'
echo "floor: 100 requests per panel, 4 in flight, both panels at once = 25 x 100 ms = 2.5 s"

echo; echo "== a second sync right after the orders finished"
a=$(sandbox --latency-ms 100 --speed 1000000); b=$(sandbox --latency-ms 100 --speed 1000000)
mkdir -p "$work/fast"
seed "$a" a "$work/fast"; seed "$b" b "$work/fast"
config "$a" "$b"
export SMM_DATA_DIR="$work/fast"
"$smm" orders --limit 1 -q >/dev/null
sleep 0.5
/usr/bin/env time -f "first sync: %e s" "$smm" sync -q >/dev/null || true
"$smm" sync --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("second sync, orders asked:", [p["orders_asked"] for p in d["profiles"]])'
hyperfine --warmup 1 --runs 5 -n "second sync (nothing unfinished)" "$smm sync -q" -i
