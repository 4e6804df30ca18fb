// Streebog by ekdo-digest (crates/ekdo-digest: 50 KB, no imports; see its lib.rs for the
// interface), for the hashing worker (hash-worker.cjs) and the CLI's head start (hash-pool.cjs:
// prefetchFile). The instance is made on first use, one per thread.
"use strict";
const { readFileSync, readSync } = require("node:fs");
const { join } = require("node:path");

/** The module's input buffer: what one update() hashes. */
const PIECE = 1 << 16;
const FAILED = 0xffffffff;
const BITS = { streebog256: 256, streebog512: 512 };

let instance = null;
function wasm() {
  instance ??= new WebAssembly.Instance(new WebAssembly.Module(readFileSync(join(__dirname, "node", "ekdo_digest.wasm"))), {}).exports;
  return instance;
}

/** The module's input buffer (PIECE bytes), viewed afresh: a growing memory detaches old views. */
function inputBuffer() {
  // The address first: the module's first call allocates, and may grow the memory.
  const at = wasm().input() >>> 0;
  return new Uint8Array(wasm().memory.buffer, at, PIECE);
}

/** The Streebog digests `names` of one job: update(chunk), finish() → Uint8Array[]. */
class Digester {
  /** `states`, when given, are the saved digests (save()) to go on with, one per name. */
  constructor(names, states) {
    this.slots = [];
    names.forEach((name, i) => {
      const slot = BITS[name] === undefined ? FAILED : states ? restore(states[i]) : wasm().begin(BITS[name]) >>> 0;
      if (slot === FAILED) {
        this.finish();
        throw new Error(`no digest ${name} here`);
      }
      this.slots.push({ slot, size: BITS[name] / 8 });
    });
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
      if (wasm().update(slot, length) >>> 0 === FAILED) throw new Error("digest update failed");
    }
  }

  /**
   * Reads `fd` from `position` to its end, or `limit` bytes, straight into the module's input
   * buffer (no copy, no buffer of its own) and hashes it; returns the bytes read. Synchronous:
   * each asynchronous read would wait for a libuv pool thread.
   */
  hashFile(fd, position, limit = Infinity) {
    let done = 0;
    while (done < limit) {
      const bytesRead = readSync(fd, inputBuffer(), 0, Math.min(PIECE, limit - done), position + done);
      if (bytesRead === 0) break;
      this.hashInput(bytesRead);
      done += bytesRead;
    }
    return done;
  }

  finish() {
    return this.takeOut((slot) => wasm().finish(slot), (slot) => slot.size);
  }

  /** Ends the job without finishing its digests: their states, for new Digester(names, states). */
  save() {
    return this.takeOut((slot) => wasm().save(slot), () => wasm().state_size());
  }

  takeOut(call, size) {
    const out = this.slots.map((slot) => {
      const at = call(slot.slot) >>> 0;
      return at === FAILED ? null : new Uint8Array(wasm().memory.buffer, at, size(slot)).slice();
    });
    this.slots = [];
    return out;
  }
}

function restore(state) {
  if (!(state instanceof Uint8Array) || state.byteLength !== wasm().state_size()) return FAILED;
  inputBuffer().set(state);
  return wasm().restore() >>> 0;
}

module.exports = { PIECE, Digester };
