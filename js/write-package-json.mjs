// Writes pkg/package.json: one package for browsers (ES module), Node import and Node require.
import { readFileSync, writeFileSync } from "node:fs";

const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))?.[1];

const pkg = {
  name: "ekdo-check",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  main: "./node.cjs",
  module: "./index.js",
  types: "./index.d.ts",
  browser: "./index.js",
  exports: {
    ".": {
      types: "./index.d.ts",
      node: { import: "./node.mjs", require: "./node.cjs" },
      browser: "./index.js",
      default: "./index.js",
    },
    "./types": "./types.d.ts",
    "./package.json": "./package.json",
  },
  bin: { "ekdo-check": "./cli.cjs" },
  files: ["index.js", "index.d.ts", "node.mjs", "node.cjs", "stream.mjs", "stream.cjs", "load.cjs", "digest.cjs", "hash-pool.cjs", "hash-worker.cjs", "check-file.cjs", "cli.cjs", "types.d.ts", "web/", "node/", "README.md"],
  sideEffects: ["./node.mjs", "./node.cjs", "./load.cjs", "./node/ekdo_check.js"],
  engines: { node: ">=20" },
  keywords: ["pdfa", "gost", "cades", "cms", "signature", "экдо", "кэдо", "wasm"],
};
writeFileSync(new URL("../pkg/package.json", import.meta.url), JSON.stringify(pkg, null, 2) + "\n");
