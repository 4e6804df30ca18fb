// ekdo-check from Node with require(): check a document and its detached signatures and print a
// short JSON summary of the report.
//
//   npm install ekdo-check
//   node node-cjs.cjs document.pdf document.pdf.sig [more.sig ...]
const { readFileSync } = require("node:fs");
const { basename } = require("node:path");

const { check } = require("ekdo-check");

const [documentPath, ...signaturePaths] = process.argv.slice(2);
if (!documentPath) {
  console.error("usage: node node-cjs.cjs DOCUMENT.pdf [SIGNATURE ...]");
  process.exit(2);
}

let report;
try {
  report = check(
    readFileSync(documentPath),
    signaturePaths.map((path) => ({ name: basename(path), bytes: readFileSync(path) })),
    { documentName: basename(documentPath) },
  );
} catch (e) {
  // Only misuse throws (a wrong argument, an unknown option): an Error with a stable `code`.
  console.error(`${e.code}: ${e.message}`);
  process.exit(2);
}

const summary = {
  ready: report.ready,
  document: {
    file: report.document.file,
    size: report.document.size,
    sha256: report.document.sha256,
    pdfa: report.document.pdfa.verdict,
  },
  signatures: report.signatures.map((s) => ({
    file: s.file,
    parse: s.parse,
    error: s.error ? s.error.code : null,
    kind: s.kind,
    signers: s.signers.map((x) => x.subject_cn),
  })),
  kind: report.kind,
  errors: report.errors.map((m) => m.code),
  warnings: report.warnings.map((m) => m.code),
};
console.log(JSON.stringify(summary, null, 2));
