#!/usr/bin/env bash
# Builds the npm package into pkg/: one package for browsers (ES module) and Node >= 20
# (import and require), with TypeScript types and the `ekdo-check` CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
profile=${1:---release}
rm -rf pkg
# The same wasm binary, bound twice: an ES module for browsers and bundlers, CommonJS for Node.
wasm-pack build --quiet "$profile" --target web --out-dir pkg/web --out-name ekdo_check --no-pack
wasm-pack build --quiet "$profile" --target nodejs --out-dir pkg/node --out-name ekdo_check --no-pack
# wasm-pack's own wasm-opt is off (Cargo.toml): Debian's binaryen is broken. The npm package
# binaryen (a devDependency) optimises the module instead: 11 % smaller, as fast (docs/benchmarks.md).
# -ocimfs 100: a function called once is inlined only when tiny. Unlimited, -O3 merged the PDF
# parser into one 168 KB function whose optimising compilation took V8 300 ms and 22 MiB; at
# 2000 the file's one-pass scans still sat inside 23 KB functions that V8 then optimised whole
# (19 MiB of compiler memory at the peak of a check). As fast, 2 KB bigger (docs/benchmarks.md).
if [ "$profile" = "--release" ] && [ -x node_modules/.bin/wasm-opt ]; then
  for dir in web node; do
    node_modules/.bin/wasm-opt -O3 -ocimfs 100 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "pkg/$dir/ekdo_check_bg.wasm" -o "pkg/$dir/ekdo_check_bg.wasm"
  done
fi
# The hashing worker's small Streebog module (crates/ekdo-digest; Node's checkFile and
# checkStream), always optimised: it is the speed of a check.
cargo build --quiet --release --target wasm32-unknown-unknown -p ekdo-digest
cp target/wasm32-unknown-unknown/release/ekdo_digest.wasm pkg/node/ekdo_digest.wasm
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals pkg/node/ekdo_digest.wasm -o pkg/node/ekdo_digest.wasm
fi
# Also for browsers: a page may hash in a Web Worker of its own with it (Checker.handOver).
cp pkg/node/ekdo_digest.wasm pkg/web/ekdo_digest.wasm
rm -f pkg/web/.gitignore pkg/node/.gitignore pkg/web/package.json pkg/node/package.json
echo '{ "type": "module" }' > pkg/web/package.json
echo '{ "type": "commonjs" }' > pkg/node/package.json
# The generated `[Symbol.dispose]()` declarations need TypeScript's esnext.disposable lib, which
# most projects do not enable; the method itself stays in the JS (call free() or use `using`).
sed -i '/\[Symbol\.dispose\]/d' pkg/web/ekdo_check.d.ts pkg/node/ekdo_check.d.ts
cp -r js/package/* pkg/
# stream.mjs as CommonJS too, for node.cjs (Node 20 cannot require an ES module; browsers import
# the ES module): its two `export function`s become module.exports.
node -e '
const fs = require("node:fs");
const source = fs.readFileSync("js/package/stream.mjs", "utf8");
if (/^import /m.test(source)) throw new Error("stream.mjs imports: extend the conversion in build-pkg.sh");
const names = [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
const body = source.replace(/^export function /gm, "function ");
if (/^export /m.test(body) || names.length === 0) throw new Error("stream.mjs: an export the conversion does not know");
fs.writeFileSync("pkg/stream.cjs", `"use strict";\n// Made from stream.mjs by scripts/build-pkg.sh: edit that file.\n${body}\nmodule.exports = { ${names.join(", ")} };\n`);
'
cp js/cli.cjs pkg/
chmod +x pkg/cli.cjs
cp js/types.d.ts pkg/types.d.ts
node js/write-package-json.mjs
echo "pkg/ built: $(du -sh pkg | cut -f1)"
