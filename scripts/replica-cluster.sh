#!/usr/bin/env bash
# A real PostgreSQL streaming replica of the local server, for the replica tests and the
# read benchmark: pg_basebackup from the primary (127.0.0.1:PRIMARY_PORT, default 5432)
# into DIR/data, then a second cluster started on PORT as the postgres user, replaying
# the primary's WAL as it streams in (hot standby: it answers read-only queries).
#
#   scripts/replica-cluster.sh start DIR PORT [PRIMARY_PORT]   # prints "replica ready on PORT"
#   scripts/replica-cluster.sh stop DIR                         # stops it and removes DIR
#
# The replica is small (shared_buffers 16MB) and lives only in DIR. `start` first stops
# replicas left by earlier runs whose owner (the process named in DIR/owner, by default
# the caller's parent) is gone, so a crashed test leaves no cluster running for long.
# The primary must allow replication from 127.0.0.1 (scripts/ensure-test-services.sh
# sets this up) and have wal_level replica or logical.
set -euo pipefail

BASE_PREFIX=${TMPDIR:-/tmp}/threadline-replica.

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

primary_query() {
  psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atc "$1"
}

bindir() {
  local major
  major=$(primary_query 'SHOW server_version_num')
  major=$((major / 10000))
  if [ -x "/usr/lib/postgresql/$major/bin/pg_ctl" ]; then
    echo "/usr/lib/postgresql/$major/bin"
  else
    dirname "$(command -v pg_ctl)"
  fi
}

stop_dir() {
  local dir=$1
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    local bin
    bin=$(cat "$dir/bindir" 2>/dev/null || echo /usr/lib/postgresql/15/bin)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

sweep_orphans() {
  for dir in "$BASE_PREFIX"*; do
    [ -d "$dir" ] || continue
    local owner
    owner=$(cat "$dir/owner" 2>/dev/null || echo 0)
    if [ "$owner" -gt 0 ] && ! kill -0 "$owner" 2>/dev/null; then
      echo "replica-cluster: stopping a replica left by process $owner ($dir)" >&2
      stop_dir "$dir"
    fi
  done
}

command=${1:-}
case "$command" in
start)
  DIR=${2:?usage: start DIR PORT [PRIMARY_PORT]}
  PORT=${3:?usage: start DIR PORT [PRIMARY_PORT]}
  PRIMARY_PORT=${4:-5432}
  OWNER=${REPLICA_OWNER_PID:-$PPID}
  case "$DIR" in "$BASE_PREFIX"*) ;; *)
    echo "replica-cluster: DIR must start with $BASE_PREFIX" >&2
    exit 2
    ;;
  esac
  sweep_orphans
  BIN=$(bindir)
  mkdir -p "$DIR"
  echo "$OWNER" >"$DIR/owner"
  echo "$BIN" >"$DIR/bindir"
  chmod 700 "$DIR"
  [ "$(id -u)" -ne 0 ] || chown postgres "$DIR"
  # A hot standby needs these at least as large as the primary's.
  settings=()
  for name in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    settings+=(-c "$name=$(primary_query "SHOW $name")")
  done
  if ! as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/data" \
    --wal-method=stream --write-recovery-conf --checkpoint=fast --no-sync >"$DIR/basebackup.log" 2>&1; then
    cat "$DIR/basebackup.log" >&2
    stop_dir "$DIR"
    exit 1
  fi
  # Debian keeps the configuration in /etc, so the copy has none: the replica's own.
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$DIR/data/pg_hba.conf" >/dev/null
  as_postgres touch "$DIR/data/pg_ident.conf" "$DIR/data/postgresql.conf"
  options="-c port=$PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR -c shared_buffers=16MB"
  options+=" -c hot_standby=on -c hot_standby_feedback=off -c max_standby_streaming_delay=30s -c logging_collector=off"
  options+=" -c hba_file=$DIR/data/pg_hba.conf -c ident_file=$DIR/data/pg_ident.conf -c archive_mode=off"
  options+=" -c cluster_name=threadline-replica ${settings[*]}"
  if ! as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/replica.log" -w -t 60 -o "$options" start >/dev/null; then
    tail -n 20 "$DIR/replica.log" >&2 || true
    stop_dir "$DIR"
    exit 1
  fi
  echo "replica ready on $PORT"
  ;;
stop)
  DIR=${2:?usage: stop DIR}
  case "$DIR" in "$BASE_PREFIX"*) ;; *)
    echo "replica-cluster: DIR must start with $BASE_PREFIX" >&2
    exit 2
    ;;
  esac
  stop_dir "$DIR"
  ;;
*)
  echo "usage: $0 start DIR PORT [PRIMARY_PORT] | stop DIR" >&2
  exit 2
  ;;
esac
