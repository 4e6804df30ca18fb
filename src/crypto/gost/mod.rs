//! GOST R 34.10-2012 and GOST R 34.10-2001 signatures, written on crypto-bigint.
//!
//! No maintained Rust crate verifies GOST R 34.10, so this module does the arithmetic itself
//! (see `curve.rs`). It has the shape of RustCrypto's `sm2::dsa` and `bignp256::ecdsa`:
//! [`VerifyingKey::from_spki`], [`Signature::from_cms_bytes`], [`VerifyingKey::verify_prehash`],
//! and a [`SigningKey`] for CAdES-BES signing.
//!
//! # Verification (GOST R 34.10-2012 §6.2; RFC 7091 §6.2)
//!
//! Given the public key Q, the base point P of order q, a digest h and a signature (r, s):
//!
//! 1. If not 0 < r < q and 0 < s < q, the signature is invalid.
//! 2. The digest h of the message is given (the caller hashes: Streebog for 2012,
//!    GOST R 34.11-94 for 2001).
//! 3. α is the integer whose little-endian bytes are h (as CMS and CryptoPro store it);
//!    e = α mod q, and e = 1 when that is 0.
//! 4. v = e⁻¹ mod q.
//! 5. z₁ = s·v mod q, z₂ = −r·v mod q.
//! 6. C = z₁·P + z₂·Q; R = x_C mod q.
//! 7. The signature is valid exactly when R = r.
//!
//! # Byte orders
//!
//! A public key is the OCTET STRING x‖y with each coordinate **little-endian**
//! (RFC 4491 §2.3.2, RFC 9215 §4.3): [`VerifyingKey::from_le_coordinates`]. A signature value
//! is s‖r with each half **big-endian** (RFC 4491 §2.2.2, RFC 9215 §3.1), in certificates and
//! in CMS alike: [`Signature::from_cms_bytes`] splits it with `split_s_then_r`.
//!
//! # What this code is and is not
//!
//! The verification is variable-time, as RustCrypto's ECDSA verification is: it handles public
//! data only. Signing uses constant-time field arithmetic, a fixed-window scalar
//! multiplication and complete addition formulas, and zeroizes the key on drop; it has not been
//! reviewed or certified by anyone (it is no СКЗИ in the sense of FSB order 66), so a signature
//! made with it is an unqualified signature at best.

mod curve;
pub mod params;
mod sign;
mod verify;

use const_oid::ObjectIdentifier;

use super::oid;
use crate::error::{Code, Finding};

pub use params::{ParamSet, PARAM_SETS};
pub use sign::SigningKey;
pub use verify::VerifyingKey;

/// The GOST key algorithm: which standard, at which size.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Hash)]
pub enum KeyAlgorithm {
    /// GOST R 34.10-2001 (256 bit), id-GostR3410-2001 1.2.643.2.2.19.
    Gost2001,
    /// GOST R 34.10-2012 with a 256-bit key, id-tc26-gost3410-12-256 1.2.643.7.1.1.1.1.
    Gost2012_256,
    /// GOST R 34.10-2012 with a 512-bit key, id-tc26-gost3410-12-512 1.2.643.7.1.1.1.2.
    Gost2012_512,
}

impl KeyAlgorithm {
    /// The algorithm a public-key OID names.
    pub fn from_key_oid(oid: &ObjectIdentifier) -> Option<Self> {
        match *oid {
            oid::GOST2001_KEY => Some(KeyAlgorithm::Gost2001),
            oid::GOST2012_256_KEY => Some(KeyAlgorithm::Gost2012_256),
            oid::GOST2012_512_KEY => Some(KeyAlgorithm::Gost2012_512),
            _ => None,
        }
    }

    /// The public-key OID.
    pub const fn key_oid(self) -> ObjectIdentifier {
        match self {
            KeyAlgorithm::Gost2001 => oid::GOST2001_KEY,
            KeyAlgorithm::Gost2012_256 => oid::GOST2012_256_KEY,
            KeyAlgorithm::Gost2012_512 => oid::GOST2012_512_KEY,
        }
    }

    /// The signature-algorithm OID (signature with its digest).
    pub const fn signature_oid(self) -> ObjectIdentifier {
        match self {
            KeyAlgorithm::Gost2001 => oid::GOST2001_WITH_GOST94,
            KeyAlgorithm::Gost2012_256 => oid::GOST2012_256_WITH_STREEBOG,
            KeyAlgorithm::Gost2012_512 => oid::GOST2012_512_WITH_STREEBOG,
        }
    }

    /// The report's name: `"gost2001"`, `"gost2012-256"` or `"gost2012-512"`.
    pub const fn name(self) -> &'static str {
        match self {
            KeyAlgorithm::Gost2001 => "gost2001",
            KeyAlgorithm::Gost2012_256 => "gost2012-256",
            KeyAlgorithm::Gost2012_512 => "gost2012-512",
        }
    }

    /// The key size in bits: 256 or 512.
    pub const fn bits(self) -> u32 {
        match self {
            KeyAlgorithm::Gost2001 | KeyAlgorithm::Gost2012_256 => 256,
            KeyAlgorithm::Gost2012_512 => 512,
        }
    }
}

