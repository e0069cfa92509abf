#!/usr/bin/env bash
# Routes: `order add --route` over 5 candidates whose catalogues (20,000 services each) are
# cached, against a direct `order add` of the same order, on built-in sandbox panels on
# 127.0.0.1.
#
#   bench/route.sh
#
# Starts 5 sandboxes (--services 20000), fills each profile's catalogue cache, then places 25
# orders directly and 25 through a 5-candidate route (each a new link, so the duplicate guard
# runs every time; the first 3 of each are warm-up). Needs: cargo, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "bench/route.sh needs python3"; exit 2; }
cargo build --release --quiet
smm="$PWD/target/release/smm"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

config="$work/config.toml"
printf 'default_profile = "p1"\n' >"$config"
for n in 1 2 3 4 5; do
  out="$work/sandbox$n.out"
  "$smm" sandbox --port 0 --services 20000 --balance 100000 >"$out" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do grep -q "Press Ctrl-C" "$out" 2>/dev/null && break; sleep 0.1; done
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$out" | head -1)"
  # Different prices, so the ranking has work to do.
  curl -s -d "action=rate&service=1448&rate=0.9$n" "${url%/api/v2}/control" >/dev/null
  printf '\n[profiles.p%s]\nurl = "%s"\nkey = "sandbox"\nservices_ttl = "1d"\n' "$n" "$url" >>"$config"
done
printf '\n[routes.r5]\ncandidates = ["p1:1448", "p2:1448", "p3:1448", "p4:1448", "p5:1448"]\n' >>"$config"
chmod 600 "$config"
export SMM_CONFIG="$config" SMM_CACHE_DIR="$work/cache" SMM_DATA_DIR="$work/data"
for n in 1 2 3 4 5; do "$smm" -p "p$n" services >/dev/null; done  # fill the caches
ls -la "$work/cache" | awk '/services-p1/ {print "cached catalogue (each of 5):", $5, "bytes"}'

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "smm: $("$smm" --version)"
python3 - "$smm" <<'PY'
import statistics, subprocess, sys, time
smm = sys.argv[1]
def run(name, tag, args):
    times = []
    for i in range(25):
        cmd = [smm, "order", "add", *args, "--link", f"https://i.com/{tag}/{i}", "--quantity", "100"]
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    times = times[3:]
    print(f"  {name:28} mean {statistics.mean(times)*1000:6.1f} ms, median {statistics.median(times)*1000:6.1f} ms ({len(times)} orders)")
    return statistics.median(times)
direct = run("order add --service (p1)", "direct", ["--service", "1448"])
route = run("order add --route r5 (5)", "route", ["--route", "r5"])
print(f"  the route costs {(route - direct)*1000:+.1f} ms (median) over a direct add")
PY
