// The demo page end to end in a real browser (Debian's Chromium through playwright-core): files go
// in through the file input, verdicts are read back from the DOM (data-testid attributes) and
// compared with what the same package computes in Node for the same files, and with the fixtures'
// documented facts. Every request the page makes must stay on 127.0.0.1.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
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
const c06 = `${data}/06-tampered-document`;
const c18 = `${data}/18-pdf-as-signature`;
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
  return ekdo.check(new Uint8Array(readFileSync(document.path)),
    signatures.map((s) => ({ name: s.name, bytes: new Uint8Array(readFileSync(s.path)) })),
    { at, documentName: document.name, ...options });
}

/** Whether this build of the package accepts an option (trustList, meta) or refuses it as unknown. */
function accepts(option, value) {
  try {
    ekdo.check(new TextEncoder().encode("%PDF-1.4\n"), [], { at, [option]: value });
    return true;
  } catch (e) {
    if (e.code === "OPTIONS_INVALID" && String(e.message).includes(`«${option}»`)) return false;
    return true;
  }
}

/** Waits until the page has nothing queued (file reads, checks). */
const idle = () => page.waitForSelector("body[data-busy=false]", { state: "attached", timeout: 30_000 });

/** Sets files on the page's input and waits for the check they start to finish. */
async function drop(files) {
  await idle();
  const run = Number(await page.getAttribute("[data-testid=result]", "data-run"));
  await page.setInputFiles("[data-testid=file-input]", files);
  await page.waitForFunction((n) => Number(document.querySelector("[data-testid=result]").dataset.run) > n && document.body.dataset.busy === "false",
    run, { timeout: 30_000 });
}

const field = (scope, name) => page.locator(`${scope} [data-field="${name}"]`).first().getAttribute("data-value");
const testid = (id) => `[data-testid="${id}"]`;
const codes = (selector) => page.locator(`${selector} > li`).evaluateAll((els) => els.map((e) => e.dataset.code));

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
    }
  }
  assert.equal(await page.locator(testid("policy-card")).count(), report.policy ? 1 : 0);
  assert.deepEqual(JSON.parse(await page.locator(testid("upload-json")).textContent()), report.upload);
  assert.deepEqual(await page.locator(`${testid("upload-steps")} > li`).evaluateAll((els) => els.map((e) => e.dataset.file)),
    report.upload.steps.map((s) => s.file));
  assert.deepEqual(await codes(testid("errors")), report.errors.map((m) => m.code));
  assert.deepEqual(await codes(testid("warnings")), report.warnings.map((m) => m.code));
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "ekdo-e2e-"));
  ({ child: server, url: origin } = await serve());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ru-RU", acceptDownloads: false });
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

test("the page loads in Russian with the package's version", async () => {
  assert.equal(await page.getAttribute("html", "lang"), "ru");
  assert.equal(await page.textContent("h1"), "Проверка кадрового документа перед загрузкой");
  assert.equal(await page.textContent(testid("version")), ekdo.version());
  assert.equal(await page.isVisible(testid("result")), false);
});

test("a PDF/A-1b document with its signature: document card, size bar, PDF/A verdict, signature card", async () => {
  const files = [`${c01}/document.pdf`, `${c01}/document.pdf.sig`];
  await drop(files);
  const report = nodeReport({ path: files[0], name: "document.pdf" }, [{ path: files[1], name: "document.pdf.sig" }]);
  await assertShows(report, files[0]);
  // The fixture's document declares PDF/A-1b in its XMP and starts with %PDF-1.4.
  assert.equal(await field(testid("document-card"), "claimed"), "1B");
  assert.equal(await field(testid("document-card"), "header_version"), /^%PDF-(\d\.\d)/.exec(readFileSync(files[0], "latin1"))[1]);
  assert.equal(await page.textContent(`${testid("ready-banner")} h2`), report.ready ? "Готово к загрузке на портал" : "Не готово к загрузке");
  const roles = await page.locator(`${testid("loaded-files")} li`).evaluateAll((els) => els.map((e) => e.dataset.role));
  assert.deepEqual(roles, ["document", "signature"]);
  // The progress line ends with the bytes read.
  const total = readFileSync(files[0]).length + readFileSync(files[1]).length;
  assert.match((await page.textContent("#progress-text")).replace(/\s/g, " "), new RegExp(`Прочитано ${total.toLocaleString("ru-RU").replace(/\s/g, " ")} байт`));
});

