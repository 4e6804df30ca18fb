//! Checking a document whose image data were left out, for a caller that can read the document
//! again when that is not enough (a file by its path, a browser `File`).
//!
//! Most documents sent to the portal are scans: a page is one large image, and its data are most
//! of the file. The PDF/A-1 rules never read an image's data, only its dictionary, so the
//! streaming check ([`crate::stream::DocumentStream::leave_out_image_data`]) hashes those bytes
//! and does not keep them: the copy of the document it checks is the size of the document, but
//! the image data in it are pages that were never written, which hold no memory (in
//! WebAssembly as natively: `ekdo_pages`). [`Sieve`] finds them as the document arrives: the
//! data of a stream whose dictionary, already kept, says `/Subtype /Image` with a direct
//! `/Length`. It also finds every `endstream` in the kept bytes, which is what the reader takes
//! from a scan of the whole file (the reader notes every search for the next `endstream` that
//! passes over left-out bytes).
//!
//! Whether the check is then the check of the whole document is decided by what it read, not
//! by what the sieve expected: [`check`] runs the same rules with a watch on every byte range the
//! reader and the rules look at (each lexer's span, each stream's data they decode, the scans of
//! the header and the tail); if one of them meets a left-out range, the answer is `None` and the
//! caller checks the whole document instead. The same report, or none.

use std::cell::RefCell;
use std::ops::Range;

use crate::limits::Limits;
use crate::pdf::cos::{Object, Parser, Token};
use crate::pdf::raw;
use crate::report::PdfaReport;

/// Image data shorter than this are kept: leaving them out saves too little to matter.
pub const MIN_LEFT_OUT: usize = 64 * 1024;

/// Bytes kept at each end of an image's data, and beyond what a lexer reached, so that what the
/// reader looks at next to a position it reached (an EOL before `endstream`) is never left out.
const MARGIN: usize = 64;

/// Bytes at the start of the file never left out: where the header and a linearization
/// dictionary are looked for.
const EDGE: usize = 1024;

/// What was left out of a document, and what the check needs to know about those bytes.
#[derive(Clone, Debug, Default)]
pub struct LeftOut {
    /// The ranges left out (not written in the copy), ascending and apart.
    pub spans: Vec<Range<usize>>,
    /// Every `endstream` wholly in the kept bytes, ascending (what `raw::read` would scan for:
    /// one that meets a left-out range is missing, and a search that passes over one is void).
    pub endstreams: Vec<usize>,
}

/// Finds, as a document arrives in order, the image data a check can do without.
#[derive(Debug)]
pub struct Sieve {
    /// The document's size, as announced.
    size: usize,
    /// The smallest image data left out.
    min: usize,
    left_out: LeftOut,
    /// The last kept bytes scanned (up to 8), for an `endstream` across two pieces, and where
    /// they end (a piece that does not start there starts afresh).
    carry: Vec<u8>,
    carry_end: usize,
    /// Kept bytes were searched for `stream` up to here.
    searched: usize,
    /// The last `obj` keyword whose dictionary was looked at.
    tried: Option<usize>,
    /// Kept bytes could not be written (see [`Sieve::complete`]).
    lost: bool,
    max_nesting: u16,
    /// Leave out the data of any stream with a direct length, not only images (tests: every
    /// byte the check reads must then be caught by the watch).
    any_stream: bool,
}

impl Sieve {
    /// A sieve for a document of `size` bytes that leaves out image data of `min` bytes or
    /// more (at least 129).
    pub fn new(size: usize, min: usize, limits: &Limits) -> Self {
        Sieve {
            size,
            min: min.max(2 * MARGIN + 1),
            left_out: LeftOut::default(),
            carry: Vec::new(),
            carry_end: 0,
            searched: 0,
            tried: None,
            lost: false,
            max_nesting: limits.max_nesting,
            any_stream: false,
        }
    }

    /// Whether every kept byte was written into the copy (`false` when the copy had no room
    /// for some: the document must then be checked whole).
    pub fn complete(&self) -> bool {
        !self.lost
    }

    /// What was left out so far.
    pub fn left_out(&self) -> &LeftOut {
        &self.left_out
    }

    /// What was left out, once the document is complete.
    pub fn into_left_out(self) -> LeftOut {
        self.left_out
    }

