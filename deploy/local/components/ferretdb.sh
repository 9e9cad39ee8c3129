# FerretDB 1.24 (MongoDB wire protocol) on PostgreSQL, built from the Go module proxy.
FERRETDB_BIN="$LERS_CACHE_DIR/ferretdb-$FERRETDB_VERSION/ferretdb"

# A plain `go install` of FerretDB builds a binary that panics at start ("Invalid
# build/version/version.txt"): build from a copy of the module with the version file written.
ferretdb_build() {
  local src tmp
  src=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [[ -d "$src" ]] || die "could not download the FerretDB module"
  tmp=$(mktemp -d)
  cp -r "$src/." "$tmp/" && chmod -R u+w "$tmp"
  echo "$FERRETDB_VERSION" >"$tmp/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$tmp" && go build -o "$FERRETDB_BIN.partial" ./cmd/ferretdb) && mv "$FERRETDB_BIN.partial" "$FERRETDB_BIN"
  local status=$?
  rm -rf "$tmp"
  return $status
}

ferretdb_install() {
  [[ -x "$FERRETDB_BIN" ]] && return 0
  command -v go >/dev/null || die "building FerretDB needs Go (apt-get install golang)"
  with_progress "building FerretDB $FERRETDB_VERSION (about 2 minutes)" ferretdb_build
}

ferretdb_healthy() { port_open "$MONGO_PORT"; }

ferretdb_start() {
  mkdir -p "$DATA_DIR/ferretdb"
  start_daemon ferretdb "$FERRETDB_BIN" --handler=postgresql \
    --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/postgres?pool_max_conns=200" \
    --listen-addr="127.0.0.1:$MONGO_PORT" --debug-addr=- --telemetry=disable --log-level=warn \
    --state-dir="$DATA_DIR/ferretdb"
  wait_until 30 "FerretDB" ferretdb_healthy || die "FerretDB did not start: see $LOG_DIR/ferretdb.log"
}

ferretdb_stop() { stop_daemon ferretdb; }
