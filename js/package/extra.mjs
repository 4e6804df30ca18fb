// Exports added to the wasm API by later capabilities (the trust-list handle, streaming, signing).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const api = require("./node/ekdo_check.js");

// Signing (src/sign): an external signer (signPrepare, signAssemble) or a software GOST key (sign, cosign).
export const { signPrepare, signAssemble, sign, cosign } = api;
