#!/usr/bin/env bash
# Starts one throwaway Postgres cluster for a whole test run and prints, on stdout and nothing else,
# the lines that point the tests at it (each test file then creates and drops its own database):
#
#   postgres_env=$(bash scripts/ci/start-postgres.sh)   # a separate step, so `set -e` sees a failure
#   eval "$postgres_env"                                 # exports ACCORD_TEST_DATABASE_URL
#   npm test
#   bash scripts/ci/start-postgres.sh stop           # optional: stops it and removes its folder
#
# Installs Debian's postgresql when no server is installed. Progress goes to stderr.
set -euo pipefail

postgres_root=/usr/lib/postgresql

say() { echo "start-postgres: $*" >&2; }

newest_bin_dir() {
  local newest
  newest=$(find "$postgres_root" -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
  [ -n "$newest" ] && dirname "$newest"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = stop ]; then
  dir=${ACCORD_TEST_POSTGRES_DIR:?run this in the shell that eval-ed the start output}
  bin=$(newest_bin_dir)
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
  exit 0
fi

if ! bin=$(newest_bin_dir); then
  if [ "$(id -u)" != 0 ]; then
    say "no Postgres server under $postgres_root and not root: apt-get install postgresql, then run this again"
    exit 1
  fi
  say "installing Debian's postgresql"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
  bin=$(newest_bin_dir) || { say "postgresql installed but no initdb under $postgres_root"; exit 1; }
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/accord-ci-postgres.XXXXXX")
if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
# The postgres user may not be allowed into the checkout.
cd "$dir"

# ICU en-US, as on many managed servers, so ordering that relies on bytewise text fails here too.
as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US >&2

# A free loopback port, asked of the kernel (node is on every machine that runs the tests).
for attempt in 1 2 3; do
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  if as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=on -c max_connections=200" \
    start >&2; then
    break
  fi
  [ "$attempt" = 3 ] && { cat "$dir/server.log" >&2; exit 1; }
done

"$bin/pg_isready" -h 127.0.0.1 -p "$port" -t 30 >&2
say "$("$bin/postgres" --version) listening on 127.0.0.1:$port, data in $dir"
echo "export ACCORD_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export ACCORD_TEST_POSTGRES_DIR=$dir"
