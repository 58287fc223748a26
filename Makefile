# The two commands of this project. Both install what is missing first.
#   make run   builds the UI and the desktop app and opens Naast
#   make test  every check: format, lints, UI type check, unit, integration,
#              real-keyring, crash, print and end-to-end tests

SHELL := /bin/bash
CARGO ?= cargo

.PHONY: run test setup ui lint unit e2e bench bench-app

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

test: setup
	@scripts/test-all.sh

# Benchmarks print tables (not part of `make test`; several minutes each).
bench: setup
	$(CARGO) bench --bench vault

bench-app: ui
	scripts/bench-app.sh