    /// The left-out range that contains `at`, or the start of the next one after it.
    pub fn next(&self, at: usize) -> Next {
        let spans = &self.left_out.spans;
        let i = spans.partition_point(|s| s.end <= at);
        match spans.get(i) {
            Some(s) if s.start <= at => Next::Inside(s.end),
            Some(s) => Next::Before(s.start),
            None => Next::Before(usize::MAX),
        }
    }

    /// Writes the kept parts of the next `len` bytes of the document, at `at`, into `copy` (long
    /// enough) with `fill(offset in the bytes, slot)`, and looks at them: the left-out parts are
    /// not written, nor asked for.
    pub fn place(&mut self, copy: &mut [u8], at: usize, len: usize, fill: &mut dyn FnMut(usize, &mut [u8])) {
        /// Kept bytes are searched after every this many, so that little of an image's data is
        /// written before its dictionary is seen.
        const STEP: usize = 1 << 14;
        let end = at.saturating_add(len);
        let mut pos = at;
        while pos < end {
            let next = match self.next(pos) {
                Next::Inside(stop) => {
                    pos = stop.min(end);
                    continue;
                }
                Next::Before(start) => start.min(end).min(pos.saturating_add(STEP)),
            };
            let Some(slot) = copy.get_mut(pos..next) else {
                // No room for them (the memory could not grow): the copy lacks kept bytes.
                self.lost = true;
                return;
            };
            fill(pos - at, slot);
            // After a left-out range, the search starts afresh here, not among the unwritten
            // bytes before it (a search looks back a few bytes, for a keyword across pieces).
            let back = b"stream".len() + 2;
            if pos > self.searched.saturating_add(back) {
                self.searched = pos + back;
            }
            self.scan(copy.get(pos..next).unwrap_or_default(), pos);
            self.search(copy, next);
            pos = next;
        }
    }

    /// Notes `piece`, kept bytes at `at`, for `endstream` (every kept byte passes here once,
    /// in order).
    fn scan(&mut self, piece: &[u8], at: usize) {
        const NEEDLE: &[u8] = b"endstream";
        if piece.is_empty() {
            return;
        }
        if at != self.carry_end {
            self.carry.clear();
        }
        self.carry_end = at + piece.len();
        // One that starts in the carried bytes and ends in this piece.
        let head = piece.get(..piece.len().min(NEEDLE.len() - 1)).unwrap_or_default();
        let joined: Vec<u8> = self.carry.iter().chain(head).copied().collect();
        let carried = self.carry.len();
        for i in 0..carried {
            if joined.get(i..).is_some_and(|rest| rest.starts_with(NEEDLE)) {
                self.left_out.endstreams.push(at - carried + i);
            }
        }
        self.left_out.endstreams.extend(raw::positions(piece, NEEDLE).into_iter().map(|p| at + p));
        let keep = NEEDLE.len() - 1;
        if piece.len() >= keep {
            self.carry = piece.get(piece.len() - keep..).unwrap_or_default().to_vec();
        } else {
            self.carry.extend_from_slice(piece);
            let excess = self.carry.len().saturating_sub(keep);
            self.carry.drain(..excess);
        }
    }

    /// Looks at the kept bytes `document[..end]` for streams whose data may be left out, and
    /// records them (from `end` on at the earliest: what is already kept stays kept).
    fn search(&mut self, document: &[u8], end: usize) {
        let Some(kept) = document.get(..end) else { return };
        // `stream` and the two bytes after it must be there.
        let from = self.searched.saturating_sub(b"stream".len() + 2);
        let mut at = from;
        while let Some(rel) = kept.get(at..).and_then(|rest| raw::find(rest, b"stream")) {
            let keyword = at + rel;
            let after = keyword + b"stream".len();
            if after + 2 > end {
                break;
            }
            at = after;
            if keyword >= 3 && kept.get(keyword - 3..keyword) == Some(b"end".as_slice()) {
                continue;
            }
            let data = match (kept.get(after), kept.get(after + 1)) {
                (Some(b'\r'), Some(b'\n')) => after + 2,
                (Some(b'\n'), _) => after + 1,
                _ => continue,
            };
            if let Some(length) = self.image_length(kept, keyword) {
                self.record(data, length, end);
            }
        }
        self.searched = end.saturating_sub(b"stream".len() + 2).max(self.searched);
    }

