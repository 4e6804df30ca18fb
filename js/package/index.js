// ekdo-check for browsers and bundlers (ES module). Call `await init()` once before `check`.
import * as api from "./web/ekdo_check.js";
import { streamingApi } from "./stream.mjs";

export * from "./web/ekdo_check.js";
export { default } from "./web/ekdo_check.js";
/** Checks a File, Blob or ReadableStream chunk by chunk (see stream.mjs). */
export const checkStream = streamingApi(api);
