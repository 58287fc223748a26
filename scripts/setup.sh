#!/usr/bin/env bash
# Installs what building and testing Naast needs on Debian/Ubuntu, and nothing that
# is already there. Run by `make run` and `make test`; safe to run again.
set -euo pipefail

packages=(
  # build: the vendored SQLCipher/OpenSSL need a C toolchain and perl; the Secret
  # Service client links libdbus.
  build-essential pkg-config perl libdbus-1-dev libssl-dev
  # build: OpenTaal's Dutch word list, embedded to tell ordinary words from names
  wdutch
  # the desktop app (Tauri 2 on WebKitGTK)
  libwebkit2gtk-4.1-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
  libayatana-appindicator3-dev
  # end-to-end tests: the app in a virtual display, driven over WebDriver
  webkit2gtk-driver xvfb xauth procps xdotool
  # end-to-end tests: the clipboard read back after "Kopiëren als tekst", a lock and a quit
  xclip
  # tests: a private D-Bus session with a real keyring
  dbus dbus-x11 gnome-keyring libsecret-tools
  # tests: the consult summary printed to PDF by headless Chromium, read back as text
  chromium poppler-utils fonts-dejavu-core
  # packages (make package, make test): Debian's own checks of the .deb and the
  # desktop entry, and rpm to read back what the .rpm holds and requires
  lintian desktop-file-utils rpm
  # tests: the app under an English and a Dutch system locale
  locales
  # the power-cut harness (tests/powercut): a Linux guest under QEMU on a raw ext4
  # disk; its kernel is taken from Debian's linux-image-*-cloud-amd64 at test time
  qemu-system-x86 busybox-static cpio e2fsprogs
)

missing=()
# Node and npm may come from elsewhere than Debian (this machine's image has npm 11);
# only when there is none at all does Debian's get installed.
command -v npm >/dev/null || missing+=(nodejs npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The end-to-end tests run the app under en_US and nl_NL: both locales must exist.
if ! locale -a 2>/dev/null | grep -qi '^en_US.utf8$' || ! locale -a 2>/dev/null | grep -qi '^nl_NL.utf8$'; then
  echo "setup: generating the en_US.UTF-8 and nl_NL.UTF-8 locales"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd sed -i -E 's/^# *(en_US\.UTF-8 UTF-8|nl_NL\.UTF-8 UTF-8)/\1/' /etc/locale.gen
  $sudo_cmd locale-gen >/dev/null
fi

command -v cargo >/dev/null || { echo "setup: Rust is missing; install it from https://rustup.rs" >&2; exit 1; }

# The Windows build and its tests under Wine (make windows, make test-windows).
"$(dirname "$0")/setup-windows.sh"

# Tests look inside a vault from outside Naast: SQLCipher's own Python binding (it
# bundles SQLCipher 4) and AES to decrypt free pages by hand (tests/tools).
if ! python3 -c "import sqlcipher3, cryptography" 2>/dev/null; then
  echo "setup: installing sqlcipher3-wheels and cryptography (PyPI) for the tests"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    "sqlcipher3-wheels==0.5.7" "cryptography>=42"
fi

# The import tests read sheets made by real writers: ODS by odfpy (what pandas
# uses to write ODS), XLSX also by openpyxl beside rust_xlsxwriter.
if ! python3 -c "import odf, openpyxl" 2>/dev/null; then
  echo "setup: installing odfpy and openpyxl (PyPI) for the import tests"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    "odfpy==1.4.1" "openpyxl==3.1.5"
fi

# The UI's own dependencies, exactly as locked.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
