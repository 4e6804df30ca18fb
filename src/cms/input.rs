//! The signature file as received: sniff its encoding, whatever its extension, and decode it to
//! binary ASN.1 (DER or BER); normalise BER to DER when someone needs DER.
//!
//! What Russian signing tools write:
//! - CryptoPro CSP and ViPNet: BER with indefinite lengths on the outer containers
//!   (`30 80 06 09 ... A0 80 30 80 02 01 01 ...`), sometimes the attached eContent in chunks
//!   (a constructed OCTET STRING);
//! - OpenSSL, Bouncy Castle, most web services: DER;
//! - CryptoPro's «Base64» export and many portals: PEM (`-----BEGIN CMS-----`, `PKCS7`,
//!   `SIGNATURE`, ...) or bare base64 with LF or CRLF line breaks.
//!
//! The CMS parser reads BER directly (see `ber.rs`) and keeps signed bytes exactly as received;
//! [`to_der`] is the normalisation for callers that want DER.

use std::borrow::Cow;

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;

use crate::cms::ber::{self, Ctx, Event, Tag, Walker};
use crate::error::{Code, Finding};
use crate::limits::Limits;

/// How the signature file was encoded.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Hash)]
pub enum Encoding {
    /// Binary DER: definite, minimal lengths and primitive strings throughout.
    Der,
    /// Binary BER: indefinite lengths, non-minimal lengths or constructed strings somewhere.
    Ber,
    /// PEM armour (`-----BEGIN CMS-----`, `PKCS7`, `SIGNATURE`, ...), whatever is inside.
    Pem,
    /// Bare base64 without a header, whatever is inside.
    Base64,
}

impl Encoding {
    /// The report's name: `"der"`, `"ber"`, `"pem"` or `"base64"`.
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::Der => "der",
            Encoding::Ber => "ber",
            Encoding::Pem => "pem",
            Encoding::Base64 => "base64",
        }
    }
}

/// A signature file decoded to binary ASN.1.
#[derive(Clone, Debug)]
pub struct Decoded<'a> {
    /// The outer encoding (PEM or base64 win over what is inside).
    pub encoding: Encoding,
    /// The binary ASN.1 element, as received (after PEM/base64 decoding), without trailing bytes.
    pub bytes: Cow<'a, [u8]>,
    /// The binary uses BER features (also when wrapped in PEM or base64).
    pub ber: bool,
    /// `CMS_TRAILING_DATA` when bytes other than whitespace or NUL follow the element.
    pub trailing: Option<Finding>,
}

/// The PDF header looked for in the first bytes (ISO 32000-1 §7.5.2; readers accept it within
/// the first 1024 bytes).
const PDF_MAGIC: &[u8] = b"%PDF-";
const PDF_HEADER_WINDOW: usize = 1024;

