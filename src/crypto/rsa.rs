//! RSA signatures through the `rsa` crate: RSASSA-PKCS1-v1_5 and RSASSA-PSS (RFC 8017 §8),
//! with SHA-1 and SHA-2 digests.

use const_oid::ObjectIdentifier;
use crypto_bigint::BoxedUint;
use der::asn1::{AnyRef, UintRef};
use der::{Decode, Reader, SliceReader};
use rsa::traits::PublicKeyParts;
use spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};

use super::digest::DigestAlgorithm;
use super::oid;
use crate::error::{Code, Finding};

/// An RSA public key.
pub type RsaPublicKey = rsa::PublicKey;

/// Parses the key of an rsaEncryption (or id-RSASSA-PSS) SubjectPublicKeyInfo:
///
/// ```text
/// RSAPublicKey ::= SEQUENCE {
///     modulus           INTEGER,  -- n
///     publicExponent    INTEGER   -- e
/// }
/// ```
/// (RFC 8017 Appendix A.1.1; RFC 3279 §2.3.1.)
///
/// # Errors
/// `CERT_KEY_INVALID` for malformed DER or a key the `rsa` crate refuses (modulus below 1024
/// or above 8192 bits, even modulus, bad exponent).
pub fn public_key_from_spki(spki: &SubjectPublicKeyInfoRef<'_>) -> Result<RsaPublicKey, Finding> {
    let bytes = spki
        .subject_public_key
        .as_bytes()
        .ok_or_else(|| key_invalid("the key BIT STRING has unused bits".to_owned()))?;
    let mut reader = SliceReader::new(bytes).map_err(|e| key_invalid(format!("RSAPublicKey: {e}")))?;
    let (n, e) = reader
        .sequence(|r| Ok::<_, der::Error>((UintRef::decode(r)?, UintRef::decode(r)?)))
        .map_err(|e| key_invalid(format!("RSAPublicKey: {e}")))?;
    reader.finish().map_err(|e| key_invalid(format!("RSAPublicKey: {e}")))?;
    let n = BoxedUint::from_be_slice_vartime(n.as_bytes());
    let e = BoxedUint::from_be_slice_vartime(e.as_bytes());
    RsaPublicKey::new(n, e).map_err(|e| key_invalid(format!("RSA key: {e}")))
}

/// The modulus size in bits.
pub fn key_bits(key: &RsaPublicKey) -> u32 {
    key.n().bit_width()
}

/// The padding a signature algorithm selects.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Padding {
    Pkcs1v15,
    Pss { salt_len: usize },
}

/// The digest and padding of an RSA signature algorithm, checked against `digest` when the OID
/// names its own.
fn scheme(
    signature_algorithm: &ObjectIdentifier,
    params: Option<&[u8]>,
    digest: DigestAlgorithm,
) -> Result<Padding, Finding> {
    match *signature_algorithm {
        oid::RSA_ENCRYPTION => Ok(Padding::Pkcs1v15),
        oid::RSASSA_PSS => {
            let pss = PssParameters::parse(params)?;
            if pss.digest != digest {
                return Err(mismatch(signature_algorithm, digest));
            }
            Ok(Padding::Pss { salt_len: pss.salt_len })
        }
        _ => match DigestAlgorithm::implied_by_signature_oid(signature_algorithm) {
            Some(implied) if super::is_rsa_signature_oid(signature_algorithm) => {
                if implied == digest {
                    Ok(Padding::Pkcs1v15)
                } else {
                    Err(mismatch(signature_algorithm, digest))
                }
            }
            _ => Err(super::unsupported_or_mismatch(signature_algorithm, "rsa")),
        },
    }
}

/// The digest an RSASSA-PSS AlgorithmIdentifier names in its parameters.
///
/// # Errors
/// As for verification: `SIG_ENCODING` for malformed parameters, `SIG_UNSUPPORTED_ALGORITHM`
/// for a hash, mask generation or trailer this crate does not support.
pub fn pss_digest(params: Option<&[u8]>) -> Result<DigestAlgorithm, Finding> {
    PssParameters::parse(params).map(|p| p.digest)
}