test("the trust list stays loaded across checks", async () => {
  await drop([`${data}/tsl.xml`]);
  const roles = await page.locator(`${testid("loaded-files")} li`).evaluateAll((els) => els.map((e) => e.dataset.role));
  assert.deepEqual(roles, ["document", "signature", "trust"]);
  const tsl = new Uint8Array(readFileSync(`${data}/tsl.xml`));
  const takesTrustList = accepts("trustList", tsl);
  const trust = await page.textContent(`${testid("ready-banner")} [data-field="trust_list"]`);
  if (takesTrustList) {
    const report = nodeReport({ path: `${c01}/document.pdf`, name: "document.pdf" }, [{ path: `${c01}/document.pdf.sig`, name: "document.pdf.sig" }], { trustList: tsl });
    await assertShows(report, `${c01}/document.pdf`);
    if (report.trust_list?.version) assert.match(trust, new RegExp(report.trust_list.version));
  } else {
    // This build refuses the option: the page says so and shows the check made without it.
    assert.match(await page.textContent(testid("notices")), /не принимает перечень УЦ/);
    assert.equal(trust, "загружен, но эта сборка его не применила");
    const report = nodeReport({ path: `${c01}/document.pdf`, name: "document.pdf" }, [{ path: `${c01}/document.pdf.sig`, name: "document.pdf.sig" }]);
    await assertShows(report, `${c01}/document.pdf`);
  }

  // A new document replaces the old one and its signatures; the trust list stays.
  await drop([`${c06}/document.pdf`, `${c06}/document.pdf.sig`]);
  const after = await page.locator(`${testid("loaded-files")} li`).evaluateAll((els) => els.map((e) => [e.dataset.role, e.querySelector(".name").textContent]));
  assert.deepEqual(after, [["document", "document.pdf"], ["signature", "document.pdf.sig"], ["trust", "tsl.xml"]]);
});

test("a tampered document: the signature is invalid and the upload is blocked", async () => {
  const tsl = new Uint8Array(readFileSync(`${data}/tsl.xml`));
  const report = nodeReport({ path: `${c06}/document.pdf`, name: "document.pdf" }, [{ path: `${c06}/document.pdf.sig`, name: "document.pdf.sig" }],
    accepts("trustList", tsl) ? { trustList: tsl } : {});
  await assertShows(report, `${c06}/document.pdf`);
  const kind = expected(c06).kind_with_tsl;
  assert.equal(kind, "invalid");
  assert.equal(await page.getAttribute(`${testid("signature-card")} ${testid("signature-kind")}`, "data-kind"), kind);
  assert.equal(await page.textContent(`${testid("signature-card")} ${testid("signature-kind")}`), "недействительна");
  assert.equal(await page.getAttribute(testid("ready-banner"), "data-ready"), "false");
  assert.equal(await page.getAttribute(testid("upload-card"), "data-ready"), "false");
  assert.ok(await page.locator(`${testid("upload-blockers")} > li`).count() >= 1);
});

test("a PDF given as the signature file: a signature card with a parse error", async () => {
  await page.click("#clear");
  await drop([`${c18}/document.pdf`, `${c18}/document.pdf.sig`]);
  const roles = await page.locator(`${testid("loaded-files")} li`).evaluateAll((els) => els.map((e) => e.dataset.role));
  assert.deepEqual(roles, ["document", "signature", "trust"], "a .sig file is a signature whatever it holds");
  const tsl = new Uint8Array(readFileSync(`${data}/tsl.xml`));
  const report = nodeReport({ path: `${c18}/document.pdf`, name: "document.pdf" }, [{ path: `${c18}/document.pdf.sig`, name: "document.pdf.sig" }],
    accepts("trustList", tsl) ? { trustList: tsl } : {});
  await assertShows(report, `${c18}/document.pdf`);
  const e = expected(c18);
  const card = testid("signature-card");
  assert.equal(await page.getAttribute(`${card} ${testid("sig-parse")}`, "data-parse"), e.parse);
  assert.equal(await page.getAttribute(`${card} ${testid("signature-kind")}`, "data-kind"), e.kind_with_tsl);
  const code = await page.getAttribute(`${card} ${testid("sig-error")}`, "data-code");
  assert.match(code, /^[A-Z][A-Z0-9_]*$/);
  const error = report.signatures[0].error;
  assert.equal(await page.textContent(`${card} ${testid("sig-error")}`), `${error.code} ${error.message_ru}`);
});

