#!/usr/bin/env bash
# smm refill --due at scale, against built-in sandbox panels on 127.0.0.1.
#
#   bench/refill.sh
#
# 1. 10,000 due orders on each of two panels with 100 ms of latency: the floor is 100 multi-form
#    refill requests per panel, 4 in flight, both panels at once = 25 x 100 ms = 2.5 s.
# 2. Finding the due orders in a book of 1,000,000 orders (a year of Completed orders, about
#    82,000 of them inside the 30-day refill period): time and peak memory of
#    `smm refill --due --dry-run --json`.
# Needs: cargo, hyperfine, python3, curl, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine python3 curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/refill.sh needs $tool (apt-get install hyperfine curl time)"; exit 2; }
done
cargo build --release --quiet
smm="$PWD/target/release/smm"
work="$(mktemp -d)"
pids=()
# sandbox() runs in a $(…) subshell: its pids reach cleanup through a file.
cleanup() {
  for p in "${pids[@]}" $(cat "$work/pids" 2>/dev/null); do kill -INT "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a sandbox with extra args; prints its v2 URL.
sandbox() {
  local out="$work/sandbox.$RANDOM"
  "$smm" sandbox --port 0 "$@" >"$out" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 1 50); do grep -q "Press Ctrl-C" "$out" 2>/dev/null && break; sleep 0.1; done
  grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$out" | head -1
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "smm: $("$smm" --version)"

echo; echo "== refill --due: 10,000 due orders on each of two panels, 100 ms latency"
# Orders finish at once (--speed 1000000); 24 virtual hours pass in 0.09 s, so the panels take
# every run's refills.
a=$(sandbox --latency-ms 100 --speed 1000000); b=$(sandbox --latency-ms 100 --speed 1000000)
printf '[profiles.a]\nurl = "%s"\nkey = "sandbox"\nservices_ttl = "1d"\n[profiles.b]\nurl = "%s"\nkey = "sandbox"\nservices_ttl = "1d"\n' "$a" "$b" >"$work/config.toml"
chmod 600 "$work/config.toml"
export SMM_CONFIG="$work/config.toml" SMM_CACHE_DIR="$work/cache" SMM_DATA_DIR="$work/due"
mkdir -p "$work/due"
for p in a b; do
  url=$([ $p = a ] && echo "$a" || echo "$b")
  answer="$(curl -s -d 'action=seed&count=10000&quantity=100' "${url%/api/v2}/control")"
  python3 - "$answer" "$url" "$p" "$work/due/journal.jsonl" <<'PY'
import json, sys, time
answer, url, profile, path = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
t = int(time.time()) - 60
with open(path, "a") as f:
    for order in range(answer["first"], answer["last"] + 1):
        f.write('{"kind":"intent","id":"%s-%d","time":%d,"profile":"%s","url":"%s","service":1448,"link":"https://i.com/%s/%d","quantity":100,"fields":{},"cost":"0.09"}\n' % (profile, order, t, profile, url, profile, order))
        f.write('{"kind":"outcome","id":"%s-%d","time":%d,"result":"order","order":"%d","error":null}\n' % (profile, order, t, order))
PY
done
"$smm" sync -q >/dev/null || true    # import, record the 20,000 orders Completed, cache catalogues
"$smm" refill --due --dry-run --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("due:", [len(p["due"]) for p in d["profiles"]])'
cp "$work/due/orders.db" "$work/due.db"
hyperfine --warmup 1 --runs 5 -N \
  --prepare "sh -c 'cp $work/due.db $work/due/orders.db; rm -f $work/due/orders.db-wal $work/due/orders.db-shm; sleep 0.2'" \
  -n "refill --due (2 x 10,000 due orders)" "$smm refill --due -q"
"$smm" refills --json --limit 0 | python3 -c 'import json,sys,collections; d=json.load(sys.stdin); print("last run:", dict(collections.Counter(r["status"] for r in d)))'
echo "floor: 100 requests per panel, 4 in flight, both panels at once = 25 x 100 ms = 2.5 s"

echo; echo "== finding the due orders in a book of 1,000,000 orders"
c=$(sandbox)
printf 'default_profile = "c"\n[profiles.c]\nurl = "%s"\nkey = "sandbox"\nservices_ttl = "1d"\n' "$c" >"$work/config.toml"
export SMM_DATA_DIR="$work/full"
mkdir -p "$work/full"
python3 - "$work/full/journal.jsonl" "$c" <<'PY'
import sys, time
path, url = sys.argv[1], sys.argv[2]
t = int(time.time()) - 365 * 86400
with open(path, "w") as f:
    for i in range(1_000_000):
        at = t + i * 31  # a year of orders, one every 31 s
        f.write('{"kind":"intent","id":"o-%d","time":%d,"profile":"c","url":"%s","service":1448,"link":"https://i.com/o/%d","quantity":100,"fields":{},"cost":"0.09"}\n' % (i, at, url, i))
        f.write('{"kind":"outcome","id":"o-%d","time":%d,"result":"order","order":"%d","error":null}\n' % (i, at, 100000 + i))
PY
"$smm" orders --limit 1 -q >/dev/null   # import
# Every order Completed half an hour after it was placed (what smm sync would have recorded).
python3 - "$work/full/orders.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE orders SET status='Completed', state='Completed', finished=1, checked=created+1800, ended=created+1800")
db.commit()
PY
"$smm" services >/dev/null  # the catalogue, cached
/usr/bin/time -f "  refill --due --dry-run --json (1M orders): %e s, peak %M KB" "$smm" refill --due --dry-run --json >"$work/due.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("  due:", len(d["profiles"][0]["due"]))' "$work/due.json"
hyperfine --warmup 1 --runs 10 -N -n "refill --due --dry-run --json (1M-order book)" "$smm refill --due --dry-run --json -q" 2>/dev/null | grep -E "Time|Range|refill"
