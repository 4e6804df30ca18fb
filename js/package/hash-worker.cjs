// The hashing thread of the Node entry points (hash-pool.mjs): computes the digests a Checker
// handed over (`handOver`), so that Streebog, the slowest part of a check, runs on a second core
// while the main thread copies the document into its module and runs the PDF/A rules.
//
// Jobs: { id, path, names } reads the file itself (the main thread reads it too: the two reads
// are compared by SHA-256 and length before the digests are used); { id, names, start: true },
// then { id, chunk } and { id, end: true } hash chunks sent by checkStream. Each job answers
// { id, digests: Uint8Array[], sha256: Uint8Array, size } or { id, error }.
"use strict";
const { parentPort } = require("node:worker_threads");
const { open } = require("node:fs/promises");
const { createHash } = require("node:crypto");
const { Digester } = require("./node/ekdo_check.js");

const streams = new Map();
const PIECE = 1 << 16;

/**
 * Feeds `chunk` in 64 KiB calls: WebAssembly has no on-stack replacement, so the hash moves to
 * optimised code only at a new call (one 1 MiB call would run in baseline code throughout).
 */
function update(digester, chunk) {
  for (let at = 0; at < chunk.byteLength; at += PIECE) digester.update(chunk.subarray(at, at + PIECE));
}

function answer(id, digester, sha256, size) {
  const digests = digester.finish();
  parentPort.postMessage({ id, digests, sha256: sha256.digest(), size });
}

async function hashFile({ id, path, names }) {
  const digester = new Digester(names);
  const sha256 = createHash("sha256");
  const file = await open(path, "r");
  let size = 0;
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      update(digester, chunk);
      sha256.update(chunk);
      size += bytesRead;
    }
  } finally {
    await file.close();
  }
  answer(id, digester, sha256, size);
}

function hashChunk(message) {
  const { id } = message;
  if (message.start) {
    streams.set(id, { digester: new Digester(message.names), sha256: createHash("sha256"), size: 0 });
    return;
  }
  const job = streams.get(id);
  if (!job) return;
  if (message.end) {
    streams.delete(id);
    answer(id, job.digester, job.sha256, job.size);
    return;
  }
  update(job.digester, message.chunk);
  job.sha256.update(message.chunk);
  job.size += message.chunk.byteLength;
}

parentPort.on("message", (message) => {
  try {
    if (message.path !== undefined) {
      hashFile(message).catch((e) => parentPort.postMessage({ id: message.id, error: String(e && e.message) }));
    } else {
      hashChunk(message);
    }
  } catch (e) {
    streams.delete(message.id);
    parentPort.postMessage({ id: message.id, error: String(e && e.message) });
  }
});
