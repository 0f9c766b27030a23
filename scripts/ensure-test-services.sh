#!/usr/bin/env bash
# Makes sure what the test suite needs is on this machine: Debian's Chromium for the
# browser tests and a PostgreSQL server (127.0.0.1:5432, database `test`, trust auth)
# for the server-mode store tests, which may also take a streaming replica of it (replication
# from 127.0.0.1 allowed). Installs them with apt-get when missing (needs root).
set -euo pipefail

apt_updated=0
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-test-services: $* is missing and this is not root; install it and rerun" >&2
    exit 1
  fi
  if [ "$apt_updated" -eq 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-test-services: installing Debian's chromium for the browser tests"
  apt_install chromium
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    echo "ensure-test-services: installing PostgreSQL from Debian"
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # The tests connect as postgres over TCP without a password, as on the CI machine.
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE test' >/dev/null
fi

# The replica tests (scripts/replica-cluster.sh) take a base backup of this server and
# stream its WAL: that needs replication connections from 127.0.0.1 without a password
# and a WAL level of at least replica (Debian's default).
if ! psql "host=127.0.0.1 user=postgres replication=true" -c 'IDENTIFY_SYSTEM' >/dev/null 2>&1; then
  hba=$(psql -h 127.0.0.1 -U postgres -d postgres -Atc 'SHOW hba_file')
  if [ "$(id -u)" -eq 0 ] || [ -w "$hba" ]; then
    echo "ensure-test-services: allowing replication connections from 127.0.0.1 ($hba)"
    sed -i '1i host replication all 127.0.0.1/32 trust' "$hba"
    psql -h 127.0.0.1 -U postgres -d postgres -Atc 'SELECT pg_reload_conf()' >/dev/null
    sleep 1
  else
    echo "ensure-test-services: replication from 127.0.0.1 is refused and $hba is not writable; the replica tests will be skipped" >&2
  fi
fi
wal_level=$(psql -h 127.0.0.1 -U postgres -d postgres -Atc 'SHOW wal_level')
senders=$(psql -h 127.0.0.1 -U postgres -d postgres -Atc 'SHOW max_wal_senders')
if [ "$wal_level" = minimal ] || [ "$senders" -lt 2 ]; then
  echo "ensure-test-services: setting wal_level=replica and max_wal_senders=10 (restarts PostgreSQL)"
  psql -h 127.0.0.1 -U postgres -d postgres -Atc "ALTER SYSTEM SET wal_level = 'replica'" >/dev/null
  psql -h 127.0.0.1 -U postgres -d postgres -Atc 'ALTER SYSTEM SET max_wal_senders = 10' >/dev/null
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main restart || pg_ctlcluster "$version" main restart
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
echo "ensure-test-services: chromium and PostgreSQL are ready"