/// Sniffs and decodes a signature file: DER, BER, PEM or bare base64.
///
/// # Errors
/// `INPUT_EMPTY` (the caller fills the `file` slot), `INPUT_TOO_LARGE`, `CMS_UNEXPECTED_PDF` for
/// a PDF, `CMS_UNKNOWN_ENCODING` for anything that is none of the four, and the structural codes
/// of the BER walk (`CMS_TRUNCATED`, `CMS_MALFORMED`, `CMS_BER_UNTERMINATED`,
/// `LIMIT_CMS_NESTING`).
pub fn decode<'a>(input: &'a [u8], limits: &Limits) -> Result<Decoded<'a>, Finding> {
    if input.is_empty() {
        return Err(Finding::new(Code::InputEmpty));
    }
    let size = u64::try_from(input.len()).unwrap_or(u64::MAX);
    if size > limits.max_input_bytes {
        return Err(Finding::new(Code::InputTooLarge).arg("size", size).arg("limit", limits.max_input_bytes));
    }
    let (encoding, bytes): (Option<Encoding>, Cow<'a, [u8]>) = if input.first() == Some(&0x30) {
        (None, Cow::Borrowed(input))
    } else {
        if looks_like_pdf(input) {
            return Err(Finding::new(Code::CmsUnexpectedPdf));
        }
        let (encoding, decoded) = decode_text(input);
        let decoded = decoded.ok_or_else(|| Finding::new(Code::CmsUnknownEncoding))?;
        if decoded.starts_with(PDF_MAGIC) {
            return Err(Finding::new(Code::CmsUnexpectedPdf));
        }
        if decoded.first() != Some(&0x30) {
            return Err(Finding::new(Code::CmsUnknownEncoding));
        }
        (Some(encoding), Cow::Owned(decoded))
    };
    let max_depth = usize::from(limits.max_nesting);
    let (end, ber) = match ber::scan(&bytes, Ctx { base: 0, truncatable: true }, max_depth) {
        Ok(found) => found,
        // Text that happens to start with '0' is not a broken DER file.
        Err(e) if encoding.is_none() && input.len() > 1 && is_text(input) && e.code != Code::LimitCmsNesting => {
            return Err(Finding::new(Code::CmsUnknownEncoding))
        }
        Err(e) => return Err(e),
    };
    let rest = bytes.get(end..).unwrap_or_default();
    let trailing = if rest.iter().all(|b| *b == 0 || b.is_ascii_whitespace()) {
        None
    } else {
        Some(Finding::new(Code::CmsTrailingData).arg("size", rest.len()).arg("offset", end))
    };
    let bytes = match bytes {
        Cow::Borrowed(b) => Cow::Borrowed(b.get(..end).unwrap_or(b)),
        Cow::Owned(mut v) => {
            v.truncate(end);
            Cow::Owned(v)
        }
    };
    let encoding = encoding.unwrap_or(if ber { Encoding::Ber } else { Encoding::Der });
    Ok(Decoded { encoding, bytes, ber, trailing })
}

/// The encoding of a signature file as far as it can be told, also when it does not parse (a
/// truncated DER file is still "der"): `None` for an empty file, a PDF, or something that is
/// none of the four encodings. A file that never reaches BER features before it breaks off is
/// taken as DER.
pub fn sniff(input: &[u8]) -> Option<Encoding> {
    if input.is_empty() {
        return None;
    }
    if input.first() == Some(&0x30) {
        let ctx = Ctx { base: 0, truncatable: true };
        let mut walker = Walker::new(input, ctx, usize::from(Limits::default().max_nesting));
        while let Ok(Some(_)) = walker.next_event() {}
        return Some(if walker.ber { Encoding::Ber } else { Encoding::Der });
    }
    if looks_like_pdf(input) {
        return None;
    }
    let (encoding, decoded) = decode_text(input);
    decoded.filter(|d| d.first() == Some(&0x30)).map(|_| encoding)
}

