// Crypto micro-benchmarks in Node for bench/run.mjs: one GOST verify (median of 15 batches of
// 200), Streebog-256 and SHA-256 throughput through a Checker (best of 1500 pushes of 64 KiB).
// Usage: node bench/node-micro.mjs SIG
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const ekdo = createRequire(import.meta.url)("../pkg/node/ekdo_check.js");
const signature = readFileSync(process.argv[2]);
const data = new Uint8Array(65536).map((_, i) => (Math.imul(i, 2654435761) >>> 13) & 255);
const best = (f, n) => {
  let b = Infinity;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    b = Math.min(b, performance.now() - t);
  }
  return b;
};
const pusher = (signatures) => {
  const checker = new ekdo.Checker(signatures, { at: "2026-11-25T12:00:00Z" });
  return () => checker.push(data);
};
// A Checker with a GOST-256 signature hashes SHA-256 and Streebog-256; without, SHA-256 only.
const both = best(pusher([{ name: "s", bytes: signature }]), 1500);
const sha = best(pusher([]), 1500);
if (ekdo.__benchVerify(signature, 20) !== 20) throw new Error("the signature does not verify");
const times = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  ekdo.__benchVerify(signature, 200);
  times.push((performance.now() - t) / 200);
}
times.sort((a, b) => a - b);
const mbps = (ms) => 0.065536 / (ms / 1000);
// The hashing worker's module (crates/ekdo-digest), called as hash-worker.cjs calls it.
const digest = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(new URL("../pkg/node/ekdo_digest.wasm", import.meta.url))), {}).exports;
const slot = digest.begin(256);
new Uint8Array(digest.memory.buffer, digest.input(), data.length).set(data);
const worker = best(() => digest.update(slot, data.length), 1500);
process.stdout.write(JSON.stringify({ verify_us: times[7] * 1000, streebog256_mbps: mbps(both - sha), streebog256_worker_mbps: mbps(worker), sha256_mbps: mbps(sha) }) + "\n");
