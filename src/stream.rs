//! Checking a document that arrives in chunks (a browser `File`, a Node stream): the digests are
//! computed while the bytes arrive, so the check at the end only parses.
//!
//! The signature files are small and come first: they are parsed when the stream is created, so
//! the digest algorithms their signers need (Streebog-256, Streebog-512, SHA-256, ...) are known
//! before the first byte of the document. Each chunk is hashed with SHA-256 (for the report) and
//! with exactly those algorithms, and appended to the one copy of the document kept for the
//! PDF/A rules. [`DocumentStream::finish`] gives the same [`Report`] as [`check`](crate::check)
//! on the whole document.
//!
//! ```
//! use ekdo_check::stream::DocumentStream;
//! use ekdo_check::{check, Options, SignatureFile, Time};
//!
//! let signature = include_bytes!("../tests/data/signatures/01-qualified-person-der/document.pdf.sig");
//! let document = include_bytes!("../tests/data/signatures/01-qualified-person-der/document.pdf");
//! let options = Options::at(Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap());
//! let mut stream = DocumentStream::new(vec![("document.pdf.sig".to_owned(), signature.to_vec())], options.clone());
//! for chunk in document.chunks(4096) {
//!     stream.push(chunk);
//! }
//! let report = stream.finish();
//! let whole = check(document, &[SignatureFile { name: "document.pdf.sig", bytes: signature }], &options);
//! assert_eq!(serde_json::to_value(&report).unwrap(), serde_json::to_value(&whole).unwrap());
//! ```

use sha2::{Digest as _, Sha256};

use crate::check::{self, Options, SignatureFile};
use crate::crypto::{DigestAlgorithm, Hasher};
use crate::report::Report;
use crate::verify::Digests;

/// A check fed the document chunk by chunk; see the [module docs](self).
///
/// Memory: one copy of the document, up to `Limits::max_input_bytes`; past that bound the bytes
/// are hashed and counted but not kept (the report then says `INPUT_TOO_LARGE`, as `check` does).
pub struct DocumentStream {
    options: Options,
    signatures: Vec<(String, Vec<u8>)>,
    document: Vec<u8>,
    size: u64,
    sha256: Sha256,
    hashers: Hashers,
}

/// Where the signatures' digests are computed.
enum Hashers {
    /// In `push`, one after the other.
    Inline(Vec<Hasher>),
    /// In a thread of their own, fed copies of the chunks ([`DocumentStream::hash_in_thread`]).
    #[cfg(not(target_arch = "wasm32"))]
    Thread {
        algorithms: Vec<DigestAlgorithm>,
        chunks: std::sync::mpsc::SyncSender<Vec<u8>>,
        worker: std::thread::JoinHandle<Vec<(DigestAlgorithm, Vec<u8>)>>,
    },
}

impl DocumentStream {
    /// Starts a check: parses the signature files (name, bytes) to learn which digests of the
    /// document their signers need.
    pub fn new(signatures: Vec<(String, Vec<u8>)>, options: Options) -> Self {
        let mut algorithms: Vec<DigestAlgorithm> = Vec::new();
        for (_, bytes) in &signatures {
            // A file that does not parse needs no digest: `finish` reports it as `check` does.
            let Ok(parsed) = crate::cms::parse(bytes, &options.limits) else { continue };
            for signer in &parsed.signers {
                if let Some(algorithm) = DigestAlgorithm::from_oid(&signer.digest_algorithm.oid) {
                    if !algorithms.contains(&algorithm) {
                        algorithms.push(algorithm);
                    }
                }
            }
        }
        DocumentStream {
            options,
            signatures,
            document: Vec::new(),
            size: 0,
            sha256: Sha256::new(),
            hashers: Hashers::Inline(algorithms.into_iter().map(Hasher::new).collect()),
        }
    }

