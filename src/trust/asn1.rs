//! A minimal DER reader for the few structures `trust` reads itself: the CA certificates in the
//! trust list (serial, names, key identifier) and CRLs (RFC 5280 §5).
//!
//! It hands out slices of the input as received, so signed parts (a CRL's `tbsCertList`) can be
//! verified over the original bytes, as rustls-webpki's `untrusted::Input` does. Only definite
//! lengths and low tag numbers are accepted: X.509 and CRLs are DER (X.690 §10).

use crate::time::Time;

/// Universal tags and the context tags used here.
pub(crate) mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const OID: u8 = 0x06;
    pub const ENUMERATED: u8 = 0x0A;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
    pub const CONTEXT_0: u8 = 0xA0;
    pub const CONTEXT_3: u8 = 0xA3;
    /// `[0]` IMPLICIT primitive: the keyIdentifier of authorityKeyIdentifier.
    pub const CONTEXT_PRIMITIVE_0: u8 = 0x80;
}

/// Where and why DER reading failed.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct DerError {
    /// Byte offset in the outermost input.
    pub offset: usize,
    /// What was wrong, in English (it fills a `{detail}` slot).
    pub detail: &'static str,
}

/// One tag-length-value element.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    /// The identifier octet.
    pub tag: u8,
    /// The contents octets.
    pub value: &'a [u8],
    /// The whole element: identifier, length and contents.
    pub raw: &'a [u8],
    /// Offset of the element in the outermost input.
    pub offset: usize,
    /// Offset of the contents in the outermost input.
    pub value_offset: usize,
}

impl<'a> Tlv<'a> {
    /// A reader over the contents (for constructed elements).
    pub fn reader(&self) -> Reader<'a> {
        Reader { data: self.value, pos: 0, base: self.value_offset }
    }

    /// An error at this element.
    pub fn error(&self, detail: &'static str) -> DerError {
        DerError { offset: self.offset, detail }
    }
}

/// Reads consecutive elements from a slice.
#[derive(Clone, Debug)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `data`, whose first byte is at `base` in the outermost input.
    pub fn new(data: &'a [u8], base: usize) -> Self {
        Reader { data, pos: 0, base }
    }

    /// No elements left.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }

    /// The tag of the next element, if any.
    pub fn peek_tag(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn err(&self, at: usize, detail: &'static str) -> DerError {
        DerError { offset: self.base.saturating_add(at), detail }
    }

    /// Reads the next element.
    pub fn read(&mut self) -> Result<Tlv<'a>, DerError> {
        let start = self.pos;
        let tag = *self.data.get(start).ok_or_else(|| self.err(start, "unexpected end of data"))?;
        if tag & 0x1F == 0x1F {
            return Err(self.err(start, "high tag numbers are not used here"));
        }
        let len_at = start.checked_add(1).ok_or_else(|| self.err(start, "length overflow"))?;
        let first = *self.data.get(len_at).ok_or_else(|| self.err(len_at, "unexpected end of data"))?;
        let (len, header) = if first < 0x80 {
            (usize::from(first), 2usize)
        } else if first == 0x80 {
            return Err(self.err(len_at, "indefinite length (BER) where DER is required"));
        } else {
            let count = usize::from(first & 0x7F);
            if count > 4 {
                return Err(self.err(len_at, "length of more than four bytes"));
            }
            let bytes_at = len_at.saturating_add(1);
            let bytes = self
                .data
                .get(bytes_at..bytes_at.saturating_add(count))
                .ok_or_else(|| self.err(bytes_at, "unexpected end of data"))?;
            let mut len = 0usize;
            for b in bytes {
                len = len
                    .checked_mul(256)
                    .and_then(|l| l.checked_add(usize::from(*b)))
                    .ok_or_else(|| self.err(bytes_at, "length overflow"))?;
            }
            if len < 0x80 || bytes.first() == Some(&0) {
                return Err(self.err(len_at, "length not in its shortest form (not DER)"));
            }
            (len, 2 + count)
        };
        let value_start = start.checked_add(header).ok_or_else(|| self.err(start, "length overflow"))?;
        let end = value_start.checked_add(len).ok_or_else(|| self.err(start, "length overflow"))?;
        let value =
            self.data.get(value_start..end).ok_or_else(|| self.err(start, "element runs past the end of data"))?;
        let raw = self.data.get(start..end).ok_or_else(|| self.err(start, "element runs past the end of data"))?;
        self.pos = end;
        Ok(Tlv {
            tag,
            value,
            raw,
            offset: self.base.saturating_add(start),
            value_offset: self.base.saturating_add(value_start),
        })
    }

    /// Reads the next element, which must have `tag`.
    pub fn expect(&mut self, tag: u8, detail: &'static str) -> Result<Tlv<'a>, DerError> {
        if self.peek_tag() != Some(tag) {
            return Err(self.err(self.pos, detail));
        }
        self.read()
    }

    /// Reads the next element if it has `tag`.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, DerError> {
        if self.peek_tag() == Some(tag) {
            self.read().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Fails unless every element was read.
    pub fn finish(&self, detail: &'static str) -> Result<(), DerError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self.err(self.pos, detail))
        }
    }
}

