#!/usr/bin/env node
// ekdo-check command line (the installed `ekdo-check`): reads files, calls the wasm core, prints
// its verdict. Exit codes: 0 ready to upload, 1 checked and not ready, 2 bad usage or unreadable
// input. CommonJS throughout: the ES module loader would cost the process ~2 MiB and some ms.
"use strict";
const { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } = require("node:fs");
const { basename } = require("node:path");

const pool = require("./hash-pool.cjs");

// A check's Streebog runs in a worker thread (hash-pool.cjs): start it first, so that its
// start-up overlaps the loading of the module and the start of the check. `check DOCUMENT ...`
// (the document first, as the usage gives it) also gets a head start: this thread hashes the
// start of the document with Streebog-256, which most qualified certificates' signatures use,
// while the worker starts, and the worker goes on from there (hash-pool.cjs: prefetchFile).
// checkFile uses that job only for the same file, unchanged, and the same digests; otherwise it
// hashes as it would have.
{
  const [command, first] = process.argv.slice(2);
  if (command === "check" && !process.argv.includes("-")) {
    pool.startHashWorker();
    if (first !== undefined && !first.startsWith("-")) pool.prefetchFile(first, ["streebog256"]);
  }
}

// The module is loaded with V8's tiering budget raised for it (load.cjs): one check runs the
// parsers just past V8's default budget, and their optimising compilation, still running when
// the check is done, held the exit back by some 150 ms.
const api = require("./load.cjs");
const { checkFileWith } = require("./check-file.cjs");
const ekdo = { ...api, checkFile: async (path, signatures, options) => checkFileWith(() => new api.Checker(signatures, options), path) };

// A closed pipe (`ekdo-check policy | head`) is not an error worth a stack trace.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

const USAGE_RU = `ekdo-check — проверка кадрового документа и его подписей перед загрузкой на «Работа России»

Использование:
  ekdo-check check ДОКУМЕНТ [--sig ПОДПИСЬ]... [--tsl ФАЙЛ] [--ca ФАЙЛ]... [--crl ФАЙЛ]...
                   [--at RFC3339] [--json] [--lang ru|en]
                   [--type ТИП --channel portal|own [--number N] [--date ДАТА]
                    [--employee "ФИО"] [--party employer|employee]... [--accept-unconfirmed]]
  ekdo-check policy [ТИП [--party employer|employee] [--channel portal|own]] [--types] [--lang ru|en]
  ekdo-check --help | --version
  ekdo-check sign ДОКУМЕНТ --key КЛЮЧ --cert СЕРТИФИКАТ [-o ФАЙЛ] [--pem] [--at RFC3339] [--chain ФАЙЛ]...
  ekdo-check cosign ДОКУМЕНТ ПОДПИСЬ --key КЛЮЧ --cert СЕРТИФИКАТ -o ФАЙЛ [--pem] [--at RFC3339]

  --sig ФАЙЛ    откреплённая подпись (DER, BER, PEM или base64); можно несколько
  --tsl ФАЙЛ    перечень аккредитованных УЦ (XML Минцифры)
  --ca ФАЙЛ     дополнительный сертификат УЦ (DER или PEM); можно несколько
  --crl ФАЙЛ    список отзыва (DER или PEM); можно несколько
  --at ВРЕМЯ    момент проверки, RFC 3339 (по умолчанию — сейчас)
  --json        вывести отчёт в JSON (схема ekdo-check/report/v1)
  --lang ru|en  язык текста (по умолчанию ru)

  Трудовой кодекс (ст. 22.3) и имя файла для портала:
  --type ТИП        тип документа (список: ekdo-check policy --types), например employment_contract
  --channel КАНАЛ   portal — на портале «Работа России», own — в системе работодателя
  --number N        номер документа;  --date ДАТА  дата (ДД.ММ.ГГГГ или RFC 3339)
  --employee ФИО    ФИО работника;  --party СТОРОНА  сторона каждого подписанта по порядку
  --accept-unconfirmed  считать «УКЭП?» (без перечня УЦ) квалифицированной
  Подписание (CAdES-BES, откреплённая подпись; программный ключ ГОСТ Р 34.10-2012 даёт УНЭП,
  для УКЭП нужно сертифицированное СКЗИ); код выхода: 0 — подпись записана, 2 — ошибка:
  --key ФАЙЛ    закрытый ключ PKCS#8 (PEM или DER, без пароля); ключ никогда не выводится
  --cert ФАЙЛ   сертификат ключа (PEM или DER)
  -o ФАЙЛ       куда записать подпись (sign: по умолчанию ДОКУМЕНТ.sig)
  --pem         записать подпись в PEM (-----BEGIN CMS-----), а не в DER
  --at ВРЕМЯ    время подписания, RFC 3339 (по умолчанию — сейчас)
  --chain ФАЙЛ  сертификат УЦ, добавляемый в подпись; можно несколько
  cosign добавляет подпись к файлу ПОДПИСЬ, не меняя подписей в нём

Код выхода: 0 — готово к загрузке, 1 — проверено, не готово, 2 — ошибка вызова или чтения.`;

