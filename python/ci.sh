#!/usr/bin/env bash
# CI for the Python package: builds it with `pip install ./python` in a fresh
# virtual environment, then runs the tests (which compare every result with
# the CLI's JSON, run mypy --strict on the example and the stubs, and draw the
# sweep picture). Run from anywhere; exits non-zero on any failure.
#
#   PEACECOOP_BIN   the CLI to compare with (default: target/release/peacecoop,
#                   built here with `cargo build --release` if it is missing)
#   PEACECOOP_VENV  where to make the virtual environment (default: a temp dir)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

python="${PYTHON:-python3}"
venv="${PEACECOOP_VENV:-$(mktemp -d)/venv}"
echo "== fresh virtual environment: $venv"
"$python" -m venv "$venv"
py="$venv/bin/python"
"$py" -m pip install --quiet --upgrade pip

echo "== pip install ./python (builds the extension with maturin)"
"$py" -m pip install ./python
"$py" -m pip install --quiet pytest mypy pandas pandas-stubs matplotlib pyyaml

if [ -z "${PEACECOOP_BIN:-}" ] && [ ! -x target/release/peacecoop ]; then
    echo "== building the CLI to compare with"
    cargo build --release --locked
fi

echo "== mypy --strict on the example"
(cd python && "$py" -m mypy --strict --no-incremental examples/sweep.py)

echo "== pytest"
cd python
# Not from the source tree: import the installed package.
"$venv/bin/pytest" -q -p no:cacheprovider tests
