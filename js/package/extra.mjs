// Exports added to the wasm API by later capabilities (the trust-list handle, streaming, signing).
export {};
