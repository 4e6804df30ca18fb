// One hashing worker thread per process (hash-worker.cjs), started on first use and kept for
// later checks; it holds the process open only while a job runs. When it cannot start or fails,
// jobs reject and the check computes its digests itself (same report, slower). CommonJS, so that
// the CLI's launcher (cli.cjs) and the ES modules share one instance.
"use strict";
const { closeSync, fstatSync, openSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { Worker } = require("node:worker_threads");

/** Digests the worker computes: Streebog, the slowest part of a check (SHA-256 comes from node:crypto). */
const OFFLOADED = ["streebog256", "streebog512"];

/** The running worker and its jobs (id → { resolve, reject }), or null. */
let current = null;
let ready = Promise.resolve();
let nextId = 1;

function ensure() {
  if (current) return current;
  // Its heap holds little (jobs' bytes live in its module and in shared memory); a small
  // old generation keeps V8 from sizing it for a large one (~0.7 MiB less). Should a job ever
  // exhaust it, the worker exits and checks hash in the main thread (same report, slower).
  const started = new Worker(join(__dirname, "hash-worker.cjs"), { resourceLimits: { maxOldGenerationSizeMb: 16 } });
  const jobs = new Map();
  const self = { worker: started, jobs };
  // Its jobs reject (their checks then hash in the main thread); the next job starts a new worker.
  const fail = (error) => {
    if (current === self) current = null;
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  };
  // Held (referenced) until the hash is compiled, so that awaiting `ready` keeps the process
  // up; then released while no job runs. A 'message' listener references the worker again,
  // so every listener is attached before the first unref().
  let isReady;
  ready = new Promise((resolve) => {
    isReady = () => {
      if (jobs.size === 0) started.unref();
      resolve();
    };
    // Never wait long for a thread that does not come up.
    setTimeout(isReady, 2000).unref();
  });
  started.once("error", () => isReady());
  started.once("exit", () => isReady());
  started.on("message", (message) => {
    if (message.ready) return isReady();
    const job = jobs.get(message.id);
    if (!job) return;
    jobs.delete(message.id);
    if (jobs.size === 0) started.unref();
    if (message.error !== undefined) job.reject(new Error(message.error));
    else job.resolve(message);
  });
  started.on("error", fail);
  started.on("exit", () => fail(new Error("the hashing worker exited")));
  current = self;
  return self;
}

/**
 * Starts the worker ahead of the first check; resolves when its hash is compiled (at most 2 s;
 * a worker that fails resolves it too, and checks then hash in the main thread).
 */
function startHashWorker() {
  try {
    ensure();
  } catch {
    // No worker threads here: checks hash in the main thread.
  }
  return ready;
}

/**
 * Stops the worker (its ~10 MiB are freed); resolves once it is gone. Checks running on it
 * compute their digests themselves; the next check that can use a worker starts a new one.
 */
async function stopHashWorker() {
  const stopping = current;
  current = null;
  if (stopping) await stopping.worker.terminate();
}

/** Sends a job; returns the promise of its answer. */
function submit(message) {
  const { worker, jobs } = ensure();
  const id = nextId++;
  const done = new Promise((resolve, reject) => jobs.set(id, { resolve, reject }));
  worker.ref();
  worker.postMessage({ ...message, id });
  return done;
}

/**
 * Hashes the file at `path` with the digests `names` in the worker; resolves to
 * { digests, size, stat } (`stat`: the file's `fileKey` around the worker's read, or null),
 * rejects when the worker cannot.
 */
function hashFile(path, names) {
  const key = prefetchKey(path, names);
  const early = prefetched.get(key);
  if (early) {
    prefetched.delete(key);
    return early;
  }
  try {
    return submit({ path, names });
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Jobs started by prefetchFile, by prefetchKey, until hashFile takes them. */
const prefetched = new Map();
const prefetchKey = (path, names) => `${resolve(path)}\0${names.join(",")}`;

/** The head start's share of the file: about what this thread hashes while the worker starts. */
const HEAD = 3 << 20;

/**
 * The CLI's head start (cli.cjs), called right after startHashWorker(): hashes the first HEAD
 * bytes of the file here while the worker thread starts (some 40 ms during which it could not
 * hash), then hands the digests' states to the worker, which reads and hashes the rest; the
 * first hashFile(path, names) then takes this job instead of starting one. Best effort: when
 * anything fails there is no such job, and the check hashes as it would have.
 */
function prefetchFile(path, names) {
  let fd;
  try {
    fd = openSync(path, "r");
    const before = fstatSync(fd, { bigint: true });
    if (!before.isFile()) return;
    // Required here: only the CLI hashes in this thread.
    const { Digester } = require("./digest.cjs");
    const digester = new Digester(names);
    const offset = digester.hashFile(fd, 0, HEAD);
    const states = digester.save();
    if (states.some((state) => !state)) return;
    const { dev, ino, size, mtimeNs, ctimeNs } = before;
    const done = submit({ path, names, resume: { offset, states, before: { dev, ino, size, mtimeNs, ctimeNs } } });
    done.catch(() => {});
    prefetched.set(prefetchKey(path, names), done);
  } catch {
    // No head start: the check hashes the file itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** hashRing's ring of shared memory: a power of two (positions wrap at 2^32), 1 MiB. */
const RING = 1 << 20;
/** The ring's control words: bytes written, bytes hashed (both modulo 2^32), ended, cancelled. */
const WRITTEN = 0;
const HASHED = 1;
const ENDED = 2;
const CANCELLED = 3;

/**
 * checkStream's job (Node): the worker hashes what `fill(view)` (or `put(chunk)`) copies into a 1 MiB ring of
 * shared memory, where `view` is the whole document so far (in Node, the checker's own copy in
 * the module's memory, so that the source is never read more slowly than it comes and nothing
 * else holds the bytes). `fill` copies what fits and returns whether all of `view` is in; it is
 * cheap enough to call between chunks and from `precheck`'s ticks, so that the worker hashes
 * while the PDF/A rules run. `put(chunk)` instead takes the chunks themselves, in order, and
 * resolves once all of it is in (for a checker whose copy lacks image data: the source is then
 * read no faster than the worker hashes). `waitSpace()` resolves once the worker has taken some; `end()`
 * (after the last fill) resolves to { digests, size }; `cancel()` drops the job. Returns null
 * when the worker cannot start.
 */
function hashRing(names) {
  const ring = new SharedArrayBuffer(RING);
  const control = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  let done;
  try {
    done = submit({ names, ring, control });
  } catch {
    return null;
  }
  const state = new Int32Array(control);
  const bytes = new Uint8Array(ring);
  let written = 0;
  let sent = 0;
  let failed = false;
  // A failed worker takes nothing more: fill() then reports everything in, and a waitSpace()
  // under way returns (woken here: a wait alone does not keep Node's event loop running).
  done.catch(() => {
    failed = true;
    Atomics.notify(state, HASHED);
  });
  // Copies what fits of `source` from `from` into the ring; returns how much.
  const copyIn = (source, from) => {
    let n = Math.min(RING - ((written - Atomics.load(state, HASHED)) >>> 0), source.length - from);
    if (n <= 0) return 0;
    const total = n;
    while (n > 0) {
      const at = written & (RING - 1);
      const k = Math.min(n, RING - at);
      bytes.set(source.subarray(from, from + k), at);
      written = (written + k) | 0;
      from += k;
      n -= k;
    }
    Atomics.store(state, WRITTEN, written);
    Atomics.notify(state, WRITTEN);
    return total;
  };
  return {
    fill(view) {
      if (failed) return true;
      sent += copyIn(view, sent);
      return sent === view.length;
    },
    /** Copies all of `chunk` in, waiting for room as needed (a source read no faster than hashed). */
    async put(chunk) {
      let from = 0;
      while (!failed && from < chunk.length) {
        const n = copyIn(chunk, from);
        from += n;
        if (n === 0) await this.waitSpace();
      }
    },
    async waitSpace() {
      const hashed = Atomics.load(state, HASHED);
      if (failed || written !== ((hashed + RING) | 0)) return;
      const wait = Atomics.waitAsync(state, HASHED, hashed);
      if (wait.async) await wait.value;
    },
    end() {
      Atomics.store(state, ENDED, 1);
      Atomics.notify(state, WRITTEN);
      return done;
    },
    cancel() {
      Atomics.store(state, CANCELLED, 1);
      Atomics.notify(state, WRITTEN);
      done.catch(() => {});
    },
  };
}

/**
 * A file's identity (device, inode, size, modification and change times in ns) from two
 * `stat({ bigint: true })`s taken before and after reading it, or null when it changed between
 * them. The worker and the main thread each read the file: the worker's digests are used only
 * when both keys are the same.
 */
function fileKey(before, after) {
  const key = (s) => [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(":");
  return key(before) === key(after) ? key(after) : null;
}

module.exports = {
  OFFLOADED, startHashWorker, stopHashWorker, prefetchFile, hashFile, hashRing, fileKey,
  WRITTEN, HASHED, ENDED, CANCELLED,
};
