// The streaming API (Checker, checkStream) and the CLI that streams the document give the same
// report as `check` on the whole file, from every kind of source.
import assert from "node:assert/strict";
import { createReadStream, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import test from "node:test";

import { at, data, pkg, run } from "./helpers.mjs";

const ekdo = await import(`${pkg}/node.mjs`);
const sample = `${data}/05-two-signers`;
const documentPath = `${sample}/document.pdf`;
const document = new Uint8Array(readFileSync(documentPath));
const signatures = [{ name: "document.pdf.sig", bytes: new Uint8Array(readFileSync(`${sample}/document.pdf.sig`)) }];
const tsl = new Uint8Array(readFileSync(`${data}/tsl.xml`));
const options = { at, documentName: "document.pdf", trustList: tsl };
const want = JSON.stringify(ekdo.check(document, signatures, options));

/** `size` bytes that repeat nowhere near a buffer's length (a document far larger than the fixtures). */
function scrambled(size) {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.imul(i, 2654435761) >>> 24;
  return bytes;
}

/** A detached GOST signature of `bytes` by Белова (the test PKI), as checkStream's signatures. */
function signedByBelova(bytes) {
  const keys = `${data}/keys`;
  const signature = ekdo.sign(bytes, readFileSync(`${keys}/belova.key.pem`), readFileSync(`${keys}/belova.crt.pem`), { at });
  return [{ name: "big.sig", bytes: signature }];
}

function* pieces(size) {
  for (let i = 0; i < document.length; i += size) yield document.subarray(i, i + size);
}

test("checkStream reads every kind of source to the same report", async () => {
  const sources = {
    "Uint8Array": document,
    "ArrayBuffer": document.slice().buffer,
    "Blob": new Blob([document]),
    "ReadableStream (Blob.stream, bytes)": new Blob([document]).stream(),
    "ReadableStream (default)": new ReadableStream({
      start(controller) {
        for (const piece of pieces(3333)) controller.enqueue(piece.slice());
        controller.close();
      },
    }),
    "fs.createReadStream": createReadStream(documentPath, { highWaterMark: 4096 }),
    "Readable.from (Buffers)": Readable.from([...pieces(1000)].map((p) => Buffer.from(p))),
    "async generator": (async function* () { yield* pieces(777); })(),
    "array of chunks": [...pieces(5000)],
  };
  for (const [name, source] of Object.entries(sources)) {
    const report = await ekdo.checkStream(source, signatures, options);
    assert.equal(JSON.stringify(report), want, name);
  }
  assert.equal(JSON.parse(want).kind, "УКЭП");
});

test("checkStream reuses a parsed TrustList and takes a size hint", async () => {
  const list = ekdo.TrustList.parse(tsl);
  const report = await ekdo.checkStream(pieces(3000), signatures, { ...options, trustList: list }, { size: document.length });
  assert.equal(JSON.stringify(report), want);
});

test("Checker: push chunks, finish once; misuse throws coded errors", () => {
  const checker = new ekdo.Checker(signatures, options);
  for (const piece of pieces(10_000)) checker.push(piece);
  assert.equal(checker.length, document.length);
  assert.equal(JSON.stringify(checker.finish()), want);
  assert.throws(() => checker.push(document), { code: "OPTIONS_INVALID" });
  assert.throws(() => checker.finish(), { code: "OPTIONS_INVALID" });
  checker.free();
  assert.throws(() => new ekdo.Checker(signatures, { colour: "blue" }), { code: "OPTIONS_INVALID" });
});

test("checkStream refuses what is not bytes", async () => {
  await assert.rejects(ekdo.checkStream("document.pdf", signatures, options), { code: "OPTIONS_INVALID" });
  await assert.rejects(ekdo.checkStream(42, signatures, options), { code: "OPTIONS_INVALID" });
  await assert.rejects(ekdo.checkStream([document, "text"], signatures, options), { code: "OPTIONS_INVALID" });
});

test("the CLI streams the document, also from stdin, to the same report", () => {
  const args = ["--sig", `${sample}/document.pdf.sig`, "--tsl", `${data}/tsl.xml`, "--at", at, "--json"];
  const fromFile = run(["check", documentPath, ...args]);
  assert.equal(fromFile.status, 0, fromFile.stderr);
  const fromStdin = run(["check", "-", ...args], { input: readFileSync(documentPath) });
  assert.equal(fromStdin.status, 0, fromStdin.stderr);
  const strip = (text) => {
    const report = JSON.parse(text);
    delete report.document.file;
    delete report.upload.steps[0].file;
    return report;
  };
  const expected = JSON.parse(want);
  assert.equal(JSON.parse(fromFile.stdout).document.sha256, expected.document.sha256);
  assert.deepEqual(strip(fromStdin.stdout), strip(fromFile.stdout));
  const directory = run(["check", data, ...args]);
  assert.equal(directory.status, 2);
  assert.match(directory.stderr, /^ekdo-check: INPUT_UNREADABLE: /);
});

test("Checker takes a chunk larger than its 1 MiB pieces", () => {
  const big = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 7) & 255);
  const checker = new ekdo.Checker(signatures, options);
  checker.push(big);
  assert.equal(checker.length, big.length);
  assert.equal(JSON.stringify(checker.finish()), JSON.stringify(ekdo.check(big, signatures, options)));
});

