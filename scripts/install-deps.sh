#!/usr/bin/env bash
# Installs what Kakehashi needs on a Debian/Ubuntu machine, and nothing that is already there.
# Usage: scripts/install-deps.sh build|test
#   build: what `make run` needs (C toolchain, WebKitGTK headers, a Japanese font), and checks for
#          cargo and Node >= 20
#   test:  that, plus Xvfb, WebKitWebDriver, poppler and imagemagick
# Node packages and the pinned tauri-driver are installed by the Makefile (`make deps`, `make deps-test`).
# Idempotent (a second run prints one line); works as root or through sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-build}
case "$what" in
  build | test) ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

build_pkgs=(build-essential pkg-config libssl-dev curl file libwebkit2gtk-4.1-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev)
test_pkgs=(xvfb xauth webkit2gtk-driver poppler-utils imagemagick)
# Any one of these Japanese fonts will do; fonts-noto-cjk is installed when none is there.
ja_fonts=(fonts-noto-cjk fonts-morisawa-bizud-gothic fonts-ipaexfont-gothic)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    sudo="sudo"
  fi
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_opts=(-o Dir::Cache::Archives=/var/tmp/apt-archives -o Dpkg::Use-Pty=0)
apt_updated=""
apt_install() {
  if [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; then
    echo "error: need root to install $*; run as root or install sudo" >&2
    exit 1
  fi
  # A private archive dir avoids a cleanup hook on some images deleting .debs mid-unpack.
  $sudo mkdir -p /var/tmp/apt-archives/partial
  if [ -z "$apt_updated" ]; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -qq
    apt_updated=1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq \
    --no-install-recommends "$@" </dev/null
}

if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
  want=("${build_pkgs[@]}")
  [ "$what" = test ] && want+=("${test_pkgs[@]}")
  have_font=""
  for f in "${ja_fonts[@]}"; do installed "$f" && have_font=1; done
  [ -n "$have_font" ] || want+=("${ja_fonts[0]}")

  missing=()
  for p in "${want[@]}"; do
    installed "$p" || missing+=("$p")
  done

  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}"
  else
    echo "==> Debian packages for '$what': all present"
  fi
else
  echo "==> not a Debian/Ubuntu machine: skipping system packages (see README.md for Windows/macOS)"
fi

# Toolchains: Rust comes from rustup (the user's choice of version), Node from the OS or nodejs.org.
# Cargo may live in ~/.cargo/bin without being on PATH in a non-login shell.
if ! command -v cargo >/dev/null && [ -x "$HOME/.cargo/bin/cargo" ]; then
  PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null; then
  cat >&2 <<'EOF'
error: cargo (Rust) is not installed.
  Install Rust with rustup (https://rustup.rs):
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh
  then open a new shell (or run `. "$HOME/.cargo/env"`) and try again.
EOF
  exit 1
fi

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# When Node is absent and the OS offers Node >= 20 (Debian 13, Ubuntu 24.04), take that one.
if ! command -v node >/dev/null && command -v apt-cache >/dev/null; then
  cand=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ {print $2}')
  cand_major=$(echo "$cand" | sed -E 's/^[0-9]+://; s/[^0-9].*$//')
  if [ -n "$cand_major" ] && [ "$cand_major" -ge 20 ] 2>/dev/null; then
    echo "==> installing Node.js $cand from the OS packages"
    apt_install nodejs npm
  fi
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null || [ "$(node_major)" -lt 20 ]; then
  have=$(node --version 2>/dev/null || echo "none")
  cat >&2 <<EOF
error: Node.js 20 or newer with npm is needed (found: $have).
  Install it from https://nodejs.org (LTS), or on Debian/Ubuntu from NodeSource or nvm,
  then try again.
EOF
  exit 1
fi
