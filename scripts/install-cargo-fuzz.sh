#!/usr/bin/env bash
# Installs the pinned cargo-fuzz (the libFuzzer driver behind `make fuzz-short`, see
# docs/reliability.md) into a tools folder outside the clone, unless exactly that version is there.
# Usage: scripts/install-cargo-fuzz.sh [TOOLS_DIR]   (default: ~/.cache/kakehashi/tools)
set -euo pipefail

version=0.13.2
tools=${1:-$HOME/.cache/kakehashi/tools}
bin="$tools/bin/cargo-fuzz"

if [ -x "$bin" ] && cargo install --list --root "$tools" 2>/dev/null | grep -qx "cargo-fuzz v$version:"; then
  echo "==> cargo-fuzz $version: present"
  exit 0
fi

echo "==> installing cargo-fuzz $version into $tools (compiles for a minute or two, once)"
start=$(date +%s)
# Its own temporary target dir: nothing of it belongs in the project's shared target dir.
env -u CARGO_TARGET_DIR cargo install cargo-fuzz --version "$version" --locked --force --root "$tools"
echo "==> cargo-fuzz $version installed in $(($(date +%s) - start)) s"
