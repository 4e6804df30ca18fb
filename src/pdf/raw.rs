//! The file as bytes: header, end-of-file marker, cross-reference sections, trailers and the
//! indirect objects, with the byte-level facts ISO 19005-1 6.1 asks about.
//!
//! Read apart from any repairing loader: the header comment, the spacing around `xref`, `obj`,
//! `stream` and `endstream`, and whether `Length` is right are properties of the bytes. Objects
//! are read where the cross-reference table says they are; an object the table does not point
//! to is not part of the document (veraPDF does the same: corpus file 6-1-4-t03-pass-a).

use std::collections::{BTreeMap, BTreeSet};

use crate::limits::Limits;
use crate::pdf::cos::{is_white, Dict, Issue, Lexer, ObjId, Object, ParseError, Parser, Stream, Token};
use crate::pdf::filter::{self, DecodeError, Inflation};
use crate::pdf::sparse;

/// The `%PDF-` header and the comment line after it (6.1.2).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Header {
    /// Byte offset of `%PDF-` (ISO 19005-1 6.1.2 wants 0).
    pub offset: usize,
    /// The version, such as `"1.4"`.
    pub version: String,
    /// The header line as written.
    pub line: String,
    /// The first four bytes after `%` of the next line, when that line is a comment of at least
    /// four bytes (veraPDF's `headerByte1..4`; zeros otherwise).
    pub comment: [u8; 4],
}

/// Finds the `%PDF-` header in the first 1024 bytes, as PDF readers do.
pub fn header(bytes: &[u8]) -> Option<Header> {
    let window = bytes.get(..bytes.len().min(1024))?;
    let offset = find(window, b"%PDF-")?;
    let rest = bytes.get(offset.checked_add(5)?..)?;
    let len = rest.iter().take(8).take_while(|b| b.is_ascii_digit() || **b == b'.').count();
    let version = std::str::from_utf8(rest.get(..len)?).ok()?;
    if version.is_empty() {
        return None;
    }
    let line_end = offset + line_length(bytes.get(offset..).unwrap_or_default());
    let line = String::from_utf8_lossy(bytes.get(offset..line_end).unwrap_or_default()).into_owned();
    let mut next = line_end;
    if bytes.get(next) == Some(&b'\r') {
        next += 1;
    }
    if bytes.get(next) == Some(&b'\n') {
        next += 1;
    }
    let comment_line = bytes.get(next..).unwrap_or_default();
    let comment_line = comment_line.get(..line_length(comment_line)).unwrap_or_default();
    sparse::note(bytes, 0..next.saturating_add(comment_line.len()).max(1024).saturating_add(1));
    let comment = match comment_line {
        [b'%', a, b, c, d, ..] => [*a, *b, *c, *d],
        _ => [0; 4],
    };
    Some(Header { offset, version: version.to_owned(), line, comment })
}

fn line_length(bytes: &[u8]) -> usize {
    bytes.iter().position(|b| *b == b'\r' || *b == b'\n').unwrap_or(bytes.len())
}

/// The file has a `%%EOF` marker in its last 1024 bytes.
pub fn has_eof(bytes: &[u8]) -> bool {
    post_eof_size(bytes).is_some()
}

/// Bytes after the last `%%EOF` in the last 1024 bytes, not counting one EOL (veraPDF's
/// `postEOFDataSize`); `None` without a marker.
pub fn post_eof_size(bytes: &[u8]) -> Option<usize> {
    let start = bytes.len().saturating_sub(1024);
    let tail = bytes.get(start..)?;
    // What decides: the bytes from the last marker on (all of the tail when there is none).
    let found = rfind(tail, b"%%EOF");
    sparse::note(bytes, start + found.unwrap_or(0)..bytes.len());
    let at = found?;
    let after = tail.get(at + 5..).unwrap_or_default();
    let eol = match after {
        [b'\r', b'\n', ..] => 2,
        [b'\r' | b'\n', ..] => 1,
        _ => 0,
    };
    Some(after.len() - eol)
}

/// The first position of `needle` in `haystack`.
///
/// This and the other scans over the whole file stay out of line: inlined into a large caller,
/// their loop made the WebAssembly engine optimise the whole caller (V8 needed 19 MiB for
/// `read`, at the peak of a check; docs/benchmarks.md).
#[inline(never)]
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The last position of `needle` in `haystack`.
#[inline(never)]
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// One cross-reference section with its trailer.
#[derive(Clone, Debug, Default)]
pub struct Section {
    /// Where the section starts (`xref` keyword, or the xref stream object).
    pub offset: usize,
    /// It is a cross-reference stream (forbidden by 6.1.4-3).
    pub is_stream: bool,
    /// The trailer dictionary (the stream dictionary of an xref stream).
    pub trailer: Dict,
    /// `xref` is followed by exactly one EOL and then the subsection header (6.1.4-2).
    pub xref_eol_ok: bool,
    /// Every subsection header separates its two numbers by one space (6.1.4-1).
    pub subsection_spacing_ok: bool,
}

