# Kakehashi (かけはし). A newcomer needs two targets:
#   make run    install what is missing, build, and open the desktop app
#   make test   install what is missing (Xvfb, WebKitWebDriver, tauri-driver…) and run every test
# The other targets are the steps of those two; `make help` lists them.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.NOTPARALLEL:
.DELETE_ON_ERROR:

# One target dir for every cargo command, outside the clone, so CI runs on the same machine reuse it.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/kakehashi/target
TOOLS_DIR := $(HOME)/.cache/kakehashi/tools
# cargo may live in ~/.cargo/bin without being on PATH; tauri-driver lives in the tools dir.
export PATH := $(TOOLS_DIR)/bin:$(HOME)/.cargo/bin:$(PATH)

APP_BIN := $(CARGO_TARGET_DIR)/debug/kakehashi-app
UI_STAMP := ui/node_modules/.kakehashi-installed
E2E_STAMP := tests/e2e/node_modules/.kakehashi-installed
UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) \
	$(wildcard ui/*.html ui/*.json ui/*.ts ui/*.js ui/*.mjs ui/*.cjs)
# The e2e step must never hang CI: a WebDriver session without a display hangs instead of failing.
E2E_TIMEOUT ?= 1200

.PHONY: help run test deps deps-test sys-deps sys-deps-test tauri-driver ui app \
	fmt-check clippy test-rust test-ui check-ui e2e clean-ui cargo-fuzz fuzz-short

help:
	@echo "make run     install what is missing, build, and open the app (needs a desktop session)"
	@echo "make test    install what is missing and run every test (core, CLI, UI, end to end)"
	@echo "steps: deps deps-test ui app fmt-check clippy test-rust test-ui check-ui e2e fuzz-short"

# ---- installing -------------------------------------------------------------------------------

sys-deps:
	@scripts/install-deps.sh build

sys-deps-test:
	@scripts/install-deps.sh test

# Node packages only when node_modules is missing or older than the lock file.
$(UI_STAMP): $(wildcard ui/package.json ui/package-lock.json) | sys-deps
	@echo "==> npm install (ui)"
	cd ui && npm install --no-audit --no-fund
	@touch $@

$(E2E_STAMP): $(wildcard tests/e2e/package.json tests/e2e/package-lock.json) | sys-deps
	@echo "==> npm install (tests/e2e)"
	cd tests/e2e && npm install --no-audit --no-fund
	@touch $@

tauri-driver: | sys-deps
	@scripts/install-tauri-driver.sh "$(TOOLS_DIR)"

cargo-fuzz: | sys-deps
	@scripts/install-cargo-fuzz.sh "$(TOOLS_DIR)"

deps: sys-deps $(UI_STAMP)

deps-test: deps sys-deps-test $(E2E_STAMP) tauri-driver

# ---- building ---------------------------------------------------------------------------------

ui/dist/index.html: $(UI_SOURCES) $(UI_STAMP)
	@echo "==> build the UI (ui/dist)"
	npm --prefix ui run build
	@touch $@

ui: ui/dist/index.html

# The app's default feature turns on tauri/custom-protocol: the binary serves ui/dist, not a dev server.
# The CLI comes along: some end-to-end journeys seed their data directory with it (wdio.conf.js).
app: ui
	@echo "==> build the desktop app and the CLI (cargo build -p kakehashi-app -p kakehashi-cli)"
	cargo build -p kakehashi-app -p kakehashi-cli

run: deps app
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "error: no desktop session (neither DISPLAY nor WAYLAND_DISPLAY is set)." >&2; \
	  echo "  The app is built ($(APP_BIN)) but needs a graphical session to open its window." >&2; \
	  echo "  Run 'make run' from a desktop terminal, or on a headless machine: xvfb-run -a make run" >&2; \
	  exit 1; \
	fi
	@echo "==> start $(APP_BIN)"
	"$(APP_BIN)"

# ---- testing (make test runs these in this order and stops at the first failure) --------------

test: deps-test fmt-check clippy test-rust test-ui check-ui e2e fuzz-short
	@echo "==> all tests passed"

fmt-check:
	@echo "==> cargo fmt --check"
	cargo fmt --all -- --check

# Clippy compiles the app crate, whose tauri::generate_context! needs ui/dist.
clippy: ui
	@echo "==> cargo clippy (workspace, all targets, -D warnings)"
	cargo clippy --workspace --all-targets -- -D warnings

# The default members: the core and the CLI (no WebKit needed).
test-rust:
	@if cargo nextest --version >/dev/null 2>&1; then \
	  echo "==> cargo nextest run (core + CLI)"; cargo nextest run; \
	else \
	  echo "==> cargo test (core + CLI)"; cargo test; \
	fi

test-ui: $(UI_STAMP)
	@echo "==> UI unit tests (vitest)"
	npm --prefix ui test

check-ui: $(UI_STAMP)
	@echo "==> UI checks (npm run check)"
	npm --prefix ui run check

e2e: deps-test app
	@echo "==> end-to-end tests (WebdriverIO + tauri-driver, under Xvfb)"
	timeout --kill-after=30 $(E2E_TIMEOUT) \
	  xvfb-run -a --server-args="-screen 0 1280x900x24" npm --prefix tests/e2e test

clean-ui:
	rm -rf ui/dist

# cargo-fuzz on the stable toolchain (no sanitizer), in its own target dir
# (~/.cache/kakehashi/fuzz-target) so the shared one is not rebuilt; docs/reliability.md.
FUZZ_SECONDS ?= 40
fuzz-short: cargo-fuzz
	@echo "==> fuzz every parser target for $(FUZZ_SECONDS) s each (cargo fuzz, -s none)"
	@scripts/fuzz-short.sh $(FUZZ_SECONDS)
