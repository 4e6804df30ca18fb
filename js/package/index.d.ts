export * from "./web/ekdo_check.js";
export { default } from "./web/ekdo_check.js";
import type { CheckStreamOptions, Report, SignatureInput, StreamSource } from "./web/ekdo_check.js";
/**
 * Checks a document that arrives in chunks (a File, Blob, ReadableStream, Node stream or iterable
 * of Uint8Array): the same report as `check`, with one copy of the document in memory. A File or
 * Blob can be read again, so the data of its large images (most of a scan) are hashed and left
 * out of that copy (`Checker.leaveOutImageData`); a document whose check needs them after all is
 * read again, whole. A byte stream (what `File.stream()` gives) is read into two buffers of its
 * own, so the source leaves no chunk behind for the garbage collector.
 * `hints.size` (known for a Blob) lets the module allocate its copy once. In Node the GOST
 * digests are computed by the package's hashing worker thread, which reads the document from this
 * thread's copy through 1 MiB of shared memory, also while the PDF/A rules run here;
 * `hints.threads: false` keeps everything in this thread.
 */
export function checkStream(
  source: StreamSource,
  signatures?: Array<Uint8Array | SignatureInput>,
  options?: CheckStreamOptions,
  hints?: { size?: number; threads?: boolean },
): Promise<Report>;
/**
 * Node only: checks a document file by its path, read in 256 KiB reads into one reused buffer (the
 * document is held once, in the module, without the data of its large images: they are hashed and
 * left out, and the file is read again whole if the check needs them). The GOST digests are computed by the package's hashing
 * worker thread, which reads the file too (used only if the file did not change meanwhile);
 * `hints.threads: false` keeps everything in this thread. Rejects with code INPUT_UNREADABLE
 * when the file cannot be read.
 */
export function checkFile(
  path: string,
  signatures?: Array<Uint8Array | SignatureInput>,
  options?: CheckStreamOptions,
  hints?: { threads?: boolean },
): Promise<Report>;
/**
 * Node only: stops the package's hashing worker thread (some 10 MiB); resolves once it is gone.
 * Checks running on it compute their digests themselves; the next check that can use a worker
 * starts a new one. In browsers it does nothing.
 */
export function stopHashWorker(): Promise<void>;
