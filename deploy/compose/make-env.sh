#!/usr/bin/env bash
# Writes a complete `.env` for docker-compose.yml to stdout, with fresh secrets:
#   deploy/compose/make-env.sh > .env
#   deploy/compose/make-env.sh admin@your.org > .env     # the first administrator's e-mail
# Needs openssl and base32 (coreutils). Writes no file itself and keeps no copy of the keys.
set -euo pipefail

admin_email=${1:-admin@example.org}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ES256 (EC P-256) key pair for access tokens: PKCS#8 private key, SPKI public key.
openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$work/private.pem"
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"

# A PEM on one line, newlines written as \n inside double quotes (Compose restores them).
one_line() { awk '{ printf "%s\\n", $0 }' "$1"; }

cat <<ENV
# Written by deploy/compose/make-env.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Secret: never commit it.
JWT_PRIVATE_KEY="$(one_line "$work/private.pem")"
JWT_PUBLIC_KEY="$(one_line "$work/public.pem")"
MINIO_ACCESS_KEY=lers
MINIO_SECRET_KEY=$(openssl rand -hex 24)
DISCLOSURE_LINK_SECRET=$(openssl rand -hex 32)
TOTP_ENCRYPTION_KEY=k$(date -u +%Y%m):$(openssl rand -base64 32)
LERS_BOOTSTRAP_ADMIN_EMAIL=$admin_email
LERS_BOOTSTRAP_ADMIN_PASSWORD=$(openssl rand -base64 24 | tr -d '\n' | tr '+/' '-_')
LERS_BOOTSTRAP_ADMIN_TOTP_SECRET=$(openssl rand 20 | base32 | tr -d '=\n')
ENV