const USAGE_EN = `ekdo-check — checks a personnel document and its signatures before upload to «Работа России»

Usage:
  ekdo-check check DOCUMENT [--sig SIGNATURE]... [--tsl FILE] [--ca FILE]... [--crl FILE]...
                   [--at RFC3339] [--json] [--lang ru|en]
                   [--type TYPE --channel portal|own [--number N] [--date DATE]
                    [--employee "NAME"] [--party employer|employee]... [--accept-unconfirmed]]
  ekdo-check policy [TYPE [--party employer|employee] [--channel portal|own]] [--types] [--lang ru|en]
  ekdo-check --help | --version
  ekdo-check sign DOCUMENT --key KEY --cert CERTIFICATE [-o FILE] [--pem] [--at RFC3339] [--chain FILE]...
  ekdo-check cosign DOCUMENT SIGNATURE --key KEY --cert CERTIFICATE -o FILE [--pem] [--at RFC3339]

  --sig FILE    a detached signature (DER, BER, PEM or base64); repeatable
  --tsl FILE    the list of accredited CAs (Минцифры XML)
  --ca FILE     an extra CA certificate (DER or PEM); repeatable
  --crl FILE    a certificate revocation list (DER or PEM); repeatable
  --at TIME     the time to check at, RFC 3339 (default: now)
  --json        print the report as JSON (schema ekdo-check/report/v1)
  --lang ru|en  language of the text (default ru)

  Labour Code (art. 22.3) and the portal's file name:
  --type TYPE       the document type (list: ekdo-check policy --types), e.g. employment_contract
  --channel CHANNEL portal: on «Работа России»; own: in the employer's system
  --number N        the document number;  --date DATE  its date (DD.MM.YYYY or RFC 3339)
  --employee NAME   the employee's full name;  --party PARTY  the party of each signer, in order
  --accept-unconfirmed  treat «УКЭП?» (no trust list) as qualified
  Signing (CAdES-BES, detached; a software GOST R 34.10-2012 key makes an УНЭП, an УКЭП needs
  a certified tool); exit code 0 when the signature is written, 2 on any error:
  --key FILE    the PKCS#8 private key (PEM or DER, unencrypted); the key is never printed
  --cert FILE   the key's certificate (PEM or DER)
  -o FILE       where to write the signature (sign: default DOCUMENT.sig)
  --pem         write the signature as PEM (-----BEGIN CMS-----) instead of DER
  --at TIME     the signing time, RFC 3339 (default: now)
  --chain FILE  a CA certificate to carry in the signature; repeatable
  cosign adds a signature to the file SIGNATURE, keeping the signatures in it

Exit code: 0 ready to upload, 1 checked and not ready, 2 bad usage or unreadable input.`;

class UsageError extends Error {
  constructor(code, args) {
    super(code);
    this.code = code;
    this.args = args;
  }
}

function render(code, args, lang) {
  const entry = ekdo.codes().find((c) => c.code === code);
  const template = entry ? (lang === "en" ? entry.message_en : entry.message_ru) : code;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
}

function langOf(argv) {
  const i = argv.indexOf("--lang");
  const value = i >= 0 ? argv[i + 1] : process.env.EKDO_LANG;
  return value === "en" ? "en" : "ru";
}

/** The value after the option at argv[i]; a missing one (or another option) is a usage error. */
function optionValue(argv, i, name) {
  if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
    throw new UsageError("OPTIONS_INVALID", { detail: `${name} needs a value` });
  }
  return argv[i + 1];
}

/** --lang's value, checked. */
function language(value) {
  if (value !== "ru" && value !== "en") throw new UsageError("OPTIONS_INVALID", { detail: "--lang must be ru or en" });
  return value;
}

