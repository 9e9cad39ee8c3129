# MinIO, single node, built from the Go module proxy (its RELEASE tags are not module versions).
MINIO_BIN="$LERS_CACHE_DIR/minio-$MINIO_VERSION/minio"

minio_install() {
  [[ -x "$MINIO_BIN" ]] && return 0
  command -v go >/dev/null || die "building MinIO needs Go (apt-get install golang)"
  mkdir -p "$(dirname "$MINIO_BIN")"
  with_progress "building MinIO (about 3 minutes)" \
    env GOBIN="$(dirname "$MINIO_BIN")" go install "github.com/minio/minio@$MINIO_VERSION"
}

minio_healthy() { curl -fs "http://127.0.0.1:$MINIO_PORT/minio/health/live" >/dev/null; }

minio_start() {
  mkdir -p "$DATA_DIR/minio"
  start_daemon minio env MINIO_ROOT_USER="$MINIO_ROOT_USER" MINIO_ROOT_PASSWORD="$MINIO_ROOT_PASSWORD" \
    MINIO_BROWSER=on "$MINIO_BIN" server "$DATA_DIR/minio" \
    --address "127.0.0.1:$MINIO_PORT" --console-address "127.0.0.1:$MINIO_CONSOLE_PORT" --quiet
  wait_until 60 "MinIO" minio_healthy || die "MinIO did not start: see $LOG_DIR/minio.log"
}

minio_stop() { stop_daemon minio; }
