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
