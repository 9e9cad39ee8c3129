#!/usr/bin/env bash
# Local infrastructure for LERS: Kafka, PostgreSQL + FerretDB, MinIO and MailDev.
#   deploy/local/infra.sh up [component…]     install on first use (cached), start, wait until healthy
#   deploy/local/infra.sh down [component…]   stop
#   deploy/local/infra.sh status              what runs, on which port
# Ports, cache and state directories come from the environment (see deploy/local/env.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
for component in "$here"/components/*.sh; do source "$component"; done
mkdir -p "$LOG_DIR" "$PID_DIR" "$DATA_DIR"

ALL=(kafka postgres ferretdb minio maildev)

up() {
  local name
  for name in "$@"; do "${name}_install"; done
  for name in "$@"; do
    if "${name}_healthy"; then
      say "$name already answers; reusing it"
    else
      say "starting $name"
      "${name}_start"
    fi
  done
  say "ready: Kafka 127.0.0.1:$KAFKA_PORT, MongoDB-wire 127.0.0.1:$MONGO_PORT, MinIO http://127.0.0.1:$MINIO_PORT (console :$MINIO_CONSOLE_PORT), SMTP 127.0.0.1:$SMTP_PORT, MailDev http://127.0.0.1:$MAILDEV_WEB_PORT"
}

down() {
  local i
  # Reverse order: FerretDB before the PostgreSQL it stores in.
  for ((i = $# ; i > 0 ; i--)); do say "stopping ${!i}"; "${!i}_stop"; done
}

status() {
  local name
  for name in "${ALL[@]}"; do
    if "${name}_healthy"; then echo "$name: up"; else echo "$name: down"; fi
  done
}

command=${1:-up}; shift || true
components=("$@"); ((${#components[@]})) || components=("${ALL[@]}")
case "$command" in
  up) up "${components[@]}" ;;
  down) down "${components[@]}" ;;
  status) status ;;
  *) die "usage: infra.sh up|down|status [kafka|postgres|ferretdb|minio|maildev…]" ;;
esac