/// Where an object is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Location {
    /// At a byte offset in the file.
    File(usize),
    /// The `index`-th object of object stream `stream`.
    ObjStm {
        /// The object stream's number.
        stream: u32,
        /// The index within it.
        index: u32,
    },
}

/// An indirect object as read.
#[derive(Clone, Debug)]
pub struct Indirect {
    /// Its number and generation.
    pub id: ObjId,
    /// The object (`Null` when unreadable).
    pub object: Object,
    /// Syntax facts for 6.1 rules.
    pub issues: Vec<Issue>,
}

/// A problem that kept part of the file from being read.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum Problem {
    /// The file is damaged; the text says how.
    Parse(String),
    /// A decompression bound ran out.
    Decompression(String),
    /// More objects than the limit.
    TooManyObjects(u64),
    /// Nesting deeper than the limit.
    TooDeep(String),
}

/// The whole file as read from its bytes.
#[derive(Clone, Debug, Default)]
pub struct File {
    /// The header, when there is one.
    pub header: Option<Header>,
    /// veraPDF's `postEOFDataSize`; `None` without `%%EOF`.
    pub post_eof: Option<usize>,
    /// Sections as read, newest first.
    pub sections: Vec<Section>,
    /// The trailer: the newest trailer with older keys filled in.
    pub trailer: Dict,
    /// The file is linearized (first object a linearization dictionary whose `L` is the length).
    pub linearized: bool,
    /// In-use objects by number (newest definition).
    pub objects: BTreeMap<u32, Indirect>,
    /// The number of in-use cross-reference entries.
    pub entry_count: u64,
    /// What could not be read.
    pub problems: Vec<Problem>,
}

impl File {
    /// The trailer of the section at the lowest offset (veraPDF's first-page trailer).
    pub fn first_trailer(&self) -> Option<&Dict> {
        self.sections.iter().min_by_key(|s| s.offset).map(|s| &s.trailer)
    }

    /// The trailer of the section at the highest offset (veraPDF's last trailer).
    pub fn last_trailer(&self) -> Option<&Dict> {
        self.sections.iter().max_by_key(|s| s.offset).map(|s| &s.trailer)
    }

    /// The object `id`, or `None` when the table has no such object.
    pub fn get(&self, id: ObjId) -> Option<&Indirect> {
        self.objects.get(&id.num).filter(|o| o.id.gen == id.gen)
    }
}

/// Reads the file: header, sections, trailers and every in-use object.
pub fn read(bytes: &[u8], limits: &Limits, inflation: &mut Inflation) -> File {
    read_with(bytes, limits, inflation, None)
}

/// [`read`] with the positions of every `endstream` in the file given (by
/// [`sparse::Sieve`](crate::pdf::sparse::Sieve), which saw all of the bytes) instead of found.
pub fn read_with(bytes: &[u8], limits: &Limits, inflation: &mut Inflation, endstreams: Option<&[usize]>) -> File {
    let mut file = File { header: header(bytes), post_eof: post_eof_size(bytes), ..File::default() };
    let shift = file.header.as_ref().map_or(0, |h| h.offset);
    let mut locations: BTreeMap<u32, (u16, Location)> = BTreeMap::new();
    // Every `endstream`, found once: a stream whose Length is wrong is cut at the next one
    // without rescanning the file for each such stream.
    let endstreams = endstreams.map_or_else(|| positions(bytes, b"endstream"), <[usize]>::to_vec);
    crate::progress::tick();
    match find_startxref(bytes) {
        Some(start) => {
            read_sections(bytes, start.saturating_add(shift), limits, inflation, &mut file, &mut locations, &endstreams)
        }
        None => file.problems.push(Problem::Parse("no startxref keyword at the end of the file".to_owned())),
    }
    if file.sections.is_empty() || !file.trailer.has(b"Root") {
        rebuild(bytes, limits, &mut file, &mut locations, &endstreams);
    }
    file.linearized = is_linearized(bytes, limits, &endstreams);
    file.entry_count = u64::try_from(locations.len()).unwrap_or(u64::MAX);
    if file.entry_count > limits.max_pdf_objects {
        file.problems.push(Problem::TooManyObjects(file.entry_count));
        return file;
    }
    crate::progress::tick();
    read_objects(bytes, limits, inflation, &locations, &mut file, &endstreams);
    file
}

/// Every position of `needle` in `bytes`, ascending.
#[inline(never)]
pub fn positions(bytes: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(&first) = needle.first() else { return out };
    // A window at a time, with a tick between them (crate::progress).
    const WINDOW: usize = 1 << 20;
    let mut i = 0usize;
    while i < bytes.len() {
        let end = bytes.len().min(i.saturating_add(WINDOW));
        let mut j = i;
        while let Some(rel) = bytes.get(j..end).and_then(|window| window.iter().position(|b| *b == first)) {
            let at = j + rel;
            if bytes.get(at..).is_some_and(|r| r.starts_with(needle)) {
                out.push(at);
            }
            j = at + 1;
        }
        i = end;
        crate::progress::tick();
    }
    out
}

