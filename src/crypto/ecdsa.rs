//! ECDSA on NIST P-256 and P-384 through the `p256` and `p384` crates (FIPS 186-5 §6.4.2;
//! keys RFC 5480, signatures RFC 5758 §3.2 / RFC 3279 §2.2.3).

use const_oid::ObjectIdentifier;
use der::asn1::UintRef;
use der::{Decode, Reader, SliceReader};
use p256::ecdsa::signature::hazmat::PrehashVerifier;
use spki::SubjectPublicKeyInfoRef;

use super::digest::DigestAlgorithm;
use super::oid;
use crate::error::{Code, Finding};

/// An ECDSA public key on one of the supported curves.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum EcdsaKey {
    /// NIST P-256 (secp256r1).
    P256(p256::ecdsa::VerifyingKey),
    /// NIST P-384 (secp384r1).
    P384(p384::ecdsa::VerifyingKey),
}

/// Parses an id-ecPublicKey SubjectPublicKeyInfo whose parameters name the curve
/// (`namedCurve`, RFC 5480 §2.1.1) and whose key is a SEC1 point.
///
/// # Errors
/// `CERT_KEY_UNSUPPORTED` for another curve or implicit/specified parameters;
/// `CERT_KEY_INVALID` for a point not on the curve.
pub fn public_key_from_spki(spki: &SubjectPublicKeyInfoRef<'_>) -> Result<EcdsaKey, Finding> {
    let curve =
        spki.algorithm.parameters.and_then(|p| p.decode_as::<ObjectIdentifier>().ok()).ok_or_else(|| {
            Finding::new(Code::CertKeyUnsupported).arg("oid", "1.2.840.10045.2.1 without a named curve")
        })?;
    let point = spki.subject_public_key.as_bytes().ok_or_else(|| key_invalid("the key BIT STRING has unused bits"))?;
    match curve {
        oid::SECP256R1 => p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
            .map(EcdsaKey::P256)
            .map_err(|_| key_invalid("not a point of P-256")),
        oid::SECP384R1 => p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
            .map(EcdsaKey::P384)
            .map_err(|_| key_invalid("not a point of P-384")),
        other => Err(Finding::new(Code::CertKeyUnsupported).arg("oid", other)),
    }
}

impl EcdsaKey {
    /// The field size in bits: 256 or 384.
    pub fn bits(&self) -> u32 {
        match self {
            EcdsaKey::P256(_) => 256,
            EcdsaKey::P384(_) => 384,
        }
    }

    /// The curve OID.
    pub fn curve_oid(&self) -> ObjectIdentifier {
        match self {
            EcdsaKey::P256(_) => oid::SECP256R1,
            EcdsaKey::P384(_) => oid::SECP384R1,
        }
    }

    /// The curve's name: `"P-256"` or `"P-384"`.
    pub fn curve_name(&self) -> &'static str {
        match self {
            EcdsaKey::P256(_) => "P-256",
            EcdsaKey::P384(_) => "P-384",
        }
    }

    fn field_len(&self) -> usize {
        match self {
            EcdsaKey::P256(_) => 32,
            EcdsaKey::P384(_) => 48,
        }
    }
}

