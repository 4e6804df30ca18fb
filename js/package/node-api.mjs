// The Node API beside the wasm binding's exports: streaming (Checker, checkStream, checkFile with
// the hashing worker) and signing. node.mjs re-exports it.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

import { checkFileWith, giveBack } from "./check-file.cjs";
import { OFFLOADED, hashChunks, stopHashWorker } from "./hash-pool.cjs";
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

/**
 * Checks a document file by its path (Node): see check-file.cjs. Resolves to the report `check`
 * gives; rejects with code INPUT_UNREADABLE when the file cannot be read.
 */
export async function checkFile(path, signatures, options, hints) {
  return checkFileWith(newChecker(api, signatures, options), path, hints);
}

// The hashing worker: stopped on request (a service that wants its memory back while idle); the
// next check that can use it starts it again.
export { stopHashWorker };

// Signing (src/sign): an external signer (signPrepare, signAssemble) or a software GOST key (sign, cosign).
export const { signPrepare, signAssemble, sign, cosign } = api;