test("checkFile (Node) reads a path to the same report; a missing file rejects with a code", async () => {
  assert.equal(JSON.stringify(await ekdo.checkFile(documentPath, signatures, options)), want);
  const list = ekdo.TrustList.parse(tsl);
  assert.equal(JSON.stringify(await ekdo.checkFile(documentPath, signatures, { ...options, trustList: list })), want);
  await assert.rejects(ekdo.checkFile("/nonexistent.pdf", signatures, options), { code: "INPUT_UNREADABLE" });
});

test("the hashing worker (checkFile, checkStream) gives every fixture the report of check()", async () => {
  const { readdirSync, existsSync } = await import("node:fs");
  let checked = 0;
  for (const name of readdirSync(data).filter((n) => /^\d\d-/.test(n))) {
    const dir = `${data}/${name}`;
    if (!existsSync(`${dir}/document.pdf`)) continue; // the big cases are made by make-big-pdfs.sh
    const doc = readFileSync(`${dir}/document.pdf`);
    const sigs = readdirSync(dir)
      .filter((f) => f.startsWith("document.pdf.") && f !== "document.pdf.sha256")
      .map((f) => ({ name: f, bytes: readFileSync(`${dir}/${f}`) }));
    const opts = { at, trustList: tsl };
    const whole = JSON.stringify(ekdo.check(doc, sigs, opts));
    for (const threads of [true, false]) {
      assert.equal(JSON.stringify(await ekdo.checkFile(`${dir}/document.pdf`, sigs, opts, { threads })), whole, `${name} checkFile threads=${threads}`);
      const stream = Readable.from([doc.subarray(0, 1000), doc.subarray(1000)]);
      assert.equal(JSON.stringify(await ekdo.checkStream(stream, sigs, opts, { threads })), whole, `${name} checkStream threads=${threads}`);
    }
    checked++;
  }
  assert.ok(checked >= 15, `${checked} fixtures`);
});

test("a tampered document fails its digest through the worker too", async () => {
  const dir = `${data}/06-tampered-document`;
  const sigs = [{ name: "document.pdf.sig", bytes: readFileSync(`${dir}/document.pdf.sig`) }];
  const report = await ekdo.checkFile(`${dir}/document.pdf`, sigs, { at });
  assert.equal(report.signatures[0].signers[0].details.digest_matches, false);
  assert.equal(report.signatures[0].kind, "invalid");
  // A document changed after the signature was made: a speculative check is not reused.
  const changed = new Uint8Array(document);
  changed[changed.length - 10] ^= 1;
  const viaWorker = await ekdo.checkStream([changed], signatures, options);
  assert.equal(JSON.stringify(viaWorker), JSON.stringify(ekdo.check(changed, signatures, options)));
  assert.equal(viaWorker.signatures[0].signers[0].details.digest_matches, false);
});

