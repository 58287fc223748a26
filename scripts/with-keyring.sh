#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so
# keyring mode is tested against the real Secret Service, never a mock. The keyring
# lives in a throw-away home folder so tests never touch a developer's own keyring.
set -euo pipefail
export XDG_DATA_HOME="${NAAST_TEST_HOME:-$(mktemp -d)}"
exec dbus-run-session -- bash -c '
  echo -n naast-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec "$@"
' bash "$@" 2> >(grep -v "Failed to set fd limit" >&2)
