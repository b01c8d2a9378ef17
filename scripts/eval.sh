#!/usr/bin/env bash
# Scores `lectern batch` on every corpus in ../shared/corpus with ../shared/eval/score.py:
# F1 per corpus, pages/s, and title/byline agreement (meta_match.py); for corpora that name
# each page's site, the same per site half (scripts/halves.py: develop on A, check on B).
#   scripts/eval.sh            print the figures
#   scripts/eval.sh --check    also fail when a corpus falls below its F1 floor
# The corpora live beside the project (../shared), never in it; without them this skips.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_DIR:-$here/../shared}
check=${1:-}
# The F1 floors the extractor must keep, a little under today's figures (issue 15: wcxb-dev
# 0.955, scrapinghub-dev 0.983, readability 0.985, wcxb-dev-docs 0.912); a corpus not listed
# has none.
declare -A floor=([wcxb-dev]=0.950 [scrapinghub-dev]=0.975 [readability]=0.980 [wcxb-dev-docs]=0.900)
if [ ! -d "$shared/corpus" ]; then
  echo "eval: no corpus at $shared/corpus; skipping" >&2
  exit 0
fi
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
for corpus in "$shared"/corpus/*/; do
  name=$(basename "$corpus")
  speed=$("$here/target/release/lectern" batch "$corpus" "$out/$name" --meta "$out/$name.meta.json")
  score=$(python3 "$shared/eval/score.py" "$corpus" "$out/$name" | tail -n 1)
  printf '%-16s %s   %s\n' "$name" "$score" "$speed"
  python3 "$shared/eval/meta_match.py" "$corpus" "$out/$name.meta.json" --fields title,byline,publishedTime | sed 's/^/                 /'
  python3 - "$out/$name.meta.json" <<'PY'
import json, sys
cases = json.load(open(sys.argv[1]))
quick_only = sum(1 for c in cases.values() if c["quickReaderable"] and not c["readerable"])
extract_only = sum(1 for c in cases.values() if c["readerable"] and not c["quickReaderable"])
print(f"                 readerable: quick check yes / extract no {quick_only}, extract yes / quick check no {extract_only}, of {len(cases)}")
PY
  if grep -q '"domain"' "$(ls -d "$corpus"*/ | head -n 1)meta.json"; then
    python3 "$here/scripts/halves.py" "$corpus" "$out/$name" "$out/$name.meta.json" | sed 's/^/                 /'
  fi
  f1=$(echo "$score" | awk '{print $2}')
  if [ -n "${floor[$name]:-}" ] && awk -v a="$f1" -v b="${floor[$name]}" 'BEGIN{exit !(a < b)}'; then
    echo "eval: $name F1 $f1 is below its floor ${floor[$name]}" >&2
    failed=1
  fi
done
if [ "$check" = "--check" ] && [ "$failed" = 1 ]; then
  exit 1
fi
