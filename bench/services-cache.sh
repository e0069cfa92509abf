#!/usr/bin/env bash
# `smm services` answered from the local catalogue cache, for a 20,000-service catalogue.
#
#   bench/services-cache.sh [RUNS]      # RUNS per command, default 15
#
# Builds the release binary, starts the built-in sandbox on 127.0.0.1 with 20,000 services,
# fills the catalogue cache with one `smm services` through smm itself, then runs
# `smm services` (table, piped) and `smm services --json` from the cache RUNS times each and
# prints the median CPU time (user + sys) and the median peak memory (max RSS).
# Everything lives in a temporary directory: HOME, the XDG directories, SMM_CONFIG,
# SMM_CACHE_DIR and SMM_DATA_DIR point there (never the real home); it is removed at the end.
#
# Needs: cargo, python3, GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/services-cache.sh needs $tool (apt-get install python3 time)"; exit 2; }
done
cargo build --release --quiet
smm="$PWD/target/release/smm"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
  XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state"
export SMM_CONFIG="$work/config.toml" SMM_CACHE_DIR="$work/cache" SMM_DATA_DIR="$work/data"
unset SMM_PROFILE NO_COLOR
mkdir -p "$HOME"

out="$work/sandbox.out"
"$smm" sandbox --port 0 --services 19998 >"$out" 2>&1 &  # 19,998 + its 2 fixed entries (SMM_DATA_DIR is in $work)
pids+=($!)
for _ in $(seq 1 50); do grep -q "Press Ctrl-C" "$out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$out" | head -1)"
[[ -n $url ]] || { cat "$out"; echo "the sandbox did not start"; exit 1; }
printf 'default_profile = "b"\n[profiles.b]\nurl = "%s"\nkey = "sandbox"\nservices_ttl = "1d"\n' "$url" >"$SMM_CONFIG"
chmod 600 "$SMM_CONFIG"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "smm: $("$smm" --version)"
"$smm" services --json >"$work/fresh.json"  # fetched from the panel: fills the cache
count="$("$smm" services -q | tail -n +2 | wc -l)"
echo "catalogue: $count services, $(wc -c <"$work/fresh.json") bytes; cache file $(wc -c <"$work/cache/services-b.json") bytes"
"$smm" services --json -q >"$work/cached.json"
cmp -s "$work/fresh.json" "$work/cached.json" || { echo "--json from the cache differs from the panel's answer"; exit 1; }

# Runs one command RUNS times (after one warm-up), stdout to /dev/null, each under GNU time for
# its peak RSS; the CPU time (user + sys) comes from wait4's rusage (microseconds; it includes
# GNU time's own, well under a millisecond). Prints the medians.
measure() {
  python3 - "$runs" "$work/rss" "$@" <<'PY'
import os, statistics, subprocess, sys
runs, rss_file, name, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
def once():
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file, *cmd], stdout=null, stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed")
    with open(rss_file) as f:
        return (ru.ru_utime + ru.ru_stime) * 1000, int(f.read().split()[-1]) / 1024
once()  # warm-up
cpu, rss = zip(*(once() for _ in range(runs)))
print(f"{name:30} CPU (user+sys) median {statistics.median(cpu):6.1f} ms (min {min(cpu):.1f}, max {max(cpu):.1f})"
      f"   peak RSS median {statistics.median(rss):5.1f} MB   ({runs} runs)")
PY
}

echo; echo "== smm services from the cache (20,000 services)"
measure "smm services (table, piped)" "$smm" services
measure "smm services --json" "$smm" services --json
