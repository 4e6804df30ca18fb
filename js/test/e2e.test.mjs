// The demo page end to end in a real browser (Debian's Chromium through playwright-core): files go
// in through the file inputs, verdicts are read back from the DOM (data-testid attributes) and
// compared with what the same package computes in Node for the same files, and with the fixtures'
// expected.json. The sign tab signs with the test PKI's keys; its downloads are checked again.
// Every request the page makes must stay on 127.0.0.1.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import Ajv from "ajv";
import { chromium } from "playwright-core";

import { at, data, pkg, root } from "./helpers.mjs";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const ekdo = await import(`${pkg}/node.mjs`);
const schema = JSON.parse(readFileSync(`${root}schema/report-v1.schema.json`, "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const sample = JSON.parse(readFileSync(`${root}js/examples/sample-report.json`, "utf8"));

const c01 = `${data}/01-qualified-person-der`;
const c05 = `${data}/05-two-signers`;
const c06 = `${data}/06-tampered-document`;
const c08 = `${data}/08-non-accredited-ca`;
const c17 = `${data}/17-truncated-signature`;
const c18 = `${data}/18-pdf-as-signature`;
const keys = `${data}/keys`;
const tslPath = `${data}/tsl.xml`;
const read = (path) => new Uint8Array(readFileSync(path));
const tsl = read(tslPath);
const expected = (dir) => JSON.parse(readFileSync(`${dir}/expected.json`, "utf8"));

let server;
let origin;
let browser;
let page;
let tmp;
const requests = [];
const pageErrors = [];
const consoleErrors = [];

/** Starts js/serve.mjs on a free port; resolves with the child and the page's address. */
function serve() {
  const child = spawn(process.execPath, [`${root}js/serve.mjs`, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no address: ${out}`)), 10_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/www\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0] });
      }
    });
    child.on("exit", (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
}

/** What the package computes in Node for the same files and options as the page. */
function nodeReport(document, signatures, options = {}) {
  return ekdo.check(read(document.path), signatures.map((s) => ({ name: s.name, bytes: read(s.path) })),
    { at, documentName: document.name, ...options });
}

/** A fixture case: its expected.json, its two files, and the report Node computes for them. */
function fixture(dir, options = {}) {
  const e = expected(dir);
  const doc = `${dir}/${e.document}`;
  const sig = `${dir}/${e.signature}`;
  const report = nodeReport({ path: doc, name: e.document }, [{ path: sig, name: e.signature }], options);
  return { e, doc, sig, report };
}

/** Waits until the page has nothing queued (file reads, checks). */
const idle = () => page.waitForSelector("body[data-busy=false]", { state: "attached", timeout: 30_000 });

/** Runs `action` (a drop, a select) and waits for the check it starts to finish. */
async function rerun(action) {
  await idle();
  const run = Number(await page.getAttribute("[data-testid=result]", "data-run"));
  await action();
  await page.waitForFunction((n) => Number(document.querySelector("[data-testid=result]").dataset.run) > n && document.body.dataset.busy === "false",
    run, { timeout: 30_000 });
}

/** Sets files on the page's input and waits for the check they start to finish. */
const drop = (files) => rerun(() => page.setInputFiles("[data-testid=file-input]", files));

const field = (scope, name) => page.locator(`${scope} [data-field="${name}"]`).first().getAttribute("data-value");
const testid = (id) => `[data-testid="${id}"]`;
const codes = (selector) => page.locator(`${selector} > li`).evaluateAll((els) => els.map((e) => e.dataset.code));
const loaded = () => page.locator(`${testid("loaded-files")} li`).evaluateAll((els) => els.map((e) => [e.dataset.role, e.querySelector(".name").textContent]));

/** Removes the loaded trust list (its own button in the file list) and waits for the check. */
const removeTrustList = () => rerun(() => page.click(`${testid("loaded-files")} li[data-role=trust] button`));

/** The DOM shows what the report says: document card, size bar, PDF/A, signatures, signers, upload. */
async function assertShows(report, documentPath) {
  const bytes = readFileSync(documentPath);
  const doc = testid("document-card");
  assert.equal(await field(doc, "file"), report.document.file);
  assert.equal(await field(doc, "size"), String(bytes.length));
  assert.equal(await field(doc, "sha256"), createHash("sha256").update(bytes).digest("hex"));
  assert.equal(await page.getAttribute(testid("size-bar"), "data-size"), String(bytes.length));
  const zone = bytes.length > 15 * 1024 * 1024 ? "over" : bytes.length > 15_000_000 ? "warn" : "ok";
  assert.equal(await page.getAttribute(testid("size-bar"), "data-zone"), zone);
  assert.equal(await page.getAttribute(testid("pdfa-verdict"), "data-verdict"), report.document.pdfa.verdict);
  assert.equal(await field(doc, "claimed"), report.document.pdfa.claimed ?? "");
  assert.equal(await field(doc, "header_version"), report.document.pdfa.header_version ?? "");
  assert.equal(await page.locator(`${testid("violations")} tbody tr`).count(), report.document.pdfa.violations.length);

  assert.equal(await page.getAttribute(testid("ready-banner"), "data-ready"), String(report.ready));
  assert.equal(await page.getAttribute(testid("overall-kind"), "data-kind"), report.kind ?? "");

  const cards = page.locator(testid("signature-card"));
  assert.equal(await cards.count(), report.signatures.length);
  for (const [i, s] of report.signatures.entries()) {
    const card = cards.nth(i);
    assert.equal(await card.getAttribute("data-file"), s.file);
    assert.equal(await card.locator(testid("sig-parse")).getAttribute("data-parse"), s.parse);
    assert.equal(await card.locator('[data-field="encoding"]').getAttribute("data-value"), s.encoding ?? "");
    assert.equal(await card.locator(testid("signature-kind")).getAttribute("data-kind"), s.kind);
    assert.equal(await card.locator(testid("sig-error")).count(), s.error ? 1 : 0);
    if (s.error) assert.equal(await card.locator(testid("sig-error")).getAttribute("data-code"), s.error.code);
    const signers = card.locator(testid("signer-card"));
    assert.equal(await signers.count(), s.signers.length);
    for (const [j, x] of s.signers.entries()) {
      const el = signers.nth(j);
      assert.equal(await el.locator(testid("signer-name")).textContent(), x.subject_cn ?? "—");
      assert.equal(await el.locator(testid("signer-kind")).getAttribute("data-kind"), x.kind ?? "");
      assert.equal(await el.locator('[data-field="inn"]').getAttribute("data-value"), x.inn);
      assert.equal(await el.locator('[data-field="snils"]').getAttribute("data-value"), x.snils ?? "");
      assert.deepEqual(await el.locator(`${testid("reasons")} > li`).evaluateAll((els) => els.map((e) => [e.dataset.code, e.dataset.ok])),
        x.reasons.map((r) => [r.code, String(r.ok)]));
    }
  }
  assert.equal(await page.locator(testid("policy-card")).count(), report.policy ? 1 : 0);
  assert.deepEqual(JSON.parse(await page.locator(testid("upload-json")).textContent()), report.upload);
  assert.deepEqual(await page.locator(`${testid("upload-steps")} > li`).evaluateAll((els) => els.map((e) => e.dataset.file)),
    report.upload.steps.map((s) => s.file));
  assert.deepEqual(await codes(testid("errors")), report.errors.map((m) => m.code));
  assert.deepEqual(await codes(testid("warnings")), report.warnings.map((m) => m.code));
}

/**
 * The signer cards show the fixture's documented facts (expected.json): names, identifiers,
 * certificate, algorithms, the verdicts and, with the trust list, each signer's kind.
 */
async function assertSigners(e, withTrustList) {
  const card = page.locator(testid("signature-card")).first();
  assert.equal(await card.locator(testid("sig-parse")).getAttribute("data-parse"), e.parse);
  assert.equal(await card.locator('[data-field="encoding"]').getAttribute("data-value"), e.encoding ?? "");
  assert.equal(await card.locator(testid("signature-kind")).getAttribute("data-kind"), withTrustList ? e.kind_with_tsl : e.kind_without_tsl);
  const signers = card.locator(testid("signer-card"));
  assert.equal(await signers.count(), e.signers.length);
  for (const [j, x] of e.signers.entries()) {
    const el = signers.nth(j);
    const value = (name) => el.locator(`[data-field="${name}"]`).getAttribute("data-value");
    assert.equal(await el.locator(testid("signer-name")).textContent(), x.subject_cn);
    assert.equal(await value("inn"), x.inn);
    assert.equal(await value("snils"), x.snils ?? "");
    for (const name of ["ogrn", "innle", "organization", "title"]) {
      if (x[name] === null) assert.equal(await el.locator(`[data-field="${name}"]`).count(), 0, name);
      else assert.equal(await el.locator(`[data-field="${name}"]`).textContent(), x[name], name);
    }
    assert.equal(await value("serial_hex"), x.serial_hex);
    assert.equal(await value("issuer_cn"), x.issuer_cn);
    assert.equal(await value("key_algorithm"), x.key_algorithm);
    assert.equal(await value("digest_algorithm"), x.digest_algorithm);
    assert.equal(await value("signature_valid"), String(x.signature_valid));
    assert.equal(await value("cert_valid_at_signing"), String(x.cert_valid_at_signing));
    assert.equal(await value("qualified_profile"), String(x.qualified_profile));
    if (withTrustList) {
      assert.equal(await value("issuer_accredited"), String(x.issuer_accredited));
      assert.equal(await el.locator(testid("signer-kind")).getAttribute("data-kind"), x.kind);
    }
  }
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "ekdo-e2e-"));
  ({ child: server, url: origin } = await serve());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ru-RU", acceptDownloads: true });
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(origin);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
  await page.click("#meta-box > summary");
  await page.fill(testid("check-at"), at);
  await page.locator(testid("check-at")).blur();
  await idle();
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (tmp && !process.env.EKDO_KEEP_SCREENSHOTS) rmSync(tmp, { recursive: true, force: true });
});

test("the page loads in Russian with the package's version and the core's document types", async () => {
  assert.equal(await page.getAttribute("html", "lang"), "ru");
  assert.equal(await page.textContent("h1"), "Проверка кадрового документа перед загрузкой");
  assert.equal(await page.textContent(testid("version")), ekdo.version());
  assert.equal(await page.isVisible(testid("result")), false);
  // The select lists the catalogue of documentTypes(): electronic types under their portal
  // sections, then the paper-only ones.
  const catalogue = ekdo.documentTypes();
  const options = await page.locator(`${testid("doc-type")} option`).evaluateAll((els) => els.map((e) => [e.value, e.textContent, e.parentElement.label ?? null]));
  assert.deepEqual(options[0].slice(0, 2), ["", "— не выбран —"]);
  const electronic = catalogue.types.filter((d) => d.electronic);
  const paper = catalogue.types.filter((d) => !d.electronic);
  assert.deepEqual(options.slice(1).map((o) => o[0]).sort(), catalogue.types.map((d) => d.id).sort());
  for (const d of electronic) assert.deepEqual(options.find((o) => o[0] === d.id), [d.id, d.name_ru, d.group]);
  for (const d of paper) assert.deepEqual(options.find((o) => o[0] === d.id), [d.id, d.name_ru, "Только на бумаге (ст. 22.1 ТК РФ)"]);
  assert.ok(paper.length >= 1 && electronic.length >= 10);
});

test("case 01 without the trust list: document card, size bar, PDF/A, signer Смирнова with УКЭП?", async () => {
  const { e, doc, sig, report } = fixture(c01);
  await drop([doc, sig]);
  await assertShows(report, doc);
  await assertSigners(e, false);
  // The fixture's document declares PDF/A-1b in its XMP and starts with %PDF-1.4.
  assert.equal(await field(testid("document-card"), "claimed"), "1B");
  assert.equal(await field(testid("document-card"), "header_version"), /^%PDF-(\d\.\d)/.exec(readFileSync(doc, "latin1"))[1]);
  assert.equal(report.ready, false, "without the trust list an УКЭП? blocks the upload");
  assert.equal(await page.textContent(`${testid("ready-banner")} h2`), "Не готово к загрузке");
  assert.ok((await codes(testid("upload-blockers"))).includes("QUAL_UNCONFIRMED"));
  assert.equal(await page.textContent(`${testid("ready-banner")} [data-field="trust_list"]`), "не загружен (аккредитация УЦ не проверяется)");
  assert.deepEqual((await loaded()).map((r) => r[0]), ["document", "signature"]);
  // The progress line ends with the bytes read.
  const total = readFileSync(doc).length + readFileSync(sig).length;
  assert.match((await page.textContent("#progress-text")).replace(/\s/g, " "), new RegExp(`Прочитано ${total.toLocaleString("ru-RU").replace(/\s/g, " ")} байт`));
});

test("case 01 with tsl.xml: parsed once and kept, УКЭП, ready to upload", async () => {
  await drop([tslPath]);
  assert.deepEqual(await loaded(), [["document", "document.pdf"], ["signature", "document.pdf.sig"], ["trust", "tsl.xml"]]);
  const { e, doc, report } = fixture(c01, { trustList: tsl });
  await assertShows(report, doc);
  await assertSigners(e, true);
  assert.equal(report.ready, true);
  assert.equal(await page.getAttribute(testid("ready-banner"), "data-ready"), "true");
  assert.equal(await page.textContent(`${testid("ready-banner")} h2`), "Готово к загрузке на портал");
  const list = ekdo.TrustList.parse(tsl);
  const summary = list.summary();
  list.free();
  assert.equal(summary.version, "81240");
  assert.match(await page.textContent(`${testid("ready-banner")} [data-field="trust_list"]`), /^версия 81240 от 24\.11\.2026: УЦ — 3, ключей — 3$/);
  assert.match(await page.textContent(testid("trust-summary")), /версия 81240 от 24\.11\.2026: УЦ — 3, ключей — 3 · сохраняется/);

  // Not a trust list: refused with its code, and the list already loaded stays in use.
  writeFileSync(join(tmp, "not-a-list.xml"), "<?xml version=\"1.0\"?><x/>");
  await drop([join(tmp, "not-a-list.xml")]);
  let refused;
  try {
    ekdo.TrustList.parse(read(join(tmp, "not-a-list.xml")));
  } catch (err) {
    refused = err;
  }
  assert.match(refused.code, /^TSL_/);
  assert.equal(await page.getAttribute(`${testid("notices")} li.error`, "data-code"), refused.code);
  assert.equal(await page.textContent(`${testid("notices")} li.error`), `Файл «not-a-list.xml» не принят как перечень УЦ (${refused.code}): ${refused.message_ru}`);
  assert.equal(await page.getAttribute(`${testid("signature-card")} ${testid("signature-kind")}`, "data-kind"), "УКЭП");
  // The same list again replaces the handle (the old one is freed): checks go on with the new one.
  await drop([tslPath]);
  await assertShows(report, doc);
  assert.deepEqual((await loaded()).map((r) => r[0]), ["document", "signature", "trust"]);
});

test("case 05: two signers, Орлов and Васильев, both УКЭП", async () => {
  const { e, doc, sig, report } = fixture(c05, { trustList: tsl });
  await drop([doc, sig]);
  await assertShows(report, doc);
  await assertSigners(e, true);
  assert.deepEqual(await page.locator(`${testid("signer-card")} ${testid("signer-name")}`).allTextContents(), ["Орлов Виктор Павлович", "Васильев Артём Николаевич"]);
  assert.deepEqual(await page.locator(`${testid("signer-card")} ${testid("signer-kind")}`).allTextContents(), ["УКЭП", "УКЭП"]);
  // After the check the file list has a party select for each of the file's two signers.
  assert.deepEqual(await page.locator(testid("party")).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label"))),
    ["Сторона подписанта «Орлов Виктор Павлович» в «document.pdf.sig»", "Сторона подписанта «Васильев Артём Николаевич» в «document.pdf.sig»"]);
});

test("case 06: the tampered document's signature is invalid with SIG_DIGEST_MISMATCH", async () => {
  const { e, doc, sig, report } = fixture(c06, { trustList: tsl });
  await drop([doc, sig]);
  await assertShows(report, doc);
  await assertSigners(e, true);
  assert.equal(await page.textContent(`${testid("signature-card")} ${testid("signature-kind")}`), "недействительна");
  const mismatch = page.locator(`${testid("reasons")} > li[data-code="SIG_DIGEST_MISMATCH"]`);
  assert.equal(await mismatch.getAttribute("data-ok"), "false");
  const reason = report.signatures[0].signers[0].reasons.find((r) => r.code === "SIG_DIGEST_MISMATCH");
  assert.equal(await mismatch.textContent(), `✗ ${reason.message_ru} SIG_DIGEST_MISMATCH`);
  assert.ok((await codes(testid("upload-blockers"))).includes("SIG_DIGEST_MISMATCH"));
  assert.equal(await page.getAttribute(testid("ready-banner"), "data-ready"), "false");
  assert.equal(await page.getAttribute(testid("upload-card"), "data-ready"), "false");
});

test("case 08: a commercial CA's signer is УНЭП", async () => {
  const { e, doc, sig, report } = fixture(c08, { trustList: tsl });
  await drop([doc, sig]);
  await assertShows(report, doc);
  await assertSigners(e, true);
  assert.equal(await page.textContent(`${testid("signer-card")} ${testid("signer-name")}`), "Сидоров Павел Андреевич");
  assert.equal(await page.textContent(`${testid("signature-card")} ${testid("signature-kind")}`), "УНЭП");
});

test("case 17: a truncated signature shows its parse error code", async () => {
  const { e, doc, sig, report } = fixture(c17, { trustList: tsl });
  await drop([doc, sig]);
  await assertShows(report, doc);
  await assertSigners(e, true);
  const error = report.signatures[0].error;
  assert.equal(error.code, "CMS_TRUNCATED");
  assert.equal(await page.getAttribute(testid("sig-error"), "data-code"), "CMS_TRUNCATED");
  assert.equal(await page.textContent(testid("sig-error")), `${error.code} ${error.message_ru}`);
  assert.equal(await page.getAttribute(testid("sig-parse"), "data-parse"), "error");
});

test("case 18: a PDF given as the signature file: a signature card with a parse error", async () => {
  await page.click("#clear");
  const { e, doc, sig, report } = fixture(c18, { trustList: tsl });
  await drop([doc, sig]);
  assert.deepEqual((await loaded()).map((r) => r[0]), ["document", "signature", "trust"], "a .sig file is a signature whatever it holds");
  await assertShows(report, doc);
  await assertSigners(e, true);
  const code = await page.getAttribute(`${testid("signature-card")} ${testid("sig-error")}`, "data-code");
  assert.match(code, /^[A-Z][A-Z0-9_]*$/);
  const error = report.signatures[0].error;
  assert.equal(await page.textContent(`${testid("signature-card")} ${testid("sig-error")}`), `${error.code} ${error.message_ru}`);
});

test("not a PDF, and files told apart by their first bytes", async () => {
  writeFileSync(join(tmp, "notes.pdf"), "hello, world\n");
  await drop([join(tmp, "notes.pdf")]);
  assert.equal(await page.getAttribute(testid("pdfa-verdict"), "data-verdict"), "not-pdf");
  assert.ok((await codes(testid("errors"))).includes("PDF_NOT_PDF"));
  assert.equal(await page.getAttribute(testid("ready-banner"), "data-ready"), "false");
  assert.equal(await page.locator(testid("signature-card")).count(), 0);
  await assertShows(nodeReport({ path: join(tmp, "notes.pdf"), name: "notes.pdf" }, [], { trustList: tsl }), join(tmp, "notes.pdf"));

  // No telling extension: %PDF is the document, anything else a signature.
  writeFileSync(join(tmp, "scan.bin"), readFileSync(`${c01}/document.pdf`));
  writeFileSync(join(tmp, "blob.bin"), Buffer.from([0x30, 0x82, 0x01, 0x00, 0x06, 0x09]));
  await drop([join(tmp, "scan.bin"), join(tmp, "blob.bin")]);
  assert.deepEqual(await loaded(), [["document", "scan.bin"], ["signature", "blob.bin"], ["trust", "tsl.xml"]]);
  assert.equal(await page.locator(testid("signature-card")).count(), 1);
});

test("a big document: progress while reading, the size bar's warning zone and the limit", async () => {
  // 15 300 000 bytes: above 15 000 000 (decimal «15 МБ»), below 15 MiB. Then 16 000 000: above.
  const base = readFileSync(`${c01}/document.pdf`);
  for (const [name, size, zone, code, list] of [
    ["big-warn.pdf", 15_300_000, "warn", "PDF_SIZE_NEAR_LIMIT", "warnings"],
    ["big-over.pdf", 16_000_000, "over", "PDF_SIZE_OVER_LIMIT", "errors"],
  ]) {
    const padded = Buffer.alloc(size, 0x20);
    base.copy(padded);
    writeFileSync(join(tmp, name), padded);
    await page.evaluate(() => {
      window.__progress = [];
      const bar = document.getElementById("progress-bar");
      window.__observer?.disconnect();
      window.__observer = new MutationObserver(() => window.__progress.push([Number(bar.getAttribute("value")), bar.max]));
      window.__observer.observe(bar, { attributes: true, attributeFilter: ["value"] });
    });
    await drop([join(tmp, name)]);
    const seen = await page.evaluate(() => window.__progress);
    const partial = seen.filter(([v, max]) => max === size && v > 0 && v < size);
    assert.ok(partial.length >= 3, `${name}: progress steps ${JSON.stringify(seen.slice(0, 5))}…`);
    assert.ok(seen.some(([v, max]) => max === size && v === size), `${name}: progress reached the end`);
    assert.equal(await page.getAttribute(testid("size-bar"), "data-zone"), zone);
    assert.equal(await field(testid("document-card"), "size"), String(size));
    assert.ok((await codes(testid(list))).includes(code), `${name}: ${code} in ${list}`);
    assert.equal(await page.getAttribute(testid("size-bar") + " [role=meter]", "aria-valuemax"), String(15 * 1024 * 1024));
    assert.match(await page.textContent(testid("size-zone")), zone === "warn" ? /15 000 000/ : /15 МиБ/);
    rmSync(join(tmp, name));
  }
});

test("the labour-law card for case 05: employment contract in the employer's system, parties per signer", async () => {
  await page.selectOption(testid("doc-type"), "employment_contract");
  await page.selectOption(testid("channel"), "own");
  await page.fill(testid("employee"), "Васильев Артём Николаевич");
  await page.fill(testid("doc-number"), "12-к");
  await page.fill(testid("doc-date"), "2026-11-25");
  // The chosen cell of the matrix, as policyText() words it, under the select.
  assert.equal(await page.textContent(testid("policy-text")),
    `${ekdo.policyText("employment_contract", "employer", "own", "ru")}\n${ekdo.policyText("employment_contract", "employee", "own", "ru")}`);
  assert.match(await page.textContent(testid("policy-hint")), /Раздел на портале: «Электронные трудовые договоры», кодификатор 12\.999/);

  const meta = { document_type: "employment_contract", channel: "own", employee: "Васильев Артём Николаевич", number: "12-к", date: "2026-11-25" };
  const { doc, sig, report } = fixture(c05, { trustList: tsl, meta });
  await drop([doc, sig]);
  await assertShows(report, doc);
  assert.equal(report.policy.ok, true);
  const policy = testid("policy-card");
  assert.equal(await page.getAttribute(policy, "data-ok"), "true");
  assert.equal(await page.textContent(`${policy} ${testid("policy-verdict")}`), "Виды подписей соответствуют требованиям");
  assert.equal(await field(policy, "document_type"), "employment_contract");
  assert.equal(await page.textContent(`${policy} [data-field="document_type"]`), "Трудовой договор");
  assert.equal(await field(policy, "channel"), "own");
  assert.deepEqual(await page.locator(`${testid("policy-signatures")} tbody tr`).evaluateAll((els) => els.map((e) => [e.dataset.party, e.dataset.ok])),
    [["employer", "true"], ["employee", "true"]]);
  // The manifest: the portal's file name, section, codifier, steps with declared type and party.
  const upload = testid("upload-card");
  assert.equal(await field(upload, "file_name"), "Васильев Артём Николаевич Трудовой договор № 12-к от 25.11.2026.pdf");
  assert.equal(await field(upload, "file_name"), report.upload.file_name);
  assert.equal(await field(upload, "group"), "Электронные трудовые договоры");
  assert.equal(await page.textContent(`${upload} [data-field="codifier"]`), "12.999 — Иные документы");
  const steps = await page.locator(`${testid("upload-steps")} > li`).evaluateAll((els) => els.map((e) => e.textContent));
  assert.deepEqual(steps, report.upload.steps.map((s) => s.part === "document"
    ? `Документ:${s.file}` : `Подпись:${s.file} ${s.signature_type} · ${{ employer: "работодатель", employee: "работник" }[s.party]}`));
  assert.equal(await page.getAttribute(upload, "data-ready"), "true");
  // The selects say which party the core assigned.
  assert.deepEqual(await page.locator(`${testid("party")} option:checked`).allTextContents(),
    ["сторона: авто (работодатель)", "сторона: авто (работник)"]);

  // Parties chosen per signer go to the core as meta.parties, one per signer in file order.
  await rerun(() => page.locator(testid("party")).nth(1).selectOption("employer"));
  await rerun(() => page.locator(testid("party")).nth(0).selectOption("employee"));
  const swapped = fixture(c05, { trustList: tsl, meta: { ...meta, parties: ["employee", "employer"] } }).report;
  await assertShows(swapped, doc);
  assert.deepEqual(await page.locator(`${testid("policy-signatures")} tbody tr`).evaluateAll((els) => els.map((e) => e.dataset.party)), ["employee", "employer"]);
  assert.deepEqual(await page.locator(`${testid("signer-card")} [data-field="party"]`).evaluateAll((els) => els.map((e) => e.dataset.value)), ["employee", "employer"]);
  await rerun(() => page.locator(testid("party")).nth(0).selectOption(""));
  await rerun(() => page.locator(testid("party")).nth(1).selectOption(""));
  await assertShows(report, doc);
  await rerun(() => page.selectOption(testid("doc-type"), ""));
  assert.equal(await page.locator(testid("policy-card")).count(), 0);
  assert.equal(await page.isVisible(testid("policy-hint")), false);
});

/** Clicks the page's download link and returns the download's name and bytes. */
async function download(selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = join(tmp, `download-${Date.now()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, bytes: read(path) };
}

/** Signs in the sign tab with the files given and waits for the result (done or error). */
async function signWith({ doc = `${c01}/document.pdf`, cert, key, existing = [], pem = false }) {
  await page.setInputFiles(testid("sign-doc"), doc);
  await page.setInputFiles(testid("sign-cert"), cert);
  await page.setInputFiles(testid("sign-key"), key);
  await page.setInputFiles(testid("sign-existing"), existing);
  await page.setChecked(testid("sign-pem"), pem);
  await page.evaluate(() => document.querySelector("[data-testid=sign-result]").replaceChildren());
  await page.click(testid("sign-go"));
  await page.waitForSelector(`${testid("sign-done")}, ${testid("sign-error")}`);
}

test("the sign tab signs with a software GOST key; the download checks as Смирнова's УКЭП", async () => {
  // The check tab checks at its fixed time unless the field is empty: the signature is made now.
  await rerun(async () => {
    await page.fill(testid("check-at"), "");
    await page.locator(testid("check-at")).blur();
  });
  await page.click(testid("tab-sign"));
  assert.match(await page.textContent(testid("sign-privacy")), /^Ключ не покидает браузер и нигде не сохраняется/);
  const before = Date.now();
  await signWith({ cert: `${keys}/smirnova.crt.pem`, key: `${keys}/smirnova.key.pem` });
  const signed = await download(testid("sign-download"));
  assert.equal(signed.name, "document.pdf.sig");
  assert.equal(signed.bytes[0], 0x30, "DER by default");
  assert.equal(await page.getAttribute(testid("sign-done"), "data-size"), String(signed.bytes.length));
  // Node checks the downloaded file: a valid signature by Смирнова made just now, inside the
  // certificate's validity (2026-10-25 .. 2031-10-25).
  const options = { documentName: "document.pdf" };
  const checked = ekdo.check(read(`${c01}/document.pdf`), [{ name: signed.name, bytes: signed.bytes }], { ...options, trustList: tsl });
  const signer = checked.signatures[0].signers[0];
  assert.equal(signer.subject_cn, "Смирнова Анна Сергеевна");
  assert.equal(signer.signature_valid, true);
  assert.equal(signer.kind, "УКЭП");
  const time = Date.parse(signer.details.signing_time);
  assert.ok(time >= Math.floor(before / 1000) * 1000 && time <= Date.now(), signer.details.signing_time);
  assert.ok(time >= Date.parse("2026-10-25T00:00:00Z") && time < Date.parse("2031-10-25T00:00:00Z"));

  // "Check this signature" moves the document and the signature to the check tab.
  await rerun(() => page.click(testid("sign-check")));
  assert.equal(await page.isVisible("#panel-check"), true);
  assert.equal(await page.getAttribute(testid("tab-check"), "aria-selected"), "true");
  assert.deepEqual(await loaded(), [["document", "document.pdf"], ["signature", "document.pdf.sig"], ["trust", "tsl.xml"]]);
  assert.equal(await page.textContent(testid("signer-name")), "Смирнова Анна Сергеевна");
  assert.equal(await field(testid("signer-card"), "signature_valid"), "true");
  assert.equal(await page.getAttribute(testid("signer-kind"), "data-kind"), "УКЭП");
  assert.equal(await page.getAttribute(testid("ready-banner"), "data-ready"), "true");
  assert.equal(await field(testid("signature-card"), "size"), String(signed.bytes.length));
  // Without the trust list the same signature is УКЭП?.
  await removeTrustList();
  assert.equal(await page.getAttribute(testid("signer-kind"), "data-kind"), "УКЭП?");
  assert.equal(await field(testid("signer-card"), "signature_valid"), "true");
  await drop([tslPath]);
  assert.equal(await page.getAttribute(testid("signer-kind"), "data-kind"), "УКЭП");
  await rerun(async () => {
    await page.fill(testid("check-at"), at);
    await page.locator(testid("check-at")).blur();
  });

  // Co-signing the downloaded file: Орлов's signature is added in PEM, Смирнова's stays.
  await page.click(testid("tab-sign"));
  await signWith({ cert: `${keys}/orlov.crt.pem`, key: `${keys}/orlov.key.pem`, existing: signed.path, pem: true });
  assert.match(await page.textContent(testid("sign-done")), /^Подпись добавлена к «download-\d+»/);
  const both = await download(testid("sign-download"));
  assert.match(Buffer.from(both.bytes).toString("latin1"), /^-----BEGIN CMS-----/);
  const report = ekdo.check(read(`${c01}/document.pdf`), [{ name: both.name, bytes: both.bytes }], { trustList: tsl });
  assert.deepEqual(report.signatures[0].signers.map((x) => [x.subject_cn, x.signature_valid, x.kind]),
    [["Смирнова Анна Сергеевна", true, "УКЭП"], ["Орлов Виктор Павлович", true, "УКЭП"]]);
});

test("the sign tab: a key that does not match the certificate shows the coded error", async () => {
  await signWith({ cert: `${keys}/smirnova.crt.pem`, key: `${keys}/orlov.key.pem` });
  let refused;
  try {
    ekdo.sign(read(`${c01}/document.pdf`), read(`${keys}/orlov.key.pem`), read(`${keys}/smirnova.crt.pem`));
  } catch (err) {
    refused = err;
  }
  assert.equal(refused.code, "SIGN_KEY_CERTIFICATE_MISMATCH");
  assert.equal(await page.getAttribute(testid("sign-error"), "data-code"), "SIGN_KEY_CERTIFICATE_MISMATCH");
  assert.equal(await page.textContent(testid("sign-error")), `Подписать не удалось (SIGN_KEY_CERTIFICATE_MISMATCH): ${refused.message_ru}`);
  assert.equal(await page.locator(testid("sign-download")).count(), 0);
  // An RSA key is refused too: software signing takes GOST keys only.
  await signWith({ cert: `${keys}/grigoriev.crt.pem`, key: `${keys}/grigoriev.key.pem` });
  assert.equal(await page.getAttribute(testid("sign-error"), "data-code"), "SIGN_KEY_UNSUPPORTED");
  // Missing files: the page says which it needs.
  await page.setInputFiles(testid("sign-key"), []);
  await page.click(testid("sign-go"));
  assert.equal(await page.textContent(testid("sign-error")), "Выберите документ, сертификат и ключ.");
});

test("the sign tab: an external signer signs signPrepare's hash; signAssemble makes the file", async () => {
  const engine = spawnSync("openssl", ["engine", "gost"], { encoding: "utf8" });
  assert.equal(engine.status, 0, `OpenSSL's gost engine is required (scripts/setup.sh --test): ${engine.stderr}`);
  await page.setInputFiles(testid("sign-doc"), `${c01}/document.pdf`);
  await page.setInputFiles(testid("sign-cert"), `${keys}/tikhonov.crt.pem`);
  await page.setInputFiles(testid("sign-existing"), []);
  await page.setChecked(testid("sign-pem"), false);
  await page.click(testid("ext-prepare"));
  await page.waitForSelector(`${testid("ext-hash-box")}:not([hidden])`);
  assert.match(await page.textContent("#ext-prepared"), /^Хеш streebog512 подписываемых атрибутов \(время подписи \d\d\.\d\d\.2026, \d\d:\d\d UTC\):$/);
  const hash = await page.textContent(testid("ext-hash"));
  assert.match(hash, /^[0-9a-f]{128}$/);
  // The "token": OpenSSL's gost engine signs the hash with Тихонов's key; s‖r as CMS has it.
  writeFileSync(join(tmp, "hash.bin"), Buffer.from(hash, "hex"));
  const signed = spawnSync("openssl", ["pkeyutl", "-sign", "-engine", "gost", "-inkey", `${keys}/tikhonov.key.pem`, "-in", join(tmp, "hash.bin")]);
  assert.equal(signed.status, 0, String(signed.stderr));
  const value = Buffer.from(signed.stdout);
  assert.equal(value.length, 128);

  // The value reversed, as CryptoAPI gives it, but the order left at s‖r: refused with its code.
  await page.fill(testid("ext-value"), Buffer.from(value).reverse().toString("base64"));
  await page.selectOption(testid("ext-order"), "s-then-r");
  await page.click(testid("ext-assemble"));
  await page.waitForSelector(testid("sign-error"));
  assert.equal(await page.getAttribute(testid("sign-error"), "data-code"), "SIGN_SIGNATURE_INVALID");
  // With the right order the file is made.
  await page.selectOption(testid("ext-order"), "little-endian");
  await page.click(testid("ext-assemble"));
  await page.waitForSelector(testid("sign-done"));
  const viaBase64 = await download(testid("sign-download"));
  // And as hex in CMS order.
  await page.fill(testid("ext-value"), value.toString("hex").replace(/(..)/g, "$1 "));
  await page.selectOption(testid("ext-order"), "s-then-r");
  await page.evaluate(() => document.querySelector("[data-testid=sign-result]").replaceChildren());
  await page.click(testid("ext-assemble"));
  await page.waitForSelector(testid("sign-done"));
  const viaHex = await download(testid("sign-download"));
  for (const file of [viaBase64, viaHex]) {
    assert.equal(file.name, "document.pdf.sig");
    const report = ekdo.check(read(`${c01}/document.pdf`), [{ name: file.name, bytes: file.bytes }], { trustList: tsl });
    const signer = report.signatures[0].signers[0];
    assert.deepEqual([signer.subject_cn, signer.signature_valid, signer.kind, signer.digest_algorithm],
      ["Тихонов Алексей Борисович", true, "УКЭП", "streebog512"]);
  }
  // Not hex, not base64.
  await page.fill(testid("ext-value"), "это не подпись");
  await page.click(testid("ext-assemble"));
  assert.equal(await page.textContent(testid("sign-error")), "Значение подписи не похоже ни на hex, ни на base64.");
  // English on this tab too.
  await page.click(testid("lang-switch"));
  assert.match(await page.textContent(testid("sign-privacy")), /^The key never leaves the browser and is not stored/);
  assert.equal(await page.textContent(testid("sign-error")), "The signature value is neither hex nor base64.");
  assert.match(await page.textContent("#ext-prepared"), /^The streebog512 hash of the signed attributes/);
  await page.screenshot({ path: join(tmp, "demo-sign-en.png"), fullPage: true });
  await page.click(testid("lang-switch"));
  await page.click(testid("tab-check"));
});

test("switching to English", async () => {
  const { doc, sig, report } = fixture(c01, { trustList: tsl });
  await drop([doc, sig]);
  await page.click(testid("lang-switch"));
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("h1"), "Check a personnel document before upload");
  assert.equal(await page.textContent(testid("lang-switch")), "Русский");
  assert.equal(await page.textContent(testid("tab-sign")), "Sign");
  assert.equal(await page.textContent(`${testid("document-card")} h2`), "Document");
  const ready = await page.getAttribute(testid("ready-banner"), "data-ready");
  assert.equal(await page.textContent(`${testid("ready-banner")} h2`), ready === "true" ? "Ready to upload to the portal" : "Not ready to upload");
  const verdict = await page.getAttribute(testid("pdfa-verdict"), "data-verdict");
  const english = { conforming: "conforms", "not-conforming": "does not conform", "not-pdf": "not a PDF", undecided: "undecided" }[verdict];
  assert.match(await page.textContent(testid("pdfa-verdict")), new RegExp(`: ${english}$`));
  const error = report.signatures[0].error;
  assert.equal(await page.locator(testid("sig-error")).count(), error ? 1 : 0);
  if (error) assert.equal(await page.textContent(testid("sig-error")), `${error.code} ${error.message_en}`);
  assert.equal(await page.textContent(`${testid("signature-card")} ${testid("sig-parse")}`), { ok: "parsed", error: "error" }[report.signatures[0].parse]);
  assert.match(await page.textContent("#progress-text"), /^Read [\d,]+ bytes, the check took [\d,]+ ms$/);
  assert.equal(await page.textContent(`${testid("upload-card")} h2`), "Upload to the portal");
  assert.match(await page.textContent(`${testid("ready-banner")} [data-field="trust_list"]`), /^version 81240 of 24\/11\/2026: 3 CAs, 3 keys$/);
  assert.equal(await page.textContent(`${testid("signer-card")} ${testid("signer-kind")}`), "УКЭП");
  assert.equal(await page.getAttribute(`${testid("signer-card")} ${testid("signer-kind")}`, "title"), "qualified electronic signature");
  // The document types come from the catalogue in English too.
  assert.equal(await page.textContent(`${testid("doc-type")} option[value="employment_contract"]`), "Employment contract");
  assert.equal(await page.getAttribute(`${testid("doc-type")} option[value="dismissal_order"]`, "value"), "dismissal_order");
  assert.equal(await page.locator(`${testid("doc-type")} optgroup[label="Paper only (Labour Code art. 22.1)"] option`).count(),
    ekdo.documentTypes().types.filter((d) => !d.electronic).length);
  await page.click(testid("lang-switch"));
  assert.equal(await page.getAttribute("html", "lang"), "ru");
  assert.equal(await page.textContent(`${testid("upload-card")} h2`), "Загрузка на портал");
});

test("a saved report with signers, a policy and a manifest is shown in full", async () => {
  assert.ok(validate(sample), JSON.stringify(validate.errors));
  const path = join(tmp, "report.json");
  writeFileSync(path, JSON.stringify(sample));
  await drop([path]);
  await assertShows(sample, `${c01}/document.pdf`);
  const signers = page.locator(testid("signer-card"));
  assert.deepEqual(await signers.locator(testid("signer-name")).allTextContents(), ["Орлов Виктор Павлович", "Васильев Артём Николаевич"]);
  assert.deepEqual(await signers.locator(testid("signer-kind")).allTextContents(), ["УКЭП", "УКЭП"]);
  const orlov = signers.nth(0);
  assert.equal(await orlov.locator('[data-field="snils"]').textContent(), "956-409-276 47");
  assert.equal(await orlov.locator('[data-field="ogrn"]').textContent(), "1167811239860");
  assert.equal(await orlov.locator('[data-field="organization"]').textContent(), "ООО «Ромашка-Логистик»");
  assert.equal(await orlov.locator('[data-field="title"]').textContent(), "Генеральный директор");
  assert.equal(await orlov.locator('[data-field="certificate_period"]').textContent(), "25.10.2026 – 25.10.2031");
  assert.equal(await orlov.locator('[data-field="issuer_cn"]').textContent(), "Тестовый УЦ «Северный ключ»");
  assert.match(await orlov.locator('[data-field="key_algorithm"]').textContent(), /^gost2012-256/);
  assert.equal(await orlov.locator('[data-field="digest_algorithm"]').textContent(), "streebog256");
  const reasons = sample.signatures[0].signers[0].reasons;
  assert.deepEqual(await orlov.locator(`${testid("reasons")} > li`).evaluateAll((els) => els.map((e) => [e.dataset.code, e.dataset.ok])),
    reasons.map((r) => [r.code, String(r.ok)]));
  assert.match(await orlov.locator(`${testid("reasons")} > li`).first().textContent(), /^✓ /);
  assert.equal(await page.getAttribute(testid("policy-card"), "data-ok"), "true");
  assert.equal(await field(testid("policy-card"), "document_type"), "employment_contract");
  assert.equal(await page.textContent(`${testid("policy-card")} [data-field="document_type"]`), "Трудовой договор");
  assert.equal(await field(testid("upload-card"), "file_name"), sample.upload.file_name);
  assert.equal(await field(testid("upload-card"), "group"), "Электронные трудовые договоры");
  assert.equal(await page.textContent(`${testid("upload-card")} [data-field="codifier"]`), "12.999 — Иные документы");
  assert.equal(await page.getAttribute(testid("ready-banner"), "data-ready"), "true");
  assert.match(await page.textContent(`${testid("ready-banner")} [data-field="trust_list"]`), /версия 81240 .*УЦ — 3, ключей — 3/);
  assert.match(await page.textContent(testid("notices")), /сохранённый отчёт из файла «report\.json»/);

  const shot = join(tmp, "demo-sample-ru.png");
  await page.screenshot({ path: shot, fullPage: true });
  assert.ok(existsSync(shot));

  await page.click(testid("lang-switch"));
  assert.equal(await page.textContent(`${testid("ready-banner")} h2`), "Ready to upload to the portal");
  assert.equal(await page.textContent(`${testid("policy-card")} [data-field="document_type"]`), "Employment contract");
  assert.equal(await orlov.locator(`${testid("reasons")} > li`).first().textContent(), `✓ ${reasons[0].message_en} ${reasons[0].code}`);
  assert.equal(await page.textContent(`${testid("policy-card")} ${testid("policy-verdict")}`), "The kinds of signature meet the requirements");
  await page.click(testid("lang-switch"));
});

test("PDF/A violations: rule id, status, message in the current language, count, context", async () => {
  const report = structuredClone(sample);
  report.ready = false;
  report.upload.ready = false;
  report.document.pdfa.verdict = "not-conforming";
  report.upload.pdfa = "not-conforming";
  report.document.pdfa.violations = [{
    rule: "6.3.4-1", clause: "6.3.4", status: "failed",
    message_ru: "Шрифт не встроен в документ", message_en: "The font is not embedded",
    context: "root/document[0]/pages[0]/contentStream[0]/operators[12]/font[0](Helvetica)", object: "12 0 obj", page: 1, count: 3,
    occurrences: [
      { context: "font[0](Helvetica)", object: "12 0 obj", page: 1, detail: null },
      { context: "font[1](Helvetica-Bold)", object: "14 0 obj", page: 2, detail: null },
    ],
  }];
  report.upload.blockers = [{ code: "PDF_PDFA_RULE", message_ru: "Нарушено правило PDF/A-1 6.3.4-1: Шрифт не встроен в документ", message_en: "PDF/A-1 rule 6.3.4-1 fails: The font is not embedded", args: {} }];
  assert.ok(validate(report), JSON.stringify(validate.errors));
  const path = join(tmp, "violations.json");
  writeFileSync(path, JSON.stringify(report));
  await drop([path]);
  await assertShows(report, `${c01}/document.pdf`);
  const row = page.locator(`${testid("violations")} tbody tr`);
  assert.equal(await row.getAttribute("data-rule"), "6.3.4-1");
  const cells = await row.locator(":scope > td").allTextContents();
  assert.deepEqual(cells.slice(0, 4), ["6.3.4-1", "нарушено", "Шрифт не встроен в документ", "3"]);
  assert.match(cells[4], /^root\/document\[0\].*Helvetica\) · 12 0 obj · стр\. 1/);
  assert.equal(await page.getAttribute(testid("pdfa-verdict"), "data-verdict"), "not-conforming");
  assert.equal(await page.textContent(testid("pdfa-verdict")), "PDF/A-1B: не соответствует");
  await page.click(testid("lang-switch"));
  const en = await row.locator(":scope > td").allTextContents();
  assert.deepEqual(en.slice(0, 4), ["6.3.4-1", "failed", "The font is not embedded", "3"]);
  assert.match(en[4], /· p\. 1/);
  await page.click(testid("lang-switch"));
});

test("keyboard: the drop zone opens the file chooser, the tabs move with the arrow keys", async () => {
  // Enter and Space on the focused drop zone open the file picker (the input's click(); the
  // native dialog itself is the browser's, and headless Chromium shows it only now and then).
  await page.evaluate(() => {
    const input = document.querySelector("[data-testid=file-input]");
    window.__picks = 0;
    input.click = () => window.__picks++;
  });
  assert.equal(await page.getAttribute(testid("drop-zone"), "role"), "button");
  assert.equal(await page.getAttribute(testid("drop-zone"), "tabindex"), "0");
  await page.focus(testid("drop-zone"));
  await page.keyboard.press("Enter");
  await page.keyboard.press(" ");
  assert.equal(await page.evaluate(() => window.__picks), 2);
  assert.equal(await page.getAttribute(testid("file-input"), "multiple"), "");
  await page.evaluate(() => delete document.querySelector("[data-testid=file-input]").click);
  await page.focus(testid("tab-check"));
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getAttribute(testid("tab-sign"), "aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "tab-sign");
  assert.equal(await page.isVisible("#panel-sign"), true);
  assert.equal(await page.isVisible("#panel-check"), false);
  assert.equal(await page.isDisabled(testid("sign-go")), false);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.isVisible("#panel-check"), true);
});

test("checkStream in the browser: a File, read through its byte stream into two buffers, gives check()'s report", async () => {
  const key = readFileSync(`${keys}/belova.key.pem`, "utf8");
  const cert = readFileSync(`${keys}/belova.crt.pem`, "utf8");
  const result = await page.evaluate(async ({ key, cert, at }) => {
    const ekdo = await import(new URL("../pkg/index.js", location.href).href);
    await ekdo.default();
    // 1.5 MiB: more than the two 256 KiB buffers it is read into.
    const big = new Uint8Array(1536 * 1024 + 321);
    for (let i = 0; i < big.length; i++) big[i] = Math.imul(i, 2246822519) >>> 24;
    const utf8 = new TextEncoder();
    const sigs = [{ name: "big.sig", bytes: ekdo.sign(big, utf8.encode(key), utf8.encode(cert), { at }) }];
    const file = new File([big], "big.bin");
    const streamed = await ekdo.checkStream(file, sigs, { at });
    let byob = true;
    try {
      file.stream().getReader({ mode: "byob" }).releaseLock();
    } catch {
      byob = false;
    }
    return {
      streamed: JSON.stringify(streamed),
      whole: JSON.stringify(ekdo.check(big, sigs, { at })),
      digestMatches: streamed.signatures[0].signers[0].details.digest_matches,
      byob,
    };
  }, { key, cert, at });
  assert.equal(result.streamed, result.whole);
  assert.equal(result.digestMatches, true);
  // Chromium's File.stream() is a byte stream: checkStream reads it into its own buffers.
  assert.equal(result.byob, true);
});

test("the plain ES module example (js/examples/plain-esm.html) works in the browser", async () => {
  // The example imports ./node_modules/ekdo-check/index.js, as after `npm install`: serve that
  // path from pkg/ and the page itself from js/examples/, both under the test server's address.
  const own = new URL(origin).origin;
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  const example = await page.context().newPage();
  example.on("request", (r) => requests.push(r.url()));
  example.on("pageerror", (e) => pageErrors.push(String(e)));
  await example.route(`${own}/example/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/example\//, "");
    const file = path.startsWith("node_modules/ekdo-check/") ? join(pkg, path.slice("node_modules/ekdo-check/".length)) : join(root, "js/examples", path);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({ status: 200, contentType: types[/\.[a-z]+$/.exec(file)?.[0]] || "application/octet-stream", body: readFileSync(file) });
  });
  try {
    await example.goto(`${own}/example/plain-esm.html`);
    await example.waitForFunction(() => document.getElementById("out").textContent.startsWith("ekdo-check "));
    assert.equal(await example.textContent("#out"), `ekdo-check ${ekdo.version()}`);
    await example.setInputFiles("#files", [`${c01}/document.pdf`, `${c01}/document.pdf.sig`]);
    await example.waitForSelector("#out[data-ready]");
    const text = await example.textContent("#out");
    assert.match(text, /^Документ: document\.pdf$/m);
    assert.match(text, /^Подпись: document\.pdf\.sig/m);
    const report = nodeReport({ path: `${c01}/document.pdf`, name: "document.pdf" }, [{ path: `${c01}/document.pdf.sig`, name: "document.pdf.sig" }]);
    assert.equal(await example.getAttribute("#out", "data-ready"), String(report.ready));
  } finally {
    await example.close();
  }
});

test("opened as a file, the page says that it needs a web server", async () => {
  const local = await page.context().newPage();
  const seen = [];
  local.on("request", (r) => seen.push(r.url()));
  try {
    await local.goto(`file://${root}www/index.html`);
    await local.waitForSelector(".boot-note", { state: "visible", timeout: 10_000 });
    assert.match(await local.textContent(".boot-note"), /node js\/serve\.mjs/);
    assert.deepEqual(seen.filter((u) => !u.startsWith("file://") && !u.startsWith("data:")), []);
  } finally {
    await local.close();
  }
  assert.equal(await page.isVisible(".boot-note"), false, "the served page hides the note");
});

test("nothing left the machine: every request went to the page's own server", async (t) => {
  const own = new URL(origin).origin;
  assert.ok(requests.length >= 4, `only ${requests.length} requests`);
  const foreign = requests.filter((u) => !u.startsWith(`${own}/`) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith("/pkg/web/ekdo_check_bg.wasm")), "the wasm came from the server");
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleErrors, []);
  const shot = join(tmp, "demo-ru.png");
  // The screenshot: case 05 with the trust list and the labour-law data, every card shown.
  await page.click("#clear");
  await page.selectOption(testid("doc-type"), "employment_contract");
  await page.fill(testid("employee"), "Васильев Артём Николаевич");
  await page.fill(testid("doc-number"), "12-к");
  await drop([`${c05}/document.pdf`, `${c05}/document.pdf.sig`]);
  assert.equal(await page.getAttribute(testid("policy-card"), "data-ok"), "true");
  await page.screenshot({ path: shot, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(tmp, "demo-ru-narrow.png"), fullPage: true });
  t.diagnostic(`screenshots in ${tmp} (set EKDO_KEEP_SCREENSHOTS=1 to keep them)`);
});
