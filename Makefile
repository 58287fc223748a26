# The two commands of this project. Both install what is missing first.
#   make run   builds the UI and the desktop app and opens Naast
#   make test  every check: format, lints, UI type check, unit, integration,
#              real-keyring, crash, print and end-to-end tests, the .deb
#              unpacked and started (which builds the packages below), Windows
#              (make windows, then make test-windows: both exes built, every CLI
#              test file and the app's exe under Wine; WINDOWS_TESTS=short for the
#              CLI alone), and a short form of the power-cut harness
# And for a release:
#   make package  the .deb and .rpm (target/package/release/bundle/), checked by lintian
#   make windows  naast.exe, naast-app.exe and the zip for Windows (target/windows/),
#                 cross-compiled with MinGW; `make test-windows` tests them under Wine

SHELL := /bin/bash
CARGO ?= cargo

.PHONY: run test setup ui lint unit e2e release package package-test windows test-windows \
	windows-cli test-windows-short bench bench-app test-powercut powercut-short bench-redact

setup:
	@scripts/setup.sh

run: setup
	@scripts/run-app.sh

ui: setup
	scripts/build-ui.sh
	cd ui && npm run --silent check

lint: ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

unit: ui
	scripts/with-keyring.sh $(CARGO) test --workspace --exclude naast-e2e --all-targets
	scripts/check-bindings.sh

e2e: ui
	scripts/e2e.sh

# The one release build (app + CLI together), shared by everything that needs
# release binaries: the packages here, the app benchmarks later.
release: ui
	scripts/build-release.sh

package: release
	scripts/package.sh

# The .deb unpacked into a temporary root: its app started under Xvfb through
# WebDriver, its `naast --version`, its contents; the .rpm read back with rpm.
package-test: package
	scripts/test-package.sh

# Windows, cross-compiled: both exes in one cargo run, the UI's dist/ from `make ui`.
windows: ui
	scripts/build-windows.sh

# naast.exe alone (no UI, no app, no zip): what the short Windows set needs.
windows-cli: setup
	scripts/build-windows.sh cli

# The core's Windows file code and the CLI's tests under Wine, and the app's exe.
test-windows: windows
	scripts/test-windows.sh full

# The short set: the Windows file code and the tests of what Windows adds, against
# naast.exe under Wine (see scripts/test-windows.sh).
test-windows-short: windows-cli
	scripts/test-windows.sh short

# Which Windows set `make test` runs: full (default, = make test-windows; a cold
# `make test` took 53 min here with it) or short (naast.exe alone, no app).
WINDOWS_TESTS ?= full

test: setup
	@WINDOWS_TESTS=$(WINDOWS_TESTS) scripts/test-all.sh

# Power cuts (tests/powercut): the release CLI in a Linux guest under QEMU, the power
# cut at random moments, the disk's write log replayed to every flush point. `make
# test` runs one round per workload; this runs ROUNDS (30 by default).
ROUNDS ?= 30
test-powercut: release
	tests/powercut/run.sh $(ROUNDS)

powercut-short: release
	POWERCUT_RUN=short tests/powercut/run.sh 4 --kill-min 10 --kill-max 30

# Benchmarks print tables (not part of `make test`; several minutes each).
bench: setup
	$(CARGO) bench --bench vault
	$(CARGO) bench --bench import

bench-app: release
	scripts/bench-app.sh

# Naast's redaction beside deduce (PyPI, in a virtual environment only this uses) on
# the labelled corpus: found, asked, missed and false alarms per kind, time per note.
bench-redact: setup
	scripts/bench-redact/venv.sh
	$(CARGO) bench --bench redact