/// Normalises the one BER element in `input` to DER (X.690 §10): definite minimal lengths,
/// constructed strings joined into primitive ones. Two iterative passes over the input (the first
/// computes every constructed element's DER length, the second writes); memory is the output
/// plus one length per constructed element. Does not sort SET OF or fix BOOLEANs: it is for
/// parsing and comparison, never for recomputing signed bytes (those are hashed as received).
///
/// # Errors
/// The structural codes of the BER walk, `LIMIT_CMS_NESTING`, and `CMS_TRAILING_DATA` when
/// bytes follow the element.
pub fn to_der(input: &[u8], limits: &Limits) -> Result<Vec<u8>, Finding> {
    let max_depth = usize::from(limits.max_nesting);
    let ctx = Ctx { base: 0, truncatable: true };

    // Pass 1: DER content lengths of constructed elements in pre-order, and the unused-bits
    // octet of each constructed BIT STRING.
    let mut lens: Vec<usize> = Vec::new();
    let mut unused: Vec<u8> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<usize> = None; // stack index of the open StringRoot
    let mut total = 0usize;
    let overflow = || ber::malformed(0, "length overflow");
    let mut walker = Walker::new(input, ctx, max_depth);
    while let Some(event) = walker.next_event()? {
        match event {
            Event::Open { tag, tag_bytes, offset, .. } => {
                if let Some(r) = root {
                    check_segment(&stack, r, tag, offset)?;
                    stack.push(Frame::Segment);
                } else if tag.is_string_type() {
                    let bits = (tag.number == ber::universal::BIT_STRING).then_some(unused.len());
                    if bits.is_some() {
                        unused.push(0);
                    }
                    root = Some(stack.len());
                    stack.push(Frame::StringRoot {
                        index: lens.len(),
                        tag_len: tag_bytes.len(),
                        acc: 0,
                        number: tag.number,
                        bits,
                    });
                    lens.push(0);
                } else {
                    stack.push(Frame::Node { index: lens.len(), tag_len: tag_bytes.len(), acc: 0 });
                    lens.push(0);
                }
            }
            Event::Primitive { tag, tag_bytes, content, offset } => {
                if let Some(r) = root {
                    check_segment(&stack, r, tag, offset)?;
                    if let Some(Frame::StringRoot { acc, bits, .. }) = stack.get_mut(r) {
                        let add = match bits {
                            Some(i) => {
                                let (&u, rest) =
                                    content.split_first().ok_or_else(|| ber::malformed(offset, "empty segment"))?;
                                if let Some(slot) = unused.get_mut(*i) {
                                    *slot = u;
                                }
                                rest.len()
                            }
                            None => content.len(),
                        };
                        *acc = acc.checked_add(add).ok_or_else(overflow)?;
                    }
                } else {
                    let size = der_size(tag_bytes.len(), content.len()).ok_or_else(overflow)?;
                    add_to_parent(&mut stack, &mut total, size).ok_or_else(overflow)?;
                }
            }
            Event::Close => {
                let frame = stack.pop().ok_or_else(overflow)?;
                let (index, tag_len, content_len) = match frame {
                    Frame::Segment => continue,
                    Frame::Node { index, tag_len, acc } => (index, tag_len, acc),
                    Frame::StringRoot { index, tag_len, acc, bits, .. } => {
                        root = None;
                        (index, tag_len, if bits.is_some() { acc.checked_add(1).ok_or_else(overflow)? } else { acc })
                    }
                };
                if let Some(slot) = lens.get_mut(index) {
                    *slot = content_len;
                }
                let size = der_size(tag_len, content_len).ok_or_else(overflow)?;
                add_to_parent(&mut stack, &mut total, size).ok_or_else(overflow)?;
            }
        }
    }
    let end = walker.position();
    if end != input.len() {
        return Err(Finding::new(Code::CmsTrailingData)
            .arg("size", input.len().saturating_sub(end))
            .arg("offset", end));
    }

    // Pass 2: write.
    #[derive(Clone, Copy)]
    enum Out {
        Node,
        Str { bits: bool },
    }
    let mut out = Vec::with_capacity(total);
    let mut stack: Vec<Out> = Vec::new();
    let mut next_len = lens.iter();
    let mut next_unused = unused.iter();
    let mut walker = Walker::new(input, ctx, max_depth);
    while let Some(event) = walker.next_event()? {
        let in_string = stack.last().and_then(|o| match o {
            Out::Str { bits } => Some(*bits),
            Out::Node => None,
        });
        match event {
            Event::Open { tag, tag_bytes, .. } => {
                if let Some(bits) = in_string {
                    stack.push(Out::Str { bits });
                    continue;
                }
                let len = *next_len.next().ok_or_else(overflow)?;
                if tag.is_string_type() {
                    let (first, rest) = tag_bytes.split_first().ok_or_else(overflow)?;
                    out.push(first & !0x20);
                    out.extend_from_slice(rest);
                    push_len(&mut out, len);
                    let bits = tag.number == ber::universal::BIT_STRING;
                    if bits {
                        out.push(*next_unused.next().ok_or_else(overflow)?);
                    }
                    stack.push(Out::Str { bits });
                } else {
                    out.extend_from_slice(tag_bytes);
                    push_len(&mut out, len);
                    stack.push(Out::Node);
                }
            }
            Event::Primitive { tag_bytes, content, .. } => match in_string {
                Some(true) => out.extend_from_slice(content.get(1..).unwrap_or_default()),
                Some(false) => out.extend_from_slice(content),
                None => {
                    out.extend_from_slice(tag_bytes);
                    push_len(&mut out, content.len());
                    out.extend_from_slice(content);
                }
            },
            Event::Close => {
                stack.pop();
            }
        }
    }
    Ok(out)
}

