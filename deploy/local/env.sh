# Shared settings for the local infrastructure scripts. Every value can be overridden
# from the environment, so a test run can use its own ports and state beside a running system.
LERS_REPO_DIR="${LERS_REPO_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
LERS_CACHE_DIR="${LERS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lers}"
# State lives per machine, not per checkout: the ports are machine-wide, so every clone must see
# (and be able to stop) the same servers.
# As root it is /var/lib/lers: PostgreSQL then runs as an unprivileged user, who cannot enter /root.
if [[ $(id -u) -eq 0 ]]; then default_state=/var/lib/lers; else default_state="${XDG_STATE_HOME:-$HOME/.local/state}/lers"; fi
LERS_STATE_DIR="${LERS_STATE_DIR:-$default_state}"
LERS_INFRA_DIR="${LERS_INFRA_DIR:-$LERS_STATE_DIR/infra}"

KAFKA_VERSION=4.1.1
FERRETDB_VERSION=v1.24.2
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
LOG4J_VERSION=2.24.3

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
PG_PORT="${PG_PORT:-5432}"
MONGO_PORT="${MONGO_PORT:-27017}"
MINIO_PORT="${MINIO_PORT:-9000}"
MINIO_CONSOLE_PORT="${MINIO_CONSOLE_PORT:-9001}"
MINIO_ROOT_USER="${MINIO_ROOT_USER:-lers-minio}"
MINIO_ROOT_PASSWORD="${MINIO_ROOT_PASSWORD:-lers-minio-secret}"
SMTP_PORT="${SMTP_PORT:-1025}"
MAILDEV_WEB_PORT="${MAILDEV_WEB_PORT:-1080}"

DATA_DIR="$LERS_INFRA_DIR/data"
LOG_DIR="$LERS_INFRA_DIR/logs"
PID_DIR="$LERS_INFRA_DIR/pids"

say() { printf '[lers-infra] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until <seconds> <description> <command...>: polls with a deadline, never a fixed sleep for an event.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 0.2
  done
}

pid_alive() { [[ -f "$PID_DIR/$1.pid" ]] && kill -0 "$(cat "$PID_DIR/$1.pid")" 2>/dev/null; }

# start_daemon <name> <command...>: runs a server in the background with its own log and pid file.
# The daemon writes its own pid: setsid forks when its caller leads a process group (a shell with
# job control), so `$!` could be a process that has already exited, and the daemon unstoppable.
start_daemon() {
  local name=$1; shift
  mkdir -p "$LOG_DIR" "$PID_DIR"
  rm -f "$PID_DIR/$name.pid"
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_DIR/$name.pid" "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  wait_until 10 "$name to start" test -s "$PID_DIR/$name.pid"
}

stop_daemon() {
  local name=$1 pid
  pid_alive "$name" || { rm -f "$PID_DIR/$name.pid"; return 0; }
  pid=$(cat "$PID_DIR/$name.pid")
  # setsid made the daemon a process-group leader: signal the group, wrappers included.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until 30 "$name to stop" bash -c "! kill -0 $pid 2>/dev/null"; then
    say "$name did not stop in 30 s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$PID_DIR/$name.pid"
}

# Long first-time installs print a dot every few seconds so nobody wonders whether they hang.
with_progress() {
  local what=$1; shift
  say "$what (first time only; cached in $LERS_CACHE_DIR)"
  "$@" &
  local pid=$! start=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    kill -0 "$pid" 2>/dev/null && say "  … $what: $((SECONDS - start)) s"
  done
  wait "$pid"
}
