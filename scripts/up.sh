#!/usr/bin/env bash
# Brings the whole system up on this machine: the local infrastructure (installed on first use,
# cached in ~/.cache/lers), then the five services built from this checkout. Ctrl-C stops the
# services; `npm run down` stops the infrastructure too.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm ci
deploy/local/infra.sh up
npm run build --silent

state=.lers/run
mkdir -p "$state/logs"
# A local ES256 key pair for tokens, made once per checkout (production injects its own secret).
if [[ ! -f "$state/jwt-private.pem" ]]; then
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$state/jwt-private.pem"
  openssl ec -in "$state/jwt-private.pem" -pubout -out "$state/jwt-public.pem" 2>/dev/null
fi

export NODE_ENV=development LOG_LEVEL="${LOG_LEVEL:-info}"
export KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}" MONGO_URL="mongodb://127.0.0.1:${MONGO_PORT:-27017}"
export MINIO_ENDPOINT="http://127.0.0.1:${MINIO_PORT:-9000}" MINIO_ACCESS_KEY="${MINIO_ROOT_USER:-lers-minio}" MINIO_SECRET_KEY="${MINIO_ROOT_PASSWORD:-lers-minio-secret}"
export SMTP_URL="smtp://127.0.0.1:${SMTP_PORT:-1025}" PUBLIC_BASE_URL="http://localhost:3000"
export JWT_PRIVATE_KEY="$(cat "$state/jwt-private.pem")" JWT_PUBLIC_KEY="$(cat "$state/jwt-public.pem")"
# The first admin, made once per checkout: its password and TOTP secret stay in a private file.
admin_file="$state/bootstrap-admin.env"
if [[ ! -f "$admin_file" ]]; then
  (umask 077
   printf 'LERS_BOOTSTRAP_ADMIN_EMAIL=admin@lers.local\nLERS_BOOTSTRAP_ADMIN_PASSWORD=%s\nLERS_BOOTSTRAP_ADMIN_TOTP_SECRET=%s\n' \
     "$(openssl rand -base64 24)" "$(node -e "process.stdout.write(require('otplib').generateSecret())")" >"$admin_file")
fi
set -a; source "$admin_file"; set +a
# The key that signs disclosure download links, made once per checkout.
[[ -f "$state/disclosure-link.secret" ]] || (umask 077; openssl rand -hex 32 >"$state/disclosure-link.secret")
export DISCLOSURE_LINK_SECRET="$(cat "$state/disclosure-link.secret")"
# The key that encrypts TOTP seeds at rest, made once per checkout.
[[ -f "$state/totp-encryption.key" ]] || (umask 077; echo "local:$(openssl rand -base64 32)" >"$state/totp-encryption.key")
export TOTP_ENCRYPTION_KEY="$(cat "$state/totp-encryption.key")"

pids=()
stop() {
  echo "[lers] stopping services…"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

declare -A ports=([gateway]=3000 [access]=3001 [requests]=3002 [preservation]=3003 [notification]=3004)
# One process per service on this machine: each operations listener (/metrics) gets its own port.
declare -A ops_ports=([gateway]=9464 [access]=9465 [requests]=9466 [preservation]=9467 [notification]=9468)
for service in notification access requests preservation gateway; do
  HTTP_PORT=${ports[$service]} OPS_PORT=${ops_ports[$service]} HTTP_HOST=127.0.0.1 node "dist/services/$service/src/main.js" >>"$state/logs/$service.log" 2>&1 &
  pids+=($!)
done
for service in notification access requests preservation gateway; do
  port=${ports[$service]}
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
    kill -0 "${pids[@]}" 2>/dev/null || { echo "[lers] a service exited: see $state/logs/"; exit 1; }
    sleep 0.2
  done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "[lers] $service is not ready: see $state/logs/$service.log"; exit 1; }
  echo "[lers] $service ready on http://127.0.0.1:$port"
done
cat <<MSG
[lers] LERS is up.
  Agency API        http://localhost:3000/v1   (OpenAPI: /v1/openapi.json, Swagger UI: http://localhost:3000/docs)
  Staff APIs        access :3001, requests :3002, preservation :3003, notification :3004 (/internal/...)
  Health            /health/live, /health/ready on every port (details on the operations ports)
  Metrics           /metrics on the operations ports: gateway :9464, access :9465, requests :9466, preservation :9467, notification :9468
  Mail catcher      http://localhost:${MAILDEV_WEB_PORT:-1080}    MinIO console http://localhost:${MINIO_CONSOLE_PORT:-9001}
  Logs              $state/logs/<service>.log (JSON)
  First admin       $admin_file (e-mail, password, TOTP secret: add it to an authenticator app)
Press Ctrl-C to stop the services; 'npm run down' stops the infrastructure.
MSG
wait -n "${pids[@]}"