/// A pass-1 frame of [`to_der`].
#[derive(Clone, Copy)]
enum Frame {
    /// A constructed element kept constructed.
    Node { index: usize, tag_len: usize, acc: usize },
    /// The outermost constructed segment of a string, written as one primitive string.
    StringRoot { index: usize, tag_len: usize, acc: usize, number: u32, bits: Option<usize> },
    /// A constructed segment inside a string root: transparent.
    Segment,
}

/// Segments of a constructed string carry the string's own universal tag (X.690 §8.21.6).
fn check_segment(stack: &[Frame], root: usize, tag: Tag, offset: usize) -> Result<(), Finding> {
    match stack.get(root) {
        Some(Frame::StringRoot { number, .. }) if tag.class == ber::Class::Universal && tag.number == *number => Ok(()),
        _ => Err(ber::malformed(offset, "a string segment has the wrong tag")),
    }
}

/// Bytes of a DER definite length.
fn len_size(len: usize) -> usize {
    if len < 0x80 {
        1
    } else {
        let bytes = usize::try_from(usize::BITS - len.leading_zeros()).unwrap_or(64).div_ceil(8);
        1 + bytes
    }
}

fn der_size(tag_len: usize, content_len: usize) -> Option<usize> {
    tag_len.checked_add(len_size(content_len))?.checked_add(content_len)
}

fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(u8::try_from(len).unwrap_or(0));
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.push(0x80 | u8::try_from(significant.len()).unwrap_or(0));
        out.extend_from_slice(significant);
    }
}

/// Adds a finished child's DER size to its parent (or to the total at the top).
fn add_to_parent(stack: &mut [Frame], total: &mut usize, size: usize) -> Option<()> {
    match stack.last_mut() {
        Some(Frame::Node { acc, .. } | Frame::StringRoot { acc, .. }) => *acc = acc.checked_add(size)?,
        Some(Frame::Segment) => {}
        None => *total = total.checked_add(size)?,
    }
    Some(())
}

/// PEM or bare base64 text, in UTF-8 (with or without a BOM) or in UTF-16 with a BOM (what
/// Windows PowerShell's `Out-File` writes): the encoding and the decoded bytes, if any.
fn decode_text(input: &[u8]) -> (Encoding, Option<Vec<u8>>) {
    let text: Cow<'_, [u8]> = match input {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => {
            Cow::Owned(rest.iter().copied().filter(|b| *b != 0).collect())
        }
        _ => Cow::Borrowed(input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input)),
    };
    match find(&text, b"-----BEGIN") {
        Some(at) => (Encoding::Pem, pem_body(text.get(at..).unwrap_or_default()).and_then(base64_decode)),
        None => (Encoding::Base64, base64_decode(&text)),
    }
}

fn looks_like_pdf(input: &[u8]) -> bool {
    let window = input.get(..PDF_HEADER_WINDOW.saturating_add(PDF_MAGIC.len())).unwrap_or(input);
    find(window, PDF_MAGIC).is_some()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn is_text(input: &[u8]) -> bool {
    input.iter().all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace())
}

/// The base64 body of the first PEM block (RFC 7468), header lines (`Name: value`, RFC 1421)
/// skipped. Without an END line, the rest of the file is taken.
fn pem_body(text: &[u8]) -> Option<&[u8]> {
    let after_begin = text.get(b"-----BEGIN".len()..)?;
    let label_end = find(after_begin, b"-----")?;
    let body_start = b"-----BEGIN".len().checked_add(label_end)?.checked_add(5)?;
    let body = text.get(body_start..)?;
    let body = match find(body, b"-----END") {
        Some(end) => body.get(..end)?,
        None => body,
    };
    Some(body)
}