    /// The direct `Length` of the image XObject whose `stream` keyword is at `keyword`, when the
    /// dictionary before it (after the last `obj` keyword, looked at once) says so.
    fn image_length(&mut self, kept: &[u8], keyword: usize) -> Option<usize> {
        // The last `obj` before the keyword, not before the previous look (each once).
        let floor = self.tried.map_or(0, |t| t + 3);
        let window = kept.get(floor..keyword)?;
        let obj = (0..window.len().saturating_sub(2)).rev().map(|i| floor + i).find(|&i| {
            kept.get(i..i + 3) == Some(b"obj".as_slice()) && !(i >= 3 && kept.get(i - 3..i) == Some(b"end".as_slice()))
        })?;
        self.tried = Some(obj);
        let mut parser = Parser::new(kept.get(..keyword + b"stream".len())?, obj + 3, self.max_nesting);
        parser.lexer.record = false;
        let Ok(Object::Dict(dict)) = parser.object() else { return None };
        let mut lexer = parser.lexer;
        lexer.skip_white();
        if lexer.pos() != keyword || !matches!(lexer.next_token(), Some(Token::Keyword(k)) if k == b"stream") {
            return None;
        }
        if !self.any_stream && dict.get(b"Subtype").and_then(Object::name) != Some(b"Image") {
            return None;
        }
        match dict.get(b"Length") {
            Some(Object::Int(length)) => usize::try_from(*length).ok(),
            _ => None,
        }
    }

    fn record(&mut self, data: usize, length: usize, kept_to: usize) {
        if length < self.min || data < EDGE {
            return;
        }
        let Some(end) = data.checked_add(length).filter(|end| *end <= self.size) else { return };
        let span = (data + MARGIN).max(kept_to)..end - MARGIN;
        let after_last = self.left_out.spans.last().is_none_or(|last| last.end <= span.start);
        if span.start < span.end && after_last {
            self.left_out.spans.push(span);
        }
    }
}

/// Where a position stands against the left-out ranges.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Next {
    /// Inside a left-out range that ends here.
    Inside(usize),
    /// Before the next left-out range, which starts here (`usize::MAX`: none).
    Before(usize),
}

struct Watch {
    /// Where the document's bytes are, to tell them from other data a lexer reads.
    base: usize,
    len: usize,
    spans: Vec<Range<usize>>,
    touched: bool,
}

thread_local! {
    static WATCH: RefCell<Option<Watch>> = const { RefCell::new(None) };
}

/// Notes that the check looked at `range` of `data`: when `data` is the document being checked
/// with left-out ranges ([`check`]) and `range` meets one, that check is void. Free otherwise
/// (a thread-local read).
pub fn note(data: &[u8], range: Range<usize>) {
    WATCH.with(|w| {
        let Ok(mut w) = w.try_borrow_mut() else { return };
        let Some(w) = w.as_mut() else { return };
        // `data` is the document or a part of it: positions in it are shifted by where it starts.
        let Some(shift) = data.as_ptr().addr().checked_sub(w.base) else { return };
        if w.touched || shift.saturating_add(data.len()) > w.len {
            return;
        }
        let range = range.start.saturating_add(shift)..range.end.saturating_add(shift);
        let i = w.spans.partition_point(|s| s.end <= range.start);
        if w.spans.get(i).is_some_and(|s| s.start < range.end) {
            w.touched = true;
        }
    });
}

/// Removes the watch when dropped (also when the check is left early).
struct Unwatch;

impl Drop for Unwatch {
    fn drop(&mut self) {
        WATCH.with(|w| {
            if let Ok(mut w) = w.try_borrow_mut() {
                *w = None;
            }
        });
    }
}

/// The PDF/A part of the check ([`crate::pdf::check`]) of `bytes`, a document with the ranges
/// `left_out` zeroed: the result when the check never looked at them, which is then the result
/// for the whole document; `None` when it did (the whole document must be checked).
pub fn check(bytes: &[u8], limits: &Limits, left_out: &LeftOut) -> Option<PdfResult> {
    if left_out.spans.is_empty() {
        return Some(crate::pdf::check(bytes, limits));
    }
    let watch = Watch { base: bytes.as_ptr().addr(), len: bytes.len(), spans: left_out.spans.clone(), touched: false };
    WATCH.with(|w| *w.borrow_mut() = Some(watch));
    let unwatch = Unwatch;
    let result = crate::pdf::check_with(bytes, limits, Some(&left_out.endstreams));
    let touched = WATCH.with(|w| w.borrow().as_ref().is_none_or(|w| w.touched));
    drop(unwatch);
    (!touched).then_some(result)
}

