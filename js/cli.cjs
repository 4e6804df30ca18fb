#!/usr/bin/env node
// The installed `ekdo-check` command: starts the hashing worker at once (a CommonJS file runs
// some 10 ms before the ES module graph of cli.mjs is loaded), then runs cli.mjs.
//
// `check DOCUMENT ...` (the document first, as the usage gives it) also gets a head start: this
// thread hashes the start of the document with Streebog-256, which most qualified certificates'
// signatures use, while the worker starts, and the worker goes on from there
// (hash-pool.cjs: prefetchFile). checkFile uses that job only for the same file, unchanged,
// and the same digests; otherwise it hashes as it would have.
"use strict";
const [command, first] = process.argv.slice(2);
if (command === "check" && !process.argv.includes("-")) {
  const pool = require("./hash-pool.cjs");
  pool.startHashWorker();
  if (first !== undefined && !first.startsWith("-")) pool.prefetchFile(first, ["streebog256"]);
}
import("./cli.mjs").catch((e) => {
  process.stderr.write(`ekdo-check: INTERNAL: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 2;
});