test("Checker hand-over: digests given back are used, wrong ones refused or detected", () => {
  const checker = new ekdo.Checker(signatures, options);
  // Fixture 05: one signer with Streebog-256, one with Streebog-512.
  assert.deepEqual(checker.handOver(["streebog256", "streebog512", "sha1", "md5"]), ["streebog256", "streebog512"]);
  assert.equal(checker.handOverSha256(), true);
  checker.push(document);
  assert.throws(() => checker.giveDigest("sha1", new Uint8Array(20)), { code: "OPTIONS_INVALID" });
  assert.throws(() => checker.giveDigest("streebog256", new Uint8Array(31)), { code: "OPTIONS_INVALID" });
  assert.throws(() => checker.giveSha256(new Uint8Array(31)), { code: "OPTIONS_INVALID" });
  checker.precheck();
  // Zeros are not the document's digests: the signers' digests must not match.
  checker.giveDigest("streebog256", new Uint8Array(32));
  checker.giveDigest("streebog512", new Uint8Array(64));
  checker.giveSha256(new Uint8Array(32));
  const report = checker.finish();
  assert.equal(report.document.sha256, "0".repeat(64));
  assert.ok(report.signatures[0].signers.every((s) => s.details.digest_matches === false));
  assert.equal(report.ready, false);
  checker.free();
});

test("a source that fails midway rejects, and the worker stays usable", async () => {
  async function* failing() {
    yield document.subarray(0, 1000);
    throw new Error("disk gone");
  }
  await assert.rejects(ekdo.checkStream(failing(), signatures, options), /disk gone/);
  assert.equal(JSON.stringify(await ekdo.checkStream([document], signatures, options)), want);
});

/** A byte stream over `bytes` that answers each read with an odd number of bytes; `seen` gets each read's buffer size. */
function byteStream(bytes, seen, failAt = Infinity) {
  let at = 0;
  let n = 1;
  return new ReadableStream({
    type: "bytes",
    pull(controller) {
      const request = controller.byobRequest;
      if (at >= failAt) return controller.error(new Error("disk gone"));
      if (at >= bytes.length) {
        controller.close();
        return request?.respond(0);
      }
      seen.push(request ? request.view.byteLength : null);
      n = ((n * 7 + 4093) % 100_000) + 1;
      const count = Math.min(n, bytes.length - at, request.view.byteLength);
      request.view.set(bytes.subarray(at, at + count));
      at += count;
      request.respond(count);
    },
  });
}

test("a byte stream is read into checkStream's own two buffers, to the same report; one that fails is released", async () => {
  // 1.5 MiB: the two 256 KiB read buffers go round several times.
  const big = scrambled(1536 * 1024 + 321);
  const sigs = signedByBelova(big);
  const want = JSON.stringify(ekdo.check(big, sigs, { at }));
  for (const threads of [true, false]) {
    const seen = [];
    const report = await ekdo.checkStream(byteStream(big, seen), sigs, { at }, { threads });
    assert.equal(JSON.stringify(report), want);
    assert.equal(report.signatures[0].signers[0].details.digest_matches, true);
    // Every read came with a buffer of ours (BYOB), never one the stream allocated.
    assert.ok(seen.length > 10);
    assert.ok(seen.every((size) => size === 1 << 18), JSON.stringify(seen.slice(0, 5)));
  }

  const failing = byteStream(big, [], 600_000);
  await assert.rejects(ekdo.checkStream(failing, sigs, { at }), /disk gone/);
  assert.equal(failing.locked, false);
});

test("the browser recipe: web/ekdo_digest.wasm hashes what Checker.handOver hands over", () => {
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(`${pkg}/web/ekdo_digest.wasm`)), {}).exports;
  const checker = new ekdo.Checker(signatures, options);
  const names = checker.handOver(["streebog256", "streebog512"]);
  const slots = names.map((name) => wasm.begin(name === "streebog256" ? 256 : 512));
  for (const piece of pieces(65536)) {
    checker.push(piece);
    new Uint8Array(wasm.memory.buffer, wasm.input(), piece.length).set(piece);
    for (const slot of slots) assert.equal(wasm.update(slot, piece.length), 0);
  }
  checker.precheck();
  names.forEach((name, i) => {
    const at = wasm.finish(slots[i]);
    checker.giveDigest(name, new Uint8Array(wasm.memory.buffer, at, name === "streebog256" ? 32 : 64).slice());
  });
  assert.equal(JSON.stringify(checker.finish()), want);
  checker.free();
  // Misuse answers FAILED (-1 as an i32), never a trap.
  assert.equal(wasm.begin(384), -1);
  assert.equal(wasm.update(63, 10), -1);
  assert.equal(wasm.update(0, 65537), -1);
  assert.equal(wasm.finish(63), -1);
  assert.equal(wasm.save(63), -1);
  new Uint8Array(wasm.memory.buffer, wasm.input(), wasm.state_size()).fill(7);
  assert.equal(wasm.restore(), -1);
  // A saved digest goes on in another instance to the digest of the whole.
  const other = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(`${pkg}/web/ekdo_digest.wasm`)), {}).exports;
  const slot = wasm.begin(256);
  new Uint8Array(wasm.memory.buffer, wasm.input(), 1000).set(document.subarray(0, 1000));
  wasm.update(slot, 1000);
  // The address first: the call may grow the memory, which detaches an older view of it.
  const saved = wasm.save(slot);
  const state = new Uint8Array(wasm.memory.buffer, saved, wasm.state_size()).slice();
  const input = other.input();
  new Uint8Array(other.memory.buffer, input, state.length).set(state);
  const resumed = other.restore();
  for (let i = 1000; i < document.length; i += 65536) {
    const piece = document.subarray(i, i + 65536);
    new Uint8Array(other.memory.buffer, other.input(), piece.length).set(piece);
    assert.equal(other.update(resumed, piece.length), 0);
  }
  const end = other.finish(resumed);
  assert.deepEqual(new Uint8Array(other.memory.buffer, end, 32).slice(), streebog256(document));
});