test("not a PDF, and files told apart by their first bytes", async () => {
  writeFileSync(join(tmp, "notes.pdf"), "hello, world\n");
  await drop([join(tmp, "notes.pdf")]);
  assert.equal(await page.getAttribute(testid("pdfa-verdict"), "data-verdict"), "not-pdf");
  assert.ok((await codes(testid("errors"))).includes("PDF_NOT_PDF"));
  assert.equal(await page.getAttribute(testid("ready-banner"), "data-ready"), "false");
  assert.equal(await page.locator(testid("signature-card")).count(), 0);
  await assertShows(nodeReport({ path: join(tmp, "notes.pdf"), name: "notes.pdf" }, []), join(tmp, "notes.pdf"));

  // No telling extension: %PDF is the document, anything else a signature.
  writeFileSync(join(tmp, "scan.bin"), readFileSync(`${c01}/document.pdf`));
  writeFileSync(join(tmp, "blob.bin"), Buffer.from([0x30, 0x82, 0x01, 0x00, 0x06, 0x09]));
  await drop([join(tmp, "scan.bin"), join(tmp, "blob.bin")]);
  const roles = await page.locator(`${testid("loaded-files")} li`).evaluateAll((els) => els.map((e) => [e.dataset.role, e.querySelector(".name").textContent]));
  assert.deepEqual(roles, [["document", "scan.bin"], ["signature", "blob.bin"], ["trust", "tsl.xml"]]);
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

test("the document type goes to the core as options.meta; the policy card shows only with a policy", async () => {
  await page.click("#clear");
  await page.selectOption(testid("doc-type"), "employment_contract");
  await page.selectOption(testid("channel"), "own");
  await page.fill(testid("employee"), "Смирнова Анна Сергеевна");
  await page.fill(testid("doc-number"), "12-к");
  await page.fill(testid("doc-date"), "2026-11-25");
  await drop([`${c01}/document.pdf`, `${c01}/document.pdf.sig`]);
  const meta = { document_type: "employment_contract", channel: "own", employee: "Смирнова Анна Сергеевна", number: "12-к", date: "2026-11-25" };
  const tsl = new Uint8Array(readFileSync(`${data}/tsl.xml`));
  const options = accepts("trustList", tsl) ? { trustList: tsl } : {};
  if (accepts("meta", meta)) {
    let report;
    try {
      report = nodeReport({ path: `${c01}/document.pdf`, name: "document.pdf" }, [{ path: `${c01}/document.pdf.sig`, name: "document.pdf.sig" }], { ...options, meta });
    } catch (e) {
      // The core refuses these values: the page says so and checks without them.
      assert.equal(await page.getAttribute(`${testid("notices")} li.error`, "data-code"), e.code);
      report = nodeReport({ path: `${c01}/document.pdf`, name: "document.pdf" }, [{ path: `${c01}/document.pdf.sig`, name: "document.pdf.sig" }], options);
    }
    await assertShows(report, `${c01}/document.pdf`);
    if (report.policy) assert.equal(await field(testid("policy-card"), "document_type"), "employment_contract");
  } else {
    assert.match(await page.textContent(testid("notices")), /не принимает данные документа/);
    assert.equal(await page.locator(testid("policy-card")).count(), 0);
    await assertShows(nodeReport({ path: `${c01}/document.pdf`, name: "document.pdf" }, [{ path: `${c01}/document.pdf.sig`, name: "document.pdf.sig" }], options), `${c01}/document.pdf`);
  }
  await page.selectOption(testid("doc-type"), "");
});

test("switching to English", async () => {
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
  const report = nodeReport({ path: `${c01}/document.pdf`, name: "document.pdf" }, [{ path: `${c01}/document.pdf.sig`, name: "document.pdf.sig" }]);
  const error = report.signatures[0].error;
  assert.equal(await page.locator(testid("sig-error")).count(), error ? 1 : 0);
  if (error) assert.equal(await page.textContent(testid("sig-error")), `${error.code} ${error.message_en}`);
  assert.equal(await page.textContent(`${testid("signature-card")} ${testid("sig-parse")}`), { ok: "parsed", error: "error" }[report.signatures[0].parse]);
  assert.match(await page.textContent("#progress-text"), /^Read [\d,]+ bytes, the check took [\d,]+ ms$/);
  assert.equal(await page.textContent(`${testid("upload-card")} h2`), "Upload to the portal");
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
  // Signing is offered exactly when the package exports sign().
  const canSign = typeof ekdo.sign === "function";
  assert.equal(await page.isVisible(testid("sign-unavailable")), !canSign);
  assert.equal(await page.isDisabled(testid("sign-go")), !canSign);
  if (!canSign) assert.match(await page.textContent(testid("sign-unavailable")), /недоступно в этой сборке/);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.isVisible("#panel-check"), true);
});

test("the plain ES module example (js/examples/plain-esm.html) works in the browser", async () => {
  // The example imports ./node_modules/ekdo-check/index.js, as after `npm install`: serve that
  // path from pkg/ and the page itself from js/examples/, both under the test server's address.
  const own = new URL(origin).origin;
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
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
  await page.click("#clear");
  await drop([`${c01}/document.pdf`, `${c01}/document.pdf.sig`]);
  await page.screenshot({ path: shot, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(tmp, "demo-ru-narrow.png"), fullPage: true });
  t.diagnostic(`screenshots in ${tmp} (set EKDO_KEEP_SCREENSHOTS=1 to keep them)`);
});
