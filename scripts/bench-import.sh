#!/usr/bin/env bash
# Import benchmark (issue 4): peak memory and time of `kakehashi providers import` on generated
# open-data CSVs of 7,000 and 70,000 rows into a fresh encrypted registry, beside a plain baseline
# (Python's csv + sqlite3 inserting the same rows into an unencrypted table). Release build.
# usage: scripts/bench-import.sh   (figures go to stdout; copy them into docs/benchmarks.md)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kakehashi/target}"
cargo build --release -p kakehashi-cli --quiet
bin="$CARGO_TARGET_DIR/release/kakehashi"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export KAKEHASHI_PASSPHRASE="bench-import-heron-lantern-42"

measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -f "%M %e" -o "$work/time" "$@" >/dev/null
  read -r kb secs <"$work/time"
  printf '| %s | %s MB | %s s |\n' "$label" "$((kb / 1024))" "$secs"
}

echo "| run | peak RSS | wall time |"
echo "|---|---|---|"
for rows in ${BENCH_ROWS:-7000 70000 210000}; do
  csv="$work/open-data-$rows.csv"
  python3 "$here/scripts/gen-open-data.py" "$rows" "$csv"
  size=$(( $(stat -c %s "$csv") / 1000000 ))
  dir="$work/data-$rows"
  "$bin" --data-dir "$dir" init >/dev/null 2>&1  # (the recovery key it prints is not needed here)
  measure "unlock only (Argon2id 64 MiB) + list 1 provider" \
    "$bin" --data-dir "$dir" providers list --limit 1
  measure "kakehashi providers import, $rows rows (${size} MB), dry run" \
    "$bin" --data-dir "$dir" providers import "$csv" --dry-run
  measure "kakehashi providers import, $rows rows (${size} MB)" \
    "$bin" --data-dir "$dir" providers import "$csv"
  measure "same file again (every row unchanged)" \
    "$bin" --data-dir "$dir" providers import "$csv"
  measure "baseline: Python csv + sqlite3, $rows rows, plain table" \
    python3 - "$csv" "$work/plain-$rows.db" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("CREATE TABLE p (" + ", ".join(f"c{i} TEXT" for i in range(24)) + ")")
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    r = csv.reader(f)
    next(r)
    db.executemany("INSERT INTO p VALUES (" + ",".join("?" * 24) + ")", r)
db.commit()
PY
done