/** Streebog-256 of `bytes`, computed here by the package's digest module (web/ekdo_digest.wasm). */
function streebog256(bytes) {
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(`${pkg}/web/ekdo_digest.wasm`)), {}).exports;
  const slot = wasm.begin(256);
  for (let i = 0; i < bytes.length; i += 65536) {
    const piece = bytes.subarray(i, i + 65536);
    new Uint8Array(wasm.memory.buffer, wasm.input(), piece.length).set(piece);
    assert.equal(wasm.update(slot, piece.length), 0);
  }
  const at = wasm.finish(slot);
  return new Uint8Array(wasm.memory.buffer, at, 32).slice();
}

test("checkStream's shared ring: a document several times its size, filled in odd steps, hashed intact", async () => {
  // 7 MiB: the 1 MiB ring goes round seven times.
  const big = scrambled(7 * 1024 * 1024 + 12345);
  const chunks = [];
  for (let start = 0, n = 1; start < big.length; start += n, n = ((n * 7 + 4093) % 300_000) + 1) {
    chunks.push(big.slice(start, start + n));
  }
  const before = chunks.map((c) => c.slice());

  // The worker's digest equals the one the same hash computes here, whatever the steps: a fill
  // takes what fits, the next one goes on from there.
  const { hashRing } = createRequire(import.meta.url)(`${pkg}/hash-pool.cjs`);
  const job = hashRing(["streebog256"]);
  let have = 0;
  let partial = 0;
  for (const chunk of chunks) {
    have += chunk.length;
    if (!job.fill(big.subarray(0, have))) partial += 1;
  }
  while (!job.fill(big)) await job.waitSpace();
  const { digests, size } = await job.end();
  assert.ok(partial > 0, "the ring was full at times");
  assert.equal(size, big.length);
  assert.deepEqual(digests[0], streebog256(big));

  // End to end: a GOST signature over it verifies through checkStream as through check().
  const sigs = signedByBelova(big);
  const report = await ekdo.checkStream(chunks, sigs, { at });
  assert.equal(JSON.stringify(report), JSON.stringify(ekdo.check(big, sigs, { at })));
  assert.equal(report.signatures[0].signers[0].details.digest_matches, true);
  // The caller's chunks were copied, never moved or changed.
  chunks.forEach((chunk, i) => assert.deepEqual(chunk, before[i]));
});

test("checkStreams and a checkFile at once share the worker, each to its own report", async () => {
  const a = scrambled(2 * 1024 * 1024 + 5);
  const b = scrambled(3 * 1024 * 1024 + 7).reverse();
  const [sa, sb] = [signedByBelova(a), signedByBelova(b)];
  const chunksOf = (bytes, n) => Array.from({ length: Math.ceil(bytes.length / n) }, (_, i) => bytes.subarray(i * n, i * n + n));
  const [ra, rb, rf] = await Promise.all([
    ekdo.checkStream(chunksOf(a, 100_000), sa, { at }),
    ekdo.checkStream(byteStream(b, []), sb, { at }),
    ekdo.checkFile(documentPath, signatures, options),
  ]);
  assert.equal(JSON.stringify(ra), JSON.stringify(ekdo.check(a, sa, { at })));
  assert.equal(JSON.stringify(rb), JSON.stringify(ekdo.check(b, sb, { at })));
  assert.equal(JSON.stringify(rf), want);
  assert.equal(ra.signatures[0].signers[0].details.digest_matches, true);
  assert.equal(rb.signatures[0].signers[0].details.digest_matches, true);
});

