// Every report the API writes conforms to the committed JSON Schema (schema/report-v1.schema.json).
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import test from "node:test";

import { at, data, pkg, root } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");
const ekdo = require(`${pkg}/load.cjs`);

const schema = JSON.parse(readFileSync(`${root}schema/report-v1.schema.json`, "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function assertValid(report, what) {
  const ok = validate(report);
  assert.ok(ok, `${what}: ${JSON.stringify(validate.errors, null, 1)}`);
}

test("reports of every fixture case conform to the schema", () => {
  const tsl = new Uint8Array(readFileSync(`${data}/tsl.xml`));
  let checked = 0;
  for (const name of readdirSync(data).filter((n) => /^\d\d-/.test(n)).sort()) {
    const expected = JSON.parse(readFileSync(`${data}/${name}/expected.json`, "utf8"));
    const docPath = `${data}/${name}/${expected.document}`;
    if (!existsSync(docPath)) continue; // the big cases' PDFs are generated, see tests/big.rs
    const document = new Uint8Array(readFileSync(docPath));
    const signature = { name: expected.signature, bytes: new Uint8Array(readFileSync(`${data}/${name}/${expected.signature}`)) };
    assertValid(ekdo.check(document, [signature], { at }), name);
    assertValid(ekdo.check(document, [signature], { at, trustList: tsl }), `${name} with the trust list`);
    checked++;
  }
  assert.ok(checked >= 18, `only ${checked} cases checked`);
});

test("reports of bad documents conform to the schema", () => {
  for (const bytes of [new Uint8Array(0), new TextEncoder().encode("hello"), new TextEncoder().encode("%PDF-1.4\n")]) {
    assertValid(ekdo.check(bytes, [], { at }), `bad document of ${bytes.length} bytes`);
  }
});

test("reports with document metadata (labour law, manifest) conform to the schema", () => {
  const tsl = new Uint8Array(readFileSync(`${data}/tsl.xml`));
  const c = `${data}/05-two-signers`;
  const document = new Uint8Array(readFileSync(`${c}/document.pdf`));
  const signature = { name: "document.pdf.sig", bytes: new Uint8Array(readFileSync(`${c}/document.pdf.sig`)) };
  for (const meta of [
    { document_type: "employment_contract", channel: "own", number: "12-к", date: "25.11.2026", employee: "Васильев Артём Николаевич" },
    { document_type: "dismissal_order", channel: "portal" },
    { document_type: "no_such_type", channel: "own" },
  ]) {
    const report = ekdo.check(document, [signature], { at, trustList: tsl, meta });
    assert.ok(report.policy !== null, meta.document_type);
    assertValid(report, `case 05 with ${meta.document_type}`);
  }
});
