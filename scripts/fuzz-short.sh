#!/usr/bin/env bash
# Runs every cargo-fuzz target for a short while (CI's `make fuzz-short`; see docs/reliability.md).
# Usage: scripts/fuzz-short.sh [SECONDS_PER_TARGET] [TARGET...]   (default 40 s, every target)
#
# Works on a stable toolchain: `-s none` (no sanitizer) is the only flag cargo-fuzz needs nightly
# for otherwise (AddressSanitizer is -Zsanitizer). The fuzz crate builds in its own target dir,
# so the project's shared target dir is left alone. The corpus grows across runs in
# $FUZZ_DIR/corpus/<target> (outside the clone); seeds made from fixtures/providers are read
# each time. A crash stops with the input's path under $FUZZ_DIR/artifacts/<target>/.
set -euo pipefail

seconds=${1:-40}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
FUZZ_DIR=${FUZZ_DIR:-$HOME/.cache/kakehashi/fuzz-target}
export PATH="$HOME/.cache/kakehashi/tools/bin:$HOME/.cargo/bin:$PATH"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd "$root" && cargo fuzz list --fuzz-dir fuzz)
fi
# 16 codegen units: a much faster build of the core and its dependencies, slightly slower runs.
build_flags=(-s none --release --debug-assertions --codegen-units 16 --fuzz-dir fuzz --target-dir "$FUZZ_DIR")

cd "$root"
echo "==> cargo fuzz build (${targets[*]}) into $FUZZ_DIR"
start=$(date +%s)
cargo fuzz build "${build_flags[@]}"
echo "==> built in $(($(date +%s) - start)) s"

seeds="$FUZZ_DIR/seeds"
rm -rf "$seeds"
python3 fuzz/make-seeds.py "$seeds" >/dev/null
summary="$FUZZ_DIR/last-run.txt"
: >"$summary"
status=0
for t in "${targets[@]}"; do
  corpus="$FUZZ_DIR/corpus/$t"
  artifacts="$FUZZ_DIR/artifacts/$t"
  mkdir -p "$corpus" "$artifacts" "$seeds/$t"
  # Inputs that once broke a target (kept in the repo, also replayed by tests/core/fuzz_regressions.rs).
  [ -d "fuzz/regressions/$t" ] && cp fuzz/regressions/"$t"/* "$seeds/$t/"
  log="$FUZZ_DIR/$t.log"
  echo "==> fuzz $t for ${seconds} s (corpus $corpus)"
  set +e
  cargo fuzz run "${build_flags[@]}" "$t" "$corpus" "$seeds/$t" -- \
    -max_total_time="$seconds" -max_len=262144 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -Eo '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
  line="$t: $runs executions in ${seconds} s, exit $rc, corpus $(find "$corpus" -type f | wc -l) inputs"
  echo "    $line"
  echo "$line" >>"$summary"
  if [ "$rc" -ne 0 ]; then
    echo "error: fuzz target $t failed (exit $rc); the input that broke it:" >&2
    grep -E 'Test unit written to|panicked at|ERROR: libFuzzer' "$log" >&2 || tail -30 "$log" >&2
    echo "  reproduce: cargo fuzz run ${build_flags[*]} $t <that file>" >&2
    status=1
  fi
done
# The XLSX target's scratch files (one per fuzzing process).
rm -f "${TMPDIR:-/tmp}"/kakehashi-fuzz-*.xlsx
echo "==> fuzz summary ($summary)"
cat "$summary"
exit $status
