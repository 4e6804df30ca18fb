// ekdo-check for Node as CommonJS (`require("ekdo-check")`; node.mjs gives the same to ES
// modules): the wasm binding's exports, the streaming API with the hashing worker (checkStream,
// checkFile, stopHashWorker) and signing.
"use strict";
const api = require("./load.cjs");
const { checkFileWith, giveBack, handOver } = require("./check-file.cjs");
const { hashChunks, startHashWorker, stopHashWorker } = require("./hash-pool.cjs");
// stream.mjs, made CommonJS by scripts/build-pkg.sh (browsers import the ES module itself).
const { newChecker, streamingApi } = require("./stream.cjs");

/**
 * checkStream's helper in Node: SHA-256 by Node's crypto, Streebog by the worker thread (each
 * chunk copied to it, no more than 2 MiB ahead of its hash); end() runs the PDF/A rules while
 * the worker finishes, then gives the digests back; cancel() drops the worker's job when the
 * source fails.
 */
function offload(checker) {
  const { sha256, names } = handOver(checker, true);
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
      // The worker hashed copies of exactly the chunks pushed here, in order.
      const answer = job?.end().catch(() => null) ?? null;
      await giveBack(checker, sha256, names, answer, (result) => result.size === size);
    },
  };
}

/**
 * Checks a document file by its path: see check-file.cjs. Resolves to the report `check` gives;
 * rejects with code INPUT_UNREADABLE when the file cannot be read.
 */
async function checkFile(path, signatures, options, hints) {
  return checkFileWith(newChecker(api, signatures, options), path, hints);
}

// The hashing thread starts with the module (node.mjs waits for it to be ready; a `require`
// cannot), so that the first check finds it up; it never keeps the process alive. With
// EKDO_CHECK_WORKER=0 the first check that needs it starts it instead.
if (process.env.EKDO_CHECK_WORKER !== "0") startHashWorker();

module.exports = {
  ...api,
  // Streaming (src/stream.rs): checkStream over a File, Blob, ReadableStream, Node stream or
  // iterable of chunks; checkFile by path.
  checkStream: streamingApi(api, offload),
  checkFile,
  // Stopped on request (a service that wants its memory back while idle); the next check that
  // can use it starts it again.
  stopHashWorker,
};