fn find_startxref(bytes: &[u8]) -> Option<usize> {
    let start = bytes.len().saturating_sub(2048);
    let tail = bytes.get(start..)?;
    let found = rfind(tail, b"startxref");
    sparse::note(bytes, start + found.unwrap_or(0)..bytes.len());
    let at = found?;
    let mut lexer = Lexer::new(bytes, start + at + 9);
    lexer.record = false;
    match lexer.next_token() {
        Some(Token::Int(offset)) => usize::try_from(offset).ok(),
        _ => None,
    }
}

fn read_sections(
    bytes: &[u8],
    first: usize,
    limits: &Limits,
    inflation: &mut Inflation,
    file: &mut File,
    locations: &mut BTreeMap<u32, (u16, Location)>,
    endstreams: &[usize],
) {
    let mut pending = vec![first];
    let mut seen = BTreeSet::new();
    while let Some(offset) = pending.pop() {
        if !seen.insert(offset) || seen.len() > 1000 {
            continue;
        }
        let Some(offset) = actual_xref_offset(bytes, offset) else {
            file.problems.push(Problem::Parse(format!("no cross-reference section at byte {offset}")));
            continue;
        };
        let mut entries = Vec::new();
        let section = if bytes.get(offset..).is_some_and(|b| b.starts_with(b"xref")) {
            xref_table(bytes, offset, limits, &mut entries)
        } else {
            xref_stream(bytes, offset, limits, inflation, &mut entries, file, endstreams)
        };
        let Some(section) = section else {
            file.problems.push(Problem::Parse(format!("unreadable cross-reference section at byte {offset}")));
            continue;
        };
        for (num, gen, location) in entries {
            locations.entry(num).or_insert((gen, location));
        }
        for (key, value) in section.trailer.iter() {
            if !file.trailer.has(key) {
                file.trailer.0.push((key.to_vec(), value.clone()));
            }
        }
        let prev = section.trailer.get(b"Prev").and_then(Object::int).and_then(|p| usize::try_from(p).ok());
        let stm = section.trailer.get(b"XRefStm").and_then(Object::int).and_then(|p| usize::try_from(p).ok());
        file.sections.push(section);
        if let Some(prev) = prev {
            pending.push(prev);
        }
        if let Some(stm) = stm {
            pending.push(stm);
        }
    }
}

/// veraPDF accepts a `startxref` that is one byte early; so do we, and white space before.
fn actual_xref_offset(bytes: &[u8], offset: usize) -> Option<usize> {
    for candidate in [offset, offset.saturating_sub(1)] {
        let mut lexer = Lexer::new(bytes, candidate);
        lexer.record = false;
        lexer.skip_white();
        let at = lexer.pos();
        match lexer.next_token() {
            Some(Token::Keyword(k)) if k == b"xref" => return Some(at),
            Some(Token::Int(_)) => return Some(at),
            _ => {}
        }
    }
    None
}

type Entries = Vec<(u32, u16, Location)>;

fn xref_table(bytes: &[u8], offset: usize, limits: &Limits, entries: &mut Entries) -> Option<Section> {
    let mut section = Section { offset, xref_eol_ok: true, subsection_spacing_ok: true, ..Section::default() };
    let mut pos = offset + 4;
    // 6.1.4-2: one EOL (CR, LF or CR LF) and then the digits of the subsection header.
    match (bytes.get(pos), bytes.get(pos + 1)) {
        (Some(b'\r'), Some(b'\n')) => pos += 2,
        (Some(b'\r' | b'\n'), _) => pos += 1,
        _ => section.xref_eol_ok = false,
    }
    if !bytes.get(pos).is_some_and(u8::is_ascii_digit) {
        section.xref_eol_ok = false;
    }
    let mut lexer = Lexer::new(bytes, offset + 4);
    lexer.record = false;
    loop {
        let saved = lexer.clone();
        let Some(Token::Int(start)) = lexer.next_token() else {
            lexer = saved;
            break;
        };
        // 6.1.4-1: the two numbers of the subsection header are separated by one space.
        let after = lexer.pos();
        if bytes.get(after) != Some(&b' ') || !bytes.get(after + 1).is_some_and(u8::is_ascii_digit) {
            section.subsection_spacing_ok = false;
        }
        let Some(Token::Int(count)) = lexer.next_token() else { return None };
        let mut number = u32::try_from(start).ok()?;
        let count = u64::try_from(count).ok()?;
        if count > limits.max_pdf_objects {
            return None;
        }
        for i in 0..count {
            let (Some(Token::Int(field1)), Some(Token::Int(field2)), Some(Token::Keyword(kind))) =
                (lexer.next_token(), lexer.next_token(), lexer.next_token())
            else {
                return None;
            };
            // A first subsection that starts at 1 but holds the free head entry means 0.
            if i == 0 && number != 0 && field1 == 0 && field2 == 65535 && kind == b"f" {
                number = 0;
            }
            let num = number.checked_add(u32::try_from(i).ok()?)?;
            if kind == b"n" {
                if let (Ok(at), Ok(gen)) = (usize::try_from(field1), u16::try_from(field2)) {
                    if at > 0 {
                        entries.push((num, gen, Location::File(at)));
                    }
                }
            }
        }
    }
    match lexer.next_token() {
        Some(Token::Keyword(k)) if k == b"trailer" => {
            let mut parser = Parser::new(bytes, lexer.pos(), limits.max_nesting);
            parser.lexer.record = false;
            if let Ok(Object::Dict(d)) = parser.object() {
                section.trailer = d;
            }
        }
        _ => return None,
    }
    Some(section)
}

