// One check in-process, for bench/run.mjs: loads the package (not timed), then times the whole
// check, reading the files included; prints JSON { ms, maxRssKb, ready, kind }.
// Usage: node bench/node-check.mjs file|file-1t|stream|bytes|blob|buffer|none DOC SIG CA [warm-ups]
//   file    checkFile(DOC): 256 KiB reads into one reused buffer, the document held once (in the
//           module); Streebog in the package's hashing worker, which reads the file too
//   file-1t checkFile(DOC, ..., { threads: false }): everything in this thread
//   stream  checkStream(fs.createReadStream(DOC)): held once too, plus the stream's chunks until GC
//   bytes   checkStream(ReadableStream of bytes: FileHandle.readableWebStream({ type: "bytes" })),
//           what a browser's File.stream() is: read into checkStream's own two buffers; kept
//           whole (a stream cannot be read again)
//   blob    checkStream(fs.openAsBlob(DOC)): a Blob backed by the file, what a browser's File
//           is: the image data are hashed and not kept
//   buffer  check(readFileSync(DOC)): a Buffer and the module's copy
//   none    load the module only (the baseline of peak memory)
import { createReadStream, openAsBlob, readFileSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("../pkg/node.mjs", import.meta.url));
const ekdo = await import(pkg);
const [mode, documentPath, signaturePath, caPath, warmUps = "0"] = process.argv.slice(2);
const options = { at: "2026-11-25T12:00:00Z", documentName: "document.pdf" };

async function once() {
  const start = performance.now();
  const signatures = [{ name: "document.pdf.sig", bytes: readFileSync(signaturePath) }];
  const opts = { ...options, caCertificates: [readFileSync(caPath)] };
  let report;
  if (mode === "file" || mode === "file-1t") {
    report = await ekdo.checkFile(documentPath, signatures, opts, { threads: mode === "file" });
  } else if (mode === "stream") {
    const size = statSync(documentPath).size;
    report = await ekdo.checkStream(createReadStream(documentPath), signatures, opts, { size });
  } else if (mode === "blob") {
    report = await ekdo.checkStream(await openAsBlob(documentPath), signatures, opts);
  } else if (mode === "bytes") {
    const file = await open(documentPath);
    try {
      const size = (await file.stat()).size;
      report = await ekdo.checkStream(file.readableWebStream({ type: "bytes" }), signatures, opts, { size });
    } finally {
      await file.close();
    }
  } else {
    report = ekdo.check(readFileSync(documentPath), signatures, opts);
  }
  return { ms: performance.now() - start, ready: report.ready, kind: report.kind };
}

let result = { ms: 0 };
if (mode !== "none") {
  for (let i = 0; i < Number(warmUps); i++) await once();
  result = await once();
}
process.stdout.write(JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS }) + "\n");