test("the CLI's head start: the worker goes on from the digests saved here, for the same file only", async () => {
  const { mkdtempSync, utimesSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const pool = createRequire(import.meta.url)(`${pkg}/hash-pool.cjs`);
  const dir = mkdtempSync(`${tmpdir()}/ekdo-prefetch-`);

  // 5 MiB: more than this thread hashes before handing over.
  const big = scrambled(5 * 1024 * 1024 + 99);
  writeFileSync(`${dir}/big.bin`, big);
  const want = streebog256(big);
  pool.prefetchFile(`${dir}/big.bin`, ["streebog256"]);
  const early = await pool.hashFile(`${dir}/big.bin`, ["streebog256"]);
  assert.deepEqual(early.digests[0], want);
  assert.equal(early.size, big.length);
  assert.notEqual(early.stat, null);
  // Taken once: the next request hashes the file anew, to the same digest.
  assert.deepEqual((await pool.hashFile(`${dir}/big.bin`, ["streebog256"])).digests[0], want);

  // Changed after the head start: its digests are not used, the report is the new file's.
  // (Fixture 01: one Streebog-256 signer, the digest the head start computes.)
  const original = readFileSync(`${data}/01-qualified-person-der/document.pdf`);
  const sigs = [{ name: "document.pdf.sig", bytes: readFileSync(`${data}/01-qualified-person-der/document.pdf.sig`) }];
  writeFileSync(`${dir}/document.pdf`, original);
  const head = new ekdo.Checker(sigs, { at });
  assert.deepEqual(head.handOver(["streebog256", "streebog512"]), ["streebog256"]);
  head.free();
  pool.prefetchFile(`${dir}/document.pdf`, ["streebog256"]);
  const changed = new Uint8Array(original);
  changed[changed.length - 10] ^= 1;
  writeFileSync(`${dir}/document.pdf`, changed);
  // Same size: the change shows in the modification time, set apart here because a file
  // system's clock may be too coarse to tell two writes a moment apart.
  utimesSync(`${dir}/document.pdf`, new Date(), new Date(Date.now() + 60_000));
  const report = await ekdo.checkFile(`${dir}/document.pdf`, sigs, { at });
  assert.equal(JSON.stringify(report), JSON.stringify(ekdo.check(changed, sigs, { at })));
  assert.equal(report.signatures[0].signers[0].details.digest_matches, false);
  // Unchanged, the same call uses the head start and verifies.
  writeFileSync(`${dir}/document.pdf`, original);
  pool.prefetchFile(`${dir}/document.pdf`, ["streebog256"]);
  const intact = await ekdo.checkFile(`${dir}/document.pdf`, sigs, { at });
  assert.equal(JSON.stringify(intact), JSON.stringify(ekdo.check(original, sigs, { at })));
  assert.equal(intact.signatures[0].signers[0].details.digest_matches, true);
});

test("a hashing worker stopped mid-check: the check hashes itself, the next one starts a new worker", async () => {
  const big = scrambled(3 * 1024 * 1024);
  const sigs = signedByBelova(big);
  const want = JSON.stringify(ekdo.check(big, sigs, { at }));
  let stopped = null;
  async function* slow() {
    for (let i = 0; i < big.length; i += 65536) {
      if (i === 1024 * 1024) stopped = ekdo.stopHashWorker();
      yield big.subarray(i, i + 65536);
    }
  }
  const report = await ekdo.checkStream(slow(), sigs, { at });
  await stopped;
  assert.ok(stopped, "the worker was stopped during the check");
  assert.equal(JSON.stringify(report), want);
  assert.equal(report.signatures[0].signers[0].details.digest_matches, true);
  // Stopped again while idle, then used: a new worker hashes.
  await ekdo.stopHashWorker();
  const { hashRing } = createRequire(import.meta.url)(`${pkg}/hash-pool.cjs`);
  const job = hashRing(["streebog256"]);
  while (!job.fill(big)) await job.waitSpace();
  assert.deepEqual((await job.end()).digests[0], streebog256(big));
  assert.equal(JSON.stringify(await ekdo.checkStream([big], sigs, { at })), want);
});
