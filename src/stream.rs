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

use crate::check::{self, Options, PdfResult, SignatureFile};
use crate::crypto::{DigestAlgorithm, Hasher};
use crate::error::{Code, Finding};
use crate::pdf::sparse::{self, Next, Sieve};
use crate::report::Report;
use crate::report::{PdfaReport, PdfaVerdict};
use crate::verify::Digests;
use ekdo_pages::Pages;

/// A check fed the document chunk by chunk; see the [module docs](self).
///
/// Memory: one copy of the document, up to `Limits::max_input_bytes`; past that bound the bytes
/// are hashed and counted but not kept (the report then says `INPUT_TOO_LARGE`, as `check` does).
pub struct DocumentStream {
    options: Options,
    signatures: Vec<(String, Vec<u8>)>,
    document: Vec<u8>,
    size: u64,
    /// SHA-256 of the document for the report; `None` once handed over to the caller.
    sha256: Option<Sha256>,
    given_sha256: Option<[u8; 32]>,
    hashers: Hashers,
    /// The digests handed over to the caller ([`DocumentStream::hand_over`]), and those given back.
    handed_over: Vec<DigestAlgorithm>,
    given: Vec<(DigestAlgorithm, Vec<u8>)>,
    /// The document digests the detached signers claim (their message-digest attributes).
    claims: Vec<(DigestAlgorithm, Vec<u8>)>,
    /// The PDF/A part, when run ahead by [`DocumentStream::precheck`].
    pdf: Option<PdfResult>,
    /// The report `precheck` computed assuming the handed-over digests equal the claims, with
    /// those assumptions: `finish` returns it when the digests given back are the same.
    speculative: Option<Speculation>,
    /// Image data left out of the copy ([`DocumentStream::leave_out_image_data`]): the copy, in
    /// pages that hold no memory until written (in place of `document`), what was left out, and
    /// a reused buffer for chunks written by `push_with`.
    pages: Option<Pages>,
    sieve: Option<Sieve>,
    scratch: Vec<u8>,
    /// The check read left-out bytes, or cannot be done without them: the document must be
    /// checked whole ([`DocumentStream::needs_whole`]).
    whole_needed: bool,
    /// A signature carries content of its own, which the check compares with the document byte
    /// for byte: no image data are left out.
    attached: bool,
}

