#!/usr/bin/env bash
# Sets up and runs every test: Rust (native), wasm in Node and in headless Chromium, the npm
# package, the CLI and the demo page end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check
step "cargo clippy"
cargo clippy --all-targets --quiet -- -D warnings
step "cargo test (native core)"
cargo test --quiet
cargo test --quiet -p ekdo-pages
step "npm package (pkg/)"
scripts/build-pkg.sh
step "wasm-pack test --node"
wasm-pack test --node -- --test node
step "wasm-pack test --headless --chrome"
wasm-pack test --headless --chrome -- --test web
step "node --test js/test/ (CLI, schema, packed package, demo page)"
node --test js/test/
