//! A small BER/DER reader (X.690) that keeps every element's bytes as received.
//!
//! Three layers:
//! - [`read_header`]: one identifier and length, checked against the bytes that remain;
//! - [`Walker`]: an iterative, depth-bounded walk over one element and everything inside it (no
//!   recursion), used to find the end of indefinite-length elements, to validate a whole input
//!   and to normalise BER to DER (`input::to_der`);
//! - [`Reader`] and [`Tlv`]: what the CMS and certificate parsers use. A [`Tlv`] borrows its raw
//!   bytes (`raw`, header to end of contents, as received) and its contents; constructed strings
//!   (BER) are concatenated on demand, so nothing is re-encoded.
//!
//! Every offset in a finding is absolute in the buffer the top-level reader was made on.
//!
//! Cost: reading an indefinite-length element walks it to find its end-of-contents, and the
//! parser descends through at most about ten such levels (ContentInfo, SignedData, eContent,
//! ...), so the work is O(levels × headers), never more than a few passes over the input. A
//! 25 MB adversarial BER file of 5 million one-byte segments parses in 1.4 s at opt-level 2; a
//! CryptoPro file with 15 MB of attached content in 1000-byte segments in 50 ms unoptimised.

use std::borrow::Cow;

use const_oid::ObjectIdentifier;

use crate::error::{Code, Finding};
use crate::time::Time;

/// The class of a tag (X.690 §8.1.2.2).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Class {
    /// Universal.
    Universal,
    /// Application.
    Application,
    /// Context-specific (`[n]`).
    Context,
    /// Private.
    Private,
}

/// An identifier: class, constructed bit and tag number.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Tag {
    pub(crate) class: Class,
    pub(crate) constructed: bool,
    pub(crate) number: u32,
}

/// Universal tag numbers (X.680 §8.6).
pub(crate) mod universal {
    pub(crate) const BOOLEAN: u32 = 1;
    pub(crate) const INTEGER: u32 = 2;
    pub(crate) const BIT_STRING: u32 = 3;
    pub(crate) const OCTET_STRING: u32 = 4;
    pub(crate) const OID: u32 = 6;
    pub(crate) const UTF8_STRING: u32 = 12;
    pub(crate) const SEQUENCE: u32 = 16;
    pub(crate) const SET: u32 = 17;
    pub(crate) const NUMERIC_STRING: u32 = 18;
    pub(crate) const PRINTABLE_STRING: u32 = 19;
    pub(crate) const TELETEX_STRING: u32 = 20;
    pub(crate) const VIDEOTEX_STRING: u32 = 21;
    pub(crate) const IA5_STRING: u32 = 22;
    pub(crate) const UTC_TIME: u32 = 23;
    pub(crate) const GENERALIZED_TIME: u32 = 24;
    pub(crate) const GRAPHIC_STRING: u32 = 25;
    pub(crate) const VISIBLE_STRING: u32 = 26;
    pub(crate) const GENERAL_STRING: u32 = 27;
    pub(crate) const UNIVERSAL_STRING: u32 = 28;
    pub(crate) const BMP_STRING: u32 = 30;
}

impl Tag {
    /// A universal tag.
    pub(crate) const fn universal(number: u32, constructed: bool) -> Tag {
        Tag { class: Class::Universal, constructed, number }
    }

    /// Whether BER allows this universal type to be sent in constructed segments (X.690 §8.21):
    /// the string types, whose DER form is always primitive.
    pub(crate) fn is_string_type(self) -> bool {
        use universal::*;
        self.class == Class::Universal
            && matches!(
                self.number,
                BIT_STRING
                    | OCTET_STRING
                    | UTF8_STRING
                    | NUMERIC_STRING
                    | PRINTABLE_STRING
                    | TELETEX_STRING
                    | VIDEOTEX_STRING
                    | IA5_STRING
                    | UTC_TIME
                    | GENERALIZED_TIME
                    | GRAPHIC_STRING
                    | VISIBLE_STRING
                    | GENERAL_STRING
                    | UNIVERSAL_STRING
                    | BMP_STRING
            )
    }

    fn is_eoc(self) -> bool {
        self.class == Class::Universal && self.number == 0
    }
}

