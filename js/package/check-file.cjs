// checkFile for Node (node.cjs) and the CLI, in CommonJS so that the CLI runs without the ES
// module loader (~2 MiB and a few ms of a process).
"use strict";
const { createHash } = require("node:crypto");
const { open } = require("node:fs/promises");

const { OFFLOADED, fileKey, hashFile } = require("./hash-pool.cjs");

/** checkFile's reads: 256 KiB, where 1 MiB cost 0.75 MiB more memory and gained nothing measurable. */
const READ_SIZE = 1 << 18;

/**
 * Checks a document file by its path: reads it in 256 KiB reads into one reused buffer, so the
 * process holds the document once, in the module, and makes no garbage while reading; the data
 * of large images are hashed and not even kept (Checker.leaveOutImageData: a scan costs next to
 * no memory), and in the rare file whose check needs them after all, the file is read again
 * whole. The GOST digests are computed by a worker thread that reads the file too (`threads:
 * false` keeps everything in this thread), SHA-256 by Node's crypto; the PDF/A rules run here
 * meanwhile. `newChecker()` makes a new Checker for the signatures and options (stream.mjs:
 * newChecker). Resolves to the report `check` gives; rejects with code INPUT_UNREADABLE when
 * the file cannot be read.
 */
async function checkFileWith(newChecker, path, { threads = true } = {}) {
  for (const sift of [true, false]) {
    const checker = newChecker();
    try {
      if (await readAndCheck(checker, path, threads, sift)) return checker.finish();
    } finally {
      checker.free();
    }
  }
  throw new Error("INTERNAL: a check of the whole file asked for the whole file");
}

/**
 * One reading of the file into `checker`, its digests given back; true when the checker can
 * finish, false when image data were left out (`sift`) and the check needs them.
 */
async function readAndCheck(checker, path, threads, sift) {
  const { sha256, names } = handOver(checker, threads);
  // A failed worker only costs time: finish() then computes what was not given back.
  const job = names.length > 0 ? hashFile(path, names).catch(() => null) : null;
  let size = 0;
  let stat = null;
  let file;
  try {
    file = await open(path, "r");
    const before = await file.stat({ bigint: true });
    if (before.isFile() && !(sift && checker.leaveOutImageData(Number(before.size)))) {
      checker.reserve(Number(before.size));
    }
    const buffer = Buffer.allocUnsafe(READ_SIZE);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      checker.push(chunk);
      sha256.update(chunk);
      size += bytesRead;
    }
    if (job) stat = fileKey(before, await file.stat({ bigint: true }));
  } catch (e) {
    const error = new Error(`INPUT_UNREADABLE: ${path}: ${e.code || e.message}`);
    error.code = "INPUT_UNREADABLE";
    error.detail = e.code || e.message;
    throw error;
  } finally {
    await file?.close();
  }
  // The worker read the same file, unchanged, to the same length: its digests are ours.
  const same = (result) => stat !== null && result.stat === stat && result.size === size;
  await giveBack(checker, sha256, names, job && (() => job), same);
  return !checker.needsWhole();
}

/**
 * Hands the checker's digests over (checkFile, checkStream in Node): SHA-256 to Node's crypto
 * (`sha256`, to update with every chunk), the GOST digests to the worker when `threads` (`names`,
 * for its job; none otherwise).
 */
function handOver(checker, threads) {
  const sha256 = createHash("sha256");
  checker.handOverSha256();
  return { sha256, names: threads ? checker.handOver(OFFLOADED) : [] };
}

/**
 * Gives the digests back: SHA-256, then, when there is a worker job, runs the PDF/A rules while
 * it finishes (`tick`, when given, is called every few ms meanwhile), calls `answer()` for a
 * promise of its answer (null when it failed) and gives its digests when `accept(answer)` (a
 * digest the worker could not make leaves them all out: finish() computes what was not given
 * back).
 */
async function giveBack(checker, sha256, names, answer, accept, tick) {
  checker.giveSha256(sha256.digest());
  if (!answer) return;
  checker.precheck(tick);
  const result = await answer();
  if (!result || !accept(result) || result.digests.some((digest) => !digest)) return;
  names.forEach((name, i) => checker.giveDigest(name, result.digests[i]));
}

module.exports = { checkFileWith, handOver, giveBack };