/// Verifies an RSA signature over a digest.
///
/// `signature_algorithm` is rsaEncryption (the digest comes from `digest`, as CMS writes it),
/// sha1/256/384/512WithRSAEncryption (whose digest must be `digest`) or id-RSASSA-PSS with its
/// parameters in `params` (the DER of the AlgorithmIdentifier's parameters).
///
/// # Errors
/// `SIG_INVALID` when the signature does not verify; `SIG_ALGORITHM_MISMATCH`,
/// `SIG_UNSUPPORTED_ALGORITHM` or `SIG_ENCODING` for algorithm problems.
pub fn verify_prehash(
    key: &RsaPublicKey,
    signature_algorithm: &ObjectIdentifier,
    params: Option<&[u8]>,
    digest: DigestAlgorithm,
    prehash: &[u8],
    signature: &[u8],
) -> Result<(), Finding> {
    let padding = scheme(signature_algorithm, params, digest)?;
    let result = match padding {
        Padding::Pkcs1v15 => {
            let prefix = digest_info_prefix(digest).ok_or_else(|| unsupported_digest(digest))?;
            let scheme = rsa::Pkcs1v15Sign { hash_len: Some(digest.output_len()), prefix: prefix.into() };
            key.verify(scheme, prehash, signature)
        }
        Padding::Pss { salt_len } => match digest {
            DigestAlgorithm::Sha1 => key.verify(pss::<sha1::Sha1>(salt_len), prehash, signature),
            DigestAlgorithm::Sha256 => key.verify(pss::<sha2::Sha256>(salt_len), prehash, signature),
            DigestAlgorithm::Sha384 => key.verify(pss::<sha2::Sha384>(salt_len), prehash, signature),
            DigestAlgorithm::Sha512 => key.verify(pss::<sha2::Sha512>(salt_len), prehash, signature),
            _ => return Err(unsupported_digest(digest)),
        },
    };
    result.map_err(|_| Finding::new(Code::SigInvalid))
}

fn pss<D: sha2::Digest + sha2::digest::FixedOutputReset>(salt_len: usize) -> rsa::Pss<D> {
    rsa::Pss { blinded: false, digest: D::new(), salt_len: Some(salt_len) }
}

/// The DER prefix of DigestInfo for each digest (RFC 8017 §9.2, note 1).
fn digest_info_prefix(digest: DigestAlgorithm) -> Option<&'static [u8]> {
    const SHA1: &[u8] = &[0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14];
    const SHA256: &[u8] = &[
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
        0x20,
    ];
    const SHA384: &[u8] = &[
        0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04,
        0x30,
    ];
    const SHA512: &[u8] = &[
        0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04,
        0x40,
    ];
    match digest {
        DigestAlgorithm::Sha1 => Some(SHA1),
        DigestAlgorithm::Sha256 => Some(SHA256),
        DigestAlgorithm::Sha384 => Some(SHA384),
        DigestAlgorithm::Sha512 => Some(SHA512),
        _ => None,
    }
}

/// RSASSA-PSS-params (RFC 8017 Appendix A.2.3; RFC 4055 §3.1):
///
/// ```text
/// RSASSA-PSS-params ::= SEQUENCE {
///     hashAlgorithm      [0] HashAlgorithm      DEFAULT sha1,
///     maskGenAlgorithm   [1] MaskGenAlgorithm   DEFAULT mgf1SHA1,
///     saltLength         [2] INTEGER            DEFAULT 20,
///     trailerField       [3] TrailerField       DEFAULT trailerFieldBC
/// }
/// ```
#[derive(der::Sequence)]
struct PssParamsAsn1<'a> {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    hash: Option<AlgorithmIdentifierRef<'a>>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    mask_gen: Option<AlgorithmIdentifierRef<'a>>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    salt_length: Option<u32>,
    #[asn1(context_specific = "3", tag_mode = "EXPLICIT", optional = "true")]
    trailer_field: Option<u8>,
}

/// The PSS parameters this crate supports: one digest for the message and MGF1, trailer 0xBC.
struct PssParameters {
    digest: DigestAlgorithm,
    salt_len: usize,
}