fn xref_stream(
    bytes: &[u8],
    offset: usize,
    limits: &Limits,
    inflation: &mut Inflation,
    entries: &mut Entries,
    file: &mut File,
    endstreams: &[usize],
) -> Option<Section> {
    let indirect = object_at(bytes, offset, None, limits, &BTreeMap::new(), endstreams)?;
    let Object::Stream(stream) = indirect.object else { return None };
    if stream.dict.get(b"Type").and_then(Object::name) != Some(b"XRef") {
        return None;
    }
    let data = match stream_data(bytes, &stream, inflation) {
        Ok(d) => d,
        Err(DecodeError::Limit) => {
            file.problems.push(Problem::Decompression(format!("cross-reference stream {}", indirect.id)));
            return None;
        }
        Err(DecodeError::Unsupported(f)) => {
            file.problems.push(Problem::Parse(format!("cross-reference stream with filter {f}")));
            return None;
        }
    };
    let widths: Vec<usize> = stream
        .dict
        .get(b"W")
        .and_then(Object::array)?
        .iter()
        .map(|w| w.int().and_then(|w| usize::try_from(w).ok()).unwrap_or(0).min(8))
        .collect();
    let [w0, w1, w2] = widths.as_slice() else { return None };
    let size = stream.dict.get(b"Size").and_then(Object::int).unwrap_or(0);
    let index: Vec<i64> = match stream.dict.get(b"Index").and_then(Object::array) {
        Some(items) => items.iter().filter_map(Object::int).collect(),
        None => vec![0, size],
    };
    let row = w0 + w1 + w2;
    let mut rows = data.chunks_exact(row.max(1));
    for pair in index.chunks_exact(2) {
        let (Some(&start), Some(&count)) = (pair.first(), pair.get(1)) else { break };
        let start = u32::try_from(start).ok()?;
        let count = u32::try_from(count).ok()?;
        if u64::from(count) > limits.max_pdf_objects {
            return None;
        }
        for i in 0..count {
            let Some(r) = rows.next() else { break };
            let field = |from: usize, width: usize| -> u64 {
                r.get(from..from + width).unwrap_or_default().iter().fold(0u64, |a, b| (a << 8) | u64::from(*b))
            };
            let kind = if *w0 == 0 { 1 } else { field(0, *w0) };
            let f1 = field(*w0, *w1);
            let f2 = field(w0 + w1, *w2);
            let Some(num) = start.checked_add(i) else { break };
            match kind {
                1 => {
                    if let (Ok(at), Ok(gen)) = (usize::try_from(f1), u16::try_from(f2)) {
                        entries.push((num, gen, Location::File(at)));
                    }
                }
                2 => {
                    if let (Ok(stream), Ok(index)) = (u32::try_from(f1), u32::try_from(f2)) {
                        entries.push((num, 0, Location::ObjStm { stream, index }));
                    }
                }
                _ => {}
            }
        }
    }
    Some(Section { offset, is_stream: true, trailer: stream.dict, xref_eol_ok: true, subsection_spacing_ok: true })
}

