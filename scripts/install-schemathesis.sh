#!/usr/bin/env bash
# Installs schemathesis (the OpenAPI fuzzer of the contract test) from PyPI into a virtualenv in
# the LERS cache, outside the repository, once per pinned version; prints its executable's path.
# Idempotent: a finished install is marked, so a half-done one (interrupted pip) is redone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"

SCHEMATHESIS_VERSION=4.32.5
venv="$LERS_CACHE_DIR/schemathesis-$SCHEMATHESIS_VERSION"
bin="$venv/bin/schemathesis"

if [[ ! -f "$venv/.installed" ]]; then
  command -v python3 >/dev/null || die "schemathesis needs Python 3.9+ (apt-get install python3 python3-venv)"
  rm -rf "$venv"
  python3 -m venv "$venv" >&2 || die "python3 cannot make a virtualenv (apt-get install python3-venv)"
  say "installing schemathesis $SCHEMATHESIS_VERSION into $venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" >&2
  "$bin" --version >&2
  touch "$venv/.installed"
fi
echo "$bin"
