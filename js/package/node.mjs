// ekdo-check for Node (ES module import). The wasm module is loaded synchronously; `init()` is a
// no-op kept so that the same code runs in browsers and in Node.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const api = require("./node/ekdo_check.js");

export const { check, renderText, version, codes, TrustList, policyText, documentTypes } = api;
export * from "./extra.mjs";
/** Loads the module: nothing to do in Node. */
export default async function init() {}
/** Loads the module synchronously: nothing to do in Node. */
export function initSync() {}