/// A `CMS_MALFORMED` finding at an absolute offset.
pub(crate) fn malformed(offset: usize, detail: &str) -> Finding {
    Finding::new(Code::CmsMalformed).arg("offset", offset).arg("detail", detail)
}

/// A `CMS_TRUNCATED` finding at an absolute offset.
pub(crate) fn truncated(offset: usize) -> Finding {
    Finding::new(Code::CmsTruncated).arg("offset", offset)
}

fn too_deep(offset: usize, limit: usize) -> Finding {
    Finding::new(Code::LimitCmsNesting).arg("limit", limit).arg("offset", offset)
}

/// Where a buffer sits: the absolute offset of its first byte, and whether its end is the end of
/// what was received (then running past it is truncation, else a malformed length).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx {
    pub(crate) base: usize,
    pub(crate) truncatable: bool,
}

impl Ctx {
    fn at(self, pos: usize) -> usize {
        self.base.saturating_add(pos)
    }
}

/// One identifier and length.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Header {
    pub(crate) tag: Tag,
    /// Bytes of the identifier.
    pub(crate) tag_len: usize,
    /// Bytes of identifier and length together.
    pub(crate) header_len: usize,
    /// The content length; `None` for the indefinite form.
    pub(crate) len: Option<usize>,
    /// The length uses the shortest form (DER, X.690 §10.1).
    pub(crate) minimal: bool,
}

/// Reads the header at `pos`; a definite length must fit before `limit` (`limit <= data.len()`).
/// Running past `limit` is truncation when `truncation` says the limit is the end of what was
/// received (no definite-length element encloses this one), else a malformed length.
pub(crate) fn read_header(
    data: &[u8],
    pos: usize,
    limit: usize,
    ctx: Ctx,
    truncation: bool,
) -> Result<Header, Finding> {
    let overrun = |at: usize| {
        if truncation && ctx.truncatable {
            truncated(ctx.at(at))
        } else {
            malformed(ctx.at(at), "element overruns its enclosing element")
        }
    };
    let byte = |at: usize| -> Result<u8, Finding> {
        if at >= limit {
            return Err(overrun(at));
        }
        data.get(at).copied().ok_or_else(|| overrun(at))
    };
    let first = byte(pos)?;
    let class = match first >> 6 {
        0 => Class::Universal,
        1 => Class::Application,
        2 => Class::Context,
        _ => Class::Private,
    };
    let constructed = first & 0x20 != 0;
    let mut number = u32::from(first & 0x1f);
    let mut p = pos.checked_add(1).ok_or_else(|| overrun(pos))?;
    if number == 0x1f {
        number = 0;
        let mut count = 0;
        loop {
            let b = byte(p)?;
            if count == 0 && b == 0x80 {
                return Err(malformed(ctx.at(p), "tag number with a leading zero"));
            }
            count += 1;
            if count > 4 {
                return Err(malformed(ctx.at(p), "tag number too large"));
            }
            number = (number << 7) | u32::from(b & 0x7f);
            p = p.checked_add(1).ok_or_else(|| overrun(p))?;
            if b & 0x80 == 0 {
                break;
            }
        }
    }
    let tag = Tag { class, constructed, number };
    let tag_len = p.saturating_sub(pos);
    let l0 = byte(p)?;
    p = p.checked_add(1).ok_or_else(|| overrun(p))?;
    let (len, minimal) = if l0 < 0x80 {
        (Some(usize::from(l0)), true)
    } else if l0 == 0x80 {
        if !constructed {
            return Err(malformed(ctx.at(pos), "indefinite length on a primitive element"));
        }
        (None, false)
    } else if l0 == 0xff {
        return Err(malformed(ctx.at(p.saturating_sub(1)), "reserved length octet 0xFF"));
    } else {
        let n = usize::from(l0 & 0x7f);
        if n > 8 {
            return Err(malformed(ctx.at(p.saturating_sub(1)), "length of more than 8 octets"));
        }
        let mut value: u64 = 0;
        let mut leading_zero = false;
        for i in 0..n {
            let b = byte(p)?;
            if i == 0 && b == 0 {
                leading_zero = true;
            }
            value = (value << 8) | u64::from(b);
            p = p.checked_add(1).ok_or_else(|| overrun(p))?;
        }
        let minimal = !leading_zero && value >= 0x80;
        let remaining = u64::try_from(limit.saturating_sub(p)).unwrap_or(u64::MAX);
        if value > remaining {
            return Err(overrun(limit));
        }
        // `value <= remaining`, which is a usize.
        (Some(usize::try_from(value).map_err(|_| overrun(limit))?), minimal)
    };
    if let Some(len) = len {
        let end = p.checked_add(len).ok_or_else(|| overrun(limit))?;
        if end > limit {
            return Err(overrun(limit));
        }
    }
    if tag.is_eoc() && (constructed || len != Some(0)) {
        return Err(malformed(ctx.at(pos), "tag number 0 used outside an end-of-contents marker"));
    }
    Ok(Header { tag, tag_len, header_len: p.saturating_sub(pos), len, minimal })
}

