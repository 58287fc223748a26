#!/usr/bin/env bash
# The virtual environment in which `make bench-redact` runs deduce, the anchor it is
# measured against. deduce comes from PyPI with pip and is never a dependency of
# Naast; after this it runs offline. Its first start builds lookup structures (a
# few minutes, once).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/bench-redact/venv
version=3.0.6
if ! "$venv/bin/python" -c "import deduce, sys; sys.exit(deduce.__version__ != '$version')" 2>/dev/null; then
  echo "bench-redact: installing deduce $version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "deduce==$version"
fi
