// Exports added to the wasm API by later capabilities (the trust-list handle, streaming, signing).
import { open } from "node:fs/promises";
import { createRequire } from "node:module";

import { streamingApi } from "./stream.mjs";

const require = createRequire(import.meta.url);
const api = require("./node/ekdo_check.js");

// Streaming (src/stream.rs): the Checker class, and checkStream over a File, Blob, ReadableStream,
// Node stream or iterable of chunks.
export const { Checker } = api;
export const checkStream = streamingApi(api);

/**
 * Checks a document file by its path (Node): reads it in 1 MiB reads into one reused buffer, so
 * the process holds the document once, in the module, and makes no garbage while reading.
 * Resolves to the report `check` gives; rejects with code INPUT_UNREADABLE when the file cannot
 * be read.
 */
export async function checkFile(path, signatures, options) {
  let checker;
  if (options && options.trustList instanceof api.TrustList) {
    const { trustList, ...rest } = options;
    checker = trustList.checker(signatures, rest);
  } else {
    checker = new api.Checker(signatures, options);
  }
  try {
    let file;
    try {
      file = await open(path, "r");
      const stat = await file.stat();
      if (stat.isFile()) checker.reserve(stat.size);
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        checker.push(buffer.subarray(0, bytesRead));
      }
    } catch (e) {
      const error = new Error(`INPUT_UNREADABLE: ${path}: ${e.code || e.message}`);
      error.code = "INPUT_UNREADABLE";
      throw error;
    } finally {
      await file?.close();
    }
    return checker.finish();
  } finally {
    checker.free();
  }
}

// Signing (src/sign): an external signer (signPrepare, signAssemble) or a software GOST key (sign, cosign).
export const { signPrepare, signAssemble, sign, cosign } = api;
