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

/** The running worker and its jobs (id → { resolve, reject, back }), or null. */
let current = null;
let ready = Promise.resolve();
let nextId = 1;

function ensure() {
  if (current) return current;
  // Its heap holds little (jobs' bytes live in its module and in transferred buffers); a small
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
    if (message.back) {
      if (spare.length < POOL) spare.push(message.back);
      return job?.back?.();
    }
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

/** Sends a job; returns { id, done, record, worker } (`record` is its entry in the jobs). */
function submit(message) {
  const { worker, jobs } = ensure();
  const id = nextId++;
  const record = {};
  const done = new Promise((resolve, reject) => Object.assign(record, { resolve, reject }));
  jobs.set(id, record);
  worker.ref();
  worker.postMessage({ ...message, id });
  return { id, done, record, worker };
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
    return submit({ path, names }).done;
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
    const { done } = submit({ path, names, resume: { offset, states, before: { dev, ino, size, mtimeNs, ctimeNs } } });
    done.catch(() => {});
    prefetched.set(prefetchKey(path, names), done);
  } catch {
    // No head start: the check hashes the file itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** checkStream's chunks go to the worker gathered into buffers of SLICE bytes... */
const SLICE = 1 << 18;
/** ...at most POOL of them at once: each comes back once hashed and is filled again. */
const POOL = 8;
/** Buffers back from the worker, for the next job's chunks too (at most POOL kept). */
const spare = [];

/**
 * A job fed chunk by chunk. `push(chunk)` copies the chunk into the job's buffers (the caller's
 * bytes are never moved or kept) and returns a promise when it had to wait for a buffer to come
 * back: the source is then read no faster than the worker hashes, so the copies in flight stay
 * within POOL × SLICE (2 MiB) where unbounded they held most of the document until the worker's
 * next garbage collection. `end()` resolves to { digests, size }; `cancel()` drops the job.
 * Returns null when the worker cannot start.
 */
function hashChunks(names) {
  let job;
  try {
    job = submit({ names, start: true });
  } catch {
    return null;
  }
  const w = job.worker;
  let inFlight = 0;
  let fill = null;
  let filled = 0;
  let wake = null;
  let failed = false;
  job.record.back = () => {
    inFlight -= 1;
    wake?.();
  };
  // A failed worker wakes a waiting push too; the job's end() then rejects.
  job.done.catch(() => {
    failed = true;
    wake?.();
  });
  const send = () => {
    w.postMessage({ id: job.id, chunk: fill, length: filled }, [fill.buffer]);
    inFlight += 1;
    fill = null;
    filled = 0;
  };
  const take = async () => {
    while (inFlight >= POOL && !failed) await new Promise((resolve) => (wake = resolve));
    wake = null;
    return spare.pop() ?? new Uint8Array(SLICE);
  };
  return {
    async push(chunk) {
      for (let at = 0; at < chunk.byteLength && !failed; ) {
        fill ??= await take();
        if (failed) return;
        const n = Math.min(SLICE - filled, chunk.byteLength - at);
        fill.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === SLICE) send();
      }
    },
    end() {
      if (!failed) {
        if (filled > 0) send();
        w.postMessage({ id: job.id, end: true });
      }
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

module.exports = { OFFLOADED, startHashWorker, stopHashWorker, prefetchFile, hashFile, hashChunks, fileKey };
