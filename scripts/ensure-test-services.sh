#!/usr/bin/env bash
# Makes sure what the test suite needs is on this machine: Debian's Chromium for the
# browser tests and a PostgreSQL server (127.0.0.1:5432, database `test`, trust auth)
# for the server-mode store tests. Installs them with apt-get when missing (needs root).
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
echo "ensure-test-services: chromium and PostgreSQL are ready"
