// The CLI's exit codes and messages: 0 ready, 1 not ready, 2 bad usage or unreadable input.
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";

import { at, data, run } from "./helpers.mjs";

const sample = `${data}/01-qualified-person-der`;

test("a qualified signed PDF/A-1b sample is ready (exit 0) with the trust list", () => {
  const r = run(["check", `${sample}/document.pdf`, "--sig", `${sample}/document.pdf.sig`, "--tsl", `${data}/tsl.xml`, "--at", at, "--json"]);
  assert.equal(r.stderr, "");
  const report = JSON.parse(r.stdout);
  assert.equal(report.kind, "УКЭП", JSON.stringify(report.signatures, null, 1));
  assert.equal(report.ready, true, JSON.stringify(report.upload.blockers));
  assert.equal(r.status, 0);
});

test("the default output is a Russian summary", () => {
  const r = run(["check", `${sample}/document.pdf`, "--sig", `${sample}/document.pdf.sig`, "--at", at]);
  assert.match(r.stdout, /Документ: document\.pdf/);
  assert.match(r.stdout, /Смирнова Анна Сергеевна/);
  const en = run(["check", `${sample}/document.pdf`, "--sig", `${sample}/document.pdf.sig`, "--at", at, "--lang", "en"]);
  assert.match(en.stdout, /Document: document\.pdf/);
});

test("a tampered document is checked and not ready (exit 1)", () => {
  const c = `${data}/06-tampered-document`;
  const r = run(["check", `${c}/document.pdf`, "--sig", `${c}/document.pdf.sig`, "--at", at, "--json"]);
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).kind, "invalid");
});

test("bad input: empty, not a PDF, truncated: a report and exit 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "ekdo-"));
  const cases = {
    "empty.pdf": ["", "INPUT_EMPTY"],
    "text.pdf": ["hello, world", "PDF_NOT_PDF"],
    "truncated.pdf": ["%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog", "PDF_TRUNCATED"],
  };
  for (const [name, [content, code]] of Object.entries(cases)) {
    writeFileSync(join(dir, name), content, "latin1");
    const r = run(["check", join(dir, name), "--at", at, "--json"]);
    assert.equal(r.status, 1, name);
    const report = JSON.parse(r.stdout);
    assert.ok(report.errors.some((e) => e.code === code), `${name}: ${JSON.stringify(report.errors)}`);
  }
});

test("bad usage: exit 2 with a coded message on stderr and no stack trace", () => {
  for (const [args, code] of [
    [["check", "/nonexistent/document.pdf"], "INPUT_UNREADABLE"],
    [["check", `${sample}/document.pdf`, "--sig", "/nonexistent.sig"], "INPUT_UNREADABLE"],
    [["check", `${sample}/document.pdf`, "--frobnicate"], "OPTIONS_INVALID"],
    [["check", `${sample}/document.pdf`, "--at", "yesterday"], "OPTIONS_TIME"],
    [["check"], "OPTIONS_INVALID"],
    [["explode"], "OPTIONS_INVALID"],
    [["check", `${sample}/document.pdf`, "--lang", "de"], "OPTIONS_INVALID"],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(" "));
    assert.match(r.stderr, new RegExp(`^ekdo-check: ${code}: `), args.join(" "));
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
});

test("--help and --version", () => {
  const help = run(["--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /ekdo-check check ДОКУМЕНТ/);
  assert.match(run(["--help", "--lang", "en"]).stdout, /ekdo-check check DOCUMENT/);
  const version = run(["--version"]);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^ekdo-check \d+\.\d+\.\d+/);
  assert.equal(run([]).status, 2);
});
