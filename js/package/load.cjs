// The wasm binding for Node, loaded once for every Node entry point (node.cjs, and through it
// node.mjs and `require("ekdo-check")`; the CLI).
//
// V8 moves a wasm function from its baseline compiler to its optimising one after about 1.8 MB
// of "executed bytes". A check runs most of its code (parsers, rules, certificate reading) just
// past that once, and the optimising compilations it then starts cost more than they save: for
// the 14.5 MB document some 6 MiB of peak memory and a few ms (docs/benchmarks.md). Ten times
// the budget for this module keeps such code in baseline code; what a check really loops on
// (hashing, the GOST arithmetic, the PDF lexer) still passes it at once. V8 reads the budget when
// a module is instantiated, so it is set for this one instantiation and put back at once; a
// budget the user gave Node (`--wasm-tiering-budget` on the command line or in NODE_OPTIONS) is
// left alone.
"use strict";
const { setFlagsFromString } = require("node:v8");

const FLAG = "--wasm-tiering-budget";
const V8_DEFAULT = 1_800_000;
const own = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((arg) => arg.startsWith(FLAG));
if (!own) setFlagsFromString(`${FLAG}=${10 * V8_DEFAULT}`);
try {
  module.exports = require("./node/ekdo_check.js");
} finally {
  if (!own) setFlagsFromString(`${FLAG}=${V8_DEFAULT}`);
}