/// A GOST R 34.10 signature (r, s), each `field_len` bytes big-endian, neither zero.
///
/// Whether r and s are below q depends on the key's curve; [`VerifyingKey::verify_prehash`]
/// checks it as step 1 of the verification.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Signature {
    r: Vec<u8>,
    s: Vec<u8>,
}

impl Signature {
    /// Parses a signature value as CMS and X.509 carry it: s‖r, each half big-endian
    /// (RFC 4491 §2.2.2, RFC 9215 §3.1), 64 bytes for a 256-bit key, 128 for a 512-bit key.
    ///
    /// # Errors
    /// `SIG_ENCODING` when the length is not `2 * field_len` (or `field_len` is neither 32 nor
    /// 64); `SIG_INVALID` when r or s is zero.
    pub fn from_cms_bytes(bytes: &[u8], field_len: usize) -> Result<Signature, Finding> {
        let (s, r) = split_s_then_r(bytes, field_len)?;
        Signature::from_r_s(r, s)
    }

    /// A signature from r and s, each big-endian and of the same length (32 or 64 bytes).
    ///
    /// # Errors
    /// `SIG_ENCODING` for a bad length, `SIG_INVALID` when r or s is zero.
    pub fn from_r_s(r: &[u8], s: &[u8]) -> Result<Signature, Finding> {
        if r.len() != s.len() || !(r.len() == 32 || r.len() == 64) {
            return Err(Finding::new(Code::SigEncoding)
                .arg("detail", format!("r and s of {} and {} bytes, expected 32 or 64 each", r.len(), s.len())));
        }
        if r.iter().all(|b| *b == 0) || s.iter().all(|b| *b == 0) {
            return Err(Finding::new(Code::SigInvalid));
        }
        Ok(Signature { r: r.to_vec(), s: s.to_vec() })
    }

    /// r, big-endian.
    pub fn r(&self) -> &[u8] {
        &self.r
    }

    /// s, big-endian.
    pub fn s(&self) -> &[u8] {
        &self.s
    }

    /// The length of r (and of s) in bytes: 32 or 64.
    pub fn field_len(&self) -> usize {
        self.r.len()
    }

    /// The value as CMS and X.509 carry it: s‖r, big-endian halves.
    pub fn to_cms_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.s.len() + self.r.len());
        out.extend_from_slice(&self.s);
        out.extend_from_slice(&self.r);
        out
    }
}

/// Splits a signature value s‖r into (s, r) (RFC 4491 §2.2.2: "the first half … s … the second
/// half … r", both big-endian; RFC 9215 §3.1 keeps that order for 2012).
fn split_s_then_r(bytes: &[u8], field_len: usize) -> Result<(&[u8], &[u8]), Finding> {
    let expected = field_len.checked_mul(2).filter(|_| field_len == 32 || field_len == 64);
    match expected {
        Some(total) if bytes.len() == total => Ok(bytes.split_at(field_len)),
        _ => Err(Finding::new(Code::SigEncoding).arg(
            "detail",
            format!("a GOST signature of {} bytes, expected {}", bytes.len(), field_len.saturating_mul(2)),
        )),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
mod tests {
    use super::*;

    #[test]
    fn signature_halves_are_s_then_r() {
        let mut value = vec![0x11; 32];
        value.extend_from_slice(&[0x22; 32]);
        let sig = Signature::from_cms_bytes(&value, 32).expect("valid");
        assert_eq!(sig.s(), &[0x11; 32]);
        assert_eq!(sig.r(), &[0x22; 32]);
        assert_eq!(sig.to_cms_bytes(), value);
        assert_eq!(sig.field_len(), 32);
    }

    #[test]
    fn signature_encoding_errors() {
        assert_eq!(Signature::from_cms_bytes(&[1; 63], 32).unwrap_err().code, Code::SigEncoding);
        assert_eq!(Signature::from_cms_bytes(&[1; 128], 32).unwrap_err().code, Code::SigEncoding);
        assert_eq!(Signature::from_cms_bytes(&[1; 96], 48).unwrap_err().code, Code::SigEncoding);
        assert_eq!(Signature::from_cms_bytes(&[0; 64], 32).unwrap_err().code, Code::SigInvalid);
        let mut zero_r = vec![1; 32];
        zero_r.extend_from_slice(&[0; 32]);
        assert_eq!(Signature::from_cms_bytes(&zero_r, 32).unwrap_err().code, Code::SigInvalid);
        assert!(Signature::from_cms_bytes(&[1; 128], 64).is_ok());
    }

    #[test]
    fn key_algorithms() {
        for alg in [KeyAlgorithm::Gost2001, KeyAlgorithm::Gost2012_256, KeyAlgorithm::Gost2012_512] {
            assert_eq!(KeyAlgorithm::from_key_oid(&alg.key_oid()), Some(alg));
        }
        assert_eq!(KeyAlgorithm::Gost2012_512.name(), "gost2012-512");
        assert_eq!(KeyAlgorithm::Gost2001.bits(), 256);
    }
}