/// One step of a [`Walker`].
#[derive(Clone, Copy, Debug)]
pub(crate) enum Event<'a> {
    /// A constructed element starts; its children follow, then a `Close`.
    Open { tag: Tag, tag_bytes: &'a [u8], offset: usize },
    /// A primitive element.
    Primitive { tag: Tag, tag_bytes: &'a [u8], content: &'a [u8], offset: usize },
    /// The innermost open constructed element ends.
    Close,
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    /// The end of a definite-length element; `None` for indefinite.
    end: Option<usize>,
    /// The nearest definite end at or above this frame (or the buffer's end).
    limit: usize,
    /// This frame or one above it has a definite length.
    bounded: bool,
    /// Where the element starts, for messages.
    start: usize,
}

/// An iterative walk over ONE element (and all it contains) at the start of a buffer.
/// Nesting deeper than `max_depth` constructed elements is `LIMIT_CMS_NESTING`.
pub(crate) struct Walker<'a> {
    data: &'a [u8],
    ctx: Ctx,
    pos: usize,
    stack: Vec<Frame>,
    max_depth: usize,
    started: bool,
    done: bool,
    /// Some BER-only feature was seen: an indefinite length, a non-minimal length or a
    /// constructed string.
    pub(crate) ber: bool,
}

impl<'a> Walker<'a> {
    pub(crate) fn new(data: &'a [u8], ctx: Ctx, max_depth: usize) -> Self {
        Walker { data, ctx, pos: 0, stack: Vec::new(), max_depth, started: false, done: false, ber: false }
    }

    /// The position after the last event (the element's end once the walk is over).
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// The next event, `None` after the element's end.
    pub(crate) fn next_event(&mut self) -> Result<Option<Event<'a>>, Finding> {
        if self.done {
            return Ok(None);
        }
        match self.stack.last() {
            Some(top) if top.end == Some(self.pos) => {
                self.stack.pop();
                self.done = self.stack.is_empty();
                return Ok(Some(Event::Close));
            }
            None if self.started => {
                self.done = true;
                return Ok(None);
            }
            _ => {}
        }
        let limit = self.stack.last().map_or(self.data.len(), |f| f.limit);
        let bounded = self.stack.last().is_some_and(|f| f.bounded);
        if self.pos >= limit {
            // Only an indefinite element can be open here (a definite one closed above).
            let start = self.stack.last().map_or(self.pos, |f| f.start);
            return Err(if !bounded && self.ctx.truncatable {
                truncated(self.ctx.at(self.pos))
            } else {
                Finding::new(Code::CmsBerUnterminated).arg("offset", self.ctx.at(start))
            });
        }
        let h = read_header(self.data, self.pos, limit, self.ctx, !bounded)?;
        self.started = true;
        let offset = self.ctx.at(self.pos);
        let tag_end = self.pos.checked_add(h.tag_len).ok_or_else(|| malformed(offset, "offset overflow"))?;
        let tag_bytes = self.data.get(self.pos..tag_end).unwrap_or_default();
        let content_start = self.pos.checked_add(h.header_len).ok_or_else(|| malformed(offset, "offset overflow"))?;
        if h.tag.is_eoc() {
            return match self.stack.last() {
                Some(f) if f.end.is_none() => {
                    self.pos = content_start;
                    self.stack.pop();
                    self.done = self.stack.is_empty();
                    Ok(Some(Event::Close))
                }
                _ => Err(malformed(offset, "end-of-contents outside an indefinite-length element")),
            };
        }
        if !h.minimal {
            self.ber = true;
        }
        if h.tag.constructed {
            if self.stack.len() >= self.max_depth {
                return Err(too_deep(offset, self.max_depth));
            }
            if h.tag.is_string_type() {
                self.ber = true;
            }
            let end = match h.len {
                Some(len) => Some(content_start.checked_add(len).ok_or_else(|| malformed(offset, "offset overflow"))?),
                None => None,
            };
            self.stack.push(Frame {
                end,
                limit: end.unwrap_or(limit),
                bounded: bounded || end.is_some(),
                start: self.pos,
            });
            self.pos = content_start;
            Ok(Some(Event::Open { tag: h.tag, tag_bytes, offset }))
        } else {
            let len = h.len.unwrap_or(0);
            let end = content_start.checked_add(len).ok_or_else(|| malformed(offset, "offset overflow"))?;
            let content = self.data.get(content_start..end).ok_or_else(|| truncated(self.ctx.at(end)))?;
            self.pos = end;
            Ok(Some(Event::Primitive { tag: h.tag, tag_bytes, content, offset }))
        }
    }
}

