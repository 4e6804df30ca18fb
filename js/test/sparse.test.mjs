// Image data left out: checkFile (and the CLI) and checkStream of a File or Blob keep a scan's
// image data out of the module's copy (Checker.leaveOutImageData) and give the report `check`
// gives on the whole file; a file whose check needs those bytes after all is read again, whole.
import assert from "node:assert/strict";
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";

import { at, data, pkg, run } from "./helpers.mjs";

const ekdo = await import(`${pkg}/node.mjs`);

/**
 * A one-page PDF showing a gray image of `size` bytes; `inside`, when given, is written into the
 * image data 100 000 bytes in, and `length` is the image's /Length as written.
 */
function scan(size, { inside, length = size } = {}) {
  const pixels = new Uint8Array(size);
  for (let i = 0; i < size; i++) pixels[i] = Math.imul(i, 2654435761) >>> 24;
  if (inside) pixels.set(Buffer.from(inside, "latin1"), 100_000);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
    "<< /Length 30 >>\nstream\nq 200 0 0 200 0 0 cm /Im1 Do Q\nendstream",
    [`<< /Type /XObject /Subtype /Image /Width ${size} /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${length} >>\nstream\n`, pixels, "\nendstream"],
  ];
  const parts = [`%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n%${"x".repeat(1100)}\n`];
  const offsets = [];
  const byteLength = () => parts.reduce((n, p) => n + (typeof p === "string" ? Buffer.byteLength(p, "latin1") : p.length), 0);
  objects.forEach((body, i) => {
    offsets.push(byteLength());
    parts.push(`${i + 1} 0 obj\n`, ...[body].flat(), "\nendobj\n");
  });
  const xref = byteLength();
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`);
  for (const offset of offsets) parts.push(`${String(offset).padStart(10, "0")} 00000 n\r\n`);
  parts.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : p)));
}

function signed(document) {
  const keys = `${data}/keys`;
  return [{ name: "scan.pdf.sig", bytes: ekdo.sign(document, readFileSync(`${keys}/belova.key.pem`), readFileSync(`${keys}/belova.crt.pem`), { at }) }];
}

/** Pushes `document` into a checker that leaves image data out; returns [leftOut, needsWhole]. */
function sifted(document, signatures) {
  const checker = new ekdo.Checker(signatures, { at });
  try {
    assert.equal(checker.leaveOutImageData(document.length), true);
    for (let i = 0; i < document.length; i += 65_536) checker.push(document.subarray(i, i + 65_536));
    return [checker.leftOut, checker.needsWhole()];
  } finally {
    checker.free();
  }
}

test("checkFile and the CLI check a scan without its image data, to check()'s report", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "ekdo-sparse-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const document = scan(400_000);
  const signatures = signed(document);
  const [leftOut, needsWhole] = sifted(document, signatures);
  assert.ok(leftOut > 380_000, `${leftOut} bytes left out`);
  assert.equal(needsWhole, false);
  const path = join(dir, "scan.pdf");
  writeFileSync(path, document);
  writeFileSync(`${path}.sig`, signatures[0].bytes);
  const whole = ekdo.check(document, signatures, { at });
  assert.equal(whole.signatures[0].signers[0].signature_valid, true);
  for (const threads of [true, false]) {
    assert.deepEqual(await ekdo.checkFile(path, signatures, { at }, { threads }), whole, `threads ${threads}`);
  }
  const cli = run(["check", path, "--sig", `${path}.sig`, "--at", at, "--json"]);
  assert.deepEqual(JSON.parse(cli.stdout).signatures, JSON.parse(JSON.stringify(whole.signatures)));
  const { document: report } = JSON.parse(cli.stdout);
  assert.equal(report.sha256, whole.document.sha256);
  assert.deepEqual(report.pdfa, JSON.parse(JSON.stringify(whole.document.pdfa)));
});

test("a file whose check reads its image data is read again whole, to the same report", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "ekdo-sparse-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A wrong /Length: the reader looks for the next `endstream` and finds one inside the data.
  const document = scan(400_000, { inside: "\r\nendstream\n", length: 300_000 });
  const signatures = signed(document);
  const [leftOut, needsWhole] = sifted(document, signatures);
  assert.ok(leftOut > 200_000, `${leftOut} bytes left out`);
  assert.equal(needsWhole, true);
  const path = join(dir, "scan.pdf");
  writeFileSync(path, document);
  const whole = ekdo.check(document, signatures, { at });
  assert.ok(whole.document.pdfa.violations.some((v) => v.rule === "6.1.7-1"), "the wrong length is reported");
  for (const threads of [true, false]) {
    assert.deepEqual(await ekdo.checkFile(path, signatures, { at }, { threads }), whole, `threads ${threads}`);
  }
});

test("checkStream of a Blob (in memory, or a file's: what a browser's File is) leaves the image data out too", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "ekdo-sparse-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, document] of [
    ["scan", scan(400_000)],
    ["scan read again whole", scan(400_000, { inside: "\r\nendstream\n", length: 300_000 })],
  ]) {
    const signatures = signed(document);
    const whole = ekdo.check(document, signatures, { at });
    const path = join(dir, "scan.pdf");
    writeFileSync(path, document);
    for (const threads of [true, false]) {
      for (const blob of [new Blob([document]), await openAsBlob(path)]) {
        assert.deepEqual(await ekdo.checkStream(blob, signatures, { at }, { threads }), whole, `${name}, threads ${threads}`);
      }
    }
  }
});
