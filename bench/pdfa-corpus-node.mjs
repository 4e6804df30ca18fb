// Times the whole PDF/A corpus through the wasm build in Node: node bench/pdfa-corpus-node.mjs (after scripts/build-pkg.sh).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const ekdo = require("../pkg/node/ekdo_check.js");
const files = [];
const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); statSync(p).isDirectory() ? walk(p) : p.endsWith(".pdf") && files.push(p); } };
walk(new URL("../tests/data/verapdf", import.meta.url).pathname);
const docs = files.map((f) => [f, new Uint8Array(readFileSync(f))]);
let best = Infinity;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (const [, d] of docs) ekdo.check(d, [], { at: "2026-11-25T00:00:00Z" });
  best = Math.min(best, performance.now() - t0);
}
console.log(`${docs.length} files, best of 5: ${best.toFixed(0)} ms, ${(best / docs.length).toFixed(2)} ms per file`);