/// Walks the element at the start of `data` to its end: its length and whether it used BER.
pub(crate) fn scan(data: &[u8], ctx: Ctx, max_depth: usize) -> Result<(usize, bool), Finding> {
    let mut walker = Walker::new(data, ctx, max_depth);
    while walker.next_event()?.is_some() {}
    Ok((walker.position(), walker.ber))
}

/// One element read by a [`Reader`], borrowing the buffer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    pub(crate) tag: Tag,
    /// The whole element as received: identifier, length, contents (and end-of-contents).
    pub(crate) raw: &'a [u8],
    /// The contents (for the indefinite form, without the end-of-contents octets).
    pub(crate) content: &'a [u8],
    /// Absolute offset of `raw`.
    pub(crate) offset: usize,
    /// Absolute offset of `content`.
    pub(crate) content_offset: usize,
    /// How many more constructed levels may be opened below this one.
    pub(crate) depth_left: usize,
}

/// Reads consecutive elements from a buffer (the contents of some constructed element).
#[derive(Clone, Debug)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    ctx: Ctx,
    depth_left: usize,
}

impl<'a> Reader<'a> {
    /// A reader over a whole received buffer.
    pub(crate) fn new(data: &'a [u8], max_depth: usize) -> Self {
        Reader { data, pos: 0, ctx: Ctx { base: 0, truncatable: true }, depth_left: max_depth }
    }

    /// A reader over a buffer that is part of something else (an extension value, an attribute
    /// value copied out): running past its end is malformed, not truncated.
    pub(crate) fn nested(data: &'a [u8], base: usize, max_depth: usize) -> Self {
        Reader { data, pos: 0, ctx: Ctx { base, truncatable: false }, depth_left: max_depth }
    }

    /// No element left.
    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }

    /// Absolute offset of the next element.
    pub(crate) fn offset(&self) -> usize {
        self.ctx.at(self.pos)
    }

    /// The tag of the next element, if there is one and its identifier reads.
    pub(crate) fn peek_tag(&self) -> Option<Tag> {
        read_header(self.data, self.pos, self.data.len(), self.ctx, true).ok().map(|h| h.tag)
    }

    /// Reads the next element.
    pub(crate) fn read(&mut self) -> Result<Tlv<'a>, Finding> {
        let offset = self.ctx.at(self.pos);
        if self.is_empty() {
            return Err(malformed(offset, "an element is missing"));
        }
        let h = read_header(self.data, self.pos, self.data.len(), self.ctx, true)?;
        if h.tag.is_eoc() {
            return Err(malformed(offset, "unexpected end-of-contents"));
        }
        let content_start = self.pos.checked_add(h.header_len).ok_or_else(|| malformed(offset, "offset overflow"))?;
        let (end, content_end) = match h.len {
            Some(len) => {
                let end = content_start.checked_add(len).ok_or_else(|| malformed(offset, "offset overflow"))?;
                (end, end)
            }
            None => {
                let rest = self.data.get(self.pos..).unwrap_or_default();
                let ctx = Ctx { base: offset, truncatable: self.ctx.truncatable };
                let (len, _) = scan(rest, ctx, self.depth_left)?;
                let end = self.pos.checked_add(len).ok_or_else(|| malformed(offset, "offset overflow"))?;
                (end, end.checked_sub(2).ok_or_else(|| malformed(offset, "missing end-of-contents"))?)
            }
        };
        let raw = self.data.get(self.pos..end).ok_or_else(|| truncated(self.ctx.at(end)))?;
        let content = self.data.get(content_start..content_end).ok_or_else(|| malformed(offset, "bad length"))?;
        self.pos = end;
        Ok(Tlv {
            tag: h.tag,
            raw,
            content,
            offset,
            content_offset: self.ctx.at(content_start),
            depth_left: self.depth_left,
        })
    }

    /// Reads the next element if it has this class and number (either form).
    pub(crate) fn read_if(&mut self, class: Class, number: u32) -> Result<Option<Tlv<'a>>, Finding> {
        match self.peek_tag() {
            Some(tag) if tag.class == class && tag.number == number => self.read().map(Some),
            _ => Ok(None),
        }
    }

    /// Reads the next element and checks it is a universal constructed SEQUENCE.
    pub(crate) fn sequence(&mut self, what: &str) -> Result<Tlv<'a>, Finding> {
        self.read()?.expect(Tag::universal(universal::SEQUENCE, true), what)
    }

    /// Reads the next element and checks its tag.
    pub(crate) fn expect(&mut self, tag: Tag, what: &str) -> Result<Tlv<'a>, Finding> {
        self.read()?.expect(tag, what)
    }

    /// Fails when elements are left.
    pub(crate) fn finish(&self, what: &str) -> Result<(), Finding> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(malformed(self.offset(), &format!("unexpected data at the end of {what}")))
        }
    }
}

