# Throwaway or private PostgreSQL clusters from the local server binaries.
# Source this file, then:
#   pg_cluster_start DATA_DIR [PORT] [durable|fast]   -> exports PG_PORT and PG_CONN (PG_EXTRA_OPTS: more server options)
#   pg_cluster_stop DATA_DIR
# A cluster listens on 127.0.0.1 only, trusts local connections, and holds one database "workshops".
# When the caller is root, the server runs as the unprivileged "postgres" user (PostgreSQL refuses root).

pg_bin_dir() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then echo "$PG_BIN"; return 0; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$d" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return 0; fi
  return 1
}

pg_ensure_binaries() {
  if pg_bin_dir >/dev/null; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL server binaries not found: installing the postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
    pg_bin_dir >/dev/null && return 0
  fi
  echo "PostgreSQL server binaries (initdb, pg_ctl) are missing: install PostgreSQL 15 or later," >&2
  echo "or set ConnectionStrings__Marten to a server you have." >&2
  return 1
}

pg_free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# Runs a server binary as the owner of the cluster (postgres when we are root).
pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  local dir=$1 port=${2:-} mode=${3:-durable} bin
  pg_ensure_binaries || return 1
  bin=$(pg_bin_dir)
  mkdir -p "$dir"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres: "$dir"
    chmod a+x "$(dirname "$dir")"
    chmod 700 "$dir"
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 ||
      { cat "$dir.initdb.log" >&2; return 1; }
  fi
  if [ -z "$port" ]; then
    if [ -f "$dir/.port" ]; then port=$(cat "$dir/.port"); else port=$(pg_free_port); fi
  fi
  local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='' -c max_connections=300"
  opts="$opts -c shared_buffers=256MB -c max_wal_size=2GB ${PG_EXTRA_OPTS:-}"
  if [ "$mode" = "fast" ]; then
    # Throwaway test clusters: durability off, the data dies with the run anyway.
    opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    # The suite starts extra API hosts and real API processes beside the shared one, each with its own pools,
    # async daemon and Wolverine agents: room for all of them at once.
    opts="$opts -c max_connections=1000"
  fi
  if pg_as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    # Already running (an earlier run was not stopped cleanly): reuse it on its port.
    port=$(cat "$dir/.port")
  else
    pg_as_owner sh -c "echo $port > '$dir/.port'"
    pg_as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null ||
      { cat "$dir/server.log" >&2; return 1; }
  fi
  pg_as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtA \
    -c "SELECT 1 FROM pg_database WHERE datname='workshops'" | grep -q 1 ||
    pg_as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -c "CREATE DATABASE workshops" || return 1
  export PG_PORT=$port
  export PG_CONN="Host=127.0.0.1;Port=$port;Database=workshops;Username=postgres;Password=unused"
}

pg_cluster_stop() {
  local dir=$1 bin
  bin=$(pg_bin_dir) || return 0
  [ -f "$dir/postmaster.pid" ] || return 0
  pg_as_owner "$bin/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

# Simulates a crash of the database server: immediate shutdown, no checkpoint (recovery replays the WAL on start).
pg_cluster_crash() {
  local dir=$1 bin
  bin=$(pg_bin_dir) || return 0
  pg_as_owner "$bin/pg_ctl" -D "$dir" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
}
