// One hashing worker thread per process (hash-worker.cjs), started on first use and kept for
// later checks; it holds the process open only while a job runs. When it cannot start or fails,
// jobs reject and the check computes its digests itself (same report, slower). CommonJS, so that
// the CLI's launcher (cli.cjs) and the ES modules share one instance.
"use strict";
const { join } = require("node:path");
const { Worker } = require("node:worker_threads");

/** Digests the worker computes: Streebog, the slowest part of a check (SHA-256 comes from node:crypto). */
const OFFLOADED = ["streebog256", "streebog512"];

let worker = null;
let ready = Promise.resolve();
const pending = new Map();
let nextId = 1;

function fail(error) {
  worker = null;
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function ensure() {
  if (worker) return worker;
  const started = new Worker(join(__dirname, "hash-worker.cjs"));
  // Held (referenced) until the hash is compiled, so that awaiting `ready` keeps the process
  // up; then released while no job runs. A 'message' listener references the worker again,
  // so every listener is attached before the first unref().
  let isReady;
  ready = new Promise((resolve) => {
    isReady = () => {
      if (pending.size === 0) started.unref();
      resolve();
    };
    // Never wait long for a thread that does not come up.
    setTimeout(isReady, 2000).unref();
  });
  started.once("error", () => isReady());
  started.once("exit", () => isReady());
  started.on("message", (message) => {
    if (message.ready) return isReady();
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    if (pending.size === 0) started.unref();
    if (message.error !== undefined) job.reject(new Error(message.error));
    else job.resolve(message);
  });
  started.on("error", fail);
  started.on("exit", () => fail(new Error("the hashing worker exited")));
  worker = started;
  return worker;
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

function submit(message, transfer) {
  const w = ensure();
  const id = nextId++;
  const done = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  w.ref();
  w.postMessage({ ...message, id }, transfer);
  return { id, done };
}

/**
 * Hashes the file at `path` with the digests `names` in the worker; resolves to
 * { digests, size, stat } (`stat`: the file's `fileKey` around the worker's read, or null),
 * rejects when the worker cannot.
 */
function hashFile(path, names) {
  try {
    return submit({ path, names }).done;
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * A job fed chunk by chunk: `push(chunk)` sends a copy of each chunk, `end()` resolves to
 * { digests, size }, `cancel()` drops the job. Returns null when the worker cannot start.
 */
function hashChunks(names) {
  let job;
  try {
    job = submit({ names, start: true });
  } catch {
    return null;
  }
  const w = worker;
  return {
    push(chunk) {
      // A copy of the bytes in a buffer of its own, moved to the worker (never the caller's).
      const copy = new Uint8Array(chunk);
      w.postMessage({ id: job.id, chunk: copy }, [copy.buffer]);
    },
    end() {
      w.postMessage({ id: job.id, end: true });
      return job.done;
    },
    cancel() {
      w.postMessage({ id: job.id, cancel: true });
      job.done.catch(() => {});
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

module.exports = { OFFLOADED, startHashWorker, hashFile, hashChunks, fileKey };
