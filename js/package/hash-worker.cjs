// The hashing thread of the Node entry points (hash-pool.cjs): computes the digests a Checker
// handed over (`handOver`), so that Streebog, the slowest part of a check, runs on a second core
// while the main thread copies the document into its module and runs the PDF/A rules.
//
// Jobs: { id, path, names, resume? } reads the file itself (the main thread reads it too: the file's
// identity and times before and after each read are compared before the digests are used; the
// answer is { id, digests, size, stat }); { id, names, start: true },
// then { id, chunk, length } (each chunk's buffer is sent back as { id, back } once hashed) and
// { id, end: true } (or { id, cancel: true }) hash chunks sent by checkStream, answered
// { id, digests, size }. A failed job answers { id, error }.
"use strict";
const { parentPort } = require("node:worker_threads");
const { closeSync, fstatSync, openSync } = require("node:fs");
const { Digester, PIECE } = require("./digest.cjs");
const { fileKey } = require("./hash-pool.cjs");

const streams = new Map();

// Compile the hash to optimised code now, while the thread waits for its first job: V8 moves a
// wasm function to its optimising compiler after its first calls (docs/benchmarks.md).
{
  const warm = new Digester(["streebog256"]);
  for (let i = 0; i < 6; i++) warm.hashInput(PIECE);
  warm.finish();
}
parentPort.postMessage({ ready: true });

/**
 * Reads and hashes the file. `resume`, from the CLI's head start (hash-pool.cjs: prefetchFile),
 * gives the digests of its first `offset` bytes as saved states, and the file's stat taken
 * before they were read.
 */
function hashFile({ id, path, names, resume }) {
  const digester = new Digester(names, resume?.states);
  let size = resume?.offset ?? 0;
  let stat = null;
  try {
    const fd = openSync(path, "r");
    try {
      const before = resume?.before ?? fstatSync(fd, { bigint: true });
      size += digester.hashFile(fd, size);
      stat = fileKey(before, fstatSync(fd, { bigint: true }));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    digester.finish();
    throw e;
  }
  parentPort.postMessage({ id, digests: digester.finish(), size, stat });
}

function hashChunk(message) {
  const { id } = message;
  if (message.start) {
    streams.set(id, { digester: new Digester(message.names), size: 0 });
    return;
  }
  const job = streams.get(id);
  if (!job) return;
  if (message.cancel) {
    streams.delete(id);
    job.digester.finish();
    parentPort.postMessage({ id, error: "cancelled" });
    return;
  }
  if (message.end) {
    streams.delete(id);
    parentPort.postMessage({ id, digests: job.digester.finish(), size: job.size });
    return;
  }
  const chunk = message.chunk.subarray(0, message.length);
  job.digester.update(chunk);
  job.size += chunk.byteLength;
  // The buffer goes back to be filled again (hash-pool.cjs: hashChunks).
  parentPort.postMessage({ id, back: message.chunk }, [message.chunk.buffer]);
}

parentPort.on("message", (message) => {
  try {
    if (message.path !== undefined) {
      hashFile(message);
    } else {
      hashChunk(message);
    }
  } catch (e) {
    streams.get(message.id)?.digester.finish();
    streams.delete(message.id);
    parentPort.postMessage({ id: message.id, error: String(e && e.message) });
  }
});