/// A report computed ahead, and the digests it assumed.
struct Speculation {
    assumed: Vec<(DigestAlgorithm, Vec<u8>)>,
    report: Report,
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
        let mut claims = Vec::new();
        let mut attached = false;
        for (_, bytes) in &signatures {
            // A file that does not parse needs no digest: `finish` reports it as `check` does.
            let Ok(parsed) = crate::cms::parse(bytes, &options.limits) else { continue };
            let detached = parsed.content.as_ref().is_none_or(Vec::is_empty);
            attached |= !detached;
            for signer in &parsed.signers {
                let Some(algorithm) = DigestAlgorithm::from_oid(&signer.digest_algorithm.oid) else { continue };
                if !algorithms.contains(&algorithm) {
                    algorithms.push(algorithm);
                }
                let claim = signer.signed_attrs.as_ref().and_then(|a| a.message_digest.clone());
                if let (true, Some(claim)) = (detached, claim) {
                    claims.push((algorithm, claim));
                }
            }
        }
        DocumentStream {
            options,
            signatures,
            document: Vec::new(),
            size: 0,
            sha256: Some(Sha256::new()),
            given_sha256: None,
            hashers: Hashers::Inline(algorithms.into_iter().map(Hasher::new).collect()),
            handed_over: Vec::new(),
            given: Vec::new(),
            claims,
            pdf: None,
            speculative: None,
            pages: None,
            sieve: None,
            scratch: Vec::new(),
            whole_needed: false,
            attached,
        }
    }

    /// Hands the digests that `take` selects over to the caller, who computes them elsewhere
    /// (the Node binding runs Streebog in a worker thread while this thread copies the document
    /// and runs the PDF/A rules) and gives them back with [`give_digest`](Self::give_digest).
    /// Returns the algorithms handed over: those the signatures need that `take` selects. Call
    /// before the first `push`; afterwards, or with [`hash_in_thread`](Self::hash_in_thread),
    /// nothing is handed over. A digest not given back is computed by `finish` over the kept
    /// copy, so a caller that fails only costs time.
    pub fn hand_over(&mut self, take: impl Fn(DigestAlgorithm) -> bool) -> Vec<DigestAlgorithm> {
        // Irrefutable in wasm, where there are no threads.
        #[allow(irrefutable_let_patterns)]
        let Hashers::Inline(hashers) = &mut self.hashers
        else {
            return Vec::new();
        };
        if self.size > 0 {
            return Vec::new();
        }
        let (taken, kept): (Vec<Hasher>, Vec<Hasher>) =
            std::mem::take(hashers).into_iter().partition(|h| take(h.algorithm()));
        *hashers = kept;
        let taken: Vec<DigestAlgorithm> = taken.iter().map(Hasher::algorithm).collect();
        self.handed_over.extend(&taken);
        taken
    }

    /// Gives back a digest of the whole document that [`hand_over`](Self::hand_over) handed
    /// over. The caller vouches for it: the check compares it with the signed message digest.
    /// Returns false (and keeps nothing) for an algorithm not handed over or a digest of the
    /// wrong length.
    pub fn give_digest(&mut self, algorithm: DigestAlgorithm, digest: Vec<u8>) -> bool {
        if !self.handed_over.contains(&algorithm) || digest.len() != algorithm.output_len() {
            return false;
        }
        let assumed = self.speculative.as_ref().is_some_and(|s| s.assumed.iter().any(|(a, _)| *a == algorithm));
        if !assumed {
            // The speculative report used the digest given before.
            self.speculative = None;
        }
        self.given.retain(|(a, _)| *a != algorithm);
        self.given.push((algorithm, digest));
        true
    }

    /// Hands the report's SHA-256 of the document over to the caller (Node computes it with its
    /// native `crypto`), to be given back with [`give_sha256`](Self::give_sha256). Call before
    /// the first `push`; returns whether it was handed over. Not given back, it is computed by
    /// `finish` over the kept copy.
    pub fn hand_over_sha256(&mut self) -> bool {
        if self.size > 0 {
            return false;
        }
        self.sha256 = None;
        true
    }

    /// Gives back the SHA-256 of the whole document after [`hand_over_sha256`](Self::hand_over_sha256).
    pub fn give_sha256(&mut self, digest: [u8; 32]) -> bool {
        if self.sha256.is_some() {
            return false;
        }
        self.given_sha256 = Some(digest);
        self.speculative = None;
        true
    }

    /// Does now, on the bytes fed so far, what `finish` can do before the handed-over digests
    /// are back: call it after the last chunk while a worker still hashes. It runs the PDF/A
    /// rules, and when every handed-over digest not yet given has one value claimed by the
    /// signers (their message-digest attributes), the whole check assuming those values: if the
    /// digests given back are those values, `finish` returns that report, which is then the
    /// report of the actual digests (the check depends on nothing else that could differ).
    /// Otherwise `finish` checks again. A later `push` or `give_sha256` discards the work.
    pub fn precheck(&mut self) {
        self.invalidate();
        let limits = &self.options.limits;
        if self.size == 0 || self.size > limits.max_input_bytes {
            return;
        }
        let Some(pdf) = self.pdf_check() else {
            self.whole_needed = true;
            return;
        };
        crate::progress::tick();
        self.speculative = self.speculate(&pdf);
        self.pdf = Some(pdf);
    }

    /// The PDF/A part over the kept copy; `None` when image data were left out and the check
    /// needed them, or the copy lacks kept bytes.
    fn pdf_check(&self) -> Option<PdfResult> {
        let limits = &self.options.limits;
        match &self.sieve {
            Some(sieve) if !sieve.complete() => None,
            Some(sieve) => sparse::check(self.kept(), limits, sieve.left_out()),
            None => Some(crate::pdf::check(self.kept(), limits)),
        }
    }

    /// The document's bytes fed so far (with image data left out, whatever the pages held in
    /// their place: the check never reads them, or its result is not used).
    fn kept(&self) -> &[u8] {
        let fed = usize::try_from(self.size).unwrap_or(usize::MAX);
        let copy = self.pages.as_ref().map_or(self.document.as_slice(), Pages::as_slice);
        copy.get(..fed).unwrap_or(copy)
    }

    /// Leaves the data of large images out of the kept copy of a document of `size` bytes (see
    /// [`crate::pdf::sparse`]): they are hashed as they arrive and never written, so a scan of
    /// 15 MB costs next to no memory. For a caller that can give the document again: when the
    /// check turns out to need those bytes, [`needs_whole`](Self::needs_whole) says so, and the
    /// caller checks the whole document with a new stream. Call before the first `push`; returns
    /// whether image data will be left out (not after a push, for a size of zero or above the
    /// input limit, or when a signature carries content of its own).
    pub fn leave_out_image_data(&mut self, size: u64) -> bool {
        self.leave_out_images(size, sparse::MIN_LEFT_OUT)
    }

    /// [`leave_out_image_data`](Self::leave_out_image_data) for image data of `min` bytes or
    /// more (at least 129; the default is [`sparse::MIN_LEFT_OUT`]).
    pub fn leave_out_images(&mut self, size: u64, min: usize) -> bool {
        if self.size > 0
            || self.sieve.is_some()
            || self.attached
            || size == 0
            || size > self.options.limits.max_input_bytes
        {
            return false;
        }
        let Ok(len) = usize::try_from(size) else { return false };
        let Some(pages) = Pages::new(len) else { return false };
        self.pages = Some(pages);
        self.document = Vec::new();
        self.sieve = Some(Sieve::new(len, min, &self.options.limits));
        true
    }

    /// Whether the report needs the whole document: image data were left out
    /// ([`leave_out_image_data`](Self::leave_out_image_data)) and the PDF/A check read some of
    /// them, or a digest handed over was not given back (it would have to be computed over
    /// the copy). Runs the check if `precheck` has not. `false` when nothing was left out.
    pub fn needs_whole(&mut self) -> bool {
        if !self.sifted() {
            return false;
        }
        if self.sieve.as_ref().is_some_and(|s| !s.complete()) {
            return true;
        }
        let missing = self.handed_over.iter().any(|a| !self.given.iter().any(|(g, _)| g == a));
        if missing || (self.sha256.is_none() && self.given_sha256.is_none()) {
            return true;
        }
        if self.pdf.is_none() && !self.whole_needed {
            self.precheck();
        }
        self.whole_needed
    }

    /// Whether the copy is not the whole document: image data were left out, or kept bytes could
    /// not be written.
    fn sifted(&self) -> bool {
        self.sieve.as_ref().is_some_and(|s| !s.left_out().spans.is_empty() || !s.complete())
    }

    /// Forgets what was computed on the bytes fed so far: more are coming.
    fn invalidate(&mut self) {
        self.pdf = None;
        self.speculative = None;
        self.whole_needed = false;
    }

    /// The assumed digests and the report of the check under them; `None` when a handed-over
    /// digest has no single claimed value, or a digest the report needs is not known yet.
    fn speculate(&self, pdf: &PdfResult) -> Option<Speculation> {
        let sha256 = match (&self.sha256, &self.given_sha256) {
            (Some(hasher), _) => check::hex(&hasher.clone().finalize()),
            (None, Some(given)) => check::hex(given),
            (None, None) => return None,
        };
        // Digests known now, and those still computed elsewhere (handed over, or in the thread).
        let (known, pending): (Vec<(DigestAlgorithm, Vec<u8>)>, Vec<DigestAlgorithm>) = match &self.hashers {
            Hashers::Inline(hashers) => {
                (hashers.iter().map(|h| (h.algorithm(), h.clone().finalize())).collect(), self.handed_over.clone())
            }
            #[cfg(not(target_arch = "wasm32"))]
            Hashers::Thread { algorithms, .. } => {
                (Vec::new(), algorithms.iter().chain(&self.handed_over).copied().collect())
            }
        };
        let mut assumed = Vec::new();
        for algorithm in &pending {
            if self.given.iter().any(|(a, _)| a == algorithm) {
                continue;
            }
            let mut values = self.claims.iter().filter(|(a, _)| a == algorithm).map(|(_, v)| v);
            let value = values.next()?;
            if values.any(|other| other != value) {
                return None;
            }
            assumed.push((*algorithm, value.clone()));
        }
        let mut digests = Digests::default();
        if self.sieve.is_some() {
            digests.document_absent();
        }
        for (algorithm, digest) in known.into_iter().chain(self.given.iter().cloned()).chain(assumed.iter().cloned()) {
            digests.insert(algorithm, digest);
        }
        let files: Vec<SignatureFile<'_>> =
            self.signatures.iter().map(|(name, bytes)| SignatureFile { name, bytes }).collect();
        let report =
            check::check_sized(self.kept(), self.size, sha256, &files, &self.options, &mut digests, Some(pdf.clone()));
        Some(Speculation { assumed, report })
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

    /// The digest algorithms the signatures need, besides SHA-256: those computed here, then
    /// those handed over.
    pub fn algorithms(&self) -> Vec<DigestAlgorithm> {
        let mut algorithms: Vec<DigestAlgorithm> = match &self.hashers {
            Hashers::Inline(hashers) => hashers.iter().map(Hasher::algorithm).collect(),
            #[cfg(not(target_arch = "wasm32"))]
            Hashers::Thread { algorithms, .. } => algorithms.clone(),
        };
        algorithms.extend(&self.handed_over);
        algorithms
    }

    /// Reserves room for a document of `size` bytes (when the caller knows it: a `File`'s size, a
    /// file's length), so the copy is never reallocated. Sizes above the input limit reserve
    /// nothing.
    pub fn reserve(&mut self, size: u64) {
        if self.sieve.is_some() {
            return;
        }
        let Some(more) = size.checked_sub(self.size) else { return };
        if size <= self.options.limits.max_input_bytes {
            self.document.reserve_exact(usize::try_from(more).unwrap_or(0));
        }
    }

    /// Feeds the next chunk of the document.
    pub fn push(&mut self, chunk: &[u8]) {
        self.invalidate();
        self.hash(chunk);
        if self.sieve.is_some() {
            self.keep_sifted(chunk.len(), &mut |offset, slot| {
                let from = chunk.get(offset..).unwrap_or_default();
                slot.iter_mut().zip(from).for_each(|(to, byte)| *to = *byte);
            });
        } else {
            self.keep(chunk);
        }
    }

    /// Feeds the next chunk, writing it with `fill(offset, slot)` straight into the kept copy
    /// (the wasm binding copies a JS `Uint8Array` in without an intermediate buffer): `fill`
    /// writes the chunk's bytes from `offset` on into `slot`. It is called once for the whole
    /// chunk, or, with image data left out and nothing hashed here, once for each kept part.
    /// Past the input limit the chunk goes to a scratch buffer instead.
    pub fn push_with(&mut self, len: usize, mut fill: impl FnMut(usize, &mut [u8])) {
        self.invalidate();
        if self.sieve.is_some() {
            if !self.hashes_here() {
                // Only the kept parts are asked for.
                self.keep_sifted(len, &mut fill);
                return;
            }
            // Through a reused buffer: all of it is hashed, the kept parts copied on.
            let mut scratch = std::mem::take(&mut self.scratch);
            scratch.clear();
            scratch.resize(len, 0);
            fill(0, &mut scratch);
            self.push(&scratch);
            self.scratch = scratch;
            return;
        }
        let start = self.document.len();
        let kept = self.size.checked_add(u64::try_from(len).unwrap_or(u64::MAX));
        if kept.is_some_and(|end| end <= self.options.limits.max_input_bytes) {
            self.document.resize(start.saturating_add(len), 0);
            if let Some(slot) = self.document.get_mut(start..) {
                fill(0, slot);
            }
            let Self { document, sha256, hashers, size, .. } = self;
            let chunk = document.get(start..).unwrap_or_default();
            update(sha256, hashers, chunk);
            *size = size.saturating_add(u64::try_from(chunk.len()).unwrap_or(u64::MAX));
        } else {
            let mut scratch = vec![0; len];
            fill(0, &mut scratch);
            self.push(&scratch);
        }
    }

    /// Whether a digest is computed here, from every byte pushed.
    fn hashes_here(&self) -> bool {
        let hashers = match &self.hashers {
            Hashers::Inline(hashers) => !hashers.is_empty(),
            #[cfg(not(target_arch = "wasm32"))]
            Hashers::Thread { .. } => true,
        };
        self.sha256.is_some() || hashers
    }

    /// Bytes of image data left out of the copy so far
    /// ([`leave_out_image_data`](Self::leave_out_image_data)).
    pub fn left_out(&self) -> u64 {
        let spans = self.sieve.as_ref().map_or(&[][..], |s| s.left_out().spans.as_slice());
        let fed = usize::try_from(self.size).unwrap_or(usize::MAX);
        let bytes: usize = spans.iter().map(|s| s.end.min(fed).saturating_sub(s.start)).sum();
        u64::try_from(bytes).unwrap_or(u64::MAX)
    }

    /// Bytes fed so far.
    pub fn len(&self) -> u64 {
        self.size
    }

    /// The document's bytes fed so far (with image data left out, see
    /// [`leave_out_image_data`](Self::leave_out_image_data), not all of them).
    pub fn document(&self) -> &[u8] {
        self.kept()
    }

    /// Whether nothing was fed yet.
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// Ends the document and checks: the same report as [`check`](crate::check) on the whole
    /// document. With image data left out, call [`needs_whole`](Self::needs_whole) first: when
    /// the check needs the whole document, the report here has an undecided PDF/A part and
    /// DOCUMENT_NEEDED_WHOLE (and signatures whose digest was not given back unchecked).
    pub fn finish(mut self) -> Report {
        let sifted = self.sifted();
        // Runs the PDF/A check when not yet run: a sifted copy's report needs it done here.
        let incomplete = self.needs_whole();
        let copy = std::mem::take(&mut self.document);
        let pages = self.pages.take();
        let fed = usize::try_from(self.size).unwrap_or(usize::MAX);
        let document = pages.as_ref().map_or(copy.as_slice(), Pages::as_slice);
        let document = document.get(..fed).unwrap_or(document);
        let DocumentStream {
            options, signatures, size, sha256, given_sha256, hashers, given, pdf, speculative, ..
        } = self;
        let mut digests = Digests::default();
        if sifted {
            digests.document_absent();
        }
        let computed: Vec<(DigestAlgorithm, Vec<u8>)> = match hashers {
            Hashers::Inline(hashers) => hashers.into_iter().map(|h| (h.algorithm(), h.finalize())).collect(),
            #[cfg(not(target_arch = "wasm32"))]
            Hashers::Thread { chunks, worker, .. } => {
                drop(chunks);
                // A digest missing here is computed again by the check, over the kept copy.
                worker.join().unwrap_or_default()
            }
        };
        let computed: Vec<(DigestAlgorithm, Vec<u8>)> = computed.into_iter().chain(given).collect();
        if let Some(Speculation { assumed, report }) = speculative {
            if assumed.iter().all(|claim| computed.contains(claim)) {
                return report;
            }
        }
        for (algorithm, digest) in computed {
            digests.insert(algorithm, digest);
        }
        let files: Vec<SignatureFile<'_>> =
            signatures.iter().map(|(name, bytes)| SignatureFile { name, bytes }).collect();
        let sha256 = match (sha256, given_sha256) {
            (Some(hasher), _) => check::hex(&hasher.finalize()),
            (None, Some(given)) => check::hex(&given),
            // Handed over and not given back: the kept copy is the whole document unless it
            // was over the input limit, where the report says INPUT_TOO_LARGE and no digest.
            (None, None) if !sifted && u64::try_from(document.len()).ok() == Some(size) => {
                check::hex(&Sha256::digest(document))
            }
            (None, None) => String::new(),
        };
        let pdf = if incomplete {
            let report =
                PdfaReport { profile: "PDF/A-1B".to_owned(), verdict: PdfaVerdict::Undecided, ..PdfaReport::default() };
            Some((report, vec![Finding::new(Code::DocumentNeededWhole)]))
        } else {
            pdf
        };
        check::check_sized(document, size, sha256, &files, &options, &mut digests, pdf)
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

impl DocumentStream {
    /// Places `len` bytes (already hashed) in the copy with image data left out: `fill(offset,
    /// slot)` writes the kept parts (see [`Sieve::place`]).
    fn keep_sifted(&mut self, len: usize, fill: &mut dyn FnMut(usize, &mut [u8])) {
        let at = usize::try_from(self.size).unwrap_or(usize::MAX);
        self.grow_pages(at.saturating_add(len));
        if let (Some(sieve), Some(pages)) = (self.sieve.as_mut(), self.pages.as_mut()) {
            sieve.place(pages.as_mut_slice(), at, len, fill);
        }
        self.size = self.size.saturating_add(u64::try_from(len).unwrap_or(u64::MAX));
    }

    /// Makes the copy `len` bytes long at least: more came than announced. The kept bytes move
    /// to new pages (what was left out stays left out).
    fn grow_pages(&mut self, len: usize) {
        if self.pages.as_ref().is_none_or(|p| p.len() >= len) {
            return;
        }
        let Some(mut bigger) = Pages::new(len.saturating_mul(2)) else { return };
        if let (Some(old), Some(sieve)) = (self.pages.as_ref(), self.sieve.as_ref()) {
            let fed = usize::try_from(self.size).unwrap_or(usize::MAX).min(old.len());
            let mut at = 0;
            while at < fed {
                let (from, to) = match sieve.next(at) {
                    Next::Inside(end) => (end, end),
                    Next::Before(start) => (at, start.min(fed)),
                };
                if let (Some(dst), Some(src)) = (bigger.as_mut_slice().get_mut(from..to), old.as_slice().get(from..to))
                {
                    dst.copy_from_slice(src);
                }
                at = to.max(at + 1);
            }
        }
        self.pages = Some(bigger);
    }
}

fn update(sha256: &mut Option<Sha256>, hashers: &mut Hashers, chunk: &[u8]) {
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
    if let Some(sha256) = sha256 {
        sha256.update(chunk);
    }
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
        stream.push_with(5, |_, slot| slot.copy_from_slice(b"12345"));
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

    fn fixture(case: &str, file: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/data/signatures/{case}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// Fixture 01 (a GOST 2012-256 detached signature) as a stream: its document, signature
    /// files, and the report `check` gives.
    type Files = Vec<(String, Vec<u8>)>;

    fn case01() -> (Vec<u8>, Files, Report) {
        let document = fixture("01-qualified-person-der", "document.pdf");
        let signature = fixture("01-qualified-person-der", "document.pdf.sig");
        let whole = check::check(&document, &[SignatureFile { name: "s.sig", bytes: &signature }], &options());
        (document, vec![("s.sig".to_owned(), signature)], whole)
    }

    #[test]
    fn handed_over_digests_given_back_give_the_same_report() {
        let (document, files, whole) = case01();
        let mut stream = DocumentStream::new(files, options());
        assert_eq!(stream.hand_over(|a| a == DigestAlgorithm::Streebog256), vec![DigestAlgorithm::Streebog256]);
        assert!(stream.hand_over_sha256());
        for chunk in document.chunks(1000) {
            stream.push(chunk);
        }
        assert!(stream.give_sha256(Sha256::digest(&document).into()));
        stream.precheck();
        // The signer claims one Streebog-256 digest: the whole check ran on that assumption.
        assert!(stream.speculative.is_some() && stream.pdf.is_some());
        assert!(stream.give_digest(DigestAlgorithm::Streebog256, DigestAlgorithm::Streebog256.digest(&document)));
        assert_eq!(json(&stream.finish()), json(&whole));
        assert!(whole.signatures[0].signers[0].signature_valid);
    }

    #[test]
    fn a_digest_other_than_the_claim_is_checked_again() {
        let (document, files, _) = case01();
        let mut stream = DocumentStream::new(files.clone(), options());
        stream.hand_over(|_| true);
        stream.push(&document);
        stream.precheck();
        assert!(stream.speculative.is_some());
        // Wrong length, or an algorithm not handed over: refused.
        assert!(!stream.give_digest(DigestAlgorithm::Streebog256, vec![0; 31]));
        assert!(!stream.give_digest(DigestAlgorithm::Sha512, vec![0; 64]));
        // The digest of another document: the report must be that of a mismatching document.
        let other = b"%PDF-1.4 another document".to_vec();
        assert!(stream.give_digest(DigestAlgorithm::Streebog256, DigestAlgorithm::Streebog256.digest(&other)));
        let report = stream.finish();
        let signer = &report.signatures[0].signers[0];
        assert_eq!(signer.details.digest_matches, Some(false));
        assert!(!report.ready);
        // Not given back at all: computed over the kept copy.
        let mut stream = DocumentStream::new(files, options());
        stream.hand_over(|_| true);
        stream.hand_over_sha256();
        stream.push(&document);
        stream.precheck();
        assert_eq!(json(&stream.finish()), json(&case01().2));
    }

    #[test]
    fn a_push_after_precheck_discards_it() {
        let (document, files, _) = case01();
        let (head, tail) = document.split_at(document.len() / 2);
        let mut stream = DocumentStream::new(files.clone(), options());
        stream.push(head);
        stream.precheck();
        assert!(stream.pdf.is_some());
        stream.push(tail);
        assert!(stream.pdf.is_none() && stream.speculative.is_none());
        assert_eq!(json(&stream.finish()), json(&case01().2));
        // Hand-over and SHA-256 are refused once the document has started.
        let mut late = DocumentStream::new(files, options());
        late.push(head);
        assert!(late.hand_over(|_| true).is_empty());
        assert!(!late.hand_over_sha256());
        assert!(!late.give_sha256([0; 32]));
    }

    #[test]
    fn signers_claiming_different_digests_are_not_speculated_on() {
        let (document, mut files, _) = case01();
        files.push(("other.sig".to_owned(), fixture("02-qualified-employer-ber", "document.pdf.sig")));
        let borrowed: Vec<SignatureFile<'_>> =
            files.iter().map(|(name, bytes)| SignatureFile { name, bytes }).collect();
        let whole = check::check(&document, &borrowed, &options());
        let mut stream = DocumentStream::new(files, options());
        stream.hand_over(|_| true);
        stream.push(&document);
        stream.precheck();
        assert!(stream.speculative.is_none() && stream.pdf.is_some());
        stream.give_digest(DigestAlgorithm::Streebog256, DigestAlgorithm::Streebog256.digest(&document));
        assert_eq!(json(&stream.finish()), json(&whole));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_digest_thread_and_precheck_give_the_same_report() {
        let (document, files, whole) = case01();
        let mut stream = DocumentStream::new(files, options()).hash_in_thread();
        for chunk in document.chunks(4096) {
            stream.push(chunk);
        }
        stream.precheck();
        assert!(stream.speculative.is_some());
        assert_eq!(json(&stream.finish()), json(&whole));
    }
}
