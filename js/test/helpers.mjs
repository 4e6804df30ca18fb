// Shared paths and helpers of the node:test suites. They test the built package in pkg/
// (scripts/build-pkg.sh), as a user gets it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const pkg = `${root}pkg`;
export const cli = `${pkg}/cli.cjs`;
export const data = `${root}tests/data/signatures`;
export const at = "2026-11-25T12:00:00Z";

if (!existsSync(cli)) {
  throw new Error("pkg/ is not built: run scripts/build-pkg.sh first");
}

/** Runs the CLI; returns { status, stdout, stderr }. */
export function run(args, options = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", ...options });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
