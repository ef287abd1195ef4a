#!/usr/bin/env bash
# Renders page 1 of each PDF document (case summary, plan handout, emergency sheet, roster)
# of a demo-like registry into docs/images/*.png, for reviewing the layout:
#   scripts/render-document-samples.sh [OUT_DIR]
# Needs a Japanese font (fonts-noto-cjk) and pdftoppm (poppler-utils). The PDFs stay in a
# temp folder (or OUT_DIR when given).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kakehashi/target}"
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: sudo apt install poppler-utils" >&2; exit 1; }
out="${1:-$(mktemp -d)}"
cargo run -q -p kakehashi --example render_documents -- "$out"
mkdir -p docs/images
for doc in case-summary plan-handout emergency-sheet roster; do
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$out/$doc.pdf" "docs/images/$doc" 2>/dev/null
  echo "docs/images/$doc.png"
done
