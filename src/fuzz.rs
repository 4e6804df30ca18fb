//! The fuzz targets' bodies, shared by `fuzz/` (cargo-fuzz) and `tests/fuzz_regressions.rs`,
//! which replays every saved input. Each function must return without panicking on any input.

use crate::check::{check as check_all, Options, SignatureFile};
use crate::limits::Limits;
use crate::time::Time;

/// `pdf::check` on the input as a document.
pub fn pdf(data: &[u8]) {
    let _ = crate::pdf::check(data, &Limits::default());
}

/// The input as a document checked with stream data left out ([`crate::pdf::sparse`]: the data
/// of every stream of 129 bytes or more with a direct length, not only images, in chunks of
/// 4 KiB): the result must be the whole document's, or none.
pub fn sparse(data: &[u8]) {
    let limits = Limits::default();
    let (Some(result), _) = crate::pdf::sparse::sift(data, 4096, 129, true, &limits) else { return };
    let whole = crate::pdf::check(data, &limits);
    assert_eq!(format!("{result:?}"), format!("{whole:?}"), "a sifted check differs from the whole document's");
}

/// `cms::parse` on the input as a signature file.
pub fn cms(data: &[u8]) {
    let _ = crate::cms::parse(data, &Limits::default());
}

/// `Certificate::from_der` on the input.
pub fn certificate(data: &[u8]) {
    let _ = crate::cms::Certificate::from_der(data);
}

/// `TrustList::parse` on the input as the Минцифры XML.
pub fn tsl(data: &[u8]) {
    let _ = crate::trust::TrustList::parse(data, &Limits::default());
}

/// `Crl::from_der` on the input.
pub fn crl(data: &[u8]) {
    let _ = crate::trust::Crl::from_der(data);
}

/// The whole `check()`: the input is `[n: u16 LE][signature: n bytes][m: u16 LE][CA certificate:
/// m bytes][document: the rest]` (short inputs are cut where they end), checked at a fixed time
/// with the CA certificate as the caller's trust anchor.
pub fn check(data: &[u8]) {
    let (signature, rest) = split(data);
    let (ca, document) = split(rest);
    let mut options = Options::at(Time(1_795_000_000));
    if !ca.is_empty() {
        options.ca_certificates.push(ca.to_vec());
    }
    let report = check_all(document, &[SignatureFile { name: "fuzz.sig", bytes: signature }], &options);
    let _ = serde_json::to_vec(&report);
}

/// Builds a [`check`] input from its parts (for seeds and tests).
pub fn check_input(signature: &[u8], ca: &[u8], document: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in [signature, ca] {
        let len = u16::try_from(part.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(part.get(..usize::from(len)).unwrap_or(part));
    }
    out.extend_from_slice(document);
    out
}

/// A length-prefixed part and the rest.
fn split(data: &[u8]) -> (&[u8], &[u8]) {
    let Some((len, rest)) = data.split_first_chunk::<2>() else {
        return (&[], data);
    };
    let len = usize::from(u16::from_le_bytes(*len));
    rest.split_at_checked(len).unwrap_or((rest, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_input_splits_back() {
        let input = check_input(b"sig", b"ca", b"document");
        let (signature, rest) = split(&input);
        let (ca, document) = split(rest);
        assert_eq!((signature, ca, document), (&b"sig"[..], &b"ca"[..], &b"document"[..]));
        assert_eq!(split(&[5, 0, 1]), (&[1u8][..], &[][..]));
        assert_eq!(split(&[5]), (&[][..], &[5u8][..]));
        check(&input);
        check(&[]);
    }
}
