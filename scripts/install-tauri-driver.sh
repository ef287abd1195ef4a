#!/usr/bin/env bash
# Installs the pinned tauri-driver (the WebDriver server for Tauri apps that the end-to-end tests use)
# into a tools folder outside the clone, unless exactly that version is already there.
# Usage: scripts/install-tauri-driver.sh [TOOLS_DIR]   (default: ~/.cache/kakehashi/tools)
set -euo pipefail

version=2.1.0
tools=${1:-$HOME/.cache/kakehashi/tools}
bin="$tools/bin/tauri-driver"

# tauri-driver has no --version; cargo's record of what it installed in that root says it.
if [ -x "$bin" ] && cargo install --list --root "$tools" 2>/dev/null | grep -qx "tauri-driver v$version:"; then
  echo "==> tauri-driver $version: present"
  exit 0
fi

echo "==> installing tauri-driver $version into $tools (compiles for a few minutes, once)"
start=$(date +%s)
# Its own temporary target dir: nothing of it belongs in the project's shared target dir.
env -u CARGO_TARGET_DIR cargo install tauri-driver --version "$version" --locked --force --root "$tools"
echo "==> tauri-driver $version installed in $(($(date +%s) - start)) s"
