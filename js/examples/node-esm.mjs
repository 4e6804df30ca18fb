// ekdo-check from Node as an ES module: check a document and its detached signatures, print the
// verdict as text and exit like the CLI (0 ready to upload, 1 not ready).
//
//   npm install ekdo-check
//   node node-esm.mjs document.pdf document.pdf.sig [more.sig ...] [--lang en]
import { readFileSync } from "node:fs";
import { basename } from "node:path";

import init, { check, renderText, version } from "ekdo-check";

const args = process.argv.slice(2);
const langAt = args.indexOf("--lang");
const lang = langAt >= 0 ? args.splice(langAt, 2)[1] : "ru";
const [documentPath, ...signaturePaths] = args;
if (!documentPath) {
  console.error("usage: node node-esm.mjs DOCUMENT.pdf [SIGNATURE ...] [--lang ru|en]");
  process.exit(2);
}

await init(); // nothing to do in Node; kept so the same code runs in browsers

const report = check(
  readFileSync(documentPath),
  signaturePaths.map((path) => ({ name: basename(path), bytes: readFileSync(path) })),
  { documentName: basename(documentPath), lang },
);

console.log(`ekdo-check ${version()}`);
process.stdout.write(renderText(report, lang));
process.exitCode = report.ready ? 0 : 1;
