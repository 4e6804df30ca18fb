//! A small DER writer (X.690 §10) for the structures signing builds: definite minimal lengths,
//! SET OF members sorted (§11.6). Everything it writes comes from lengths of vectors already in
//! memory, so nothing here can fail.

use const_oid::ObjectIdentifier;

use crate::time::Time;

/// Universal and context tags as single identifier octets.
pub(crate) mod tag {
    pub(crate) const INTEGER: u8 = 0x02;
    pub(crate) const OCTET_STRING: u8 = 0x04;
    pub(crate) const OID: u8 = 0x06;
    pub(crate) const UTC_TIME: u8 = 0x17;
    pub(crate) const GENERALIZED_TIME: u8 = 0x18;
    pub(crate) const SEQUENCE: u8 = 0x30;
    pub(crate) const SET: u8 = 0x31;
    /// `[0]` constructed (IMPLICIT SET OF, or EXPLICIT).
    pub(crate) const CONTEXT_0: u8 = 0xa0;
    /// `[4]` constructed: GeneralName's directoryName (EXPLICIT, since Name is a CHOICE).
    pub(crate) const CONTEXT_4: u8 = 0xa4;
}

/// The encoding of NULL.
pub(crate) const NULL: [u8; 2] = [0x05, 0x00];

/// One element: identifier, definite minimal length, contents.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len().saturating_add(10));
    out.push(tag);
    push_length(&mut out, content.len());
    out.extend_from_slice(content);
    out
}

/// An element whose contents are `parts` one after another.
pub(crate) fn constructed(tag: u8, parts: &[&[u8]]) -> Vec<u8> {
    tlv(tag, &parts.concat())
}

/// SEQUENCE of `parts` in order.
pub(crate) fn sequence(parts: &[&[u8]]) -> Vec<u8> {
    constructed(tag::SEQUENCE, parts)
}

/// A SET OF (or `[n] IMPLICIT SET OF`) with its members sorted as DER requires: by their
/// encodings compared as octet strings (X.690 §11.6). Complete encodings are never a proper
/// prefix of one another, so the ordinary slice order is that order.
pub(crate) fn set_of(tag: u8, mut members: Vec<Vec<u8>>) -> Vec<u8> {
    members.sort();
    tlv(tag, &members.concat())
}

/// OBJECT IDENTIFIER.
pub(crate) fn oid(oid: &ObjectIdentifier) -> Vec<u8> {
    tlv(tag::OID, oid.as_bytes())
}

/// AlgorithmIdentifier with parameters (the encoding of NULL, say) or without.
pub(crate) fn algorithm(oid_value: &ObjectIdentifier, params: Option<&[u8]>) -> Vec<u8> {
    sequence(&[&oid(oid_value), params.unwrap_or_default()])
}

/// OCTET STRING.
pub(crate) fn octet_string(bytes: &[u8]) -> Vec<u8> {
    tlv(tag::OCTET_STRING, bytes)
}

/// INTEGER from its contents octets as they are (two's complement, already minimal).
pub(crate) fn integer_contents(contents: &[u8]) -> Vec<u8> {
    tlv(tag::INTEGER, contents)
}

/// A small non-negative INTEGER (versions).
pub(crate) fn small_integer(value: u8) -> Vec<u8> {
    if value >= 0x80 {
        integer_contents(&[0, value])
    } else {
        integer_contents(&[value])
    }
}

/// A non-negative INTEGER from big-endian magnitude bytes: leading zeros dropped, one zero put
/// back when the top bit is set (X.690 §8.3.2).
pub(crate) fn unsigned_integer(magnitude: &[u8]) -> Vec<u8> {
    let start = magnitude.iter().position(|b| *b != 0).unwrap_or(magnitude.len());
    let digits = magnitude.get(start..).unwrap_or_default();
    let mut contents = Vec::with_capacity(digits.len().saturating_add(1));
    if digits.first().is_none_or(|b| *b >= 0x80) {
        contents.push(0);
    }
    contents.extend_from_slice(digits);
    integer_contents(&contents)
}

