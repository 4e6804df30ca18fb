// The hashing thread of the Node entry points (hash-pool.mjs): computes the digests a Checker
// handed over (`handOver`), so that Streebog, the slowest part of a check, runs on a second core
// while the main thread copies the document into its module and runs the PDF/A rules.
//
// Jobs: { id, path, names } reads the file itself (the main thread reads it too: the file's
// identity and times before and after each read are compared before the digests are used; the
// answer is { id, digests, size, stat }); { id, names, start: true },
// then { id, chunk, length } (each chunk's buffer is sent back as { id, back } once hashed) and
// { id, end: true } (or { id, cancel: true }) hash chunks sent by checkStream, answered
// { id, digests, size }. A failed job answers { id, error }.
"use strict";
const { parentPort } = require("node:worker_threads");
const { closeSync, fstatSync, openSync, readFileSync, readSync } = require("node:fs");
const { join } = require("node:path");
const { fileKey } = require("./hash-pool.cjs");

// ekdo-digest (crates/ekdo-digest): Streebog alone, 50 KB, no imports; see its lib.rs for the
// interface. The whole ekdo-check module would cost this thread ~10 ms and ~10 MiB more.
const module_ = new WebAssembly.Module(readFileSync(join(__dirname, "node", "ekdo_digest.wasm")));
const wasm = new WebAssembly.Instance(module_, {}).exports;
const PIECE = 1 << 16;
const FAILED = 0xffffffff;
const BITS = { streebog256: 256, streebog512: 512 };

/** The Streebog digests `names` of one job: update(chunk), finish() → Uint8Array[]. */
class Digester {
  constructor(names) {
    this.slots = [];
    for (const name of names) {
      const slot = BITS[name] === undefined ? FAILED : wasm.begin(BITS[name]) >>> 0;
      if (slot === FAILED) {
        this.finish();
        throw new Error(`no digest ${name} here`);
      }
      this.slots.push({ slot, size: BITS[name] / 8 });
    }
  }

  /**
   * Feeds `chunk` in 64 KiB calls: WebAssembly has no on-stack replacement, so the hash moves
   * to optimised code only at a new call.
   */
  update(chunk) {
    for (let at = 0; at < chunk.byteLength; at += PIECE) {
      const piece = chunk.subarray(at, at + PIECE);
      inputBuffer().set(piece);
      this.hashInput(piece.byteLength);
    }
  }

  /** Hashes the first `length` bytes of the module's input buffer (inputBuffer()). */
  hashInput(length) {
    for (const { slot } of this.slots) {
      if (wasm.update(slot, length) >>> 0 === FAILED) throw new Error("digest update failed");
    }
  }

  finish() {
    const digests = this.slots.map(({ slot, size }) => {
      const at = wasm.finish(slot) >>> 0;
      return at === FAILED ? null : new Uint8Array(wasm.memory.buffer, at, size).slice();
    });
    this.slots = [];
    return digests;
  }
}

/** The module's input buffer (PIECE bytes), viewed afresh: a growing memory detaches old views. */
function inputBuffer() {
  return new Uint8Array(wasm.memory.buffer, wasm.input() >>> 0, PIECE);
}

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
 * Reads and hashes the file. Synchronous reads: this thread has nothing else to do meanwhile,
 * and each asynchronous read would wait for a libuv pool thread. Each read goes straight into
 * the module's input buffer: no copy, and no buffer of this thread's own.
 */
function hashFile({ id, path, names }) {
  const digester = new Digester(names);
  let size = 0;
  let stat = null;
  try {
    const fd = openSync(path, "r");
    try {
      const before = fstatSync(fd, { bigint: true });
      for (;;) {
        const bytesRead = readSync(fd, inputBuffer(), 0, PIECE, null);
        if (bytesRead === 0) break;
        digester.hashInput(bytesRead);
        size += bytesRead;
      }
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
