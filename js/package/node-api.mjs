// The Node API beside the wasm binding's exports: streaming (Checker, checkStream, checkFile with
// the hashing worker) and signing. node.mjs re-exports it; the CLI imports it directly.
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { createRequire } from "node:module";

import { OFFLOADED, fileKey, hashChunks, hashFile } from "./hash-pool.cjs";
import { newChecker, streamingApi } from "./stream.mjs";

const require = createRequire(import.meta.url);
const api = require("./load.cjs");

// Streaming (src/stream.rs): the Checker class, and checkStream over a File, Blob, ReadableStream,
// Node stream or iterable of chunks.
export const { Checker } = api;
export const checkStream = streamingApi(api, offload);

/**
 * checkStream's helper in Node: SHA-256 by Node's crypto, Streebog by the worker thread (each
 * chunk copied to it, no more than 2 MiB ahead of its hash); end() runs the PDF/A rules while the worker finishes, then gives the
 * digests back; cancel() drops the worker's job when the source fails.
 */
function offload(checker) {
  const sha256 = createHash("sha256");
  checker.handOverSha256();
  const names = checker.handOver(OFFLOADED);
  // Not started: finish() computes the handed-over digests itself.
  const job = names.length > 0 ? hashChunks(names) : null;
  let size = 0;
  return {
    push(chunk) {
      sha256.update(chunk);
      size += chunk.byteLength;
      return job?.push(chunk);
    },
    cancel() {
      job?.cancel();
    },
    async end() {
      const digest = sha256.digest();
      checker.giveSha256(digest);
      if (!job) return;
      checker.precheck();
      const result = await job.end().catch(() => null);
      // The worker hashed copies of exactly the chunks pushed here, in order.
      if (result && result.size === size) giveBack(checker, names, result.digests);
    },
  };
}

/** checkFile's reads: 256 KiB, where 1 MiB cost 0.75 MiB more memory and gained nothing measurable. */
const READ_SIZE = 1 << 18;

/**
 * Checks a document file by its path (Node): reads it in 256 KiB reads into one reused buffer, so
 * the process holds the document once, in the module, and makes no garbage while reading.
 * The GOST digests are computed by a worker thread that reads the file too (`threads: false`
 * keeps everything in this thread), SHA-256 by Node's crypto; the PDF/A rules run here
 * meanwhile. Resolves to the report `check` gives; rejects with code INPUT_UNREADABLE when the
 * file cannot be read.
 */
export async function checkFile(path, signatures, options, { threads = true } = {}) {
  const checker = newChecker(api, signatures, options);
  try {
    const sha256 = createHash("sha256");
    checker.handOverSha256();
    const names = threads ? checker.handOver(OFFLOADED) : [];
    // A failed worker only costs time: finish() then computes what was not given back.
    const job = names.length > 0 ? hashFile(path, names).catch(() => null) : null;
    let size = 0;
    let stat = null;
    let file;
    try {
      file = await open(path, "r");
      const before = await file.stat({ bigint: true });
      if (before.isFile()) checker.reserve(Number(before.size));
      const buffer = Buffer.allocUnsafe(READ_SIZE);
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        checker.push(chunk);
        sha256.update(chunk);
        size += bytesRead;
      }
      if (job) stat = fileKey(before, await file.stat({ bigint: true }));
    } catch (e) {
      const error = new Error(`INPUT_UNREADABLE: ${path}: ${e.code || e.message}`);
      error.code = "INPUT_UNREADABLE";
      error.detail = e.code || e.message;
      throw error;
    } finally {
      await file?.close();
    }
    checker.giveSha256(sha256.digest());
    if (job) {
      checker.precheck();
      const result = await job;
      // The worker read the same file, unchanged, to the same length: its digests are ours.
      if (result && stat !== null && result.stat === stat && result.size === size) giveBack(checker, names, result.digests);
    }
    return checker.finish();
  } finally {
    checker.free();
  }
}

/** Gives the worker's digests to the checker (a digest the worker could not make is left out). */
function giveBack(checker, names, digests) {
  if (digests.some((digest) => !digest)) return;
  names.forEach((name, i) => checker.giveDigest(name, digests[i]));
}

// Signing (src/sign): an external signer (signPrepare, signAssemble) or a software GOST key (sign, cosign).
export const { signPrepare, signAssemble, sign, cosign } = api;
