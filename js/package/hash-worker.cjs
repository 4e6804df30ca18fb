// The hashing thread of the Node entry points (hash-pool.cjs): computes the digests a Checker
// handed over (`handOver`), so that Streebog, the slowest part of a check, runs on a second core
// while the main thread copies the document into its module and runs the PDF/A rules.
//
// Jobs: { id, path, names, resume? } reads the file itself (the main thread reads it too: the file's
// identity and times before and after each read are compared before the digests are used; the
// answer is { id, digests, size, stat }); { id, names, ring, control } hashes what checkStream
// writes into a ring of shared memory (hash-pool.cjs: hashRing), answered { id, digests, size }.
// A failed job answers { id, error }.
"use strict";
const { parentPort } = require("node:worker_threads");
const { closeSync, fstatSync, openSync } = require("node:fs");
const { Digester, PIECE } = require("./digest.cjs");
const { CANCELLED, ENDED, HASHED, WRITTEN, fileKey } = require("./hash-pool.cjs");

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

/**
 * Hashes what the main thread writes into the shared `ring` (hash-pool.cjs: hashRing): `control`
 * holds [written, hashed, ended, cancelled], positions counted in bytes modulo 2^32. Waits
 * without blocking the thread (Atomics.waitAsync), so that other jobs go on meanwhile.
 */
async function hashRing({ id, names, ring, control }) {
  const state = new Int32Array(control);
  const bytes = new Uint8Array(ring);
  const digester = new Digester(names);
  try {
    const size = await hashFromRing(digester, state, bytes);
    parentPort.postMessage({ id, digests: digester.finish(), size });
  } catch (e) {
    digester.finish();
    throw e;
  }
}

/** Hashes the ring's bytes until the main thread ends the job; returns their count. */
async function hashFromRing(digester, state, bytes) {
  let hashed = 0;
  let size = 0;
  for (;;) {
    if (Atomics.load(state, CANCELLED)) throw new Error("cancelled");
    const written = Atomics.load(state, WRITTEN);
    if (written !== hashed) {
      // A piece at a time, each handed back at once so that the ring is refilled sooner.
      const at = hashed & (bytes.length - 1);
      const n = Math.min((written - hashed) >>> 0, bytes.length - at, PIECE);
      digester.update(bytes.subarray(at, at + n));
      hashed = (hashed + n) | 0;
      size += n;
      Atomics.store(state, HASHED, hashed);
      Atomics.notify(state, HASHED);
      continue;
    }
    // Ended is set after the last write: seen ended, what was written by then is all there is.
    if (Atomics.load(state, ENDED) && Atomics.load(state, WRITTEN) === hashed) break;
    const wait = Atomics.waitAsync(state, WRITTEN, written);
    if (wait.async) await wait.value;
  }
  return size;
}

parentPort.on("message", (message) => {
  const fail = (e) => parentPort.postMessage({ id: message.id, error: String(e && e.message) });
  if (message.ring) {
    hashRing(message).catch(fail);
    return;
  }
  try {
    hashFile(message);
  } catch (e) {
    fail(e);
  }
});