/// Without a usable cross-reference table: find every `n g obj` and the last trailer.
fn rebuild(
    bytes: &[u8],
    limits: &Limits,
    file: &mut File,
    locations: &mut BTreeMap<u32, (u16, Location)>,
    endstreams: &[usize],
) {
    file.problems.push(Problem::Parse("the cross-reference table is unusable; objects found by scanning".to_owned()));
    sparse::note(bytes, 0..bytes.len());
    let mut pos = 0usize;
    while let Some(at) = bytes.get(pos..).and_then(|rest| find(rest, b"obj")) {
        let keyword = pos + at;
        pos = keyword + 3;
        if bytes.get(pos).is_some_and(|b| !is_white(*b) && *b != b'<' && *b != b'[' && *b != b'/' && *b != b'%') {
            continue;
        }
        if let Some((num, gen, start)) = header_before(bytes, keyword) {
            locations.insert(num, (gen, Location::File(start)));
        }
        if locations.len() > usize::try_from(limits.max_pdf_objects).unwrap_or(usize::MAX) {
            break;
        }
    }
    if let Some(at) = rfind(bytes, b"trailer") {
        let mut parser = Parser::new(bytes, at + 7, limits.max_nesting);
        parser.lexer.record = false;
        if let Ok(Object::Dict(d)) = parser.object() {
            for (key, value) in d.iter() {
                if !file.trailer.has(key) {
                    file.trailer.0.push((key.to_vec(), value.clone()));
                }
            }
        }
    }
    if !file.trailer.has(b"Root") {
        // A catalog found among the objects.
        for (num, (gen, location)) in locations.iter() {
            if let Location::File(at) = location {
                if let Some(o) = object_at(bytes, *at, None, limits, &BTreeMap::new(), endstreams) {
                    if o.object.dict().and_then(|d| d.get(b"Type")).and_then(Object::name) == Some(b"Catalog") {
                        file.trailer.0.push((b"Root".to_vec(), Object::Ref(ObjId { num: *num, gen: *gen })));
                        break;
                    }
                }
            }
        }
    }
}

/// `n g` before an `obj` keyword at `keyword`: the numbers and where `n` starts.
fn header_before(bytes: &[u8], keyword: usize) -> Option<(u32, u16, usize)> {
    let mut i = keyword;
    let skip_white = |i: &mut usize| {
        while *i > 0 && bytes.get(*i - 1).is_some_and(|b| is_white(*b)) {
            *i -= 1;
        }
    };
    let digits_back = |i: &mut usize| -> Option<(usize, usize)> {
        let end = *i;
        while *i > 0 && bytes.get(*i - 1).is_some_and(u8::is_ascii_digit) {
            *i -= 1;
        }
        (*i < end).then_some((*i, end))
    };
    skip_white(&mut i);
    let (gen_start, gen_end) = digits_back(&mut i)?;
    skip_white(&mut i);
    let (num_start, num_end) = digits_back(&mut i)?;
    let num = std::str::from_utf8(bytes.get(num_start..num_end)?).ok()?.parse().ok()?;
    let gen = std::str::from_utf8(bytes.get(gen_start..gen_end)?).ok()?.parse().ok()?;
    Some((num, gen, num_start))
}

fn is_linearized(bytes: &[u8], limits: &Limits, endstreams: &[usize]) -> bool {
    sparse::note(bytes, 0..bytes.len().min(1024));
    let window = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    let Some(at) = find(window, b"obj") else { return false };
    let Some((_, _, start)) = header_before(bytes, at) else { return false };
    let Some(o) = object_at(bytes, start, None, limits, &BTreeMap::new(), endstreams) else { return false };
    let Some(d) = o.object.dict() else { return false };
    d.has(b"Linearized") && d.get(b"L").and_then(Object::int).and_then(|l| usize::try_from(l).ok()) == Some(bytes.len())
}

fn read_objects(
    bytes: &[u8],
    limits: &Limits,
    inflation: &mut Inflation,
    locations: &BTreeMap<u32, (u16, Location)>,
    file: &mut File,
    endstreams: &[usize],
) {
    let mut streams: BTreeMap<u32, Vec<(u32, u16, u32)>> = BTreeMap::new();
    for (&num, &(gen, location)) in locations {
        if num % 64 == 0 {
            crate::progress::tick();
        }
        match location {
            Location::File(at) => {
                let id = ObjId { num, gen };
                match object_at(bytes, at, Some(id), limits, locations, endstreams) {
                    Some(o) if o.id == id => {
                        if let Some(reason) = too_deep(&o) {
                            file.problems.push(Problem::TooDeep(reason));
                        }
                        file.objects.insert(num, o);
                    }
                    _ => file.problems.push(Problem::Parse(format!("object {id} is not at byte {at}"))),
                }
            }
            Location::ObjStm { stream, index } => streams.entry(stream).or_default().push((num, gen, index)),
        }
    }
    for (stream_num, members) in streams {
        let Some(container) = file.objects.get(&stream_num) else {
            file.problems.push(Problem::Parse(format!("object stream {stream_num} is missing")));
            continue;
        };
        let Object::Stream(stream) = &container.object else { continue };
        let data = match stream_data(bytes, stream, inflation) {
            Ok(d) => d,
            Err(DecodeError::Limit) => {
                file.problems.push(Problem::Decompression(format!("object stream {stream_num}")));
                continue;
            }
            Err(DecodeError::Unsupported(f)) => {
                file.problems.push(Problem::Parse(format!("object stream {stream_num} with filter {f}")));
                continue;
            }
        };
        let n = stream.dict.get(b"N").and_then(Object::int).and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
        let first = stream.dict.get(b"First").and_then(Object::int).and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
        let mut lexer = Lexer::new(&data, 0);
        lexer.record = false;
        let mut offsets = Vec::new();
        for _ in 0..n.min(data.len()) {
            match (lexer.next_token(), lexer.next_token()) {
                (Some(Token::Int(num)), Some(Token::Int(off))) => offsets.push((num, off)),
                _ => break,
            }
        }
        for (num, gen, index) in members {
            let Some(&(listed, off)) = offsets.get(usize::try_from(index).unwrap_or(usize::MAX)) else { continue };
            if listed != i64::from(num) {
                continue;
            }
            let Some(at) = usize::try_from(off).ok().and_then(|o| o.checked_add(first)) else { continue };
            let mut parser = Parser::new(&data, at, limits.max_nesting);
            let object = match parser.object() {
                Ok(o) => o,
                Err(ParseError::TooDeep) => {
                    file.problems.push(Problem::TooDeep(format!("object {num} {gen}")));
                    Object::Null
                }
                Err(_) => Object::Null,
            };
            file.objects.insert(
                num,
                Indirect { id: ObjId { num, gen }, object, issues: std::mem::take(&mut parser.lexer.issues) },
            );
        }
    }
}

