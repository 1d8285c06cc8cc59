#!/usr/bin/env bash
# The browser job, from the repository root:   web/test.sh
# Installs what is missing (web/ci-setup.sh; idempotent), checks the wasm crate (fmt, clippy, its
# API's native tests), builds web/dist/ (web/build.sh), runs the browser tests in headless
# Chromium from file:// (web/tests), and prints the measured budgets (measure.py).
# Screenshots and printed PDFs go to web/tests/out/ (PEACECOOP_WEB_OUT overrides it).
# The last line is always `N passed, N failed`: the tests (native and in the browser), with a
# step that failed before its tests could run (setup, fmt, clippy, build) counted as one failed.
# The exit status is non-zero when anything failed.
set -euo pipefail

if [[ ! -f web/test.sh ]]; then
  echo "error: run from the repository root: web/test.sh" >&2
  exit 2
fi

OUT=${PEACECOOP_WEB_OUT:-web/tests/out}
mkdir -p "$OUT"
passed=0
failed=0
counted=0   # 1 once a failure has been counted in `failed`
current=""

step() { current=$1; printf '== web: %s (%ss)\n' "$1" "$SECONDS"; }
closing() {
  local rc=$?
  if (( rc != 0 && counted == 0 )); then
    echo "== web: FAILED: $current" >&2
    failed=$((failed + 1))
  fi
  echo "$passed passed, $failed failed"
  if (( rc == 0 && failed > 0 )); then exit 1; fi
}
trap closing EXIT

step "setup"
web/ci-setup.sh

# Natively, in the root's target directory: the dependencies the root's own build compiled
# are reused.
step "wasm crate: fmt, clippy"
cargo fmt --manifest-path web/crate/Cargo.toml -- --check
cargo clippy --locked --quiet --manifest-path web/crate/Cargo.toml --target-dir target --all-targets -- -D warnings

step "wasm crate: API tests (native)"
native_log="$OUT/native-tests.log"
native_rc=0
cargo test --locked --quiet --manifest-path web/crate/Cargo.toml --target-dir target 2>&1 \
  | tee "$native_log" || native_rc=$?
# "test result: ok. 9 passed; 0 failed; ..." per test binary
read -r np nf < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
  END { print p + 0, f + 0 }' "$native_log")
passed=$((passed + np))
failed=$((failed + nf))
if (( native_rc != 0 )); then
  (( nf > 0 )) || failed=$((failed + 1))   # it did not compile or crashed
  counted=1
  exit "$native_rc"
fi

step "build web/dist/"
web/build.sh

step "browser tests (headless Chromium)"
junit="$OUT/junit.xml"
rm -f "$junit"
browser_rc=0
web/.venv/bin/python -m pytest -q -p no:cacheprovider --junitxml="$junit" web/tests || browser_rc=$?
if [[ -f "$junit" ]]; then
  read -r bp bf < <(web/.venv/bin/python - "$junit" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
t = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(t - bad - skipped, bad + skipped)  # a skipped browser test counts as failed
PY
  )
  passed=$((passed + bp))
  failed=$((failed + bf))
fi
if (( browser_rc != 0 )); then
  (( ${bf:-0} > 0 )) || failed=$((failed + 1))
  counted=1
  exit "$browser_rc"
fi

step "budgets"
web/.venv/bin/python web/tests/measure.py

step "done"