impl PssParameters {
    fn parse(params: Option<&[u8]>) -> Result<Self, Finding> {
        let der = params.ok_or_else(|| encoding("RSASSA-PSS without parameters".to_owned()))?;
        let asn1 = PssParamsAsn1::from_der(der).map_err(|e| encoding(format!("RSASSA-PSS parameters: {e}")))?;
        let hash_oid = asn1.hash.map_or(oid::SHA1, |h| h.oid);
        let digest = DigestAlgorithm::from_oid(&hash_oid)
            .filter(|d| digest_info_prefix(*d).is_some())
            .ok_or_else(|| Finding::new(Code::SigUnsupportedAlgorithm).arg("oid", hash_oid))?;
        let mgf_hash = match asn1.mask_gen {
            None => oid::SHA1,
            Some(mgf) if mgf.oid == oid::MGF1 => {
                let inner = mgf.parameters.ok_or_else(|| encoding("MGF1 without its hash".to_owned()))?;
                decode_algorithm(inner)?.oid
            }
            Some(mgf) => return Err(Finding::new(Code::SigUnsupportedAlgorithm).arg("oid", mgf.oid)),
        };
        if mgf_hash != hash_oid {
            return Err(Finding::new(Code::SigUnsupportedAlgorithm).arg("oid", mgf_hash));
        }
        if asn1.trailer_field.unwrap_or(1) != 1 {
            return Err(encoding("RSASSA-PSS trailerField is not 1".to_owned()));
        }
        let salt_len = usize::try_from(asn1.salt_length.unwrap_or(20))
            .map_err(|_| encoding("RSASSA-PSS saltLength too large".to_owned()))?;
        Ok(PssParameters { digest, salt_len })
    }
}

fn decode_algorithm(any: AnyRef<'_>) -> Result<AlgorithmIdentifierRef<'_>, Finding> {
    any.decode_as::<AlgorithmIdentifierRef<'_>>().map_err(|e| encoding(format!("MGF1 hash: {e}")))
}

fn mismatch(signature_algorithm: &ObjectIdentifier, digest: DigestAlgorithm) -> Finding {
    Finding::new(Code::SigAlgorithmMismatch)
        .arg("algorithm", format!("{signature_algorithm} / {}", digest.name()))
        .arg("key", "rsa")
}

fn unsupported_digest(digest: DigestAlgorithm) -> Finding {
    Finding::new(Code::SigUnsupportedAlgorithm).arg("oid", digest.oid())
}

fn encoding(detail: String) -> Finding {
    Finding::new(Code::SigEncoding).arg("detail", detail)
}

fn key_invalid(detail: String) -> Finding {
    Finding::new(Code::CertKeyInvalid).arg("detail", detail)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
mod tests {
    use super::*;

    #[test]
    fn pss_parameters() {
        // SHA-256, MGF1 with SHA-256, salt 32 (the parameters OpenSSL writes for -rsa_pss_saltlen 32).
        let der = hex_literal(
            "3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d0609608648016503040201
             0500a203020120",
        );
        let p = PssParameters::parse(Some(&der)).expect("valid");
        assert_eq!((p.digest, p.salt_len), (DigestAlgorithm::Sha256, 32));
        // Empty SEQUENCE: all defaults, SHA-1 with salt 20.
        let p = PssParameters::parse(Some(&[0x30, 0x00])).expect("valid");
        assert_eq!((p.digest, p.salt_len), (DigestAlgorithm::Sha1, 20));
        assert_eq!(PssParameters::parse(None).err().map(|f| f.code), Some(Code::SigEncoding));
        assert_eq!(PssParameters::parse(Some(&[0x30, 0x03, 0x02])).err().map(|f| f.code), Some(Code::SigEncoding));
    }

    #[test]
    fn digest_info_prefixes_name_their_digest() {
        for digest in [DigestAlgorithm::Sha1, DigestAlgorithm::Sha256, DigestAlgorithm::Sha384, DigestAlgorithm::Sha512]
        {
            let prefix = digest_info_prefix(digest).unwrap();
            let oid_der = der::Encode::to_der(&digest.oid()).unwrap();
            assert!(prefix.windows(oid_der.len()).any(|w| w == oid_der.as_slice()));
            assert_eq!(usize::from(prefix[prefix.len() - 1]), digest.output_len());
        }
        assert!(digest_info_prefix(DigestAlgorithm::Streebog256).is_none());
    }

    fn hex_literal(text: &str) -> Vec<u8> {
        let clean: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        (0..clean.len()).step_by(2).map(|i| u8::from_str_radix(&clean[i..i + 2], 16).unwrap()).collect()
    }
}
