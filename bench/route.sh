#!/usr/bin/env bash
# Routes: `order add --route` over 5 candidates whose catalogues (20,000 services each) are
# cached, against a direct `order add` of the same order, on built-in sandbox panels on
# 127.0.0.1.
#
#   bench/route.sh [ORDERS]      # orders of each kind, default 25
#
# Starts 5 sandboxes (--services 20000), fills each profile's catalogue cache, then places
# ORDERS orders directly and ORDERS through a 5-candidate route, alternating (direct, route,
# direct, …) so that whatever else the machine is doing weighs on both alike; each order has
# a new link, so the duplicate guard runs every time; the first 3 of each are warm-up. Prints
# the median wall time and CPU time (user + sys, from wait4's rusage) of each, and the median
# of the paired differences. Everything lives in a temporary directory: HOME, the XDG
# directories, SMM_CONFIG, SMM_CACHE_DIR and SMM_DATA_DIR point there (never the real home).
# Needs: cargo, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-25}
for tool in python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/route.sh needs $tool"; exit 2; }
done
cargo build --release --quiet
smm="$PWD/target/release/smm"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
  XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state"
export SMM_CACHE_DIR="$work/cache" SMM_DATA_DIR="$work/data"  # the sandboxes' ids too
unset SMM_PROFILE NO_COLOR
mkdir -p "$HOME"

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
export SMM_CONFIG="$config"
for n in 1 2 3 4 5; do "$smm" -p "p$n" services >/dev/null; done  # fill the caches
ls -la "$work/cache" | awk '/services-p1/ {print "cached catalogue (each of 5):", $5, "bytes"}'

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "smm: $("$smm" --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$smm" "$orders" <<'PY'
import os, statistics, subprocess, sys, time
smm, orders = sys.argv[1], int(sys.argv[2])
def once(tag, i, args):
    cmd = [smm, "order", "add", *args, "--link", f"https://i.com/{tag}/{i}", "--quantity", "100"]
    with open(os.devnull, "wb") as null:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed")
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000
direct, route = [], []
for i in range(orders):
    direct.append(once("direct", i, ["--service", "1448"]))
    route.append(once("route", i, ["--route", "r5"]))
direct, route = direct[3:], route[3:]
med = lambda xs: statistics.median(xs)
for name, runs in (("order add --service (p1)", direct), ("order add --route r5 (5)", route)):
    wall, cpu = zip(*runs)
    print(f"  {name:26} wall median {med(wall):6.1f} ms (min {min(wall):.1f}), CPU median {med(cpu):6.1f} ms ({len(runs)} orders)")
dw = [r[0] - d[0] for d, r in zip(direct, route)]
dc = [r[1] - d[1] for d, r in zip(direct, route)]
print(f"  the route over a direct add: wall {med(dw):+.1f} ms, CPU {med(dc):+.1f} ms (median of {len(dw)} pairs)")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
