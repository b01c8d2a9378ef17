#!/usr/bin/env bash
# One entry point for Lectern: set up, build, test, evaluate, benchmark.
#   ./build.sh          set up what is missing; build the CLI, the wasm module, and the
#                       extension for Chrome and Firefox (dist/chrome, dist/firefox, and zips;
#                       dist/test-chrome and dist/test-firefox are the browser tests' builds)
#   ./build.sh test     formatting, lints (clippy, ESLint), native tests, the build, browser
#                       tests, web-ext lint, the corpus floors
#   ./build.sh eval     F1 per corpus in ../shared/corpus beside the baselines' figures, pages/s
#   ./build.sh bench    Criterion benchmarks (scan baseline vs full extract, MB/s)
#   ./build.sh serve    build the playground (dist/www) and serve it on 127.0.0.1:${PORT:-8000}
set -euo pipefail
cd "$(dirname "$0")"

tools="$PWD/.tools"

# The wasm-bindgen CLI must match the wasm-bindgen crate in the wasm module's Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' wasm/Cargo.lock
}

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
  local version
  version=$(wasm_bindgen_version)
  if ! "$tools/bin/wasm-bindgen" --version 2>/dev/null | grep -q " $version\b"; then
    # No prebuilt binary can be fetched here; --locked fails on a yanked dependency.
    cargo install wasm-bindgen-cli --version "$version" --root "$tools"
  fi
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund
  fi
}

# Browsers for the browser tests, from Debian (test tool downloads are blocked here).
setup_browsers() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null; then
    apt-get update -q
    apt-get install -y -q --no-install-recommends chromium chromium-driver firefox-esr
  fi
}

build_cli() {
  cargo build --release --locked
  echo "built target/release/lectern"
}

# Optimizes a wasm-bindgen output for speed, in place (see Cargo.toml's wasm profile).
optimize_wasm() {
  npx wasm-opt -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals "$1" -o "$1"
}

# The wasm module's workspace (wasm/: the core with the browser's decoders in place of
# encoding_rs's); its target directory is the core's (.cargo/config.toml).
wasm_cargo() {
  local command=$1
  shift
  cargo "$command" --locked --manifest-path wasm/Cargo.toml --target wasm32-unknown-unknown "$@"
}

build_wasm() {
  wasm_cargo build --release --lib
  # A reset function lets the extension start a fresh instance after a panic (abort).
  "$tools/bin/wasm-bindgen" --target web --no-typescript --experimental-reset-state-function --out-dir target/pkg --out-name lectern \
    target/wasm32-unknown-unknown/release/lectern_wasm.wasm
  optimize_wasm target/pkg/lectern_bg.wasm
  local raw gz
  raw=$(stat -c %s target/pkg/lectern_bg.wasm)
  gz=$(gzip -9 -c target/pkg/lectern_bg.wasm | wc -c)
  echo "wasm: $raw bytes raw, $gz bytes gzipped"
}

# The playground (dist/www): it must open from file://, where pages can neither import
# modules nor fetch, so the glue is wasm-bindgen's classic-script form and the wasm is
# inlined as base64 (lectern-wasm.js).
build_www() {
  rm -rf dist/www target/pkg-www
  mkdir -p dist/www
  cp -r www/. dist/www/
  # The extension's core plus the playground's exports (Cargo.toml's playground feature).
  wasm_cargo build --release --lib --features playground
  "$tools/bin/wasm-bindgen" --target no-modules --no-typescript --out-dir target/pkg-www --out-name lectern \
    target/wasm32-unknown-unknown/release/lectern_wasm.wasm
  optimize_wasm target/pkg-www/lectern_bg.wasm
  cp target/pkg-www/lectern.js dist/www/lectern.js
  node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], "globalThis.LECTERN_WASM = \"" + fs.readFileSync(process.argv[1]).toString("base64") + "\";\n");' \
    target/pkg-www/lectern_bg.wasm dist/www/lectern-wasm.js
  cp node_modules/turndown/dist/turndown.js dist/www/turndown.js
  cp extension/reader.css dist/www/reader.css
  # The core's vocabulary with the English names of its categories and report kinds.
  target/release/lectern vocabulary | node -e '
    const fs = require("fs");
    const vocabulary = JSON.parse(fs.readFileSync(0, "utf8"));
    const messages = JSON.parse(fs.readFileSync("extension/_locales/en/messages.json", "utf8"));
    const keys = [...vocabulary.categories.map((c) => c.localeKey), ...vocabulary.report.kinds.map((k) => `kind_${k}`)];
    const words = Object.fromEntries(keys.map((k) => [k, messages[k].message]));
    process.stdout.write(`globalThis.LECTERN_VOCABULARY = ${JSON.stringify({ ...vocabulary, words })};\n`);' >dist/www/vocabulary.js
  echo "built dist/www (open dist/www/index.html, or ./build.sh serve)"
}