/// The PDF/A check of `document` fed to a sieve in chunks of `chunk`, leaving out image data of
/// `min` bytes or more (with `any_stream`, the data of any stream with a direct length), and
/// what was left out; the check is `None` when it read left-out bytes. For the fuzz target and
/// the tests: a result must equal the whole document's.
pub fn sift(
    document: &[u8],
    chunk: usize,
    min: usize,
    any_stream: bool,
    limits: &Limits,
) -> (Option<PdfResult>, LeftOut) {
    let mut sieve = Sieve::new(document.len(), min, limits);
    sieve.any_stream = any_stream;
    // A reused region's stale bytes stand in the left-out places: the check must not read them.
    let mut copy = vec![0xA5; document.len()];
    let mut at = 0;
    for piece in document.chunks(chunk.max(1)) {
        sieve.place(&mut copy, at, piece.len(), &mut |offset, slot| {
            let from = piece.get(offset..).unwrap_or_default();
            slot.iter_mut().zip(from).for_each(|(to, byte)| *to = *byte);
        });
        at += piece.len();
    }
    let left_out = sieve.into_left_out();
    (check(&copy, limits, &left_out), left_out)
}

/// The PDF/A part of a check: the report and its findings.
pub type PdfResult = (PdfaReport, Vec<crate::error::Finding>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::testpdf::Builder;

    /// A PDF/A document whose page shows a gray image of `len` bytes (its data: `fill`).
    fn scan(len: usize, fill: impl Fn(usize) -> u8) -> Vec<u8> {
        let data: Vec<u8> = (0..len).map(fill).collect();
        let mut b = Builder::pdfa();
        b.resources("<< /XObject << /Im1 8 0 R >> >>");
        b.content("q 200 0 0 200 0 0 cm /Im1 Do Q");
        b.stream(
            8,
            "/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8",
            &data,
        );
        b.build()
    }

    /// The sieve found every `endstream` wholly in kept bytes, and no other.
    fn assert_endstreams(document: &[u8], left_out: &LeftOut) {
        let kept = |p: usize| !left_out.spans.iter().any(|s| s.start < p + 9 && p < s.end);
        let want: Vec<usize> = raw::positions(document, b"endstream").into_iter().filter(|p| kept(*p)).collect();
        assert_eq!(left_out.endstreams, want);
    }

    /// Every PDF of the veraPDF corpus here, with the data of every stream of 129 bytes or more
    /// left out, in chunks of `chunk`: the check either gives the whole document's result or
    /// says it read left-out bytes. Returns how many files had bytes left out.
    fn corpus_with_every_stream_left_out(chunk: usize) -> usize {
        let limits = Limits::default();
        let mut paths = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/verapdf")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).expect("corpus") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "pdf") {
                    paths.push(path);
                }
            }
        }
        assert!(paths.len() > 300, "{} corpus files", paths.len());
        let mut sifted = 0;
        for path in paths {
            let document = std::fs::read(&path).expect("corpus file");
            let (result, left_out) = sift(&document, chunk, 129, true, &limits);
            assert_endstreams(&document, &left_out);
            if let Some(got) = result {
                let want = crate::pdf::check(&document, &limits);
                assert_eq!(format!("{got:?}"), format!("{want:?}"), "{}", path.display());
            }
            sifted += usize::from(!left_out.spans.is_empty());
        }
        sifted
    }

    #[test]
    fn leaving_out_any_stream_gives_the_same_result_or_none() {
        // The rules decode content streams, fonts, metadata and profiles: the watch must see each
        // such read (a missed one would give a result that differs from the whole document's).
        for chunk in [1, 61] {
            let sifted = corpus_with_every_stream_left_out(chunk);
            assert!(sifted >= 250, "{sifted} files had stream data left out, chunks of {chunk}");
        }
    }

    /// A small deterministic generator (xorshift).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
        }
    }

    /// Damaged scans (a byte changed, dropped or added anywhere but in the image data, or
    /// text that looks like PDF written into them): the same result as the whole document's, or
    /// none; and for most of them the image data were left out and the result was had.
    #[test]
    fn damaged_scans_give_the_same_result_or_none() {
        const SYNTAX: &[u8] = b"0123456789 \n\r<>[]()/%RedjbostxfnaLhgI";
        let limits = Limits::default();
        let base = scan(200_000, |i| u8::try_from(i.wrapping_mul(7919) % 253).unwrap_or(0));
        let image = raw::find(&base, b"/Subtype /Image").expect("image");
        let data = image + raw::find(&base[image..], b"stream\n").expect("data") + 7;
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut same, mut none) = (0, 0);
        for round in 0..400 {
            let mut document = base.clone();
            let at = match round % 4 {
                // Around the image's data, where a wrong length or keyword would fall.
                0 => data + 200_000 - 64 + rng.below(128),
                1 => data - 200 + rng.below(200),
                _ => {
                    let at = rng.below(document.len());
                    if (data..data + 200_000).contains(&at) {
                        data - 1
                    } else {
                        at
                    }
                }
            };
            match rng.below(4) {
                0 => document.insert(at, SYNTAX[rng.below(SYNTAX.len())]),
                1 if at < document.len() => {
                    document.remove(at);
                }
                2 => {
                    // PDF-like text inside the image data.
                    let text: &[u8] = [
                        &b"endstream\nendobj\n"[..],
                        b"9 0 obj\n<< >>\nendobj\n",
                        b"trailer\n<< >>\nstartxref\n5\n%%EOF\n",
                    ][rng.below(3)];
                    let inside = data + 1000 + rng.below(190_000);
                    document.splice(inside..inside + text.len(), text.iter().copied());
                }
                _ => {
                    if let Some(byte) = document.get_mut(at) {
                        *byte = SYNTAX[rng.below(SYNTAX.len())];
                    }
                }
            }
            if round % 8 == 7 {
                // And a wrong length: the reader looks for `endstream`, and finds the one inside.
                let inside = data + 5000 + rng.below(100_000);
                document.splice(inside..inside + 12, b"\r\nendstream\n".iter().copied());
                let length = raw::find(&document[image..], b"/Length 200000").expect("length") + image;
                document[length + 8] = b'1';
            }
            let (result, left_out) = sift(&document, 4096, MIN_LEFT_OUT, false, &limits);
            match result {
                Some(got) => {
                    let want = crate::pdf::check(&document, &limits);
                    assert_eq!(format!("{got:?}"), format!("{want:?}"), "round {round}");
                    same += usize::from(!left_out.spans.is_empty());
                }
                None => none += 1,
            }
        }
        assert!(same >= 150 && none >= 10, "{same} the same with data left out, {none} none");
    }

    #[test]
    fn a_copy_without_room_for_kept_bytes_is_incomplete() {
        let limits = Limits::default();
        let document = scan(1000, |_| 7);
        let mut sieve = Sieve::new(document.len(), MIN_LEFT_OUT, &limits);
        let mut short = vec![0; document.len() - 10];
        sieve.place(&mut short, 0, document.len(), &mut |offset, slot| {
            slot.copy_from_slice(&document[offset..offset + slot.len()]);
        });
        assert!(!sieve.complete());
        let mut sieve = Sieve::new(document.len(), MIN_LEFT_OUT, &limits);
        let mut copy = vec![0; document.len()];
        sieve.place(&mut copy, 0, document.len(), &mut |offset, slot| {
            slot.copy_from_slice(&document[offset..offset + slot.len()]);
        });
        assert!(sieve.complete());
        assert_eq!(copy, document);
    }

    #[test]
    fn the_data_of_a_large_image_are_left_out() {
        let document = scan(300_000, |i| u8::try_from(i % 251).unwrap_or(0));
        let limits = Limits::default();
        let (result, left_out) = sift(&document, 4096, MIN_LEFT_OUT, false, &limits);
        assert_eq!(left_out.spans.len(), 1, "{left_out:?}");
        let span = &left_out.spans[0];
        assert!(span.end - span.start > 290_000, "{span:?}");
        assert_endstreams(&document, &left_out);
        let got = result.expect("no left-out byte read");
        assert_eq!(format!("{got:?}"), format!("{:?}", crate::pdf::check(&document, &limits)));
    }
}
