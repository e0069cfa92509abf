#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and benchmarks: a cluster in a temp dir, listening on
# 127.0.0.1 (a free port) and a unix socket in that dir, scram-sha-256 passwords, fsync off.
#   eval "$(scripts/test-postgres.sh start)"   # exports SMM_TEST_PG_URL, PGPASSWORD, SMM_TEST_PG_DIR
#   scripts/test-postgres.sh stop "$SMM_TEST_PG_DIR"
# Installs Debian's postgresql package when the server binaries are missing (as root only).
# initdb refuses root: as root, the cluster runs as the `postgres` user. SMM_PG_DURABLE=1 keeps
# fsync and synchronous commits on (as a real server: the benchmarks use it).
set -euo pipefail

bindir() {
    local dir=""
    if command -v pg_config >/dev/null 2>&1; then dir="$(pg_config --bindir)"; fi
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
    fi
    echo "$dir"
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    bin="$(bindir)"
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        if [ "$(id -u)" != 0 ]; then
            echo "PostgreSQL's server is not installed: apt-get install -y postgresql (as root)" >&2
            exit 1
        fi
        echo "installing PostgreSQL (apt-get install -y postgresql)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
        bin="$(bindir)"
    fi
    dir="$(mktemp -d /tmp/smm-pg.XXXXXX)"
    chmod 755 "$dir"
    password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$password" > "$dir/pwfile"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    as_owner "$bin/initdb" -D "$dir/data" -A scram-sha-256 --pwfile="$dir/pwfile" -U smm \
        --no-sync >/dev/null
    rm -f "$dir/pwfile"
    opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
    if [ "${SMM_PG_DURABLE:-}" != 1 ]; then
        opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "$opts" start >/dev/null
    PGPASSWORD="$password" "$bin/psql" -q -h 127.0.0.1 -p "$port" -U smm -d postgres \
        -c "CREATE DATABASE smm" >/dev/null
    echo "export SMM_TEST_PG_URL='postgres://smm@127.0.0.1:$port/smm'"
    echo "export PGPASSWORD='$password'"
    echo "export SMM_TEST_PG_DIR='$dir'"
    ;;
stop)
    dir="${2:?usage: test-postgres.sh stop DIR}"
    bin="$(bindir)"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: scripts/test-postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
