// ekdo-check in an app built with a bundler (webpack 5, Vite, esbuild, Rollup, Parcel).
//
//   npm install ekdo-check
//
// Import it like any ES module. The package's browser entry loads its WebAssembly with
// `new URL("ekdo_check_bg.wasm", import.meta.url)`: webpack 5 and Vite turn that into an emitted
// asset with a hashed name by themselves; with esbuild, copy or load the .wasm as a file
// (`--loader:.wasm=file`). No plugin for wasm is needed, and nothing is fetched from a CDN.
import init, { check, renderText } from "ekdo-check";

/** Loads the checker once; call before the first check. */
export const ready = init();

/**
 * Checks a PDF and its detached signatures chosen in an <input type="file" multiple>.
 * @param {File} pdf
 * @param {File[]} signatureFiles
 * @returns {Promise<import("ekdo-check").Report>}
 */
export async function checkFiles(pdf, signatureFiles) {
  await ready;
  const signatures = await Promise.all(
    signatureFiles.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  return check(new Uint8Array(await pdf.arrayBuffer()), signatures, { documentName: pdf.name });
}

/** The verdict as text, for a <pre>. */
export function verdictText(report, lang = "ru") {
  return renderText(report, lang);
}
