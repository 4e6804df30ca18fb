#!/usr/bin/env node
// The benchmark harness of issue 13: runs every contender on the same files in one go,
// interleaved (round r runs each contender once, in turn), and reports medians, peak RSS and the
// ratios against the issue's goals; writes docs/benchmarks.md.
//
//   scripts/build-pkg.sh && node bench/run.mjs [--runs N] [--gost-js-runs N] [--no-write]
//
// Needs: pkg/ (scripts/build-pkg.sh), cargo (builds the native example), openssl with the gost
// engine (libengine-gost-openssl), GNU time (/usr/bin/time, for the peak RSS of processes),
// python3 with pikepdf (pip install pikepdf) and the npm devDependency
// @wavesenterprise/crypto-gost-js. A missing contender is reported as such, not fatal.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(flag("--runs", 11));
const GOST_JS_RUNS = Number(flag("--gost-js-runs", 3));
const WRITE = !args.includes("--no-write");
const AT = "2026-11-25T12:00:00Z";

const sigDir = join(root, "tests/data/signatures");
const signature = join(sigDir, "19-big-under-limit/document.pdf.sig");
const caDer = join(sigDir, "ca/accredited-ca.der");
const caBundle = join(sigDir, "ca-bundle.pem");
const corpus = join(root, "tests/data/verapdf");
const scratch = mkdtempSync(join(tmpdir(), "ekdo-bench-"));

function sh(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: "utf8", maxBuffer: 1 << 26, ...options });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error };
}
const say = (text) => process.stderr.write(text + "\n");

