#!/usr/bin/env bash
# The order book at a million orders, against the built-in sandbox panel on 127.0.0.1.
#
#   bench/book.sh
#
# Builds a 1,000,000-order book by importing a generated old-style journal (timing the import),
# then compares with an empty book: one `order add`, a 100-line bulk file, listing the last
# hour, `orders --json --limit 0` (peak memory: it streams), and validating a 100,000-line bulk
# file (a dry run). Needs: cargo, hyperfine, python3, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/book.sh needs $tool (apt-get install hyperfine time)"; exit 2; }
done
cargo build --release --quiet
smm="$PWD/target/release/smm"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

out="$work/sandbox.out"
SMM_DATA_DIR="$work/sandbox-data" "$smm" sandbox --port 0 --balance 100000000 >"$out" 2>&1 &  # its ids file stays in $work
pids+=($!)
for _ in $(seq 1 50); do grep -q "Press Ctrl-C" "$out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$out" | head -1)"
printf 'default_profile = "b"\n[profiles.b]\nurl = "%s"\nkey = "sandbox"\nservices_ttl = "1d"\n' "$url" >"$work/config.toml"
chmod 600 "$work/config.toml"
export SMM_CONFIG="$work/config.toml" SMM_CACHE_DIR="$work/cache"
mkdir -p "$work/full" "$work/empty"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "smm: $("$smm" --version)"

echo; echo "== the journal of 1,000,000 orders (30 days old), imported into the book"
python3 - "$work/full/journal.jsonl" "$url" <<'PY'
import sys, time
path, url = sys.argv[1], sys.argv[2]
t = int(time.time()) - 30 * 86400
with open(path, "w") as f:
    for i in range(1_000_000):
        f.write('{"kind":"intent","id":"old-%d","time":%d,"profile":"b","url":"%s","service":1448,"link":"https://i.com/old/%d","quantity":100,"fields":{},"cost":"0.09"}\n' % (i, t + i // 100, url, i))
        f.write('{"kind":"outcome","id":"old-%d","time":%d,"result":"order","order":"%d","error":null}\n' % (i, t + i // 100, 100000 + i))
PY
ls -la "$work/full/journal.jsonl" | awk '{print "journal.jsonl:", $5, "bytes"}'
/usr/bin/time -f "import: %e s, peak %M KB" env SMM_DATA_DIR="$work/full" "$smm" orders --limit 1 >/dev/null
ls -la "$work/full/orders.db" | awk '{print "orders.db:", $5, "bytes"}'
"$smm" services >/dev/null  # fill the catalogue cache (shared by both books)

echo; echo "== one order add: empty book vs 1,000,000 orders"
# Each add is a new order (another link), so the duplicate guard's lookup runs every time.
python3 - "$smm" "$work" <<'PY'
import os, statistics, subprocess, sys, time
smm, work = sys.argv[1], sys.argv[2]
for book in ("empty", "full"):
    env = dict(os.environ, SMM_DATA_DIR=f"{work}/{book}")
    times = []
    for i in range(25):
        cmd = [smm, "order", "add", "--service", "1448", "--link", f"https://i.com/new/{book}/{i}", "--quantity", "100"]
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    times = times[3:]  # warm-up
    print(f"  order add, {book:5} book: mean {statistics.mean(times)*1000:.1f} ms, median {statistics.median(times)*1000:.1f} ms ({len(times)} orders)")
PY
for d in empty full; do
  /usr/bin/time -f "  peak memory, $d book: %M KB" env SMM_DATA_DIR="$work/$d" "$smm" order add --service 1448 --link "https://i.com/mem/$d" --quantity 100 >/dev/null
done

echo; echo "== a 100-line bulk file: empty book vs 1,000,000 orders"
for run in 1 2 3; do
  for d in empty full; do
    seq 1 100 | sed "s|.*|1448\|https://i.com/bulk/$d/$run/&\|100|" >"$work/bulk-$d-$run.txt"
  done
done
for d in empty full; do
  /usr/bin/time -f "  bulk 100 lines, $d book: %e s, peak %M KB" env SMM_DATA_DIR="$work/$d" "$smm" order add --file "$work/bulk-$d-1.txt" --yes -q >/dev/null
done

echo; echo "== listing: the last hour, and everything as JSON (streamed)"
hyperfine --warmup 1 --runs 10 -N \
  -n "orders --since 1h (1M book)" "env SMM_DATA_DIR=$work/full $smm orders --since 1h" 2>/dev/null | grep -E "Time|orders"
/usr/bin/time -f "  orders --json --limit 0 (1M orders): %e s, peak %M KB" env SMM_DATA_DIR="$work/full" "$smm" orders --json --limit 0 >"$work/all.json"
ls -la "$work/all.json" | awk '{print "  JSON written:", $5, "bytes"}'
/usr/bin/time -f "  orders --by day (1M orders): %e s, peak %M KB" env SMM_DATA_DIR="$work/full" "$smm" orders --by day >/dev/null

echo; echo "== validating a 100,000-line bulk file (dry run) against the 1M book"
seq 1 100000 | sed 's|.*|1448\|https://i.com/check/&\|100|' >"$work/big.txt"
/usr/bin/time -f "  100,000 lines: %e s, peak %M KB" env SMM_DATA_DIR="$work/full" "$smm" order add --file "$work/big.txt" --dry-run -q >/dev/null || true