fn too_deep(o: &Indirect) -> Option<String> {
    o.issues.iter().find(|i| i.rule == DEPTH_MARK).map(|_| format!("object {}", o.id))
}

/// A pseudo rule id marking an object cut off by the nesting limit.
pub const DEPTH_MARK: &str = "depth";

/// Reads the indirect object whose header is at `offset`, with the 6.1.7 and 6.1.8 facts.
/// `locations` resolves an indirect `Length`.
pub fn object_at(
    bytes: &[u8],
    offset: usize,
    expect: Option<ObjId>,
    limits: &Limits,
    locations: &BTreeMap<u32, (u16, Location)>,
    endstreams: &[usize],
) -> Option<Indirect> {
    let mut issues = Vec::new();
    let mut lexer = Lexer::new(bytes, offset);
    lexer.record = false;
    lexer.skip_white();
    let start = lexer.pos();
    // 6.1.8: the object number starts a line.
    let header_ok = start > 0 && bytes.get(start - 1).is_some_and(|b| *b == b'\r' || *b == b'\n');
    let Some(Token::Int(num)) = lexer.next_token() else { return None };
    let spacing = |pos: usize| -> bool {
        bytes.get(pos).is_some_and(|b| is_white(*b)) && bytes.get(pos + 1).is_some_and(|b| !is_white(*b))
    };
    let mut format_ok = spacing(lexer.pos());
    let Some(Token::Int(gen)) = lexer.next_token() else { return None };
    format_ok &= spacing(lexer.pos());
    match lexer.next_token() {
        Some(Token::Keyword(k)) if k == b"obj" => {}
        _ => return None,
    }
    let id = ObjId { num: u32::try_from(num).ok()?, gen: u16::try_from(gen).ok()? };
    if expect.is_some_and(|e| e != id) {
        return Some(Indirect { id, object: Object::Null, issues });
    }
    let after_obj = lexer.pos();
    let obj_eol = bytes.get(after_obj).is_some_and(|b| *b == b'\r' || *b == b'\n');
    let mut parser = Parser::new(bytes, after_obj, limits.max_nesting);
    let mut object = match parser.object() {
        Ok(o) => o,
        Err(ParseError::TooDeep) => {
            issues.push(Issue { rule: DEPTH_MARK, detail: String::new() });
            Object::Null
        }
        Err(_) => Object::Null,
    };
    issues.append(&mut parser.lexer.issues);
    let mut lexer = parser.lexer;
    lexer.record = false;
    let mut end = lexer.pos();
    if let (Some(Token::Keyword(k)), Object::Dict(_)) = (lexer.next_token(), &object) {
        if k == b"stream" {
            let Object::Dict(dict) = std::mem::take(&mut object) else { return None };
            let stream = stream_at(bytes, lexer.pos(), dict, limits, locations, endstreams, &mut issues);
            end = stream.1;
            object = Object::Stream(Box::new(stream.0));
        }
    }
    // 6.1.8: `endobj` starts a line and is followed by an EOL.
    let mut after = Lexer::new(bytes, end);
    after.record = false;
    after.skip_white();
    let endobj_at = after.pos();
    let endobj_line = endobj_at > end && bytes.get(endobj_at - 1).is_some_and(|b| *b == b'\r' || *b == b'\n');
    let endobj_eol = match after.next_token() {
        Some(Token::Keyword(k)) if k == b"endobj" => bytes.get(after.pos()).is_some_and(|b| *b == b'\r' || *b == b'\n'),
        _ => false,
    };
    let mut problems = Vec::new();
    if !header_ok {
        problems.push("the object number does not start a line");
    }
    if !format_ok {
        problems.push("the object number, generation and obj are not separated by single white-space characters");
    }
    if !obj_eol {
        problems.push("obj is not followed by an EOL");
    }
    if !endobj_line {
        problems.push("endobj does not start a line");
    }
    if !endobj_eol {
        problems.push("endobj is missing or not followed by an EOL");
    }
    if !problems.is_empty() {
        issues.push(Issue { rule: "6.1.8-1", detail: problems.join("; ") });
    }
    Some(Indirect { id, object, issues })
}

