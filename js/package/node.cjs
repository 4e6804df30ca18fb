// ekdo-check for Node as CommonJS (`require("ekdo-check")`; node.mjs gives the same to ES
// modules): the wasm binding's exports, the streaming API with the hashing worker (checkStream,
// checkFile, stopHashWorker) and signing.
"use strict";
const api = require("./load.cjs");
const { checkFileWith, giveBack, handOver } = require("./check-file.cjs");
const { hashRing, startHashWorker, stopHashWorker } = require("./hash-pool.cjs");
// stream.mjs, made CommonJS by scripts/build-pkg.sh (browsers import the ES module itself).
const { newChecker, streamingApi } = require("./stream.cjs");

/**
 * checkStream's helper in Node: SHA-256 by Node's crypto, Streebog by the worker thread through
 * a 1 MiB shared ring (hashRing). Fed from the checker's own copy of the document: topped up after
 * every chunk and, while the PDF/A rules run, at their ticks, so that the source is never held
 * back and the rules overlap the hash. With `fromChunks` (a File or Blob whose image data the
 * checker leaves out, so that its copy lacks them) the chunks themselves go into the ring, each
 * push resolving once it is in. end() gives the digests back; cancel() drops the worker's job
 * when the source fails.
 */
function offload(checker, { fromChunks = false } = {}) {
  const { sha256, names } = handOver(checker, true);
  // Not started: finish() computes the handed-over digests itself.
  const job = names.length > 0 ? hashRing(names) : null;
  let size = 0;
  const give = (answer, tick) =>
    giveBack(checker, sha256, names, answer, (result) => result.size === size, tick).catch((e) => {
      // Not left waiting in the worker for bytes that will not come.
      job?.cancel();
      throw e;
    });
  if (fromChunks) {
    return {
      push(chunk) {
        sha256.update(chunk);
        size += chunk.byteLength;
        return job?.put(chunk);
      },
      cancel() {
        job?.cancel();
      },
      end() {
        return give(job && (() => job.end().catch(() => null)));
      },
    };
  }
  // What the checker holds so far, in the module's memory (read afresh: a grown memory is a new
  // buffer, and a push may move the copy until the last one).
  const memory = api.__memory();
  const document = (address = checker.documentAddress()) => new Uint8Array(memory.buffer, address, size);
  return {
    push(chunk) {
      sha256.update(chunk);
      size += chunk.byteLength;
      job?.fill(document());
    },
    cancel() {
      job?.cancel();
    },
    async end() {
      // The checker's copy stays where it is from now on: no more pushes.
      const address = checker.documentAddress();
      const tick = job ? () => job.fill(document(address)) : undefined;
      const answer = job
        ? async () => {
            while (!job.fill(document(address))) await job.waitSpace();
            return job.end().catch(() => null);
          }
        : null;
      await give(answer, tick);
    },
  };
}

/**
 * Checks a document file by its path: see check-file.cjs. Resolves to the report `check` gives;
 * rejects with code INPUT_UNREADABLE when the file cannot be read.
 */
async function checkFile(path, signatures, options, hints) {
  return checkFileWith(() => newChecker(api, signatures, options), path, hints);
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
