#!/usr/bin/env bash
# PostgreSQL and PostGIS for the store's tests, from Debian's packages.
#
#   scripts/postgres.sh install      install them when missing (root, or sudo without a password)
#   scripts/postgres.sh start DIR    a throw-away server in DIR on 127.0.0.1, a free port; prints its URL
#   scripts/postgres.sh stop DIR     stop it (DIR can then be removed)
#
# Never touches the system's own cluster or service: the tests start their
# own server the same way (tests/store/conftest.py).
set -euo pipefail

PACKAGES="postgresql postgresql-15-postgis-3"

bindir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
    return 1
}

has_postgis() {
    local dir
    dir=$(bindir) || return 1
    [ -n "$(ls /usr/share/postgresql/*/extension/postgis.control 2>/dev/null)" ] || \
        [ -f "$("$dir/pg_config" --sharedir 2>/dev/null)/extension/postgis.control" ]
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
install)
    if bindir >/dev/null && has_postgis; then
        echo "PostgreSQL and PostGIS: installed"
        exit 0
    fi
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        echo "PostgreSQL/PostGIS missing and no root: install $PACKAGES (the PostGIS tests skip until then)" >&2
        exit 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "PostgreSQL/PostGIS missing and no apt-get: install PostgreSQL and PostGIS yourself" >&2
        exit 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
    echo "PostgreSQL and PostGIS: installed now"
    ;;
start)
    DIR=${2:?usage: $0 start DIR}
    BIN=$(bindir) || { echo "no PostgreSQL binaries: $0 install" >&2; exit 1; }
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
    ;;
stop)
    DIR=${2:?usage: $0 stop DIR}
    BIN=$(bindir)
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
    ;;
*)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
