#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each) on the stable toolchain
# (cargo-fuzz with `--sanitizer none`: no nightly needed), seeded with the answer fixtures.
#
#   fuzz/run.sh [SECONDS]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Prints executions and crashes per target;
# exits 1 if any target crashed (its input is kept in fuzz/artifacts/TARGET/).
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
command -v cargo-fuzz >/dev/null || { echo "needs cargo-fuzz: cargo install cargo-fuzz"; exit 2; }
cargo fuzz build -s none -O >/dev/null 2>&1 || { echo "cargo fuzz build failed"; cargo fuzz build -s none -O; exit 1; }
status=0
printf '%-24s %12s %10s %8s\n' target executions exec/s crashes
for target in ids v2_answers streamdetails_envelope config bulk; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  case $target in
    v2_answers) cp tests/fixtures/v2/*.json tests/fixtures/v2/*.html "$corpus/" ;;
    streamdetails_envelope) printf '%s' '{"data":{"id":6,"service_id":1,"quantity":100,"status":"progress","created_at":1700936460},"error":null}' >"$corpus/add.json"
                            printf '%s' '{"data":null,"error":{"code":400,"message":"Invalid JSON data"}}' >"$corpus/error.json" ;;
    config) cp config.example.toml "$corpus/" ;;
    ids) printf '1,10,100\n250 3\n' >"$corpus/ids.txt" ;;
    bulk) printf '1448|https://i.com/a|500\n1452|https://fb.com/b|10\n' >"$corpus/pipes.txt"
          printf 'service,link,quantity,runs,interval,comments\n1448,https://i.com/a,500,2,30,\n1452,l,,,,"a, b\nc"\n' >"$corpus/orders.csv" ;;
  esac
  log="$(mktemp)"
  cargo fuzz run -s none -O "$target" "$corpus" -- -max_total_time="$secs" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=0
  if [[ $rc -ne 0 ]]; then crashes=1; status=1; tail -30 "$log"; fi
  printf '%-24s %12s %10s %8s\n' "$target" "${execs:-?}" "${rate:-?}" "$crashes"
  rm -f "$log"
done
exit $status