/// signingTime's Time (RFC 5652 §11.3): UTCTime for 1950–2049, GeneralizedTime otherwise,
/// both in UTC with seconds and `Z` (DER, X.690 §11.7–11.8). `None` for a year outside
/// 0–9999, which GeneralizedTime cannot write.
pub(crate) fn signing_time(time: Time) -> Option<Vec<u8>> {
    let (year, month, day, hour, minute, second) = time.civil();
    if (1950..=2049).contains(&year) {
        let yy = year.rem_euclid(100);
        let text = format!("{yy:02}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z");
        Some(tlv(tag::UTC_TIME, text.as_bytes()))
    } else if (0..=9999).contains(&year) {
        let text = format!("{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z");
        Some(tlv(tag::GENERALIZED_TIME, text.as_bytes()))
    } else {
        None
    }
}

fn push_length(out: &mut Vec<u8>, len: usize) {
    let bytes = len.to_be_bytes();
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    let significant = bytes.get(start..).unwrap_or_default();
    match significant {
        [] => out.push(0),
        [short] if *short < 0x80 => out.push(*short),
        long => {
            // At most size_of::<usize>() octets, so the count fits the low seven bits.
            let count = u8::try_from(long.len()).unwrap_or(0x7f) & 0x7f;
            out.push(0x80 | count);
            out.extend_from_slice(long);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_minimal() {
        assert_eq!(tlv(0x04, &[]), [0x04, 0x00]);
        assert_eq!(tlv(0x04, &[7; 127])[..2], [0x04, 0x7f]);
        assert_eq!(tlv(0x04, &[7; 128])[..3], [0x04, 0x81, 0x80]);
        assert_eq!(tlv(0x04, &[7; 256])[..4], [0x04, 0x82, 0x01, 0x00]);
        assert_eq!(tlv(0x04, &vec![7; 70_000])[..5], [0x04, 0x83, 0x01, 0x11, 0x70]);
    }

    #[test]
    fn integers() {
        assert_eq!(small_integer(1), [0x02, 0x01, 0x01]);
        assert_eq!(small_integer(0x80), [0x02, 0x02, 0x00, 0x80]);
        assert_eq!(unsigned_integer(&[0, 0, 0x7f]), [0x02, 0x01, 0x7f]);
        assert_eq!(unsigned_integer(&[0, 0x80, 1]), [0x02, 0x03, 0x00, 0x80, 0x01]);
        assert_eq!(unsigned_integer(&[0, 0]), [0x02, 0x01, 0x00]);
    }

    #[test]
    fn set_of_is_sorted() {
        let set = set_of(tag::SET, vec![vec![0x04, 0x01, 0x02], vec![0x02, 0x01, 0x05], vec![0x04, 0x00]]);
        assert_eq!(set, [0x31, 0x08, 0x02, 0x01, 0x05, 0x04, 0x00, 0x04, 0x01, 0x02]);
    }

    #[test]
    fn signing_time_switches_at_2050() {
        let t = |s: &str| signing_time(Time::parse_rfc3339(s).unwrap()).unwrap();
        assert_eq!(t("2026-11-25T09:05:01Z"), tlv(tag::UTC_TIME, b"261125090501Z"));
        assert_eq!(t("2049-12-31T23:59:59Z"), tlv(tag::UTC_TIME, b"491231235959Z"));
        assert_eq!(t("2050-01-01T00:00:00Z"), tlv(tag::GENERALIZED_TIME, b"20500101000000Z"));
        assert_eq!(t("1950-01-01T00:00:00Z"), tlv(tag::UTC_TIME, b"500101000000Z"));
        assert_eq!(t("1949-12-31T23:59:59Z"), tlv(tag::GENERALIZED_TIME, b"19491231235959Z"));
        assert!(signing_time(Time(i64::MAX / 4)).is_none());
    }
}
