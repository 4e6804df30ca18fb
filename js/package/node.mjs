// ekdo-check for Node (ES module import): node.cjs as ES module exports. The wasm module is
// loaded synchronously; `init()` is a no-op kept so that the same code runs in browsers and in
// Node.
import { createRequire } from "node:module";

// Required, not imported: importing a CommonJS file makes Node parse it for its exports with a
// WebAssembly lexer of its own, some 1.3 MiB of a process (docs/benchmarks.md).
const require = createRequire(import.meta.url);
const node = require("./node.cjs");
const { startHashWorker } = require("./hash-pool.cjs");

export const {
  check,
  renderText,
  version,
  codes,
  TrustList,
  policyText,
  documentTypes,
  Checker,
  checkStream,
  checkFile,
  stopHashWorker,
  signPrepare,
  signAssemble,
  sign,
  cosign,
} = node;

// node.cjs has started the hashing thread (some 30 ms, beside the module's own loading); an
// import waits until its hash is compiled, so that the first check finds it ready.
if (process.env.EKDO_CHECK_WORKER !== "0") await startHashWorker();

/** Loads the module: nothing to do in Node. */
export default async function init() {}
/** Loads the module synchronously: nothing to do in Node. */
export function initSync() {}
