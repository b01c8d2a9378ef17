#!/usr/bin/env bash
# One entry point for Lectern: set up, build, test, evaluate, benchmark.
#   ./build.sh          set up what is missing, build the release CLI
#   ./build.sh test     formatting, lints, native tests, the wasm32 build check, the corpus floors
#   ./build.sh eval     F1 per corpus in ../shared/corpus beside the baselines' figures, pages/s
#   ./build.sh bench    Criterion benchmarks (scan baseline vs full extract, MB/s)
set -euo pipefail
cd "$(dirname "$0")"

setup() {
  # The wasm target: the core must keep compiling for the browser.
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
  for component in clippy rustfmt; do
    if ! rustup component list --installed | grep -q "^$component"; then
      rustup component add "$component"
    fi
  done
}

build() {
  cargo build --release --locked
  echo "built target/release/lectern"
}

test_all() {
  cargo fmt --check
  cargo clippy --locked --all-targets -- -D warnings
  local log
  log=$(mktemp)
  cargo test --locked --lib --bins --tests 2>&1 | tee "$log"
  # The core without the CLI, for the browser.
  cargo check --locked --lib --no-default-features --target wasm32-unknown-unknown
  scripts/eval.sh --check
  # One closing line for all the test binaries above.
  awk '/^test result:/ {p += $4; f += $6} END {printf "tests: %d passed, %d failed\n", p, f}' "$log"
  rm -f "$log"
}

case "${1:-build}" in
  build) setup; build ;;
  test) setup; test_all ;;
  eval) scripts/eval.sh ;;
  bench) cargo bench --locked --bench extract ;;
  *) echo "usage: ./build.sh [build|test|eval|bench]" >&2; exit 2 ;;
esac
