// The PDF/A corpus in Node for bench/run.mjs: check() without signatures on every PDF under DIR
// (reading included); prints JSON { files, ms, conforming }.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ekdo = await import(fileURLToPath(new URL("../pkg/node.mjs", import.meta.url)));
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".pdf") ? [join(dir, e.name)] : []);
const files = walk(process.argv[2]).sort();
const start = performance.now();
let conforming = 0;
for (const file of files) {
  const report = ekdo.check(readFileSync(file), [], { at: "2026-11-25T12:00:00Z" });
  if (report.document.pdfa.verdict === "conforming") conforming++;
}
process.stdout.write(JSON.stringify({ files: files.length, ms: performance.now() - start, conforming }) + "\n");
