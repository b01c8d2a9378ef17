#!/usr/bin/env bash
# Scores `lectern batch` on every corpus in ../shared/corpus with ../shared/eval/score.py,
# and prints F1 per corpus, pages/s and title/byline agreement.
# Usage: scripts/eval.sh [SHARED_DIR]   (default: ../shared beside the project)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
if [ ! -d "$shared/corpus" ]; then
  echo "eval: no corpus at $shared/corpus (it lives beside the project, not in it); skipping" >&2
  exit 0
fi
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for corpus in "$shared"/corpus/*/; do
  name=$(basename "$corpus")
  speed=$("$here/target/release/lectern" batch "$corpus" "$out/$name" --meta "$out/$name.meta.json")
  score=$(python3 "$shared/eval/score.py" "$corpus" "$out/$name" | tail -n 1)
  printf '%-16s %s   %s\n' "$name" "$score" "$speed"
  python3 "$shared/eval/meta_match.py" "$corpus" "$out/$name.meta.json" | sed 's/^/                 /'
done