function parseCheck(argv) {
  const opts = { document: null, sigs: [], tsl: null, cas: [], crls: [], at: null, json: false, lang: "ru", meta: {}, parties: [] };
  const value = (i, name) => optionValue(argv, i, name);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--sig": opts.sigs.push(value(i, a)); i++; break;
      case "--tsl": opts.tsl = value(i, a); i++; break;
      case "--ca": opts.cas.push(value(i, a)); i++; break;
      case "--crl": opts.crls.push(value(i, a)); i++; break;
      case "--at": opts.at = value(i, a); i++; break;
      case "--lang": opts.lang = language(value(i, a)); i++; break;
      case "--json": opts.json = true; break;
      case "--type": opts.meta.document_type = value(i, a); i++; break;
      case "--channel": opts.meta.channel = value(i, a); i++; break;
      case "--number": opts.meta.number = value(i, a); i++; break;
      case "--date": opts.meta.date = value(i, a); i++; break;
      case "--employee": opts.meta.employee = value(i, a); i++; break;
      case "--title": opts.meta.title = value(i, a); i++; break;
      case "--party": opts.parties.push(value(i, a)); i++; break;
      case "--accept-unconfirmed": opts.meta.accept_unconfirmed = true; break;
      case "--work-book-refused": opts.meta.work_book_refused = true; break;
      default:
        if (a.startsWith("-") && a !== "-") throw new UsageError("OPTIONS_INVALID", { detail: `unknown option ${a}` });
        if (opts.document !== null) throw new UsageError("OPTIONS_INVALID", { detail: `unexpected argument ${a}` });
        opts.document = a;
    }
  }
  if (opts.document === null) throw new UsageError("OPTIONS_INVALID", { detail: "no document given" });
  if (opts.parties.length) opts.meta.parties = opts.parties;
  if (Object.keys(opts.meta).length) {
    if (!opts.meta.document_type) throw new UsageError("OPTIONS_INVALID", { detail: "--type is required with document metadata" });
    if (!opts.meta.channel) throw new UsageError("OPTIONS_INVALID", { detail: "--channel portal|own is required with --type" });
  }
  return opts;
}

function read(file) {
  try {
    return new Uint8Array(readFileSync(file === "-" ? 0 : file));
  } catch (e) {
    throw new UsageError("INPUT_UNREADABLE", { file, detail: e.code || e.message });
  }
}

// sign / cosign: a software GOST R 34.10-2012 key signs the document (CAdES-BES, detached).
function parseSign(argv, cosign) {
  const opts = { files: [], key: null, cert: null, out: null, pem: false, at: null, chain: [] };
  const value = (i, name) => optionValue(argv, i, name);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--key": opts.key = value(i, a); i++; break;
      case "--cert": opts.cert = value(i, a); i++; break;
      case "-o": case "--out": opts.out = value(i, a); i++; break;
      case "--at": opts.at = value(i, a); i++; break;
      case "--chain": opts.chain.push(value(i, a)); i++; break;
      case "--pem": opts.pem = true; break;
      case "--lang": language(value(i, a)); i++; break;
      default:
        if (a.startsWith("-") && a !== "-") throw new UsageError("OPTIONS_INVALID", { detail: `unknown option ${a}` });
        opts.files.push(a);
    }
  }
  const wanted = cosign ? 2 : 1;
  if (opts.files.length !== wanted) {
    const what = cosign ? "a document and a signature file" : "one document";
    throw new UsageError("OPTIONS_INVALID", { detail: `${what} expected, ${opts.files.length} given` });
  }
  if (opts.key === null) throw new UsageError("OPTIONS_INVALID", { detail: "--key is required" });
  if (opts.cert === null) throw new UsageError("OPTIONS_INVALID", { detail: "--cert is required" });
  if (cosign && opts.out === null) throw new UsageError("OPTIONS_INVALID", { detail: "-o is required for cosign" });
  return opts;
}

function runSign(argv, cosign, lang) {
  const opts = parseSign(argv, cosign);
  const document = read(opts.files[0]);
  const existing = cosign ? read(opts.files[1]) : null;
  const certificate = read(opts.cert);
  const options = { pem: opts.pem, chain: opts.chain.map(read) };
  if (opts.at !== null) options.at = opts.at;
  const out = opts.out ?? `${opts.files[0]}.sig`;
  const key = read(opts.key);
  let signature;
  try {
    signature = cosign
      ? ekdo.cosign(document, existing, key, certificate, options)
      : ekdo.sign(document, key, certificate, options);
  } catch (e) {
    // The core's own message (never the key): its code and text in the chosen language.
    const text = lang === "en" ? String(e.message).replace(/^[A-Z_]+: /, "") : e.message_ru;
    process.stderr.write(`ekdo-check: ${e.code || "INTERNAL"}: ${text || e.message}\n`);
    return 2;
  } finally {
    key.fill(0);
  }
  try {
    writeFileSync(out, signature);
  } catch (e) {
    throw new UsageError("OPTIONS_INVALID", { detail: `cannot write ${out}: ${e.code || e.message}` });
  }
  process.stdout.write(lang === "en" ? `Signature written to ${out}\n` : `Подпись записана в ${out}\n`);
  return 0;
}