impl<'a> Tlv<'a> {
    /// A finding at this element.
    pub(crate) fn malformed(&self, detail: &str) -> Finding {
        malformed(self.offset, detail)
    }

    /// Whether this element has this class and number (either form).
    pub(crate) fn is(&self, class: Class, number: u32) -> bool {
        self.tag.class == class && self.tag.number == number
    }

    /// Checks the tag exactly (for a string type, the constructed form is accepted too).
    pub(crate) fn expect(self, tag: Tag, what: &str) -> Result<Self, Finding> {
        let same = self.tag == tag
            || (self.tag.class == tag.class
                && self.tag.number == tag.number
                && !tag.constructed
                && (tag.is_string_type() || tag.class != Class::Universal));
        if same {
            Ok(self)
        } else {
            Err(self.malformed(&format!("expected {what}")))
        }
    }

    /// A reader over the contents of this constructed element.
    pub(crate) fn reader(&self) -> Result<Reader<'a>, Finding> {
        if !self.tag.constructed {
            return Err(self.malformed("expected a constructed element"));
        }
        let depth_left = self.depth_left.checked_sub(1).ok_or_else(|| too_deep(self.offset, self.depth_left))?;
        Ok(Reader {
            data: self.content,
            pos: 0,
            ctx: Ctx { base: self.content_offset, truncatable: false },
            depth_left,
        })
    }

    /// The contents of a string type, with BER constructed segments concatenated (X.690 §8.21.6,
    /// §8.7.3). Segments must carry the universal tag `segment`.
    pub(crate) fn string_bytes(&self, segment: u32) -> Result<Cow<'a, [u8]>, Finding> {
        if !self.tag.constructed {
            return Ok(Cow::Borrowed(self.content));
        }
        let ctx = Ctx { base: self.offset, truncatable: false };
        let mut walker = Walker::new(self.raw, ctx, self.depth_left);
        let mut out = Vec::with_capacity(self.content.len());
        let mut first = true;
        while let Some(event) = walker.next_event()? {
            match event {
                Event::Open { tag, offset, .. } => {
                    if !first && (tag.class != Class::Universal || tag.number != segment) {
                        return Err(malformed(offset, "a string segment has the wrong tag"));
                    }
                    first = false;
                }
                Event::Primitive { tag, content, offset, .. } => {
                    if tag.class != Class::Universal || tag.number != segment {
                        return Err(malformed(offset, "a string segment has the wrong tag"));
                    }
                    out.extend_from_slice(content);
                }
                Event::Close => {}
            }
        }
        Ok(Cow::Owned(out))
    }

    /// The contents of an OCTET STRING (universal or implicitly tagged), segments concatenated.
    pub(crate) fn octets(&self) -> Result<Cow<'a, [u8]>, Finding> {
        self.string_bytes(universal::OCTET_STRING)
    }

    /// A BIT STRING: the number of unused bits and the bytes (X.690 §8.6).
    pub(crate) fn bit_string(&self) -> Result<(u8, Vec<u8>), Finding> {
        if !self.tag.constructed {
            let (&unused, bits) = self.content.split_first().ok_or_else(|| self.malformed("empty BIT STRING"))?;
            if unused > 7 || (bits.is_empty() && unused != 0) {
                return Err(self.malformed("bad unused-bits count in a BIT STRING"));
            }
            return Ok((unused, bits.to_vec()));
        }
        let ctx = Ctx { base: self.offset, truncatable: false };
        let mut walker = Walker::new(self.raw, ctx, self.depth_left);
        let mut out = Vec::with_capacity(self.content.len());
        let mut last_unused = 0u8;
        let mut first = true;
        while let Some(event) = walker.next_event()? {
            match event {
                Event::Open { tag, offset, .. } => {
                    if !first && (tag.class != Class::Universal || tag.number != universal::BIT_STRING) {
                        return Err(malformed(offset, "a BIT STRING segment has the wrong tag"));
                    }
                    first = false;
                }
                Event::Primitive { tag, content, offset, .. } => {
                    if tag.class != Class::Universal || tag.number != universal::BIT_STRING {
                        return Err(malformed(offset, "a BIT STRING segment has the wrong tag"));
                    }
                    if last_unused != 0 {
                        return Err(malformed(offset, "unused bits before the last BIT STRING segment"));
                    }
                    let (&unused, bits) = content.split_first().ok_or_else(|| malformed(offset, "empty segment"))?;
                    if unused > 7 {
                        return Err(malformed(offset, "bad unused-bits count"));
                    }
                    last_unused = unused;
                    out.extend_from_slice(bits);
                }
                Event::Close => {}
            }
        }
        Ok((last_unused, out))
    }

    /// An OBJECT IDENTIFIER.
    pub(crate) fn oid(&self) -> Result<ObjectIdentifier, Finding> {
        if self.tag != Tag::universal(universal::OID, false) {
            return Err(self.malformed("expected an OBJECT IDENTIFIER"));
        }
        ObjectIdentifier::from_bytes(self.content).map_err(|_| self.malformed("bad OBJECT IDENTIFIER"))
    }

    /// The contents of an INTEGER (two's complement, big-endian), universal or implicitly tagged.
    pub(crate) fn integer(&self) -> Result<&'a [u8], Finding> {
        if self.tag.constructed || (self.tag.class == Class::Universal && self.tag.number != universal::INTEGER) {
            return Err(self.malformed("expected an INTEGER"));
        }
        if self.content.is_empty() {
            return Err(self.malformed("empty INTEGER"));
        }
        Ok(self.content)
    }

    /// A small INTEGER that fits in an i64.
    pub(crate) fn small_integer(&self) -> Result<i64, Finding> {
        let bytes = self.integer()?;
        if bytes.len() > 8 {
            return Err(self.malformed("INTEGER too large"));
        }
        let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
        let mut value: i64 = if negative { -1 } else { 0 };
        for &b in bytes {
            value = (value << 8) | i64::from(b);
        }
        Ok(value)
    }

    /// A version number: an INTEGER from 0 to 255; anything else is malformed with `what`.
    pub(crate) fn version(&self, what: &str) -> Result<u8, Finding> {
        self.small_integer().ok().and_then(|v| u8::try_from(v).ok()).ok_or_else(|| self.malformed(what))
    }

    /// A BOOLEAN (any non-zero octet is true, as BER allows).
    pub(crate) fn boolean(&self) -> Result<bool, Finding> {
        if self.tag.constructed || self.content.len() != 1 {
            return Err(self.malformed("bad BOOLEAN"));
        }
        Ok(self.content.first().is_some_and(|b| *b != 0))
    }

    /// A UTCTime or GeneralizedTime (RFC 5280 §4.1.2.5).
    pub(crate) fn time(&self) -> Result<Time, Finding> {
        let parsed = if self.is(Class::Universal, universal::UTC_TIME) {
            parse_utc_time(&self.string_bytes(universal::UTC_TIME)?)
        } else if self.is(Class::Universal, universal::GENERALIZED_TIME) {
            parse_generalized_time(&self.string_bytes(universal::GENERALIZED_TIME)?)
        } else {
            return Err(self.malformed("expected a UTCTime or GeneralizedTime"));
        };
        parsed.ok_or_else(|| self.malformed("bad time value"))
    }

    /// The text of a universal string type; `None` for other types.
    pub(crate) fn text(&self) -> Result<Option<String>, Finding> {
        use universal::*;
        if self.tag.class != Class::Universal {
            return Ok(None);
        }
        let n = self.tag.number;
        let text = match n {
            UTF8_STRING => String::from_utf8_lossy(&self.string_bytes(n)?).into_owned(),
            NUMERIC_STRING | PRINTABLE_STRING | IA5_STRING | VISIBLE_STRING | GRAPHIC_STRING | GENERAL_STRING
            | TELETEX_STRING | VIDEOTEX_STRING => latin1(&self.string_bytes(n)?),
            BMP_STRING => utf16be(&self.string_bytes(n)?),
            UNIVERSAL_STRING => utf32be(&self.string_bytes(n)?),
            _ => return Ok(None),
        };
        Ok(Some(text))
    }
}

