#!/usr/bin/env bash
# `lectern batch` against the dom_smoothie baseline runner on the same corpus, back to back,
# several rounds; prints each round's pages/s and peak RSS (GNU time's "Maximum resident set
# size": the whole process, the largest page's peak included), then the medians.
# Usage: scripts/speed.sh [ROUNDS]   (needs ../shared; builds the baseline in a scratch dir)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_DIR:-$here/../shared}
rounds=${1:-7}
corpus="$shared/corpus/scrapinghub-dev"
scratch=${SCRATCH:-/tmp/lectern-speed}
if [ ! -d "$corpus" ]; then
  echo "speed: no corpus at $corpus; skipping" >&2
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "speed: needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
mkdir -p "$scratch"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
cargo build --release --quiet --manifest-path "$shared/eval/baselines/rust/Cargo.toml" --target-dir "$scratch/target"
ratios=() ds_rss=() our_rss=()
for _ in $(seq "$rounds"); do
  /usr/bin/time -f %M -o "$scratch/ds.rss" \
    "$scratch/target/release/dom_smoothie_run" "$corpus" "$scratch/ds" --stats "$scratch/ds.json" >/dev/null 2>&1
  base=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['pages_per_second'])" "$scratch/ds.json")
  ours=$(/usr/bin/time -f %M -o "$scratch/lectern.rss" "$here/target/release/lectern" batch "$corpus" "$scratch/lectern" \
    | sed -E 's/.*: ([0-9.]+) pages\/s.*/\1/')
  ratio=$(python3 -c "print(f'{$ours / $base:.2f}')")
  # KB → MB
  ds_mb=$(awk '{printf "%.1f", $1 / 1024}' "$scratch/ds.rss")
  our_mb=$(awk '{printf "%.1f", $1 / 1024}' "$scratch/lectern.rss")
  printf 'dom_smoothie %7.1f pages/s %6s MB   lectern %7.1f pages/s %6s MB   ratio %s\n' "$base" "$ds_mb" "$ours" "$our_mb" "$ratio"
  ratios+=("$ratio") ds_rss+=("$ds_mb") our_rss+=("$our_mb")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median ratio $(median "${ratios[@]}")"
echo "median peak RSS: dom_smoothie $(median "${ds_rss[@]}") MB, lectern $(median "${our_rss[@]}") MB"
