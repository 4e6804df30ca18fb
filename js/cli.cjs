#!/usr/bin/env node
// The installed `ekdo-check` command: starts the hashing worker at once (a CommonJS file runs
// some 10 ms before the ES module graph of cli.mjs is loaded), then runs cli.mjs.
"use strict";
if (process.argv[2] === "check" && !process.argv.includes("-")) require("./hash-pool.cjs").startHashWorker();
import("./cli.mjs").catch((e) => {
  process.stderr.write(`ekdo-check: INTERNAL: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 2;
});
