// Streaming check: feeds a File, Blob, ReadableStream, Node stream or any (async) iterable of
// Uint8Array chunks into a `Checker`, so the document is never held twice: each chunk is copied
// into the module, hashed there and dropped. Shared by the browser (index.js) and Node (node.cjs,
// through the CommonJS copy build-pkg.sh makes) entry points, which bind it to their copy of the
// wasm module.

/**
 * Returns `checkStream(source, signatures?, options?, { size, threads }?)` bound to a wasm
 * binding's `Checker` and `TrustList` classes. `offload(checker, { fromChunks })`, when given
 * (Node), hands digests to a worker thread: it returns null or { push(chunk) → promise?,
 * end() → Promise, cancel() }; with `fromChunks` the worker is fed the chunks themselves (the
 * checker's copy then lacks image data), else it reads the checker's copy.
 */
export function streamingApi({ Checker, TrustList }, offload) {
  /**
   * Checks a document that arrives in chunks; resolves to the same report as `check` on the whole
   * document. `options.trustList` may be the XML bytes or a parsed `TrustList` (reused).
   * A File or Blob can be read twice: the data of its large images are hashed and not kept
   * (Checker.leaveOutImageData; a scan then costs next to no memory), and in the rare document
   * whose check needs them it is read again, whole. Any other source is kept whole: it cannot
   * be read again. `size`, when known and the source is not a Blob, lets the module allocate
   * its copy once; `threads: false` keeps the hashing in this thread (Node).
   */
  return async function checkStream(source, signatures, options, { size, threads = true } = {}) {
    const blob = typeof Blob !== "undefined" && source instanceof Blob ? source : null;
    for (const sift of blob ? [true, false] : [false]) {
      const checker = newChecker({ Checker, TrustList }, signatures, options);
      try {
        const known = blob ? blob.size : size;
        const sifting = sift && checker.leaveOutImageData(known);
        if (!sifting && typeof known === "number") checker.reserve(known);
        const helper = threads && offload ? offload(checker, { fromChunks: sifting }) : null;
        try {
          await feed(helper ? tee(checker, helper) : checker, blob ?? source);
        } catch (e) {
          helper?.cancel();
          throw e;
        }
        await helper?.end();
        if (!sifting || !checker.needsWhole()) return checker.finish();
      } finally {
        checker.free();
      }
    }
    throw new Error("INTERNAL: a check of the whole document asked for the whole document");
  };
}

/** A `Checker` for `options`, bound to its parsed `TrustList` when one is given (reused). */
export function newChecker({ Checker, TrustList }, signatures, options) {
  if (options && TrustList && options.trustList instanceof TrustList) {
    const { trustList, ...rest } = options;
    return trustList.checker(signatures, rest);
  }
  return new Checker(signatures, options);
}

/** A checker whose pushes also go to `helper`; a push returns the helper's promise, if any. */
function tee(checker, helper) {
  return {
    push(chunk) {
      checker.push(chunk);
      return helper.push(chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk);
    },
  };
}

/** Pushes every chunk of `source` into `checker`. */
async function feed(checker, source) {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    await checker.push(source);
    return;
  }
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    source = source.stream();
  }
  if (source && typeof source.getReader === "function") {
    // A WHATWG ReadableStream (also what Blob.stream() and fetch's body give).
    await feedReadable(checker, source);
    return;
  }
  if (source && (typeof source[Symbol.asyncIterator] === "function" || typeof source[Symbol.iterator] === "function")) {
    // A Node Readable (fs.createReadStream), an async generator, an array of chunks.
    for await (const chunk of source) await checker.push(toBytes(chunk));
    return;
  }
  const error = new TypeError(
    "checkStream: the source must be a File, Blob, ReadableStream, Node stream, (async) iterable of Uint8Array, or Uint8Array",
  );
  error.code = "OPTIONS_INVALID";
  throw error;
}

/** The size of the two buffers a byte stream is read into, in turn. */
const READ = 1 << 18;

/**
 * Pushes a WHATWG ReadableStream's chunks. A byte stream (what Blob.stream() gives) is read into
 * two buffers of ours in turn, the next read under way while the last one is pushed: with a
 * default reader every read leaves a new chunk to the garbage collector, which, for a document
 * read whole that way, can hold most of it at once.
 */
async function feedReadable(checker, source) {
  let reader;
  try {
    reader = source.getReader({ mode: "byob" });
  } catch {
    return feedChunks(checker, source.getReader());
  }
  let next = reader.read(new Uint8Array(new ArrayBuffer(READ)));
  let spare = new ArrayBuffer(READ);
  try {
    for (;;) {
      const { done, value } = await next;
      next = null;
      if (done) return;
      next = reader.read(new Uint8Array(spare));
      await checker.push(value);
      // A read moves its buffer into the view it returns: this one is filled after the next.
      spare = value.buffer;
    }
  } finally {
    // After a failure a read may still be under way; its bytes are dropped. Streams today reject
    // it on release, older ones refuse to release before it ends.
    const pending = next?.catch(() => {});
    try {
      reader.releaseLock();
    } catch {
      await pending;
      reader.releaseLock();
    }
  }
}

/** Pushes the chunks a default reader gives (a stream that is not a byte stream). */
async function feedChunks(checker, reader) {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      await checker.push(toBytes(value));
    }
  } finally {
    reader.releaseLock();
  }
}

function toBytes(chunk) {
  if (chunk instanceof Uint8Array || chunk instanceof ArrayBuffer) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const error = new TypeError("checkStream: every chunk must be a Uint8Array (a text stream was given?)");
  error.code = "OPTIONS_INVALID";
  throw error;
}
