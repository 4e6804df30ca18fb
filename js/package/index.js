// ekdo-check for browsers and bundlers (ES module). Call `await init()` once before `check`.
import * as api from "./web/ekdo_check.js";
import { streamingApi } from "./stream.mjs";

export * from "./web/ekdo_check.js";
export { default } from "./web/ekdo_check.js";
/** Checks a File, Blob or ReadableStream chunk by chunk (see stream.mjs). */
export const checkStream = streamingApi(api);
/** Node only (node.mjs); in a browser use checkStream(file). */
export async function checkFile() {
  const error = new Error("OPTIONS_INVALID: checkFile reads a path and is for Node; in a browser use checkStream(file)");
  error.code = "OPTIONS_INVALID";
  throw error;
}
/** Node only (node.mjs): there is no hashing worker here to stop. */
export async function stopHashWorker() {}