# The extension's files besides its scripts, as extension/ holds them: what the manifest, the
# pages and the scripts refer to, and nothing else (tests/browser/package.test.mjs checks
# both packages against their references).
EXTENSION_FILES=(reader.html reader.css always-hide.css options.html options.css icons _locales)

# Bundles extension/src's ES modules for one browser into $2: the background stays a module
# (the manifest says so); content scripts cannot be modules, and the options page needs
# none, so those are each one classic script. FIREFOX tells the browser apart at build
# time; the wasm glue stays a file of its own (pkg/lectern.js, which finds its wasm beside it).
# The target is the manifest's oldest browsers. $3=test makes the browser tests' build:
# TEST_BUILD is true (the reader's controls in an open shadow root, which test drivers can
# reach) and the background is test-background.js (Lectern's, plus entry points on
# globalThis), so that no trace of either is in the packages.
bundle_extension() {
  local browser=$1 out=$2 test=false firefox=false background=extension/src/background.js
  [ "$browser" = firefox ] && firefox=true
  [ "${3:-}" = test ] && test=true && background=extension/src/test-background.js
  local common=(--bundle --target=chrome123,firefox140 --define:FIREFOX=$firefox --define:TEST_BUILD=$test --log-level=warning --outdir="$out")
  npx esbuild "${common[@]}" --format=esm --external:/pkg/lectern.js background="$background"
  # controls.css goes into the content script as text, for the controls' shadow root.
  npx esbuild "${common[@]}" --format=iife --loader:.css=text \
    content=extension/src/content.js always=extension/src/always.js options=extension/src/options.js
}

# The vocabulary the core shares with the extension (src/vocabulary.rs), as a module the
# bundles import; generated, git-ignored.
write_vocabulary() {
  {
    echo '// Generated by build.sh from `lectern vocabulary` (src/vocabulary.rs): do not edit.'
    printf 'export default '
    target/release/lectern vocabulary
    echo ';'
  } >extension/src/common/vocabulary.js
}

build_extension() {
  local browser
  write_vocabulary
  for browser in chrome firefox; do
    rm -rf "dist/$browser" "dist/lectern-$browser.zip"
    mkdir -p "dist/$browser/pkg"
    bundle_extension "$browser" "dist/$browser"
    (cd extension && cp -r "${EXTENSION_FILES[@]}" "../dist/$browser/")
    cp target/pkg/lectern.js target/pkg/lectern_bg.wasm "dist/$browser/pkg/"
    node scripts/manifest.mjs "$browser" extension/manifest.json >"dist/$browser/manifest.json"
    (cd "dist/$browser" && zip -q -r -X "../lectern-$browser.zip" .)
    echo "built dist/$browser and dist/lectern-$browser.zip"
    # The browser tests' build: the same package, its scripts bundled for tests (see
    # bundle_extension). Never packaged.
    rm -rf "dist/test-$browser"
    cp -r "dist/$browser" "dist/test-$browser"
    bundle_extension "$browser" "dist/test-$browser" test
  done
}

build() {
  build_cli
  build_wasm
  build_extension
  build_www
}

test_all() {
  cargo fmt --check
  cargo fmt --check --manifest-path wasm/Cargo.toml --all
  cargo clippy --locked --all-targets -- -D warnings
  cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --features playground --lib -- -D warnings
  wasm_cargo clippy --workspace --all-targets --features playground -- -D warnings
  npx eslint --max-warnings 0 .
  local log
  log=$(mktemp)
  cargo test --locked --lib --bins --tests 2>&1 | tee "$log"
  build
  npx web-ext lint --source-dir dist/firefox --warnings-as-errors --output text
  setup_browsers
  node --test tests/browser/ 2>&1 | tee -a "$log"
  # The wasm bindings as shipped, in headless Chromium (wasm/webdriver.json holds its flags).
  PATH="$tools/bin:$PATH" CHROMEDRIVER=/usr/bin/chromedriver wasm_cargo test --test wasm 2>&1 | tee -a "$log"
  scripts/eval.sh --check
  # One closing line for all the test runs above (cargo's and node's).
  awk '/^test result:/ {p += $4; f += $6} /^# pass / {p += $3} /^# fail / {f += $3} END {printf "tests: %d passed, %d failed\n", p, f}' "$log"
  rm -f "$log"
}

case "${1:-build}" in
  build) setup; build ;;
  test) setup; test_all ;;
  eval) scripts/eval.sh ;;
  bench) cargo bench --locked --bench extract ;;
  serve) setup; build_cli; build_wasm; build_www; python3 -m http.server --bind 127.0.0.1 --directory dist/www "${PORT:-8000}" ;;
  *) echo "usage: ./build.sh [build|test|eval|bench|serve]" >&2; exit 2 ;;
esac