/// Reads one element that must fill `data` entirely.
pub(crate) fn single<'a>(data: &'a [u8], base: usize, tag: u8, detail: &'static str) -> Result<Tlv<'a>, DerError> {
    let mut reader = Reader::new(data, base);
    let tlv = reader.expect(tag, detail)?;
    reader.finish("data after the end of the element")?;
    Ok(tlv)
}

/// The dotted form of an OBJECT IDENTIFIER's contents, such as `"2.5.29.35"`.
pub(crate) fn oid_string(tlv: &Tlv<'_>) -> Result<String, DerError> {
    let bytes = tlv.value;
    if bytes.is_empty() || bytes.last().is_some_and(|b| b & 0x80 != 0) {
        return Err(tlv.error("malformed object identifier"));
    }
    let mut arcs: Vec<u64> = Vec::with_capacity(bytes.len() + 1);
    let mut value: u64 = 0;
    let mut fresh = true;
    for &b in bytes {
        if fresh && b == 0x80 {
            return Err(tlv.error("object identifier arc not in its shortest form"));
        }
        value = value
            .checked_mul(128)
            .and_then(|v| v.checked_add(u64::from(b & 0x7F)))
            .ok_or_else(|| tlv.error("object identifier arc too large"))?;
        fresh = b & 0x80 == 0;
        if fresh {
            arcs.push(value);
            value = 0;
        }
    }
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, arc) in arcs.iter().enumerate() {
        if i == 0 {
            let (a, b) = match *arc {
                v if v < 40 => (0, v),
                v if v < 80 => (1, v - 40),
                v => (2, v - 80),
            };
            out.push_str(&format!("{a}.{b}"));
        } else {
            out.push('.');
            out.push_str(&arc.to_string());
        }
    }
    Ok(out)
}

/// The magnitude of an INTEGER as unsigned big-endian bytes without leading zero bytes (a
/// certificate serial as X.509 writes it, RFC 5280 §4.1.2.2). Zero gives an empty vector.
pub(crate) fn unsigned_integer(tlv: &Tlv<'_>) -> Result<Vec<u8>, DerError> {
    if tlv.tag != tag::INTEGER || tlv.value.is_empty() {
        return Err(tlv.error("malformed INTEGER"));
    }
    Ok(strip_leading_zeros(tlv.value).to_vec())
}

/// `bytes` without its leading zero bytes.
pub(crate) fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes.get(first..).unwrap_or_default()
}

