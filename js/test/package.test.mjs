// `npm pack ./pkg` gives a tarball that installs into an empty folder and works there offline:
// the CLI, an ES module import and a CommonJS require.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";

import { at, data, pkg } from "./helpers.mjs";

function sh(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8" });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test("the packed package installs offline and works from import, require and the CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "ekdo-pack-"));
  try {
    sh("npm", ["pack", pkg, "--pack-destination", dir, "--silent"], dir);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    assert.ok(tarball, "npm pack wrote no tarball");
    const app = join(dir, "app");
    sh("mkdir", ["-p", app], dir);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
    sh("npm", ["install", "--offline", "--no-audit", "--no-fund", join(dir, tarball)], app);

    const sample = `${data}/01-qualified-person-der`;
    const esm = `import init, { check, version } from "ekdo-check";
import { readFileSync } from "node:fs";
await init();
const r = check(readFileSync("${sample}/document.pdf"), [readFileSync("${sample}/document.pdf.sig")], { at: "${at}" });
console.log(JSON.stringify({ schema: r.schema, signer: r.signatures[0].signers[0]?.subject_cn ?? null, v: version() }));`;
    writeFileSync(join(app, "esm.mjs"), esm);
    const out = JSON.parse(sh(process.execPath, ["esm.mjs"], app));
    assert.equal(out.schema, "ekdo-check/report/v1");
    assert.equal(out.signer, "Смирнова Анна Сергеевна");

    // CommonJS has the whole Node API too: checkFile and checkStream with the hashing worker.
    const cjs = `const { check, checkFile, checkStream } = require("ekdo-check");
const { createReadStream, readFileSync } = require("node:fs");
const r = check(new Uint8Array([1, 2, 3]), [], { at: "${at}" });
const sigs = [readFileSync("${sample}/document.pdf.sig")];
(async () => {
  const file = await checkFile("${sample}/document.pdf", sigs, { at: "${at}" });
  const stream = await checkStream(createReadStream("${sample}/document.pdf"), sigs, { at: "${at}" });
  const whole = check(readFileSync("${sample}/document.pdf"), sigs, { at: "${at}" });
  console.log(JSON.stringify({ code: r.errors[0].code, same: JSON.stringify(file) === JSON.stringify(whole) && JSON.stringify(stream) === JSON.stringify(whole), kind: file.signatures[0].kind }));
})();`;
    writeFileSync(join(app, "cjs.cjs"), cjs);
    assert.deepEqual(JSON.parse(sh(process.execPath, ["cjs.cjs"], app)), { code: "PDF_NOT_PDF", same: true, kind: "УКЭП?" });

    const bin = join(app, "node_modules", ".bin", "ekdo-check");
    const r = spawnSync(bin, ["check", `${sample}/document.pdf`, "--sig", `${sample}/document.pdf.sig`, "--at", at, "--json"], { encoding: "utf8" });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).schema, "ekdo-check/report/v1");
    assert.match(sh(bin, ["--version"], app), /^ekdo-check /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
