// The TypeScript types of the package (pkg/index.d.ts, from js/types.d.ts) against reality:
// js/examples/typed.ts compiles with --strict, every report the real API writes type-checks as a
// `Report` (object literals, so a field the types do not know is an error too), a wrong report
// does not, and the Node examples run against the built package and print what it computes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";

import Ajv from "ajv";

import { at, data, pkg, root } from "./helpers.mjs";

const ekdo = await import(`${pkg}/node.mjs`);
const tsc = `${root}node_modules/typescript/bin/tsc`;
const examples = `${root}js/examples`;
const schema = JSON.parse(readFileSync(`${root}schema/report-v1.schema.json`, "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const sample = JSON.parse(readFileSync(`${examples}/sample-report.json`, "utf8"));

function runTsc(project) {
  const r = spawnSync(process.execPath, [tsc, "-p", project], { encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** A folder with a tsconfig that maps "ekdo-check" to the built package's types. */
function project(files) {
  const dir = mkdtempSync(join(tmpdir(), "ekdo-types-"));
  const config = {
    compilerOptions: {
      strict: true, noEmit: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler",
      lib: ["ES2022", "DOM"], types: [], paths: { "ekdo-check": [`${pkg}/index.d.ts`] },
    },
    files: Object.keys(files),
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const typed = (name, report) => `export const ${name}: Report = ${JSON.stringify(report, null, 2)};\n`;
const header = 'import type { Report } from "ekdo-check";\n\n';

/** Reports of the real API: fixture cases with and without the trust list, and bad documents. */
function realReports() {
  const read = (path) => new Uint8Array(readFileSync(path));
  const tsl = read(`${data}/tsl.xml`);
  const reports = [];
  for (const name of ["01-qualified-person-der", "02-qualified-employer-ber", "05-two-signers", "06-tampered-document", "17-truncated-signature", "18-pdf-as-signature"]) {
    const expected = JSON.parse(readFileSync(`${data}/${name}/expected.json`, "utf8"));
    const document = read(`${data}/${name}/${expected.document}`);
    const signatures = [{ name: expected.signature, bytes: read(`${data}/${name}/${expected.signature}`) }];
    reports.push(ekdo.check(document, signatures, { at, documentName: expected.document }));
    reports.push(ekdo.check(document, signatures, { at, documentName: expected.document, trustList: tsl }));
  }
  for (const text of ["", "hello, world", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog"]) {
    reports.push(ekdo.check(new TextEncoder().encode(text), [], { at }));
  }
  return reports;
}

test("js/examples/typed.ts compiles with tsc --noEmit --strict against pkg/", () => {
  const r = runTsc(`${examples}/tsconfig.json`);
  assert.equal(r.status, 0, r.output);
});

test("reports of the real API and the documented sample type-check as Report", () => {
  assert.ok(validate(sample), `sample-report.json: ${JSON.stringify(validate.errors)}`);
  const reports = realReports();
  assert.ok(reports.length >= 9);
  for (const r of reports) assert.ok(validate(r), JSON.stringify(validate.errors));
  const text = header + reports.map((r, i) => typed(`real${i}`, r)).join("") + typed("sample", sample);
  const dir = project({ "reports.ts": text });
  try {
    const r = runTsc(join(dir, "tsconfig.json"));
    assert.equal(r.status, 0, r.output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the type check refuses a wrong kind, a missing field and an unknown field", () => {
  const wrongKind = { ...sample, kind: "QES" };
  const { upload, ...noUpload } = sample;
  assert.ok(upload);
  const unknownField = { ...sample, document: { ...sample.document, pages: 3 } };
  const nullSize = { ...sample, document: { ...sample.document, size: null } };
  const text = header + typed("wrongKind", wrongKind) + typed("noUpload", noUpload) + typed("unknownField", unknownField) + typed("nullSize", nullSize);
  const dir = project({ "bad.ts": text });
  try {
    const r = runTsc(join(dir, "tsconfig.json"));
    assert.notEqual(r.status, 0);
    const errors = r.output.split("\n").filter((l) => /bad\.ts\(\d+,\d+\): error TS/.test(l));
    assert.equal(errors.length, 4, r.output);
    assert.match(r.output, /"QES"/);
    assert.match(r.output, /Property 'upload' is missing/);
    assert.match(r.output, /pages\W{0,3} does not exist in type 'DocumentReport'/);
    assert.match(r.output, /Type 'null' is not assignable to type 'number'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("js/examples/typed.ts runs: a trust list for a batch, the catalogue, signing both ways", async () => {
  // typed.ts transpiled as it is (types stripped) and imported against the built package.
  const ts = (await import("typescript")).default;
  const dir = mkdtempSync(join(tmpdir(), "ekdo-typed-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(pkg, join(dir, "node_modules", "ekdo-check"), "dir");
    const js = ts.transpileModule(readFileSync(`${examples}/typed.ts`, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(dir, "typed.mjs"), js);
    const typed = await import(join(dir, "typed.mjs"));
    const read = (path) => new Uint8Array(readFileSync(path));
    const keys = `${data}/keys`;
    const tsl = read(`${data}/tsl.xml`);
    const c01 = `${data}/01-qualified-person-der`;
    const c05 = `${data}/05-two-signers`;
    const pdf = read(`${c01}/document.pdf`);

    // One parsed trust list for several uploads.
    const { list, reports } = typed.checkBatch(tsl, [
      { name: "01.pdf", pdf, signatures: [{ name: "01.pdf.sig", bytes: read(`${c01}/document.pdf.sig`) }] },
      { name: "05.pdf", pdf: read(`${c05}/document.pdf`), signatures: [read(`${c05}/document.pdf.sig`)],
        meta: { document_type: "employment_contract", channel: "own", employee: "Васильев Артём Николаевич" } },
    ]);
    assert.deepEqual(list, { version: "81240", date: "2026-11-24T09:23:02Z", authorities: 3, keys: 3 });
    assert.equal(reports.get("01.pdf").kind, "УКЭП");
    assert.equal(reports.get("05.pdf").policy.ok, true);
    const contract = typed.checkContract(tsl, read(`${c05}/document.pdf`), read(`${c05}/document.pdf.sig`), "Васильев Артём Николаевич");
    assert.deepEqual(contract.policy.signatures.map((s) => [s.signer, s.party, s.ok]),
      [["Орлов Виктор Павлович", "employer", true], ["Васильев Артём Николаевич", "employee", true]]);
    assert.equal(contract.upload.file_name, "Васильев Артём Николаевич Трудовой договор № 12-к от 25.11.2026.pdf");

    // The catalogue and the matrix.
    const choices = typed.typeChoices("en");
    assert.deepEqual(choices.sections.get("Электронные трудовые договоры")[0], ["employment_contract", "Employment contract"]);
    assert.ok(choices.paperOnly.some(([id]) => id === "dismissal_order"));
    const rules = typed.rulesFor("employment_contract", "own", "ru");
    assert.deepEqual(rules.employee, ["УКЭП", "УНЭП (ЕСИА)", "УНЭП (по соглашению)"]);
    assert.match(rules.text, /Сторона: работодатель[\s\S]*Сторона: работник/);

    // Signing with a key file wipes the caller's key; co-signing keeps the first signer.
    const key = read(`${keys}/orlov.key.pem`);
    const first = typed.signWithKey(pdf, key, read(`${keys}/orlov.crt.pem`));
    assert.ok(key.every((b) => b === 0), "the key buffer is wiped");
    const both = typed.countersign(pdf, first, read(`${keys}/vasiliev.key.pem`), read(`${keys}/vasiliev.crt.pem`));
    const report = ekdo.check(pdf, [both], { trustList: tsl });
    assert.deepEqual(report.signatures[0].signers.map((x) => [x.subject_cn, x.signature_valid]),
      [["Орлов Виктор Павлович", true], ["Васильев Артём Николаевич", true]]);
    let code = null;
    try {
      typed.signWithKey(pdf, read(`${keys}/orlov.key.pem`), read(`${keys}/smirnova.crt.pem`));
    } catch (e) {
      code = typed.failureCode(e);
    }
    assert.equal(code, "SIGN_KEY_CERTIFICATE_MISMATCH");

    // The external signer: OpenSSL's gost engine signs the hash, as a token would.
    const signed = await typed.signExternally(pdf, read(`${keys}/smirnova.crt.pem`), async (hash, algorithm) => {
      assert.equal(algorithm, "streebog256");
      writeFileSync(join(dir, "hash.bin"), hash);
      const r = spawnSync("openssl", ["pkeyutl", "-sign", "-engine", "gost", "-inkey", `${keys}/smirnova.key.pem`, "-in", join(dir, "hash.bin")]);
      assert.equal(r.status, 0, `OpenSSL's gost engine is required (scripts/setup.sh --test): ${r.stderr}`);
      return new Uint8Array(r.stdout);
    });
    const external = ekdo.check(pdf, [signed], { trustList: tsl }).signatures[0].signers[0];
    assert.deepEqual([external.subject_cn, external.signature_valid, external.kind], ["Смирнова Анна Сергеевна", true, "УКЭП"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the Node examples (ESM and CommonJS) run against the package and print its verdict", () => {
  const dir = mkdtempSync(join(tmpdir(), "ekdo-examples-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(pkg, join(dir, "node_modules", "ekdo-check"), "dir");
    copyFileSync(`${examples}/node-esm.mjs`, join(dir, "node-esm.mjs"));
    copyFileSync(`${examples}/node-cjs.cjs`, join(dir, "node-cjs.cjs"));
    const c = `${data}/01-qualified-person-der`;
    const files = [`${c}/document.pdf`, `${c}/document.pdf.sig`];
    const report = ekdo.check(new Uint8Array(readFileSync(files[0])), [{ name: "document.pdf.sig", bytes: new Uint8Array(readFileSync(files[1])) }],
      { at, documentName: "document.pdf" });

    const esm = spawnSync(process.execPath, ["node-esm.mjs", ...files], { cwd: dir, encoding: "utf8" });
    assert.equal(esm.stderr, "");
    assert.equal(esm.status, report.ready ? 0 : 1);
    const lines = esm.stdout.split("\n");
    assert.equal(lines[0], `ekdo-check ${ekdo.version()}`);
    assert.match(esm.stdout, /^Документ: document\.pdf$/m);
    assert.match(esm.stdout, /^Подпись: document\.pdf\.sig/m);
    assert.match(esm.stdout, new RegExp(report.document.sha256));
    const en = spawnSync(process.execPath, ["node-esm.mjs", ...files, "--lang", "en"], { cwd: dir, encoding: "utf8" });
    assert.match(en.stdout, /^Document: document\.pdf$/m);

    const cjs = spawnSync(process.execPath, ["node-cjs.cjs", ...files], { cwd: dir, encoding: "utf8" });
    assert.equal(cjs.stderr, "");
    assert.equal(cjs.status, 0);
    assert.deepEqual(JSON.parse(cjs.stdout), {
      ready: report.ready,
      document: { file: "document.pdf", size: readFileSync(files[0]).length, sha256: report.document.sha256, pdfa: report.document.pdfa.verdict },
      signatures: report.signatures.map((s) => ({ file: s.file, parse: s.parse, error: s.error?.code ?? null, kind: s.kind, signers: s.signers.map((x) => x.subject_cn) })),
      kind: report.kind,
      errors: report.errors.map((m) => m.code),
      warnings: report.warnings.map((m) => m.code),
    });
    const usage = spawnSync(process.execPath, ["node-cjs.cjs"], { cwd: dir, encoding: "utf8" });
    assert.equal(usage.status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