/// A UTCTime or GeneralizedTime (RFC 5280 §4.1.2.5: `YYMMDDHHMMSSZ`, `YYYYMMDDHHMMSSZ`;
/// fractions of a second are tolerated and dropped).
pub(crate) fn time(tlv: &Tlv<'_>) -> Result<Time, DerError> {
    let text = std::str::from_utf8(tlv.value).map_err(|_| tlv.error("time is not ASCII"))?;
    let (year, rest) = match tlv.tag {
        tag::UTC_TIME => {
            let yy = number(text.get(0..2)).ok_or_else(|| tlv.error("malformed UTCTime"))?;
            // RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY, else 20YY.
            let year = if yy >= 50 { 1900 + i64::from(yy) } else { 2000 + i64::from(yy) };
            (year, text.get(2..).unwrap_or_default())
        }
        tag::GENERALIZED_TIME => {
            let year = number(text.get(0..4)).ok_or_else(|| tlv.error("malformed GeneralizedTime"))?;
            (i64::from(year), text.get(4..).unwrap_or_default())
        }
        _ => return Err(tlv.error("expected UTCTime or GeneralizedTime")),
    };
    let field = |range: std::ops::Range<usize>| number(rest.get(range));
    let (Some(month), Some(day), Some(hour), Some(minute), Some(second)) =
        (field(0..2), field(2..4), field(4..6), field(6..8), field(8..10))
    else {
        return Err(tlv.error("malformed time"));
    };
    let mut zone = rest.get(10..).unwrap_or_default();
    if tlv.tag == tag::GENERALIZED_TIME {
        if let Some(frac) = zone.strip_prefix('.') {
            let end = frac.find(|c: char| !c.is_ascii_digit()).unwrap_or(frac.len());
            zone = frac.get(end..).unwrap_or_default();
        }
    }
    if zone != "Z" {
        return Err(tlv.error("time is not in UTC (Z)"));
    }
    Time::from_civil(year, month, day, hour, minute, second).ok_or_else(|| tlv.error("impossible date"))
}

fn number(text: Option<&str>) -> Option<u32> {
    let text = text?;
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
        out.push(char::from(DIGITS.get(usize::from(b & 0x0F)).copied().unwrap_or(b'0')));
    }
    out
}

/// What the TBS part of an X.509 certificate tells the trust list: the raw names (for matching
/// an issuer name against a subject), the serial and the subjectKeyIdentifier.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub(crate) struct CertificateFields {
    /// The serial, unsigned big-endian without leading zero bytes.
    pub serial: Vec<u8>,
    /// The issuer Name, as received (the whole SEQUENCE).
    pub issuer: std::ops::Range<usize>,
    /// The subject Name, as received.
    pub subject: std::ops::Range<usize>,
    /// notBefore.
    pub not_before: Option<Time>,
    /// notAfter.
    pub not_after: Option<Time>,
    /// subjectKeyIdentifier (2.5.29.14).
    pub subject_key_id: Option<Vec<u8>>,
}

