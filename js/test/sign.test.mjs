// Signing through the CLI (sign, cosign) and the JS API (signPrepare/signAssemble, sign, cosign):
// the files made are valid for `ekdo-check check` and for OpenSSL's gost engine; bad usage
// exits 2 with a coded message and never shows the key.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";

import { at, data, pkg, root, run } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const ekdo = require(`${pkg}/load.cjs`);

const keys = `${data}/keys`;
const source = `${data}/01-qualified-person-der/document.pdf`;
const bytes = (path) => new Uint8Array(readFileSync(path));

/** A fresh directory with a copy of the fixture document. */
function workdir() {
  const dir = mkdtempSync(join(tmpdir(), "ekdo-sign-"));
  copyFileSync(source, join(dir, "document.pdf"));
  return dir;
}

/** `openssl cms -verify` with the gost engine; fails loudly when the engine is missing. */
function opensslVerify(signature, document, inform = "DER") {
  const engine = spawnSync("openssl", ["engine", "gost"], { encoding: "utf8" });
  assert.equal(engine.status, 0, `OpenSSL's gost engine is required (scripts/setup.sh --test): ${engine.stderr}`);
  const r = spawnSync("openssl", ["cms", "-verify", "-engine", "gost", "-inform", inform, "-binary", "-content", document,
    "-in", signature, "-CAfile", `${data}/ca-bundle.pem`, "-purpose", "any", "-attime", String(Date.parse(at) / 1000),
    "-out", "/dev/null"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /Verification successful/);
}

/** The report of `ekdo-check check` on a document and signature. */
function checkReport(document, signature) {
  const r = run(["check", document, "--sig", signature, "--at", at, "--json"]);
  assert.equal(r.stderr, "");
  return JSON.parse(r.stdout);
}

test("sign writes DOCUMENT.sig; check and OpenSSL find the signature valid", () => {
  const dir = workdir();
  const doc = join(dir, "document.pdf");
  const r = run(["sign", doc, "--key", `${keys}/smirnova.key.pem`, "--cert", `${keys}/smirnova.crt.pem`, "--at", at]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Подпись записана/);
  assert.ok(existsSync(`${doc}.sig`));
  opensslVerify(`${doc}.sig`, doc);
  const report = checkReport(doc, `${doc}.sig`);
  const signer = report.signatures[0].signers[0];
  assert.equal(signer.subject_cn, "Смирнова Анна Сергеевна");
  assert.equal(signer.digest_algorithm, "streebog256");
  assert.equal(signer.signature_valid, true, JSON.stringify(report.signatures[0], null, 1));
  assert.equal(signer.details.signing_certificate_matches, true);
});

test("sign --pem -o writes PEM; cosign adds the employee and keeps the employer", () => {
  const dir = workdir();
  const doc = join(dir, "document.pdf");
  const first = join(dir, "employer.pem");
  let r = run(["sign", doc, "--key", `${keys}/orlov.key.pem`, "--cert", `${keys}/orlov.crt.pem`, "--at", at, "--pem",
    "-o", first, "--lang", "en"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Signature written to/);
  assert.match(readFileSync(first, "utf8"), /^-----BEGIN CMS-----\n/);
  const both = join(dir, "both.sig");
  r = run(["cosign", doc, first, "--key", `${keys}/vasiliev.key.pem`, "--cert", `${keys}/vasiliev.crt.pem`, "--at", at,
    "-o", both]);
  assert.equal(r.status, 0, r.stderr);
  opensslVerify(both, doc);
  const report = checkReport(doc, both);
  const signers = report.signatures[0].signers;
  assert.deepEqual(signers.map((s) => s.subject_cn), ["Орлов Виктор Павлович", "Васильев Артём Николаевич"]);
  assert.ok(signers.every((s) => s.signature_valid), JSON.stringify(signers, null, 1));
});

test("the JS API: an external signer through signPrepare and signAssemble", () => {
  const document = bytes(source);
  const certificate = bytes(`${keys}/tikhonov.crt.pem`);
  const prepared = ekdo.signPrepare(document, certificate, { at });
  assert.equal(prepared.digestAlgorithm, "streebog512");
  assert.equal(prepared.hash.length, 64);
  assert.equal(prepared.signedAttrs[0], 0x31);
  const state = JSON.parse(prepared.state);
  assert.equal(state.format, "ekdo-check/sign-state/v1");
  // The external signer: OpenSSL's gost engine signs the hash (s‖r, as CMS wants it).
  const dir = mkdtempSync(join(tmpdir(), "ekdo-sign-"));
  writeFileSync(join(dir, "hash.bin"), prepared.hash);
  const signed = spawnSync("openssl", ["pkeyutl", "-sign", "-engine", "gost", "-inkey", `${keys}/tikhonov.key.pem`,
    "-in", join(dir, "hash.bin")]);
  assert.equal(signed.status, 0, String(signed.stderr));
  const value = new Uint8Array(signed.stdout);
  const cms = ekdo.signAssemble(prepared.state, value, { order: "s-then-r" });
  assert.ok(cms instanceof Uint8Array);
  writeFileSync(join(dir, "document.pdf.sig"), cms);
  opensslVerify(join(dir, "document.pdf.sig"), source);
  // The same value reversed, as CryptoAPI returns it.
  const reversed = Uint8Array.from(value).reverse();
  const pem = ekdo.signAssemble(prepared.state, reversed, { order: "little-endian", pem: true });
  assert.match(Buffer.from(pem).toString("latin1"), /^-----BEGIN CMS-----/);
  // A wrong order is named in the error.
  assert.throws(() => ekdo.signAssemble(prepared.state, reversed), (e) => e.code === "SIGN_SIGNATURE_INVALID"
    && /little-endian/.test(e.message));
});

test("the JS API: sign and cosign with software keys", () => {
  const document = bytes(source);
  const first = ekdo.sign(document, bytes(`${keys}/belova.key.pem`), bytes(`${keys}/belova.crt.pem`), { at });
  const both = ekdo.cosign(document, first, bytes(`${keys}/kuznetsov.key.pem`), bytes(`${keys}/kuznetsov.crt.pem`),
    { at: new Date(at), pem: true });
  const report = ekdo.check(document, [{ name: "both.sig", bytes: both }], { at });
  assert.equal(report.signatures[0].encoding, "pem");
  assert.equal(report.signatures[0].signers.length, 2);
  assert.ok(report.signatures[0].signers.every((s) => s.signature_valid), JSON.stringify(report.signatures[0], null, 1));
});

test("the JS API: misuse throws an Error with a code", () => {
  const document = bytes(source);
  const cert = bytes(`${keys}/smirnova.crt.pem`);
  const key = bytes(`${keys}/smirnova.key.pem`);
  const throwsCode = (fn, code) => assert.throws(fn, (e) => e instanceof Error && e.code === code, code);
  throwsCode(() => ekdo.signPrepare(document, cert, { frobnicate: 1 }), "OPTIONS_INVALID");
  throwsCode(() => ekdo.signPrepare("text", cert), "OPTIONS_INVALID");
  throwsCode(() => ekdo.signPrepare(document, cert, { at: "yesterday" }), "OPTIONS_TIME");
  throwsCode(() => ekdo.signPrepare(document, cert, { at: "2040-01-01" }), "SIGN_CERTIFICATE_NOT_VALID");
  throwsCode(() => ekdo.signPrepare(document, new Uint8Array([1, 2, 3])), "CERT_MALFORMED");
  throwsCode(() => ekdo.signPrepare(new Uint8Array(31), cert, { prehashed: true }), "SIGN_DIGEST_INVALID");
  const prepared = ekdo.signPrepare(document, cert, { at });
  throwsCode(() => ekdo.signAssemble("{}", new Uint8Array(64)), "SIGN_STATE_INVALID");
  throwsCode(() => ekdo.signAssemble(prepared.state, new Uint8Array(64), { order: "backwards" }), "OPTIONS_INVALID");
  throwsCode(() => ekdo.signAssemble(prepared.state, new Uint8Array(63)), "SIGN_SIGNATURE_INVALID");
  throwsCode(() => ekdo.sign(document, bytes(`${keys}/orlov.key.pem`), cert, { at }), "SIGN_KEY_CERTIFICATE_MISMATCH");
  throwsCode(() => ekdo.sign(document, bytes(`${keys}/pavlova.key.pem`), bytes(`${keys}/pavlova.crt.pem`), { at }),
    "SIGN_KEY_UNSUPPORTED");
  throwsCode(() => ekdo.sign(document, new Uint8Array([1, 2, 3]), cert, { at }), "SIGN_KEY_INVALID");
  throwsCode(() => ekdo.cosign(document, new Uint8Array(0), key, cert, { at }), "INPUT_EMPTY");
});

test("sign and cosign: bad usage exits 2 with a coded message and never shows the key", () => {
  const dir = workdir();
  const doc = join(dir, "document.pdf");
  const key = `${keys}/smirnova.key.pem`;
  const cert = `${keys}/smirnova.crt.pem`;
  const keyBody = readFileSync(key, "utf8").split("\n")[1];
  for (const [args, code] of [
    [["sign", doc, "--cert", cert], "OPTIONS_INVALID"],
    [["sign", doc, "--key", key], "OPTIONS_INVALID"],
    [["sign", "--key", key, "--cert", cert], "OPTIONS_INVALID"],
    [["sign", doc, doc, "--key", key, "--cert", cert], "OPTIONS_INVALID"],
    [["sign", doc, "--key", key, "--cert", cert, "--frobnicate"], "OPTIONS_INVALID"],
    [["sign", doc, "--key", key, "--cert", cert, "--at", "yesterday"], "OPTIONS_TIME"],
    [["sign", "/nonexistent.pdf", "--key", key, "--cert", cert], "INPUT_UNREADABLE"],
    [["sign", doc, "--key", "/nonexistent.key", "--cert", cert], "INPUT_UNREADABLE"],
    [["sign", doc, "--key", `${keys}/orlov.key.pem`, "--cert", cert, "--at", at], "SIGN_KEY_CERTIFICATE_MISMATCH"],
    [["sign", doc, "--key", `${keys}/grigoriev.key.pem`, "--cert", `${keys}/grigoriev.crt.pem`, "--at", at],
      "SIGN_KEY_UNSUPPORTED"],
    [["sign", doc, "--key", doc, "--cert", cert, "--at", at], "SIGN_KEY_INVALID"],
    [["sign", doc, "--key", key, "--cert", key, "--at", at], "CERT_MALFORMED"],
    [["sign", doc, "--key", key, "--cert", cert, "--at", "2040-01-01T00:00:00Z"], "SIGN_CERTIFICATE_NOT_VALID"],
    [["cosign", doc, "--key", key, "--cert", cert, "-o", join(dir, "x.sig")], "OPTIONS_INVALID"],
    [["cosign", doc, doc, "--key", key, "--cert", cert], "OPTIONS_INVALID"],
    [["cosign", doc, doc, "--key", key, "--cert", cert, "-o", join(dir, "x.sig")], "CMS_UNEXPECTED_PDF"],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^ekdo-check: ${code}: `), args.join(" "));
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    assert.ok(!r.stderr.includes(keyBody) && !r.stdout.includes(keyBody), "the key is never printed");
  }
  assert.ok(!existsSync(join(dir, "x.sig")), "nothing is written on failure");
});

test("--help lists sign and cosign in both languages", () => {
  assert.match(run(["--help"]).stdout, /ekdo-check sign ДОКУМЕНТ --key КЛЮЧ --cert СЕРТИФИКАТ/);
  assert.match(run(["--help", "--lang", "en"]).stdout, /ekdo-check cosign DOCUMENT SIGNATURE --key KEY/);
});

test("the signing functions type-check in TypeScript, options optional", () => {
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  const compile = (source) => {
    const dir = mkdtempSync(join(tmpdir(), "ekdo-sign-types-"));
    const config = {
      compilerOptions: {
        strict: true, noEmit: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler",
        lib: ["ES2022", "DOM"], types: [], paths: { "ekdo-check": [`${pkg}/index.d.ts`] },
      },
      files: ["sign.ts"],
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config));
    writeFileSync(join(dir, "sign.ts"), source);
    const r = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };
  const header = `import { cosign, sign, signAssemble, signPrepare } from "ekdo-check";
import type { RawSignatureOrder, SignOptions, SignPrepared } from "ekdo-check";
declare const doc: Uint8Array, cert: Uint8Array, key: Uint8Array, raw: Uint8Array, old: Uint8Array;
`;
  const good = compile(`${header}
const prepared: SignPrepared = signPrepare(doc, cert);
const hash: Uint8Array = signPrepare(doc, cert, { at: new Date(), chain: [cert], prehashed: false }).hash;
const order: RawSignatureOrder = "little-endian";
const one: Uint8Array = signAssemble(prepared.state, raw);
const two: Uint8Array = signAssemble(prepared.state, raw, { order, pem: true, existing: old });
const options: SignOptions = { at: "2026-11-25T12:00:00Z", pem: true };
const signed: Uint8Array = sign(doc, key, cert);
const both: Uint8Array = cosign(doc, signed, key, cert, options);
export { hash, one, two, both };
`);
  assert.equal(good.status, 0, good.output);
  const bad = compile(`${header}
export const x = signAssemble("state", raw, { order: "big-endian" });
export const y = sign(doc, key, cert, { lang: "ru" });
`);
  assert.notEqual(bad.status, 0);
  assert.match(bad.output, /big-endian/);
  assert.match(bad.output, /lang/);
});
