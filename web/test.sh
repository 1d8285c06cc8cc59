#!/usr/bin/env bash
# The browser job, from the repository root:   web/test.sh
# Installs what is missing (web/ci-setup.sh; idempotent), checks the wasm crate (fmt, clippy for
# wasm32, its API's native tests), builds web/dist/ (web/build.sh), runs the browser tests in
# headless Chromium from file:// (web/tests), and prints the measured budgets (measure.py).
# Screenshots and printed PDFs go to web/tests/out/ (PEACECOOP_WEB_OUT overrides it).
set -euo pipefail

if [[ ! -f web/test.sh ]]; then
  echo "error: run from the repository root: web/test.sh" >&2
  exit 2
fi

step() { printf '== web: %s (%ss)\n' "$1" "$SECONDS"; }

step "setup"
web/ci-setup.sh

# Natively, in the root's target directory: the dependencies the root's own build compiled
# are reused.
step "wasm crate: fmt, clippy, API tests (native)"
cargo fmt --manifest-path web/crate/Cargo.toml -- --check
cargo clippy --locked --quiet --manifest-path web/crate/Cargo.toml --target-dir target --all-targets -- -D warnings
cargo test --locked --quiet --manifest-path web/crate/Cargo.toml --target-dir target

step "build web/dist/"
web/build.sh

step "browser tests (headless Chromium)"
web/.venv/bin/python -m pytest -q -p no:cacheprovider web/tests

step "budgets"
web/.venv/bin/python web/tests/measure.py

step "done"