/// Verifies an ECDSA signature (DER `Ecdsa-Sig-Value`) over a digest.
///
/// `signature_algorithm` is ecdsa-with-SHA1/256/384/512 (whose digest must be `digest`) or
/// id-ecPublicKey (the digest comes from `digest`, as some CMS writers put it).
///
/// # Errors
/// `SIG_INVALID` when the signature does not verify or r, s are out of range;
/// `SIG_ENCODING` for malformed DER; `SIG_ALGORITHM_MISMATCH` / `SIG_UNSUPPORTED_ALGORITHM` for
/// algorithm problems.
pub fn verify_prehash(
    key: &EcdsaKey,
    signature_algorithm: &ObjectIdentifier,
    digest: DigestAlgorithm,
    prehash: &[u8],
    signature: &[u8],
) -> Result<(), Finding> {
    if *signature_algorithm != oid::EC_PUBLIC_KEY {
        match DigestAlgorithm::implied_by_signature_oid(signature_algorithm) {
            Some(implied) if super::is_ecdsa_signature_oid(signature_algorithm) => {
                if implied != digest {
                    return Err(Finding::new(Code::SigAlgorithmMismatch)
                        .arg("algorithm", format!("{signature_algorithm} / {}", digest.name()))
                        .arg("key", key.curve_name()));
                }
            }
            _ => return Err(super::unsupported_or_mismatch(signature_algorithm, key.curve_name())),
        }
    }
    if !matches!(
        digest,
        DigestAlgorithm::Sha1 | DigestAlgorithm::Sha256 | DigestAlgorithm::Sha384 | DigestAlgorithm::Sha512
    ) {
        return Err(Finding::new(Code::SigUnsupportedAlgorithm).arg("oid", digest.oid()));
    }
    let fixed = split_ecdsa_sig_value(signature, key.field_len())?;
    let verified = match key {
        EcdsaKey::P256(k) => {
            p256::ecdsa::Signature::from_slice(&fixed).ok().map(|sig| k.verify_prehash(prehash, &sig).is_ok())
        }
        EcdsaKey::P384(k) => {
            p384::ecdsa::Signature::from_slice(&fixed).ok().map(|sig| k.verify_prehash(prehash, &sig).is_ok())
        }
    };
    match verified {
        Some(true) => Ok(()),
        _ => Err(Finding::new(Code::SigInvalid)),
    }
}

/// r‖s, each `field_len` bytes big-endian, from the DER
/// `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 §2.2.3).
fn split_ecdsa_sig_value(der: &[u8], field_len: usize) -> Result<Vec<u8>, Finding> {
    let encoding = |e: der::Error| Finding::new(Code::SigEncoding).arg("detail", format!("Ecdsa-Sig-Value: {e}"));
    let mut reader = SliceReader::new(der).map_err(encoding)?;
    let (r, s) =
        reader.sequence(|seq| Ok::<_, der::Error>((UintRef::decode(seq)?, UintRef::decode(seq)?))).map_err(encoding)?;
    reader.finish().map_err(encoding)?;
    let mut out = vec![0u8; field_len.saturating_mul(2)];
    for (half, value) in [(0, r.as_bytes()), (1, s.as_bytes())] {
        // A value wider than the field cannot be below the group order.
        let start = field_len
            .checked_sub(value.len())
            .and_then(|pad| pad.checked_add(half * field_len))
            .ok_or_else(|| Finding::new(Code::SigInvalid))?;
        if let Some(slot) = out.get_mut(start..start + value.len()) {
            slot.copy_from_slice(value);
        }
    }
    Ok(out)
}

fn key_invalid(detail: &str) -> Finding {
    Finding::new(Code::CertKeyInvalid).arg("detail", detail)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
mod tests {
    use super::*;

    #[test]
    fn ecdsa_sig_value_is_padded() {
        // r = 1, s = 0x0102 (two bytes).
        let der = [0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02, 0x01, 0x02];
        let fixed = split_ecdsa_sig_value(&der, 32).unwrap();
        assert_eq!(fixed[31], 1);
        assert_eq!(&fixed[62..], &[1, 2]);
        assert!(fixed[..31].iter().all(|b| *b == 0));
        assert_eq!(split_ecdsa_sig_value(&der[..5], 32).unwrap_err().code, Code::SigEncoding);
        let mut trailing = der.to_vec();
        trailing.push(0);
        assert_eq!(split_ecdsa_sig_value(&trailing, 32).unwrap_err().code, Code::SigEncoding);
        // A 33-byte r (no sign byte) cannot be below n.
        let mut wide = vec![0x30, 0x26, 0x02, 0x21];
        wide.extend([0x7f; 33]);
        wide.extend([0x02, 0x01, 0x01]);
        assert_eq!(split_ecdsa_sig_value(&wide, 32).unwrap_err().code, Code::SigInvalid);
    }
}
