#!/usr/bin/env bash
# Installs what web/build.sh and the browser tests need, on a fresh Debian machine (as root).
# Idempotent: what is already there is left as it is. Run from the repository root:
#   web/ci-setup.sh
# Then: web/build.sh && web/.venv/bin/python -m pytest web/tests
set -euo pipefail

if [[ ! -f web/ci-setup.sh ]]; then
  echo "error: run from the repository root: web/ci-setup.sh" >&2
  exit 2
fi

# 1. Debian's Chromium and its driver (no browser downloads by the test tools), CJK fonts for
#    the Japanese screenshots and PDFs, and Python's venv.
pkgs=(chromium chromium-driver fonts-noto-cjk python3-venv)
need=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if (( ${#need[@]} )); then
  echo "ci-setup: apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. The wasm target.
sysroot=$(rustc --print sysroot)
if [[ ! -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]]; then
  echo "ci-setup: rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 3. wasm-bindgen CLI at exactly the version of the wasm-bindgen crate in web/crate/Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' web/crate/Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [[ "$have" != "$want" ]]; then
  echo "ci-setup: cargo install --locked wasm-bindgen-cli --version =$want (found: ${have:-none})"
  cargo install --locked --force wasm-bindgen-cli --version "=$want"
fi

# 4. The test tools, in web/.venv: from local wheels when /opt/wheels has them all, else from
#    PyPI. Skipped when the venv already holds exactly web/tests/requirements.txt.
if [[ ! -x web/.venv/bin/python ]]; then
  echo "ci-setup: python3 -m venv web/.venv"
  python3 -m venv web/.venv
fi
stamp=web/.venv/peacecoop-requirements.txt
if ! cmp -s web/tests/requirements.txt "$stamp"; then
  pip=(web/.venv/bin/python -m pip install -q --disable-pip-version-check)
  if [[ -d /opt/wheels ]] && "${pip[@]}" --no-index --find-links /opt/wheels -r web/tests/requirements.txt 2>/dev/null; then
    echo "ci-setup: test tools in web/.venv (offline, from /opt/wheels)"
  else
    echo "ci-setup: pip install -r web/tests/requirements.txt"
    "${pip[@]}" -r web/tests/requirements.txt
  fi
  cp web/tests/requirements.txt "$stamp"
fi

echo "ci-setup: ready (chromium $(chromium --version 2>/dev/null | awk '{ print $2 }'), wasm-bindgen $want)"