/// Decodes base64 text: the standard or URL-safe alphabet, any whitespace (LF, CRLF, spaces,
/// tabs), padding optional. PEM header lines (with a colon) are skipped.
fn base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    let mut clean = Vec::with_capacity(text.len());
    for line in text.split(|b| *b == b'\n') {
        if line.contains(&b':') {
            continue;
        }
        clean.extend(line.iter().copied().filter(|b| !b.is_ascii_whitespace() && *b != 0));
    }
    if clean.is_empty() {
        return None;
    }
    let url_safe = clean.iter().any(|b| *b == b'-' || *b == b'_');
    let config = GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true);
    let engine = GeneralPurpose::new(if url_safe { &alphabet::URL_SAFE } else { &alphabet::STANDARD }, config);
    engine.decode(&clean).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits::default()
    }

    #[test]
    fn sniffs() {
        let der = [0x30, 0x03, 0x02, 0x01, 0x05];
        let d = decode(&der, &limits()).unwrap();
        assert_eq!(d.encoding, Encoding::Der);
        let ber = [0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00];
        assert_eq!(decode(&ber, &limits()).unwrap().encoding, Encoding::Ber);
        let pem = b"-----BEGIN PKCS7-----\r\nMIAC\r\nAQUAAA==\r\n-----END PKCS7-----\r\n";
        let d = decode(pem, &limits()).unwrap();
        assert_eq!((d.encoding, d.ber, &*d.bytes), (Encoding::Pem, true, &ber[..]));
        let b64 = b"MAMC AQU=\n";
        assert_eq!(decode(b64, &limits()).unwrap().encoding, Encoding::Base64);
        assert_eq!(decode(b"%PDF-1.4\n", &limits()).unwrap_err().code, Code::CmsUnexpectedPdf);
        assert_eq!(decode(b"JVBERi0xLjQK", &limits()).unwrap_err().code, Code::CmsUnexpectedPdf);
        assert_eq!(decode(b"hello, world", &limits()).unwrap_err().code, Code::CmsUnknownEncoding);
        assert_eq!(decode(b"0123 is text", &limits()).unwrap_err().code, Code::CmsUnknownEncoding);
        assert_eq!(decode(b"", &limits()).unwrap_err().code, Code::InputEmpty);
    }

    #[test]
    fn sniffs_broken_files() {
        assert_eq!(sniff(&[0x30, 0x82, 0x10, 0x00, 0x02, 0x01]), Some(Encoding::Der));
        assert_eq!(sniff(&[0x30, 0x80, 0x30, 0x80, 0x02]), Some(Encoding::Ber));
        assert_eq!(sniff(b"-----BEGIN CMS-----\nMIAG\n"), Some(Encoding::Pem));
        assert_eq!(sniff(b"MIAG"), Some(Encoding::Base64));
        assert_eq!(sniff(b"%PDF-1.4"), None);
        assert_eq!(sniff(b"garbage!"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn trailing_bytes() {
        let d = decode(&[0x30, 0x00, 0x00, b'\n'], &limits()).unwrap();
        assert!(d.trailing.is_none());
        assert_eq!(&*d.bytes, &[0x30, 0x00]);
        let d = decode(&[0x30, 0x00, 0x01], &limits()).unwrap();
        assert_eq!(d.trailing.unwrap().code, Code::CmsTrailingData);
    }

    #[test]
    fn normalises_ber() {
        // SEQUENCE (indefinite) { OCTET STRING (constructed) { "ab", "c" }, BIT STRING (constructed) }
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0x00, 0x00, 0x23, 0x08, 0x03, 0x02, 0x00,
            0xff, 0x03, 0x02, 0x04, 0xf0, 0x00, 0x00,
        ];
        let der = to_der(&ber, &limits()).unwrap();
        assert_eq!(der, [0x30, 0x0a, 0x04, 0x03, b'a', b'b', b'c', 0x03, 0x03, 0x04, 0xff, 0xf0]);
        let long = [0x04, 0x81, 0x01, 0xaa];
        assert_eq!(to_der(&long, &limits()).unwrap(), [0x04, 0x01, 0xaa]);
        let mut big = vec![0x30, 0x80, 0x04, 0x82, 0x01, 0x00];
        big.extend(std::iter::repeat_n(0x55, 256));
        big.extend([0x00, 0x00]);
        let der = to_der(&big, &limits()).unwrap();
        assert_eq!(der.get(..8), Some(&[0x30, 0x82, 0x01, 0x04, 0x04, 0x82, 0x01, 0x00][..]));
        assert_eq!(der.len(), 4 + 4 + 256);
    }
}
