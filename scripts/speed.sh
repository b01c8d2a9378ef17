#!/usr/bin/env bash
# `lectern batch` against the dom_smoothie baseline runner on the same corpus, back to back,
# several rounds; prints each round's pages/s and the median ratio.
# Usage: scripts/speed.sh [ROUNDS]   (needs ../shared; builds the baseline in a scratch dir)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_DIR:-$here/../shared}
rounds=${1:-7}
corpus="$shared/corpus/scrapinghub-dev"
scratch=${SCRATCH:-/tmp/lectern-speed}
mkdir -p "$scratch"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
cargo build --release --quiet --manifest-path "$shared/eval/baselines/rust/Cargo.toml" --target-dir "$scratch/target"
ratios=()
for _ in $(seq "$rounds"); do
  "$scratch/target/release/dom_smoothie_run" "$corpus" "$scratch/ds" --stats "$scratch/ds.json" >/dev/null 2>&1
  base=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['pages_per_second'])" "$scratch/ds.json")
  ours=$("$here/target/release/lectern" batch "$corpus" "$scratch/lectern" | sed -E 's/.*: ([0-9.]+) pages\/s.*/\1/')
  ratio=$(python3 -c "print(f'{$ours / $base:.2f}')")
  printf 'dom_smoothie %7.1f pages/s   lectern %7.1f pages/s   ratio %s\n' "$base" "$ours" "$ratio"
  ratios+=("$ratio")
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print "median ratio " a[int((NR+1)/2)]}'
