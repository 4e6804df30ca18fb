// ekdo-check for Node (ES module import). The wasm module is loaded synchronously; `init()` is a
// no-op kept so that the same code runs in browsers and in Node.
import { createRequire } from "node:module";

import { startHashWorker } from "./hash-pool.cjs";

const require = createRequire(import.meta.url);
const api = require("./load.cjs");

export const { check, renderText, version, codes, TrustList, policyText, documentTypes } = api;
export * from "./node-api.mjs";

// The hashing thread starts with the module (some 30 ms, beside the module's own loading), so
// the first check finds its hash compiled; it never keeps the process alive. With
// EKDO_CHECK_WORKER=0 the first check that needs it starts it instead.
if (process.env.EKDO_CHECK_WORKER !== "0") await startHashWorker();

/** Loads the module: nothing to do in Node. */
export default async function init() {}
/** Loads the module synchronously: nothing to do in Node. */
export function initSync() {}
