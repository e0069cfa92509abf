#!/usr/bin/env bash
# The team book on PostgreSQL, against a throwaway server (scripts/test-postgres.sh, fsync on)
# and built-in sandbox panels on 127.0.0.1.
#
#   bench/team-book.sh          # all four
#   bench/team-book.sh sync     # only 4 (a minute instead of several)
#
# 1. `smm book copy` of a 1,000,000-order SQLite book into PostgreSQL (and a second run).
# 2. One `order add`: an empty PostgreSQL book vs the 1,000,000-order one (SQLite for reference).
# 3. 8 "machines" (own HOME and data dir) placing the same order at once, 5 rounds: how many
#    reach the panel; then 8 different orders at once: all must succeed.
# 4. `smm sync` of 2 x 10,000 unfinished orders from the PostgreSQL book, 100 ms panels
#    (floor: 25 x 100 ms = 2.5 s, as bench/sync.sh).
# Needs: cargo, hyperfine, python3, curl, GNU time, PostgreSQL's server (Debian: postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine python3 curl /usr/bin/time psql; do
  command -v "$tool" >/dev/null || { echo "bench/team-book.sh needs $tool (apt-get install hyperfine curl time postgresql)"; exit 2; }
done
cargo build --release --quiet
smm="$PWD/target/release/smm"
work="$(mktemp -d)"
chmod 755 "$work"
pids=()
eval "$(SMM_PG_DURABLE=1 scripts/test-postgres.sh start)"
cleanup() {
  for p in "${pids[@]}" $(cat "$work/pids" 2>/dev/null); do kill -INT "$p" 2>/dev/null || true; done
  scripts/test-postgres.sh stop "$SMM_TEST_PG_DIR"
  rm -rf "$work"
}
trap cleanup EXIT
base="${SMM_TEST_PG_URL%/*}"
# A new database on the server; prints its URL.
newdb() { psql -q "$SMM_TEST_PG_URL" -c "CREATE DATABASE $1" >/dev/null; echo "$base/$1"; }