/// Reads a stream whose `stream` keyword ends at `after_keyword`: its data range and 6.1.7
/// facts. Returns the stream and the offset after `endstream`.
fn stream_at(
    bytes: &[u8],
    after_keyword: usize,
    dict: Dict,
    limits: &Limits,
    locations: &BTreeMap<u32, (u16, Location)>,
    endstreams: &[usize],
    issues: &mut Vec<Issue>,
) -> (Stream, usize) {
    // 6.1.7-2: `stream` is followed by CR LF or LF.
    let (start, keyword_ok) = match (bytes.get(after_keyword), bytes.get(after_keyword + 1)) {
        (Some(b'\r'), Some(b'\n')) => (after_keyword + 2, true),
        (Some(b'\n'), _) => (after_keyword + 1, true),
        (Some(b'\r'), _) => (after_keyword + 1, false),
        _ => (after_keyword, false),
    };
    let length = match dict.get(b"Length") {
        Some(Object::Int(l)) => usize::try_from(*l).ok(),
        Some(Object::Ref(id)) => indirect_length(bytes, *id, limits, locations),
        _ => None,
    };
    let endstream_after = |pos: usize| -> Option<usize> {
        let mut lexer = Lexer::new(bytes, pos);
        lexer.record = false;
        lexer.skip_white();
        let at = lexer.pos();
        matches!(lexer.next_token(), Some(Token::Keyword(k)) if k == b"endstream").then_some(at)
    };
    let valid = length.and_then(|l| start.checked_add(l)).filter(|end| *end <= bytes.len()).and_then(endstream_after);
    let (keyword_at, data_len) = match (valid, length) {
        (Some(at), Some(l)) => (at, l),
        _ => match endstreams.get(endstreams.partition_point(|p| *p < start)).map(|at| at - start) {
            Some(rel) => {
                let at = start + rel;
                // The search read everything up to the keyword, and the EOL before it.
                sparse::note(bytes, start..at.saturating_add(9));
                let eol = match (
                    at.checked_sub(2).and_then(|i| bytes.get(i)),
                    at.checked_sub(1).and_then(|i| bytes.get(i)),
                ) {
                    (Some(b'\r'), Some(b'\n')) => 2,
                    (_, Some(b'\r' | b'\n')) => 1,
                    _ => 0,
                };
                (at, rel.saturating_sub(eol))
            }
            None => {
                sparse::note(bytes, start..bytes.len());
                (bytes.len(), bytes.len().saturating_sub(start))
            }
        },
    };
    // veraPDF's real length: up to `endstream`, less the EOL before it.
    let approximate = keyword_at.saturating_sub(start);
    let expected = length.unwrap_or(0);
    let (first, second) = (
        keyword_at.checked_sub(2).and_then(|i| bytes.get(i)).copied(),
        keyword_at.checked_sub(1).and_then(|i| bytes.get(i)).copied(),
    );
    let mut endstream_ok = true;
    let eol_count = match (first, second) {
        (Some(b'\r'), Some(b'\n')) => {
            if approximate.saturating_sub(expected) > 1 {
                2
            } else {
                1
            }
        }
        (_, Some(b'\n' | b'\r')) => 1,
        _ => {
            endstream_ok = false;
            0
        }
    };
    let real = approximate.saturating_sub(eol_count);
    if !keyword_ok || !endstream_ok {
        let mut what = Vec::new();
        if !keyword_ok {
            what.push("stream is not followed by CR LF or LF");
        }
        if !endstream_ok {
            what.push("endstream is not preceded by an EOL");
        }
        issues.push(Issue { rule: "6.1.7-2", detail: what.join("; ") });
    }
    if length != Some(real) {
        let written = length.map_or_else(|| "missing".to_owned(), |l| l.to_string());
        issues.push(Issue { rule: "6.1.7-1", detail: format!("Length {written}, real length {real}") });
    }
    let end = if keyword_at < bytes.len() { keyword_at + 9 } else { bytes.len() };
    (Stream { dict, start, len: data_len.min(bytes.len().saturating_sub(start)) }, end)
}

fn indirect_length(
    bytes: &[u8],
    id: ObjId,
    limits: &Limits,
    locations: &BTreeMap<u32, (u16, Location)>,
) -> Option<usize> {
    let &(gen, Location::File(at)) = locations.get(&id.num)? else { return None };
    if gen != id.gen {
        return None;
    }
    let mut lexer = Lexer::new(bytes, at);
    lexer.record = false;
    let _ = limits;
    match (lexer.next_token(), lexer.next_token(), lexer.next_token(), lexer.next_token()) {
        (Some(Token::Int(_)), Some(Token::Int(_)), Some(Token::Keyword(k)), Some(Token::Int(l))) if k == b"obj" => {
            usize::try_from(l).ok()
        }
        _ => None,
    }
}