// --- Setup -----------------------------------------------------------------------------------
if (!existsSync(join(root, "pkg/node.mjs"))) {
  say("pkg/ is not built: run scripts/build-pkg.sh first");
  process.exit(2);
}
const bigDir = join(root, "target/bench-data");
const documentPath = join(bigDir, "big-under-limit.pdf");
if (!existsSync(documentPath)) {
  mkdirSync(bigDir, { recursive: true });
  say("generating the 14.5 MB PDF of fixture case 19 ...");
  const r = sh("bash", [join(sigDir, "make-big-pdfs.sh"), bigDir]);
  if (r.status !== 0) throw new Error(`make-big-pdfs.sh failed: ${r.stderr}`);
}
const documentSize = statSync(documentPath).size;
say("building the native example (cargo build --release --example bench) ...");
const cargo = sh("cargo", ["build", "--release", "--quiet", "--example", "bench"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
if (cargo.status !== 0) throw new Error("cargo build --example bench failed");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const nativeBin = join(targetDir, "release/examples/bench");

const hasTime = existsSync("/usr/bin/time");
const openssl = sh("openssl", ["engine", "gost"]);
const hasOpenssl = openssl.status === 0;
const hasGostJs = existsSync(join(root, "node_modules/@wavesenterprise/crypto-gost-js/package.json"));
const pikepdf = sh("python3", ["-c", "import pikepdf; print(pikepdf.__version__)"]);
const hasPikepdf = pikepdf.status === 0;

/** Runs a process; returns { ms (wall), rssKb (peak, GNU time), stdout, status }. */
function measure(cmd, argv, env) {
  const rssFile = join(scratch, "rss");
  const full = hasTime ? ["/usr/bin/time", ["-f", "%M", "-o", rssFile, cmd, ...argv]] : [cmd, argv];
  const start = performance.now();
  const r = sh(full[0], full[1], env ? { env: { ...process.env, ...env } } : {});
  const ms = performance.now() - start;
  const rssKb = hasTime ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : NaN;
  return { ms, rssKb, stdout: r.stdout, stderr: r.stderr, status: r.status };
}
const json = (text) => JSON.parse(text.trim().split("\n").pop());
// The check must have verified the signature and its chain: without a trust list the kind is
// "УКЭП?" (the document itself fails PDF/A 6.1.7-1: make-big-pdfs.sh counts the EOL before
// `endstream` in /Length, see docs/pdfa.md), so `ready` is false by design.
const verified = (out, who) => {
  if (out.kind !== "УКЭП?") throw new Error(`${who}: kind ${out.kind}, not a verified signature`);
  return out;
};

// --- Contenders on the big document ----------------------------------------------------------
const node = process.execPath;
const files = [documentPath, signature, caDer];
const contenders = [
  {
    id: "openssl", label: "openssl cms -verify (gost engine), process", enabled: hasOpenssl,
    run: () => {
      const r = measure("openssl", ["cms", "-verify", "-engine", "gost", "-binary", "-inform", "DER", "-content", documentPath,
        "-in", signature, "-CAfile", caBundle, "-purpose", "any", "-out", "/dev/null"]);
      if (!/Verification successful/.test(r.stderr)) throw new Error(`openssl: ${r.stderr}`);
      return { ms: r.ms, rssKb: r.rssKb };
    },
  },
  {
    id: "native", label: "ekdo-check native (examples/bench, release; Streebog in a 2nd thread, the checks meanwhile), process", enabled: true,
    run: () => {
      const r = measure(nativeBin, ["check", ...files, "--at", AT]);
      const out = verified(json(r.stdout), "native");
      return { ms: r.ms, rssKb: r.rssKb, inner: out.ms };
    },
  },
  {
    id: "native-1t", label: "ekdo-check native, one thread (--one-thread), process", enabled: true,
    run: () => {
      const r = measure(nativeBin, ["check", ...files, "--at", AT, "--one-thread"]);
      verified(json(r.stdout), "native-1t");
      return { ms: r.ms, rssKb: r.rssKb };
    },
  },
  {
    id: "node-file", label: "ekdo-check in Node, checkFile(path), cold", enabled: true,
    run: () => {
      const out = json(measure(node, [join(root, "bench/node-check.mjs"), "file", ...files]).stdout);
      verified(out, "node-file");
      return { ms: out.ms, rssKb: out.maxRssKb };
    },
  },
  {
    id: "node-file-lazy", label: "ekdo-check in Node, checkFile(path), cold, worker started by the call (EKDO_CHECK_WORKER=0)", enabled: true,
    run: () => {
      const out = json(measure(node, [join(root, "bench/node-check.mjs"), "file", ...files], { EKDO_CHECK_WORKER: "0" }).stdout);
      verified(out, "node-file-lazy");
      return { ms: out.ms, rssKb: out.maxRssKb };
    },
  },
  {
    id: "node-file-1t", label: "ekdo-check in Node, checkFile(path, ..., { threads: false }), cold, one thread", enabled: true,
    run: () => {
      const out = json(measure(node, [join(root, "bench/node-check.mjs"), "file-1t", ...files], { EKDO_CHECK_WORKER: "0" }).stdout);
      verified(out, "node-file-1t");
      return { ms: out.ms, rssKb: out.maxRssKb };
    },
  },
  {
    id: "node-stream", label: "ekdo-check in Node, checkStream(createReadStream), cold", enabled: true,
    run: () => {
      const r = measure(node, [join(root, "bench/node-check.mjs"), "stream", ...files]);
      const out = json(r.stdout);
      verified(out, "node-stream");
      return { ms: out.ms, rssKb: out.maxRssKb, process: r.ms };
    },
  },
  {
    id: "node-blob", label: "ekdo-check in Node, checkStream(a file's Blob: fs.openAsBlob, what a browser's File is), cold", enabled: true,
    run: () => {
      const out = json(measure(node, [join(root, "bench/node-check.mjs"), "blob", ...files]).stdout);
      verified(out, "node-blob");
      return { ms: out.ms, rssKb: out.maxRssKb };
    },
  },
  {
    id: "node-bytes", label: "ekdo-check in Node, checkStream(ReadableStream of bytes, like a browser's File.stream()), cold", enabled: true,
    run: () => {
      const out = json(measure(node, [join(root, "bench/node-check.mjs"), "bytes", ...files]).stdout);
      verified(out, "node-bytes");
      return { ms: out.ms, rssKb: out.maxRssKb };
    },
  },
  {
    id: "node-stream-warm", label: "ekdo-check in Node, checkStream, warm (after 2 checks)", enabled: true,
    run: () => {
      const out = json(measure(node, [join(root, "bench/node-check.mjs"), "stream", ...files, "2"]).stdout);
      return { ms: out.ms, rssKb: out.maxRssKb };
    },
  },
  {
    id: "node-buffer", label: "ekdo-check in Node, check(readFileSync(...)), cold", enabled: true,
    run: () => {
      const out = json(measure(node, [join(root, "bench/node-check.mjs"), "buffer", ...files]).stdout);
      return { ms: out.ms, rssKb: out.maxRssKb };
    },
  },
  {
    id: "cli", label: "ekdo-check CLI (node pkg/cli.cjs check --json, the installed bin), process", enabled: true,
    run: () => {
      const r = measure(node, [join(root, "pkg/cli.cjs"), "check", documentPath, "--sig", signature, "--ca", caDer, "--at", AT, "--json"]);
      if (r.status !== 1) throw new Error(`cli exit ${r.status}: ${r.stderr}`);
      verified(JSON.parse(r.stdout), "cli");
      return { ms: r.ms, rssKb: r.rssKb };
    },
  },
  {
    id: "node-e0", label: "node -e 0 (start-up and memory of Node itself)", enabled: true,
    run: () => {
      const r = measure(node, ["-e", "0"]);
      return { ms: r.ms, rssKb: r.rssKb };
    },
  },
  {
    id: "node-module", label: "node, package loaded, no check (memory baseline)", enabled: true,
    run: () => {
      const out = json(measure(node, [join(root, "bench/node-check.mjs"), "none", ...files]).stdout);
      return { ms: NaN, rssKb: out.maxRssKb };
    },
  },
  {
    id: "gost-js", label: "@wavesenterprise/crypto-gost-js CMS verify (in-process time; process)", enabled: hasGostJs,
    runs: GOST_JS_RUNS,
    run: () => {
      const r = measure(node, [join(root, "bench/gost-js.mjs"), documentPath, signature, caDer]);
      const out = json(r.stdout);
      if (!out.ok) throw new Error(`crypto-gost-js: ${out.detail}`);
      return { ms: out.ms, rssKb: r.rssKb, process: r.ms };
    },
  },
];

const results = Object.fromEntries(contenders.map((c) => [c.id, []]));
const load = [loadavg()[0]];
for (let round = 0; round < RUNS; round++) {
  for (const c of contenders) {
    if (!c.enabled || round >= (c.runs ?? RUNS)) continue;
    results[c.id].push(c.run());
  }
  say(`round ${round + 1}/${RUNS} done`);
}
load.push(loadavg()[0]);

const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const stat = (id, key = "ms") => median((results[id] ?? []).map((r) => r[key]));
const peak = (id) => Math.max(...(results[id] ?? []).map((r) => r.rssKb).filter(Number.isFinite));

// --- Micro-benchmarks and the PDF/A corpus ---------------------------------------------------
say("micro-benchmarks ...");
const microNative = json(sh(nativeBin, ["micro", signature]).stdout);
const microNode = json(sh(node, [join(root, "bench/node-micro.mjs"), signature]).stdout);
say("PDF/A corpus ...");
const corpusRuns = { native: [], node: [], pikepdf: [] };
for (let round = 0; round < 3; round++) {
  corpusRuns.native.push(json(measure(nativeBin, ["pdfa", corpus]).stdout));
  corpusRuns.node.push(json(measure(node, [join(root, "bench/node-pdfa.mjs"), corpus]).stdout));
  if (hasPikepdf) corpusRuns.pikepdf.push(json(sh("python3", [join(root, "bench/pikepdf_corpus.py"), corpus]).stdout));
}
const corpusMs = (id) => median(corpusRuns[id].map((r) => r.ms));

// --- Goals -----------------------------------------------------------------------------------
const mib = (kb) => kb / 1024;
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "—");
const osslMs = stat("openssl");
const nodeOwnKb = peak("node-e0");
const moduleKb = peak("node-module");
const budgetKb = nodeOwnKb + (2 * documentSize) / 1024 + 16 * 1024;
const goals = [
  ["JS API in Node (checkFile, cold, reading included) ≤ 1.5 × OpenSSL", stat("node-file") / osslMs, 1.5],
  ["JS API in Node (checkStream of a Node stream, cold, reading included) ≤ 1.5 × OpenSSL", stat("node-stream") / osslMs, 1.5],
  ["JS API in Node (checkStream of a byte ReadableStream, cold, reading included) ≤ 1.5 × OpenSSL", stat("node-bytes") / osslMs, 1.5],
  ["JS API in Node (checkStream of a File / Blob, cold, reading included) ≤ 1.5 × OpenSSL", stat("node-blob") / osslMs, 1.5],
  ["JS API in Node, warm (a service) ≤ 1.5 × OpenSSL", stat("node-stream-warm") / osslMs, 1.5],
  ["variant: JS API in Node (checkFile, cold, worker started by the call) ≤ 1.5 × OpenSSL", stat("node-file-lazy") / osslMs, 1.5],
  ["variant: JS API in Node (checkFile, one thread) ≤ 1.5 × OpenSSL", stat("node-file-1t") / osslMs, 1.5],
  ["CLI as a whole process ≤ 2.2 × OpenSSL", stat("cli") / osslMs, 2.2],
  ["native core (process) ≤ 1.0 × OpenSSL", stat("native") / osslMs, 1.0],
  ["variant: native core, one thread ≤ 1.0 × OpenSSL", stat("native-1t") / osslMs, 1.0],
  ["crypto-gost-js ÷ ekdo-check in-process (checkFile) ≥ 20", stat("gost-js") / stat("node-file"), 20, true],
  ["crypto-gost-js process ÷ CLI process ≥ 20", stat("gost-js", "process") / stat("cli"), 20, true],
  [`peak RSS, Node in-process (checkFile) ≤ node -e 0 + 2 × document + 16 MiB = ${fmt(mib(budgetKb))} MiB`, peak("node-file") / budgetKb, 1],
  [`variant: peak RSS, Node in-process (checkFile, one thread) ≤ the same budget`, peak("node-file-1t") / budgetKb, 1],
  [`peak RSS, Node in-process (checkStream of a File / Blob: fs.openAsBlob) ≤ the same budget`, peak("node-blob") / budgetKb, 1],
  [`variant: peak RSS, Node in-process (checkStream of a byte ReadableStream, read once, so held whole) ≤ the same budget`, peak("node-bytes") / budgetKb, 1],
  [`variant: peak RSS, Node in-process (checkStream of a Node stream: fs.createReadStream, held whole, and its chunks until GC) ≤ the same budget`, peak("node-stream") / budgetKb, 1],
  [`peak RSS, CLI ≤ the same budget`, peak("cli") / budgetKb, 1],
  ["GOST 2012-256 verify, native ≤ 1 ms", microNative.verify_us / 1000, 1],
  ["GOST 2012-256 verify, Node ≤ 3 ms", microNode.verify_us / 1000, 3],
];
const goalRows = goals.map(([name, value, limit, atLeast]) => {
  const met = atLeast ? value >= limit : value <= limit;
  // Three decimals where two would round a miss to the limit (peak RSS sits at its budget).
  const shown = fmt(value, Math.abs(value - limit) < 0.01 * limit ? 3 : 2);
  return { name, value, shown, limit, met };
});

// --- Report ----------------------------------------------------------------------------------
const cpu = cpus()[0]?.model ?? "unknown";
const version = (cmd, argv, re = /.*/) => (sh(cmd, argv).stdout.match(re) ?? [""])[0].trim();
const versions = {
  node: process.version,
  openssl: version("openssl", ["version"]),
  rustc: version("rustc", ["--version"]),
  "ekdo-check": JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8")).version,
  "crypto-gost-js": hasGostJs ? JSON.parse(readFileSync(join(root, "node_modules/@wavesenterprise/crypto-gost-js/package.json"), "utf8")).version : "absent",
  pikepdf: hasPikepdf ? pikepdf.stdout.trim() : "absent",
  wasm: `${fmt(statSync(join(root, "pkg/node/ekdo_check_bg.wasm")).size / 1024)} KiB`,
};
const rows = contenders.filter((c) => c.enabled).map((c) => {
  const ms = stat(c.id);
  return `| ${c.label} | ${results[c.id].length} | ${fmt(ms)} | ${fmt(ms / osslMs, 2)} | ${fmt(mib(peak(c.id)), 1)} |`;
});
const lines = [];
lines.push("# Benchmarks", "");
lines.push("Written by `node bench/run.mjs` (after `scripts/build-pkg.sh`); do not edit by hand. Timings are");
lines.push("not tests: `scripts/test.sh` checks correctness, this harness measures speed and memory.", "");
lines.push("## Machine and versions", "");
lines.push(`- ${cpus().length} × ${cpu}, ${fmt(totalmem() / 2 ** 30, 1)} GiB; load average ${fmt(load[0], 2)} at the start, ${fmt(load[1], 2)} at the end`);
lines.push("  (a shared machine: other work ran alongside, so absolute times are high; ratios come from the");
lines.push("  same interleaved rounds and are the figures to read)");
lines.push(`- ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(", ")}`, "");
lines.push(`## One check of a ${fmt(documentSize / 1e6, 1)} MB PDF/A-1b with a GOST R 34.10-2012 256 signature (CryptoPro-A)`, "");
lines.push("Fixture case 19 (`make-big-pdfs.sh`), signature `19-big-under-limit/document.pdf.sig`, CA");
lines.push("`ca/accredited-ca.der` (`ca-bundle.pem` for OpenSSL). Medians of interleaved rounds; in-process");
lines.push("times start after the module is loaded and include reading the files; process times are wall");
lines.push("times of the whole process. Peak RSS is the largest over the rounds.", "");
lines.push("| contender | runs | median ms | × OpenSSL | peak RSS MiB |", "| --- | ---: | ---: | ---: | ---: |", ...rows, "");
lines.push("What each does: OpenSSL parses the CMS, hashes the document (Streebog-256), verifies the");
lines.push("signature and the chain to the CA. ekdo-check does that and more: SHA-256 of the document (Node's");
lines.push("crypto in Node), the PDF/A-1 checks, the qualified-certificate profile and a full report; in Node");
lines.push("Streebog runs in the package's hashing worker, started when the module loads (a row shows the");
lines.push("worker started by the call instead, and one with no worker). From a path, a File or a Blob the");
lines.push("image's data are hashed and not kept (`Checker.leaveOutImageData`). crypto-gost-js verifies the");
lines.push("CMS with its `SignedDataContentInfo.verify` and a `TrustedCAPolicy` (signature, digest, chain).", "");
lines.push("## Goals of issue 13", "");
lines.push("| goal | measured | limit | met |", "| --- | ---: | ---: | --- |");
for (const g of goalRows.filter((g) => !g.name.startsWith("variant: "))) {
  lines.push(`| ${g.name} | ${g.shown} | ${g.limit} | ${g.met ? "yes" : "**no**"} |`);
}
lines.push("", "The same limits applied to the other ways of running (not goals of the issue: they show what the");
lines.push("hashing worker and the digest thread are worth, and what a source read only once costs: a");
lines.push("stream cannot be read again, so its image data cannot be left out of the module's copy, which");
lines.push("is then the whole document; a path, a File or a Blob can):", "");
lines.push("| variant | measured | limit | within |", "| --- | ---: | ---: | --- |");
for (const g of goalRows.filter((g) => g.name.startsWith("variant: "))) {
  lines.push(`| ${g.name.slice("variant: ".length)} | ${g.shown} | ${g.limit} | ${g.met ? "yes" : "no"} |`);
}
lines.push("");
lines.push(`Memory baselines: node -e 0 ${fmt(mib(nodeOwnKb), 1)} MiB; node with the package loaded ${fmt(mib(moduleKb), 1)} MiB.`, "");
lines.push("## Crypto micro-benchmarks", "");
lines.push("| | native | Node (wasm) |", "| --- | ---: | ---: |");
lines.push(`| GOST 2012-256 verify (${microNative.parameters}), median µs | ${fmt(microNative.verify_us)} | ${fmt(microNode.verify_us)} |`);
lines.push(`| Streebog-256, ours (crypto::streebog), MB/s | ${fmt(microNative.streebog256_mbps)} | ${fmt(microNode.streebog256_mbps)} |`);
lines.push(`| Streebog-256, the hashing worker's module (ekdo_digest.wasm), MB/s | — | ${fmt(microNode.streebog256_worker_mbps)} |`);
lines.push(`| Streebog-256, RustCrypto crate, MB/s | ${fmt(microNative.streebog256_crate_mbps)} | — |`);
lines.push(`| SHA-256, MB/s | ${fmt(microNative.sha256_mbps)} | ${fmt(microNode.sha256_mbps)} |`, "");
lines.push("Throughput is the best of 1500 runs over 64 KiB (short runs, so a busy machine's time slices do");
lines.push("not count); in Node it is measured through `Checker.push` (Streebog = with a GOST signature minus");
lines.push("without).", "");
lines.push(`## The PDF/A corpus (${corpusRuns.native[0]?.files ?? "?"} files of tests/data/verapdf)`, "");
lines.push("| | median ms | what it checks |", "| --- | ---: | --- |");
lines.push(`| ekdo-check native, pdf::check | ${fmt(corpusMs("native"))} | identification and the PDF/A-1 rules of this build (${corpusRuns.native[0]?.conforming} conforming) |`);
lines.push(`| ekdo-check in Node, check() without signatures | ${fmt(corpusMs("node"))} | the same, plus the report (${corpusRuns.node[0]?.conforming} conforming) |`);
if (hasPikepdf) {
  const p = corpusRuns.pikepdf[0];
  lines.push(`| pikepdf ${p.version}: open + XMP pdfaid | ${fmt(corpusMs("pikepdf"))} | opens the file (qpdf, repairing) and reads the PDF/A claim (${p.opened} opened, ${p.claimed} claim PDF/A); checks no PDF/A rule |`);
}
lines.push("");
const report = lines.join("\n") + "\n";
process.stdout.write(report);
if (WRITE) {
  writeFileSync(join(root, "docs/benchmarks.md"), report + readFileSync(join(root, "bench/notes.md"), "utf8"));
  say("wrote docs/benchmarks.md");
}
rmSync(scratch, { recursive: true, force: true });