    /// Computes the signatures' digests (Streebog, the slowest part of a check) in a thread of
    /// their own, beside SHA-256, the copy and the checks on this one: a check then takes about
    /// as long as its slowest digest on two cores. Chunks are copied to the thread, at most four
    /// in flight. Call before the first `push`; otherwise, or when no thread can be started, the
    /// stream stays as it is.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn hash_in_thread(mut self) -> Self {
        let Hashers::Inline(hashers) = &mut self.hashers else { return self };
        if self.size > 0 || hashers.is_empty() {
            return self;
        }
        let mut moved = std::mem::take(hashers);
        let algorithms: Vec<DigestAlgorithm> = moved.iter().map(Hasher::algorithm).collect();
        let (chunks, received) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
        let spawned = std::thread::Builder::new().name("ekdo-digest".to_owned()).spawn(move || {
            for chunk in received {
                for hasher in &mut moved {
                    hasher.update(&chunk);
                }
            }
            moved.into_iter().map(|h| (h.algorithm(), h.finalize())).collect()
        });
        match spawned {
            Ok(worker) => self.hashers = Hashers::Thread { algorithms, chunks, worker },
            // The thread did not start: hash inline after all.
            Err(_) => self.hashers = Hashers::Inline(algorithms.into_iter().map(Hasher::new).collect()),
        }
        self
    }

    /// The digest algorithms the signatures need, besides SHA-256, in the order first met.
    pub fn algorithms(&self) -> Vec<DigestAlgorithm> {
        match &self.hashers {
            Hashers::Inline(hashers) => hashers.iter().map(Hasher::algorithm).collect(),
            #[cfg(not(target_arch = "wasm32"))]
            Hashers::Thread { algorithms, .. } => algorithms.clone(),
        }
    }

    /// Reserves room for a document of `size` bytes (when the caller knows it: a `File`'s size, a
    /// file's length), so the copy is never reallocated. Sizes above the input limit reserve
    /// nothing.
    pub fn reserve(&mut self, size: u64) {
        let Some(more) = size.checked_sub(self.size) else { return };
        if size <= self.options.limits.max_input_bytes {
            self.document.reserve_exact(usize::try_from(more).unwrap_or(0));
        }
    }

    /// Feeds the next chunk of the document.
    pub fn push(&mut self, chunk: &[u8]) {
        self.hash(chunk);
        self.keep(chunk);
    }

    /// Feeds the next chunk, writing it with `fill` straight into the kept copy (the wasm binding
    /// copies a JS `Uint8Array` in without an intermediate buffer). `fill` gets a zeroed slice of
    /// `len` bytes. Past the input limit the chunk goes to a scratch buffer instead.
    pub fn push_with(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) {
        let start = self.document.len();
        let kept = self.size.checked_add(u64::try_from(len).unwrap_or(u64::MAX));
        if kept.is_some_and(|end| end <= self.options.limits.max_input_bytes) {
            self.document.resize(start.saturating_add(len), 0);
            if let Some(slot) = self.document.get_mut(start..) {
                fill(slot);
            }
            let Self { document, sha256, hashers, size, .. } = self;
            let chunk = document.get(start..).unwrap_or_default();
            update(sha256, hashers, chunk);
            *size = size.saturating_add(u64::try_from(chunk.len()).unwrap_or(u64::MAX));
        } else {
            let mut scratch = vec![0; len];
            fill(&mut scratch);
            self.push(&scratch);
        }
    }

    /// Bytes fed so far.
    pub fn len(&self) -> u64 {
        self.size
    }

    /// Whether nothing was fed yet.
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// Ends the document and checks: the same report as [`check`](crate::check) on the whole
    /// document.
    pub fn finish(self) -> Report {
        let DocumentStream { options, signatures, document, size, sha256, hashers } = self;
        let mut digests = Digests::default();
        let computed: Vec<(DigestAlgorithm, Vec<u8>)> = match hashers {
            Hashers::Inline(hashers) => hashers.into_iter().map(|h| (h.algorithm(), h.finalize())).collect(),
            #[cfg(not(target_arch = "wasm32"))]
            Hashers::Thread { chunks, worker, .. } => {
                drop(chunks);
                // A digest missing here is computed again by the check, over the kept copy.
                worker.join().unwrap_or_default()
            }
        };
        for (algorithm, digest) in computed {
            digests.insert(algorithm, digest);
        }
        let files: Vec<SignatureFile<'_>> =
            signatures.iter().map(|(name, bytes)| SignatureFile { name, bytes }).collect();
        let sha256 = check::hex(&sha256.finalize());
        check::check_sized(&document, size, sha256, &files, &options, &mut digests)
    }

    fn hash(&mut self, chunk: &[u8]) {
        update(&mut self.sha256, &mut self.hashers, chunk);
    }

    /// Appends to the kept copy while the document is within the input limit; past it, drops the
    /// copy (the check will not read it) and only counts.
    fn keep(&mut self, chunk: &[u8]) {
        self.size = self.size.saturating_add(u64::try_from(chunk.len()).unwrap_or(u64::MAX));
        if self.size <= self.options.limits.max_input_bytes {
            self.document.extend_from_slice(chunk);
        } else if !self.document.is_empty() {
            self.document = Vec::new();
        }
    }
}

fn update(sha256: &mut Sha256, hashers: &mut Hashers, chunk: &[u8]) {
    match hashers {
        Hashers::Inline(hashers) => {
            for hasher in hashers {
                hasher.update(chunk);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        Hashers::Thread { chunks, .. } => {
            // A closed channel means the thread ended; `finish` then hashes again.
            let _ = chunks.send(chunk.to_vec());
        }
    }
    sha256.update(chunk);
}

impl std::fmt::Debug for DocumentStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentStream")
            .field("signatures", &self.signatures.len())
            .field("size", &self.size)
            .field("algorithms", &self.algorithms())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::time::Time;

    fn json(report: &Report) -> serde_json::Value {
        serde_json::to_value(report).unwrap()
    }

    fn options() -> Options {
        Options::at(Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap())
    }

    #[test]
    fn an_oversize_document_is_counted_not_kept() {
        let mut options = options();
        options.limits.max_input_bytes = 10;
        let mut stream = DocumentStream::new(Vec::new(), options.clone());
        stream.reserve(1_000_000);
        assert_eq!(stream.document.capacity(), 0);
        stream.push(b"%PDF-1.4\n");
        stream.push_with(5, |slot| slot.copy_from_slice(b"12345"));
        stream.push(b"more");
        assert_eq!(stream.len(), 18);
        assert!(stream.document.is_empty());
        let report = stream.finish();
        let whole = check::check(b"%PDF-1.4\n12345more", &[], &options);
        assert_eq!(json(&report), json(&whole));
        assert!(report.errors.iter().any(|e| e.code == "INPUT_TOO_LARGE"));
    }

    #[test]
    fn empty_and_unparsable_inputs_match_check() {
        let files = vec![("x.sig".to_owned(), b"not a signature".to_vec())];
        let stream = DocumentStream::new(files.clone(), options());
        assert!(stream.is_empty());
        assert!(stream.algorithms().is_empty());
        let whole = check::check(b"", &[SignatureFile { name: "x.sig", bytes: b"not a signature" }], &options());
        assert_eq!(json(&stream.finish()), json(&whole));
    }
}