// Streams a file into a Checker in 1 MiB reads, so the process holds one copy of the document (in
// the module) rather than a Buffer and a copy.
function streamInto(checker, file) {
  let fd;
  try {
    fd = file === "-" ? 0 : openSync(file, "r");
    const stat = fstatSync(fd);
    if (stat.isFile()) checker.reserve(stat.size);
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      let n;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        if (e.code === "EAGAIN") continue; // a non-blocking stdin: try again
        if (e.code === "EOF") break; // Windows pipes
        throw e;
      }
      if (n === 0) break;
      checker.push(buffer.subarray(0, n));
    }
  } catch (e) {
    throw new UsageError("INPUT_UNREADABLE", { file, detail: e.code || e.message });
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

async function runCheck(argv) {
  const opts = parseCheck(argv);
  const signatures = opts.sigs.map((f) => ({ name: basename(f), bytes: read(f) }));
  const options = { documentName: basename(opts.document), lang: opts.lang };
  if (opts.at !== null) options.at = opts.at;
  if (opts.tsl !== null) options.trustList = read(opts.tsl);
  if (opts.cas.length) options.caCertificates = opts.cas.map(read);
  if (opts.crls.length) options.crls = opts.crls.map(read);
  if (Object.keys(opts.meta).length) options.meta = opts.meta;
  let report;
  if (opts.document !== "-") {
    try {
      report = await ekdo.checkFile(opts.document, signatures, options);
    } catch (e) {
      if (e.code === "INPUT_UNREADABLE") throw new UsageError(e.code, { file: opts.document, detail: e.detail ?? e.message });
      throw new UsageError(e.code || "INTERNAL", { detail: e.message });
    }
  } else {
    let checker;
    try {
      checker = new ekdo.Checker(signatures, options);
    } catch (e) {
      throw new UsageError(e.code || "INTERNAL", { detail: e.message });
    }
    try {
      streamInto(checker, opts.document);
      report = checker.finish();
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(e.code || "INTERNAL", { detail: e.message });
    } finally {
      checker.free();
    }
  }
  if (opts.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    process.stdout.write(ekdo.renderText(report, opts.lang));
  }
  return report.ready ? 0 : 1;
}

function runPolicy(argv) {
  let type;
  let party;
  let channel;
  let lang = "ru";
  let types = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => optionValue(argv, i++, a);
    if (a === "--party") party = next();
    else if (a === "--channel") channel = next();
    else if (a === "--lang") lang = language(next());
    else if (a === "--types") types = true;
    else if (a.startsWith("-")) throw new UsageError("OPTIONS_INVALID", { detail: `unknown option ${a}` });
    else if (type === undefined) type = a;
    else throw new UsageError("OPTIONS_INVALID", { detail: `unexpected argument ${a}` });
  }
  try {
    if (types) {
      for (const t of ekdo.documentTypes().types ?? ekdo.documentTypes()) {
        process.stdout.write(`${t.id}\t${lang === "en" ? t.name_en : t.name_ru}\n`);
      }
      return 0;
    }
    process.stdout.write(ekdo.policyText(type, party, channel, lang));
    return 0;
  } catch (e) {
    throw new UsageError(e.code || "INTERNAL", { detail: e.message, value: type });
  }
}

async function main(argv) {
  const lang = langOf(argv);
  try {
    if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
      process.stdout.write((lang === "en" ? USAGE_EN : USAGE_RU) + "\n");
      return argv.length === 0 ? 2 : 0;
    }
    if (argv[0] === "--version" || argv[0] === "-V") {
      process.stdout.write(`ekdo-check ${ekdo.version()}\n`);
      return 0;
    }
    const [command, ...rest] = argv;
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write((lang === "en" ? USAGE_EN : USAGE_RU) + "\n");
      return 0;
    }
    switch (command) {
      case "sign": return runSign(rest, false, lang);
      case "cosign": return runSign(rest, true, lang);
      case "check": return await runCheck(rest);
      case "policy": return runPolicy(rest);
      default: throw new UsageError("OPTIONS_INVALID", { detail: `unknown command ${command}` });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ekdo-check: ${e.code}: ${render(e.code, e.args, lang)}\n`);
      if (e.code === "OPTIONS_INVALID") process.stderr.write(lang === "en" ? "See ekdo-check --help\n" : "Справка: ekdo-check --help\n");
      return 2;
    }
    process.stderr.write(`ekdo-check: INTERNAL: ${e && e.message ? e.message : e}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
