#!/usr/bin/env bash
# Builds the Python package's wheel into python/dist/ (maturin, through pip's
# PEP 517 build). To install it straight into the current environment:
#   pip install ./python
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"${PYTHON:-python3}" -m pip wheel --no-deps -w python/dist ./python
ls -l python/dist/
