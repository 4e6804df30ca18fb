// Exports added to the wasm API by later capabilities (the trust-list handle, streaming, signing).
import { createRequire } from "node:module";

import { streamingApi } from "./stream.mjs";

const require = createRequire(import.meta.url);
const api = require("./node/ekdo_check.js");

// Streaming (src/stream.rs): the Checker class, and checkStream over a File, Blob, ReadableStream,
// Node stream or iterable of chunks.
export const { Checker } = api;
export const checkStream = streamingApi(api);