# Starts a sandbox with extra args; prints its v2 URL.
sandbox() {
  local out="$work/sandbox.$RANDOM"
  SMM_DATA_DIR="$work/sandbox-data" "$smm" sandbox --port 0 "$@" >"$out" 2>&1 &  # its ids file stays in $work
  echo $! >>"$work/pids"   # sandbox() runs in a $(…) subshell: its pid reaches cleanup through a file
  for _ in $(seq 1 50); do grep -q "Press Ctrl-C" "$out" 2>/dev/null && break; sleep 0.1; done
  grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$out" | head -1
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "smm: $("$smm" --version); $(psql --version)"

url=$(sandbox --balance 100000000)
printf 'default_profile = "b"\n[profiles.b]\nurl = "%s"\nkey = "sandbox"\nservices_ttl = "1d"\n' "$url" >"$work/config.toml"
chmod 600 "$work/config.toml"
export SMM_CONFIG="$work/config.toml" SMM_CACHE_DIR="$work/cache"
mkdir -p "$work/full" "$work/empty"

if [ "${1:-all}" != sync ]; then
echo; echo "== 1. smm book copy of a 1,000,000-order SQLite book into PostgreSQL"
python3 - "$work/full/journal.jsonl" "$url" <<'PY'
import sys, time
path, url = sys.argv[1], sys.argv[2]
t = int(time.time()) - 30 * 86400
with open(path, "w") as f:
    for i in range(1_000_000):
        f.write('{"kind":"intent","id":"old-%d","time":%d,"profile":"b","url":"%s","service":1448,"link":"https://i.com/old/%d","quantity":100,"fields":{},"cost":"0.09"}\n' % (i, t + i // 100, url, i))
        f.write('{"kind":"outcome","id":"old-%d","time":%d,"result":"order","order":"%d","error":null}\n' % (i, t + i // 100, 100000 + i))
PY
SMM_DATA_DIR="$work/full" "$smm" orders --limit 1 -q >/dev/null   # the SQLite book of 1,000,000
full=$(newdb book_full)
/usr/bin/time -f "  book copy, 1,000,000 orders: %e s, peak %M KB" \
  env SMM_DATA_DIR="$work/full" "$smm" book copy --to "$full" -q
/usr/bin/time -f "  book copy again (nothing new): %e s, peak %M KB" \
  env SMM_DATA_DIR="$work/full" "$smm" book copy --to "$full" -q | grep ORDERS

echo; echo "== 2. one order add: an empty PostgreSQL book vs 1,000,000 orders"
empty=$(newdb book_empty)
"$smm" services >/dev/null   # fill the catalogue cache
python3 - "$smm" "$work" "$empty" "$full" <<'PY'
import os, statistics, subprocess, sys, time
smm, work, empty, full = sys.argv[1:5]
for name, book in (("sqlite empty", f"{work}/empty/orders.db"), ("pg empty", empty), ("pg 1M", full)):
    env = dict(os.environ, SMM_DATA_DIR=f"{work}/empty", SMM_BOOK=book)
    times = []
    for i in range(25):
        cmd = [smm, "order", "add", "--service", "1448", "--link", f"https://i.com/new/{name.replace(' ', '-')}/{i}", "--quantity", "100"]
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    times = times[3:]  # warm-up
    print(f"  order add, {name:12} book: mean {statistics.mean(times)*1000:.1f} ms, median {statistics.median(times)*1000:.1f} ms ({len(times)} orders)")
PY

echo; echo "== 3. 8 machines at once: the same order (5 rounds), then 8 different orders"
race=$(newdb book_race)
python3 - "$smm" "$work" "$race" <<'PY'
import os, subprocess, sys, time
smm, work, race = sys.argv[1:4]
def machine(i):
    home = f"{work}/m{i}"
    os.makedirs(home, exist_ok=True)
    return dict(os.environ, HOME=home, SMM_DATA_DIR=f"{home}/data", SMM_BOOK=race)
envs = [machine(i) for i in range(8)]
for r in range(1, 6):
    cmd = [smm, "order", "add", "--service", "1448", "--link", f"https://i.com/race/{r}", "--quantity", "100", "-q"]
    t = time.perf_counter()
    procs = [subprocess.Popen(cmd, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for e in envs]
    codes = [p.wait() for p in procs]
    errors = [p.stderr.read().decode() for p in procs]
    took = time.perf_counter() - t
    dup = sum("refusing a duplicate" in e for e in errors)
    other = [e.strip() for e in errors if e.strip() and "refusing a duplicate" not in e]
    print(f"  round {r}: {codes.count(0)} placed, {dup} refused as duplicates ({took*1000:.0f} ms); other errors: {other or 'none'}")
procs = []
t = time.perf_counter()
for i, e in enumerate(envs):
    cmd = [smm, "order", "add", "--service", "1448", "--link", f"https://i.com/diff/{i}", "--quantity", "100", "-q"]
    procs.append(subprocess.Popen(cmd, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
codes = [p.wait() for p in procs]
errors = [p.stderr.read().decode().strip() for p in procs if p.returncode != 0]
print(f"  8 different orders: {codes.count(0)} placed ({(time.perf_counter()-t)*1000:.0f} ms); errors: {errors or 'none'}")
PY
echo "  orders in the race book: $(psql -qtA "$race" -c 'SELECT count(*) FROM orders')"

fi

echo; echo "== 4. smm sync of 2 x 10,000 unfinished orders from the PostgreSQL book, 100 ms latency"
seed() {
  local url=$1 profile=$2 dir=$3
  local answer; answer="$(curl -s -d 'action=seed&count=10000&quantity=100' "${url%/api/v2}/control")"
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
a=$(sandbox --latency-ms 100 --speed 0.001); b=$(sandbox --latency-ms 100 --speed 0.001)
mkdir -p "$work/slow"
seed "$a" a "$work/slow"; seed "$b" b "$work/slow"
printf '[profiles.a]\nurl = "%s"\nkey = "sandbox"\n[profiles.b]\nurl = "%s"\nkey = "sandbox"\n' "$a" "$b" >"$work/config.toml"
SMM_DATA_DIR="$work/slow" "$smm" orders --limit 1 -q >/dev/null   # import the 20,000 orders
sync=$(newdb book_sync)
SMM_DATA_DIR="$work/slow" "$smm" book copy --to "$sync" -q >/dev/null
export SMM_BOOK="$sync" SMM_DATA_DIR="$work/slow"
"$smm" sync -q >/dev/null || true       # first sync: catalogue snapshots
hyperfine --warmup 1 --runs 5 -n "smm sync (2 x 10,000 orders, PostgreSQL book)" "$smm sync -q" -i
"$smm" sync --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("orders asked:", [p["orders_asked"] for p in d["profiles"]])'
echo "floor: 100 requests per panel, 4 in flight, both panels at once = 25 x 100 ms = 2.5 s"
