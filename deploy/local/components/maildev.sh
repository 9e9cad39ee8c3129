# MailDev: an SMTP catcher with an HTTP API (npm devDependency).
MAILDEV_BIN="$LERS_REPO_DIR/node_modules/.bin/maildev"

maildev_install() { [[ -x "$MAILDEV_BIN" ]] || die "MailDev missing: run 'npm ci' first"; }

maildev_healthy() { curl -fs "http://127.0.0.1:$MAILDEV_WEB_PORT/api/email" >/dev/null; }

maildev_start() {
  start_daemon maildev "$MAILDEV_BIN" --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" --ip 127.0.0.1
  wait_until 30 "MailDev" maildev_healthy || die "MailDev did not start: see $LOG_DIR/maildev.log"
}

maildev_stop() { stop_daemon maildev; }