/// Latin-1 (ISO 8859-1) bytes as text; ASCII is a subset. TeletexString is read this way, as
/// most software does (RFC 5280 §4.1.2.4 discourages it).
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// BMPString: UTF-16 big-endian; bad pairs become U+FFFD.
fn utf16be(bytes: &[u8]) -> String {
    let units = bytes.chunks(2).map(|c| match c {
        [hi, lo] => u16::from_be_bytes([*hi, *lo]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

/// UniversalString: UTF-32 big-endian; bad code points become U+FFFD.
fn utf32be(bytes: &[u8]) -> String {
    bytes
        .chunks(4)
        .map(|c| match c {
            [a, b, c, d] => char::from_u32(u32::from_be_bytes([*a, *b, *c, *d])).unwrap_or(char::REPLACEMENT_CHARACTER),
            _ => char::REPLACEMENT_CHARACTER,
        })
        .collect()
}

fn two_digits(bytes: &[u8], at: usize) -> Option<u32> {
    let hi = bytes.get(at).filter(|b| b.is_ascii_digit())?;
    let lo = bytes.get(at.checked_add(1)?).filter(|b| b.is_ascii_digit())?;
    Some(u32::from(hi - b'0') * 10 + u32::from(lo - b'0'))
}

/// Parses the zone at the end of a time: `Z`, `+hhmm`, `-hhmm`, or nothing (taken as UTC).
/// Returns the offset east of UTC in seconds.
fn zone(rest: &[u8]) -> Option<i64> {
    match rest {
        [] | [b'Z'] => Some(0),
        [sign @ (b'+' | b'-'), ..] if rest.len() == 5 => {
            let h = two_digits(rest, 1)?;
            let m = two_digits(rest, 3)?;
            if h > 23 || m > 59 {
                return None;
            }
            let secs = i64::from(h * 3600 + m * 60);
            Some(if *sign == b'+' { secs } else { -secs })
        }
        _ => None,
    }
}

/// UTCTime `YYMMDDhhmm[ss](Z|±hhmm)`; years 50..99 are 19xx (RFC 5280 §4.1.2.5.1).
pub(crate) fn parse_utc_time(bytes: &[u8]) -> Option<Time> {
    let yy = two_digits(bytes, 0)?;
    let year = if yy >= 50 { 1900 + i64::from(yy) } else { 2000 + i64::from(yy) };
    let month = two_digits(bytes, 2)?;
    let day = two_digits(bytes, 4)?;
    let hour = two_digits(bytes, 6)?;
    let minute = two_digits(bytes, 8)?;
    let (second, rest) = match two_digits(bytes, 10) {
        Some(s) => (s, bytes.get(12..)?),
        None => (0, bytes.get(10..)?),
    };
    let offset = zone(rest)?;
    let local = Time::from_civil(year, month, day, hour, minute, second)?;
    Some(Time(local.0.checked_sub(offset)?))
}

/// GeneralizedTime `YYYYMMDDhh[mm[ss]][.fff](Z|±hhmm|)` (X.680 §46); fractions are dropped.
pub(crate) fn parse_generalized_time(bytes: &[u8]) -> Option<Time> {
    let year = i64::from(two_digits(bytes, 0)? * 100 + two_digits(bytes, 2)?);
    let month = two_digits(bytes, 4)?;
    let day = two_digits(bytes, 6)?;
    let hour = two_digits(bytes, 8)?;
    let mut at = 10;
    let mut minute = 0;
    let mut second = 0;
    if let Some(m) = two_digits(bytes, at) {
        minute = m;
        at += 2;
        if let Some(s) = two_digits(bytes, at) {
            second = s;
            at += 2;
        }
    }
    let mut rest = bytes.get(at..)?;
    if let [b'.' | b',', tail @ ..] = rest {
        let digits = tail.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = tail.get(digits..)?;
    }
    let offset = zone(rest)?;
    let local = Time::from_civil(year, month, day, hour, minute, second)?;
    Some(Time(local.0.checked_sub(offset)?))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn ctx() -> Ctx {
        Ctx { base: 0, truncatable: true }
    }

    #[test]
    fn scans_definite_and_indefinite() {
        let der = [0x30, 0x03, 0x02, 0x01, 0x05];
        assert_eq!(scan(&der, ctx(), 10).unwrap(), (5, false));
        let ber = [0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00, 0xff];
        assert_eq!(scan(&ber, ctx(), 10).unwrap(), (7, true));
        let long = [0x04, 0x81, 0x01, 0xaa];
        assert_eq!(scan(&long, ctx(), 10).unwrap(), (4, true));
    }

    #[test]
    fn errors_are_coded() {
        let cases: [(&[u8], Code); 7] = [
            (&[0x30, 0x05, 0x02, 0x01], Code::CmsTruncated),
            (&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff], Code::CmsTruncated),
            (&[0x30, 0x80, 0x02, 0x01, 0x05], Code::CmsTruncated),
            (&[0x30, 0x03, 0x30, 0x80, 0x05], Code::CmsMalformed),
            (&[0x30, 0x04, 0x30, 0x80, 0x05, 0x00], Code::CmsBerUnterminated),
            (&[0x02, 0x80, 0x00, 0x00], Code::CmsMalformed),
            (&[0x30, 0x02, 0x00, 0x00], Code::CmsMalformed),
        ];
        for (bytes, code) in cases {
            assert_eq!(scan(bytes, ctx(), 10).unwrap_err().code, code, "{bytes:02x?}");
        }
        let deep: Vec<u8> = std::iter::repeat_n([0x30, 0x80], 1000).flatten().collect();
        assert_eq!(scan(&deep, ctx(), 100).unwrap_err().code, Code::LimitCmsNesting);
    }

    #[test]
    fn reader_concatenates_segments() {
        // [0] { OCTET STRING (constructed, indefinite) { "ab", "c" } }
        let data = [0xa0, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0x00, 0x00, 0x00, 0x00];
        let mut r = Reader::new(&data, 10);
        let outer = r.read().unwrap();
        assert_eq!(outer.content.len(), data.len() - 4);
        assert_eq!(outer.raw.len(), data.len());
        let inner = outer.reader().unwrap().read().unwrap();
        assert_eq!(&*inner.octets().unwrap(), b"abc");
        assert!(r.is_empty());
    }

    #[test]
    fn times() {
        assert_eq!(parse_utc_time(b"261124092304Z").unwrap().to_string(), "2026-11-24T09:23:04Z");
        assert_eq!(parse_utc_time(b"991231235959Z").unwrap().to_string(), "1999-12-31T23:59:59Z");
        assert_eq!(parse_utc_time(b"2611240923+0300").unwrap().to_string(), "2026-11-24T06:23:00Z");
        assert_eq!(parse_generalized_time(b"20261124092304.123Z").unwrap().to_string(), "2026-11-24T09:23:04Z");
        assert_eq!(parse_generalized_time(b"20500101000000Z").unwrap().to_string(), "2050-01-01T00:00:00Z");
        assert!(parse_utc_time(b"2613").is_none());
        assert!(parse_generalized_time(b"20261324092304Z").is_none());
    }

    #[test]
    fn strings() {
        assert_eq!(utf16be(&[0x04, 0x10, 0x00, 0x41]), "АA");
        assert_eq!(utf32be(&[0, 0, 0x04, 0x10]), "А");
        assert_eq!(latin1(&[0x41, 0xe9]), "Aé");
    }
}
