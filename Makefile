# The two commands of this project. Both install what is missing first.
#   make run   builds Naast and starts it on a demo vault
#   make test  runs every check: format, lints, unit, integration, keyring, crash tests

SHELL := /bin/bash
CARGO ?= cargo

.PHONY: run test setup bench lint

setup:
	@scripts/setup.sh

run: setup
	@scripts/try-cli.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test: setup lint
	scripts/with-keyring.sh $(CARGO) test --workspace --all-targets

# Benchmarks print a table (not part of `make test`; takes several minutes).
bench: setup
	$(CARGO) bench --bench vault