/// Walks a certificate (RFC 5280 §4.1) far enough to read [`CertificateFields`]. The ranges
/// index `der`.
pub(crate) fn certificate_fields(der: &[u8]) -> Result<CertificateFields, DerError> {
    let cert = single(der, 0, tag::SEQUENCE, "a certificate is a SEQUENCE")?;
    let mut outer = cert.reader();
    let tbs = outer.expect(tag::SEQUENCE, "tbsCertificate is a SEQUENCE")?;
    let mut r = tbs.reader();
    r.optional(tag::CONTEXT_0)?;
    let serial = unsigned_integer(&r.expect(tag::INTEGER, "serialNumber is an INTEGER")?)?;
    r.expect(tag::SEQUENCE, "signature is an AlgorithmIdentifier")?;
    let issuer = r.expect(tag::SEQUENCE, "issuer is a Name")?;
    let validity = r.expect(tag::SEQUENCE, "validity is a SEQUENCE")?;
    let subject = r.expect(tag::SEQUENCE, "subject is a Name")?;
    let mut v = validity.reader();
    let not_before = time(&v.read()?)?;
    let not_after = time(&v.read()?)?;
    r.expect(tag::SEQUENCE, "subjectPublicKeyInfo is a SEQUENCE")?;
    let mut subject_key_id = None;
    while !r.is_empty() {
        let item = r.read()?;
        if item.tag != tag::CONTEXT_3 {
            continue;
        }
        let list = single(item.value, item.value_offset, tag::SEQUENCE, "extensions are a SEQUENCE")?;
        let mut exts = list.reader();
        while !exts.is_empty() {
            let ext = exts.expect(tag::SEQUENCE, "an extension is a SEQUENCE")?;
            let mut e = ext.reader();
            let oid = e.expect(tag::OID, "extnID is an OBJECT IDENTIFIER")?;
            e.optional(tag::BOOLEAN)?;
            let value = e.expect(tag::OCTET_STRING, "extnValue is an OCTET STRING")?;
            // 2.5.29.14 subjectKeyIdentifier ::= KeyIdentifier (OCTET STRING)
            if oid.value == [0x55, 0x1D, 0x0E] {
                let ski =
                    single(value.value, value.value_offset, tag::OCTET_STRING, "KeyIdentifier is an OCTET STRING")?;
                subject_key_id = Some(ski.value.to_vec());
            }
        }
    }
    let range = |t: &Tlv<'_>| t.offset..t.offset.saturating_add(t.raw.len());
    Ok(CertificateFields {
        serial,
        issuer: range(&issuer),
        subject: range(&subject),
        not_before: Some(not_before),
        not_after: Some(not_after),
        subject_key_id,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn reads_lengths() {
        let data = [0x30, 0x03, 0x02, 0x01, 0x05];
        let mut r = Reader::new(&data, 0);
        let seq = r.read().unwrap();
        assert_eq!(seq.tag, tag::SEQUENCE);
        let int = seq.reader().read().unwrap();
        assert_eq!(int.value, [5]);
        assert_eq!(int.offset, 2);
        assert!(r.is_empty());
    }

    #[test]
    fn refuses_bad_lengths() {
        for bad in
            [&[0x30, 0x80, 0x00, 0x00][..], &[0x30, 0x81, 0x05, 0, 0, 0, 0, 0], &[0x30, 0x05, 0x00], &[0x30], &[]]
        {
            assert!(Reader::new(bad, 0).read().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn oids_and_times() {
        let oid = single(&[0x06, 0x03, 0x55, 0x1D, 0x23], 0, tag::OID, "oid").unwrap();
        assert_eq!(oid_string(&oid).unwrap(), "2.5.29.35");
        let oid = single(&[0x06, 0x06, 0x2A, 0x85, 0x03, 0x64, 0x71, 0x01], 0, tag::OID, "oid").unwrap();
        assert_eq!(oid_string(&oid).unwrap(), "1.2.643.100.113.1");
        let t = single(b"\x17\x0d261125120000Z", 0, tag::UTC_TIME, "t").unwrap();
        assert_eq!(time(&t).unwrap().to_string(), "2026-11-25T12:00:00Z");
        let t = single(b"\x18\x0f20501125120000Z", 0, tag::GENERALIZED_TIME, "t").unwrap();
        assert_eq!(time(&t).unwrap().to_string(), "2050-11-25T12:00:00Z");
        let t = single(b"\x17\x0d261325120000Z", 0, tag::UTC_TIME, "t").unwrap();
        assert!(time(&t).is_err());
    }

    #[test]
    fn integers() {
        let i = single(&[0x02, 0x03, 0x00, 0x80, 0x01], 0, tag::INTEGER, "i").unwrap();
        assert_eq!(unsigned_integer(&i).unwrap(), vec![0x80, 0x01]);
        assert_eq!(hex(&[0x0A, 0xFF]), "0aff");
    }
}
