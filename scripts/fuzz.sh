#!/usr/bin/env bash
# Fuzzes Lectern's core with libFuzzer (cargo-fuzz, nightly Rust): extraction (with the
# sanitizer and chunking checks in fuzz/fuzz_targets/extract.rs) and the readerable check.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [JOBS]      default: 300 s, 1 job; MAX_LEN=8192 by default
#   TARGETS=readerable scripts/fuzz.sh …             one target only (default: extract readerable)
# Without a sanitizer (safe Rust; throughput matters): crashes are panics, hangs, OOMs.
# The corpora start from the test fixtures (generated into fuzz/corpus, not committed).
# A crash or timeout leaves its input in fuzz/artifacts/<target>/ and fails the script;
# reproduce it with `cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
jobs=${2:-1}
tools="$PWD/.tools"
if ! "$tools/bin/cargo-fuzz" --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked --root "$tools"
fi
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
for target in ${TARGETS:-extract readerable}; do
  mkdir -p "fuzz/corpus/$target"
  for page in tests/fixtures/*/source.html; do
    cp "$page" "fuzz/corpus/$target/$(basename "$(dirname "$page")").html"
  done
  # -max_len: small inputs run fast and still reach every parser state (the fixtures seed
  # real structure); -timeout: a page that takes 10 s is a hang; -rss_limit_mb: memory
  # must stay bounded. Each job writes fuzz-<n>.log, read for the totals.
  rm -f fuzz-*.log
  # libFuzzer exits non-zero when it finds a failing input (left in fuzz/artifacts, checked
  # below); a build that fails shows as no executions.
  PATH="$tools/bin:$PATH" cargo +nightly fuzz run -O --sanitizer none "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len="${MAX_LEN:-8192}" -timeout=10 -rss_limit_mb=2048 -jobs="$jobs" -workers="$jobs" \
    -print_final_stats=1 >"fuzz-$target.out" 2>&1 || true
  cat fuzz-*.log | grep -E '^(==[0-9]+==|SUMMARY|Done|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|slowest_unit_time_sec))' || true
  runs=$(cat fuzz-*.log | awk '/stat::number_of_executed_units/ {s += $NF} END {print s + 0}')
  echo "fuzz $target: $runs executions in ${seconds} s with $jobs job(s)"
  rm -f fuzz-*.log
  if [ "$runs" -eq 0 ]; then
    echo "fuzz $target: nothing ran; cargo fuzz said:" >&2
    tail -n 20 "fuzz-$target.out" >&2
    exit 1
  fi
  rm -f "fuzz-$target.out"
  if ls "fuzz/artifacts/$target"/* >/dev/null 2>&1; then
    echo "fuzz $target: found failing inputs in fuzz/artifacts/$target" >&2
    exit 1
  fi
done
