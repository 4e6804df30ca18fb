export * from "./web/ekdo_check.js";
export { default } from "./web/ekdo_check.js";
import type { CheckStreamOptions, Report, SignatureInput, StreamSource } from "./web/ekdo_check.js";
/**
 * Checks a document that arrives in chunks (a File, Blob, ReadableStream, Node stream or iterable
 * of Uint8Array): the same report as `check`, with one copy of the document in memory.
 * `hints.size` (known for a Blob) lets the module allocate its copy once.
 */
export function checkStream(
  source: StreamSource,
  signatures?: Array<Uint8Array | SignatureInput>,
  options?: CheckStreamOptions,
  hints?: { size?: number },
): Promise<Report>;
/**
 * Node only: checks a document file by its path, read in 1 MiB reads into one reused buffer (the
 * document is held once, in the module). Rejects with code INPUT_UNREADABLE when it cannot be read.
 */
export function checkFile(
  path: string,
  signatures?: Array<Uint8Array | SignatureInput>,
  options?: CheckStreamOptions,
): Promise<Report>;