/// The raw (still encoded) bytes of a stream.
pub fn raw_data<'a>(bytes: &'a [u8], stream: &Stream) -> &'a [u8] {
    sparse::note(bytes, stream.start..stream.start.saturating_add(stream.len));
    bytes.get(stream.start..stream.start.saturating_add(stream.len).min(bytes.len())).unwrap_or_default()
}

/// The decoded bytes of a stream.
///
/// # Errors
/// As [`filter::decode`].
pub fn stream_data(bytes: &[u8], stream: &Stream, inflation: &mut Inflation) -> Result<Vec<u8>, DecodeError> {
    filter::decode(raw_data(bytes, stream), &filter::filters(&stream.dict, false), inflation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header() {
        let h = header(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").unwrap();
        assert_eq!(h.version, "1.4");
        assert_eq!(h.comment, [0xe2, 0xe3, 0xcf, 0xd3]);
        assert_eq!(header(b"junk%PDF-1.7\n").unwrap().offset, 4);
        assert_eq!(header(b"%PDF-1.4\r\n%ab\n").unwrap().comment, [0; 4]);
        assert!(header(b"hello").is_none());
        assert!(header(b"%PDF-\n").is_none());
        assert!(header(b"").is_none());
    }

    #[test]
    fn finds_eof() {
        assert!(has_eof(b"%PDF-1.4\n...%%EOF\n"));
        assert!(!has_eof(b"%PDF-1.4\n..."));
        assert_eq!(post_eof_size(b"x%%EOF\r\n"), Some(0));
        assert_eq!(post_eof_size(b"x%%EOF\n\n"), Some(1));
        assert_eq!(post_eof_size(b"x%%EOF"), Some(0));
        assert_eq!(post_eof_size(b"x%%EOF  junk"), Some(6));
    }

    fn build(objects: &[&str], xref_sep: &str) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::new();
        for o in objects {
            offsets.push(out.len());
            out.extend_from_slice(o.as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref{xref_sep}0 {}\n0000000000 65535 f\r\n", objects.len() + 1).as_bytes());
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
        );
        out
    }

    #[test]
    fn reads_a_small_file() {
        let bytes = build(
            &[
                "1 0 obj\n<< /Type /Catalog >>\nendobj\n",
                "2 0 obj\n<< /Length 5 >>\nstream\nabcde\nendstream\nendobj\n",
            ],
            "\n",
        );
        let file = read(&bytes, &Limits::default(), &mut Inflation::new(&Limits::default()));
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        assert_eq!(file.objects.len(), 2);
        let s = file.objects.get(&2).unwrap();
        assert!(s.issues.is_empty(), "{:?}", s.issues);
        let Object::Stream(st) = &s.object else { panic!() };
        assert_eq!(raw_data(&bytes, st), b"abcde");
        assert!(file.sections[0].xref_eol_ok);
        assert!(file.sections[0].subsection_spacing_ok);
    }

    #[test]
    fn records_stream_and_object_issues() {
        let bytes = build(
            &["1 0 obj\n<< /Type /Catalog >>\nendobj\n", "2  0 obj << /Length 7 >> stream\rabcde\nendstream endobj\n"],
            " \n",
        );
        let file = read(&bytes, &Limits::default(), &mut Inflation::new(&Limits::default()));
        let s = file.objects.get(&2).unwrap();
        let rules: Vec<_> = s.issues.iter().map(|i| i.rule).collect();
        assert_eq!(rules, ["6.1.7-2", "6.1.7-1", "6.1.8-1"], "{:?}", s.issues);
        assert!(!file.sections[0].xref_eol_ok);
    }

    #[test]
    fn rebuilds_without_xref() {
        let bytes = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n";
        let file = read(bytes, &Limits::default(), &mut Inflation::new(&Limits::default()));
        assert!(matches!(file.problems.first(), Some(Problem::Parse(_))));
        assert_eq!(file.trailer.get(b"Root"), Some(&Object::Ref(ObjId { num: 1, gen: 0 })));
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let limits = Limits::default();
        for bytes in [
            &b"%PDF-1.4\nstartxref\n99999999999999999999\n%%EOF"[..],
            b"%PDF-1.4\nxref\n0 99999999999\ntrailer<<>>startxref\n9\n%%EOF",
            b"%PDF-1.4\n1 0 obj<</Length 99999999999999>>stream\nendstream endobj startxref\n9\n%%EOF",
            b"%PDF-1.4\n1 0 obj[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[endobj",
            b"",
            b"%PDF",
        ] {
            let _ = read(bytes, &limits, &mut Inflation::new(&limits));
        }
    }
}
