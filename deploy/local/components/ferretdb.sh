# FerretDB 1.24 (MongoDB wire protocol) on PostgreSQL, built from the Go module proxy with the
# project's write-lock patch (patches/ferretdb-1.24-write-lock.patch): unpatched, 1.24 does not make a
# conditional update atomic, and revision guards, leases and counters all rely on that.
FERRETDB_PATCH="$LERS_REPO_DIR/deploy/local/patches/ferretdb-1.24-write-lock.patch"
# The cache key includes the patch's hash, so a cached unpatched (or differently patched) build is rebuilt.
FERRETDB_PATCH_ID=$(sha256sum "$FERRETDB_PATCH" | cut -c1-12)
FERRETDB_BIN="$LERS_CACHE_DIR/ferretdb-$FERRETDB_VERSION-$FERRETDB_PATCH_ID/ferretdb"

# A plain `go install` of FerretDB builds a binary that panics at start ("Invalid
# build/version/version.txt"): build from a copy of the module with the version file written.
ferretdb_build() {
  local src tmp
  src=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [[ -d "$src" ]] || die "could not download the FerretDB module"
  tmp=$(mktemp -d)
  cp -r "$src/." "$tmp/" && chmod -R u+w "$tmp"
  echo "$FERRETDB_VERSION" >"$tmp/build/version/version.txt"
  patch -d "$tmp" -p1 --quiet --forward <"$FERRETDB_PATCH" || { rm -rf "$tmp"; die "the FerretDB patch did not apply"; }
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$tmp" && go build -o "$FERRETDB_BIN.partial" ./cmd/ferretdb) && mv "$FERRETDB_BIN.partial" "$FERRETDB_BIN"
  local status=$?
  rm -rf "$tmp"
  return $status
}

ferretdb_install() {
  [[ -x "$FERRETDB_BIN" ]] && return 0
  command -v go >/dev/null || die "building FerretDB needs Go (apt-get install golang)"
  with_progress "building FerretDB $FERRETDB_VERSION with the write-lock patch (about 2 minutes)" ferretdb_build
}

# A FerretDB we started from another build (e.g. one without the current patch) is not reused.
ferretdb_current_build() {
  ! pid_alive ferretdb || [[ "$(readlink -f "/proc/$(cat "$PID_DIR/ferretdb.pid")/exe")" == "$(readlink -f "$FERRETDB_BIN")" ]]
}

ferretdb_healthy() { port_open "$MONGO_PORT" && ferretdb_current_build; }

ferretdb_start() {
  stop_daemon ferretdb
  mkdir -p "$DATA_DIR/ferretdb"
  start_daemon ferretdb "$FERRETDB_BIN" --handler=postgresql \
    --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/postgres?pool_max_conns=200" \
    --listen-addr="127.0.0.1:$MONGO_PORT" --debug-addr=- --telemetry=disable --log-level=warn \
    --state-dir="$DATA_DIR/ferretdb"
  wait_until 30 "FerretDB" ferretdb_healthy || die "FerretDB did not start: see $LOG_DIR/ferretdb.log"
}

ferretdb_stop() { stop_daemon ferretdb; }
