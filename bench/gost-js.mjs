// One check with @wavesenterprise/crypto-gost-js (pure JavaScript), for bench/run.mjs: reads the
// document, the detached CMS and the CA, and verifies with its CMS API
// (SignedDataContentInfo.verify with a TrustedCAPolicy); prints JSON { ok, ms, detail }.
// Usage: node bench/gost-js.mjs DOC SIG CA.der [cms|digest]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { CryptoGost, GostEngine } = require("@wavesenterprise/crypto-gost-js");

const [documentPath, signaturePath, caPath, mode = "cms"] = process.argv.slice(2);
const start = performance.now();
const document = readFileSync(documentPath);
const signature = readFileSync(signaturePath);
const ca = readFileSync(caPath);
const buffer = (b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
let ok = false;
let detail = "";
try {
  if (mode === "cms") {
    const cms = new CryptoGost.cms.SignedDataContentInfo(buffer(signature));
    const policy = new CryptoGost.cert.TrustedCAPolicy([new CryptoGost.cert.X509(buffer(ca))], false, true);
    await cms.verify(policy, buffer(document));
    ok = true;
  } else {
    // Its Streebog-256 of the document only (GostDigest, synchronous engine).
    const digest = GostEngine.getGostDigest({ name: "GOST R 34.11", length: 256, version: 2012 });
    detail = Buffer.from(digest.digest(buffer(document))).toString("hex");
    ok = true;
  }
} catch (e) {
  detail = String(e && e.message ? e.message : e);
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ok, ms, detail, maxRssKb: process.resourceUsage().maxRSS }) + "\n");
