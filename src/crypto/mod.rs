//! Digests and signature verification: GOST R 34.10-2012/2001 (written here, on crypto-bigint),
//! RSA and ECDSA (through the RustCrypto crates).
//!
//! The entry points are [`PublicKey::from_spki_der`], [`verify_prehash`] and
//! [`verify_message`]. Every mathematical failure is the one opaque `SIG_INVALID`; problems
//! with encodings and algorithms have their own codes (`SIG_ENCODING`,
//! `SIG_ALGORITHM_MISMATCH`, `SIG_UNSUPPORTED_ALGORITHM`, `CERT_KEY_INVALID`,
//! `CERT_KEY_UNSUPPORTED`).

pub mod digest;
pub mod ecdsa;
pub mod gost;
pub mod oid;
pub mod rsa;
pub mod streebog;

use const_oid::ObjectIdentifier;
use der::Decode;
use spki::SubjectPublicKeyInfoRef;

use crate::error::{Code, Finding};

pub use digest::{DigestAlgorithm, Hasher};

/// A public key of a certificate, of any supported algorithm.
#[derive(Clone, Debug)]
pub enum PublicKey {
    /// GOST R 34.10-2012 (256 or 512 bit) or GOST R 34.10-2001.
    Gost(gost::VerifyingKey),
    /// RSA.
    Rsa(rsa::RsaPublicKey),
    /// ECDSA on NIST P-256.
    EcdsaP256(p256::ecdsa::VerifyingKey),
    /// ECDSA on NIST P-384.
    EcdsaP384(p384::ecdsa::VerifyingKey),
}

impl PublicKey {
    /// Parses a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): GOST keys (RFC 9215, RFC 4491),
    /// rsaEncryption (and id-RSASSA-PSS) keys, and id-ecPublicKey keys on P-256 or P-384.
    ///
    /// # Errors
    /// `CERT_KEY_INVALID` for malformed DER or a bad key; `CERT_KEY_UNSUPPORTED` for other
    /// algorithms and curves.
    pub fn from_spki_der(spki_der: &[u8]) -> Result<PublicKey, Finding> {
        let spki = SubjectPublicKeyInfoRef::from_der(spki_der)
            .map_err(|e| Finding::new(Code::CertKeyInvalid).arg("detail", format!("SubjectPublicKeyInfo: {e}")))?;
        match spki.algorithm.oid {
            oid::GOST2012_256_KEY | oid::GOST2012_512_KEY | oid::GOST2001_KEY => {
                gost::VerifyingKey::from_spki_ref(&spki).map(PublicKey::Gost)
            }
            oid::RSA_ENCRYPTION | oid::RSASSA_PSS => rsa::public_key_from_spki(&spki).map(PublicKey::Rsa),
            oid::EC_PUBLIC_KEY => ecdsa::public_key_from_spki(&spki).map(|key| match key {
                ecdsa::EcdsaKey::P256(k) => PublicKey::EcdsaP256(k),
                ecdsa::EcdsaKey::P384(k) => PublicKey::EcdsaP384(k),
            }),
            other => Err(Finding::new(Code::CertKeyUnsupported).arg("oid", other)),
        }
    }

    /// The report's name of the key algorithm: `"gost2012-256"`, `"gost2012-512"`,
    /// `"gost2001"`, `"rsa"`, `"ecdsa-p256"` or `"ecdsa-p384"`.
    pub fn algorithm_name(&self) -> &'static str {
        match self {
            PublicKey::Gost(key) => key.algorithm().name(),
            PublicKey::Rsa(_) => "rsa",
            PublicKey::EcdsaP256(_) => "ecdsa-p256",
            PublicKey::EcdsaP384(_) => "ecdsa-p384",
        }
    }

    /// The OID of the key's parameters (the GOST parameter set or the named curve), dotted.
    pub fn parameters_oid(&self) -> Option<String> {
        match self {
            PublicKey::Gost(key) => Some(key.param_set().oid().to_string()),
            PublicKey::Rsa(_) => None,
            PublicKey::EcdsaP256(_) => Some(oid::SECP256R1.to_string()),
            PublicKey::EcdsaP384(_) => Some(oid::SECP384R1.to_string()),
        }
    }

    /// The name of the key's parameters: `"CryptoPro-A"`, `"CryptoPro-XchA"`, `"TC26-256-A"`,
    /// `"TC26-512-C"` …, or `"P-256"` / `"P-384"`.
    pub fn parameters_name(&self) -> Option<&'static str> {
        match self {
            PublicKey::Gost(key) => Some(key.param_set().name()),
            PublicKey::Rsa(_) => None,
            PublicKey::EcdsaP256(_) => Some("P-256"),
            PublicKey::EcdsaP384(_) => Some("P-384"),
        }
    }

    /// Whether this is a GOST R 34.10-2012 key (256 or 512 bit), the only kind a qualified
    /// signature may use today.
    pub fn is_gost2012(&self) -> bool {
        matches!(
            self,
            PublicKey::Gost(key)
                if matches!(key.algorithm(), gost::KeyAlgorithm::Gost2012_256 | gost::KeyAlgorithm::Gost2012_512)
        )
    }

    /// The key size in bits: 256 or 512 for GOST, the modulus size for RSA, 256 or 384 for
    /// ECDSA.
    pub fn key_bits(&self) -> u32 {
        match self {
            PublicKey::Gost(key) => key.algorithm().bits(),
            PublicKey::Rsa(key) => rsa::key_bits(key),
            PublicKey::EcdsaP256(_) => 256,
            PublicKey::EcdsaP384(_) => 384,
        }
    }
}

/// Verifies a signature over a digest computed by the caller.
///
/// - `signature_algorithm` is the OID of the signature algorithm as the CMS SignerInfo or the
///   certificate writes it. For GOST keys either the signature OID (1.2.643.7.1.1.3.2/3,
///   1.2.643.2.2.3) or the key OID (1.2.643.7.1.1.1.1/2, 1.2.643.2.2.19, as CryptoPro CSP
///   writes it); it must belong to the key's algorithm and `digest` must be that algorithm's
///   digest (Streebog-256, Streebog-512, GOST R 34.11-94). For RSA: rsaEncryption,
///   sha*WithRSAEncryption or id-RSASSA-PSS; for ECDSA: ecdsa-with-SHA* or id-ecPublicKey.
/// - `signature_algorithm_params` is the DER of the AlgorithmIdentifier's parameters, if any
///   (only RSASSA-PSS needs them).
/// - `prehash` is the digest: for CMS with signedAttrs the digest of the DER SET of the
///   attributes, else of the content; for a certificate the digest of the TBSCertificate.
/// - `signature` is the signature value: the OCTET STRING of the SignerInfo or the BIT STRING
///   contents of the certificate (GOST: s‖r big-endian in both; RSA: the integer; ECDSA: the
///   DER `Ecdsa-Sig-Value`).
///
/// # Errors
/// `SIG_INVALID` for every mathematical failure; `SIG_ALGORITHM_MISMATCH` when algorithm,
/// digest and key disagree; `SIG_UNSUPPORTED_ALGORITHM` for unknown algorithms;
/// `SIG_ENCODING` for a malformed signature value; `INTERNAL` when `prehash` does not have the
/// digest's length.
pub fn verify_prehash(
    key: &PublicKey,
    signature_algorithm: &ObjectIdentifier,
    signature_algorithm_params: Option<&[u8]>,
    digest: DigestAlgorithm,
    prehash: &[u8],
    signature: &[u8],
) -> Result<(), Finding> {
    crate::progress::tick();
    if prehash.len() != digest.output_len() {
        return Err(Finding::new(Code::Internal)
            .arg("detail", format!("a {}-byte prehash for {}", prehash.len(), digest.name())));
    }
    match key {
        PublicKey::Gost(key) => {
            let algorithm = gost_algorithm_of(signature_algorithm, key.algorithm().name())?;
            if algorithm != key.algorithm() {
                return Err(Finding::new(Code::SigAlgorithmMismatch)
                    .arg("algorithm", signature_algorithm)
                    .arg("key", key.algorithm().name()));
            }
            let expected = DigestAlgorithm::implied_by_signature_oid(&algorithm.signature_oid());
            if expected != Some(digest) {
                return Err(Finding::new(Code::SigAlgorithmMismatch)
                    .arg("algorithm", format!("{signature_algorithm} / {}", digest.name()))
                    .arg("key", key.algorithm().name()));
            }
            let signature = key.signature_from_cms_bytes(signature)?;
            key.verify_prehash(prehash, &signature)
        }
        PublicKey::Rsa(key) => {
            rsa::verify_prehash(key, signature_algorithm, signature_algorithm_params, digest, prehash, signature)
        }
        PublicKey::EcdsaP256(key) => {
            let key = ecdsa::EcdsaKey::P256(*key);
            ecdsa::verify_prehash(&key, signature_algorithm, digest, prehash, signature)
        }
        PublicKey::EcdsaP384(key) => {
            let key = ecdsa::EcdsaKey::P384(*key);
            ecdsa::verify_prehash(&key, signature_algorithm, digest, prehash, signature)
        }
    }
}

/// Hashes `message` with `digest`, then verifies as [`verify_prehash`] does. For certificate
/// signatures: `message` is the DER TBSCertificate, `signature` the BIT STRING contents, and
/// `digest` the one [`signature_digest`] gives for the certificate's signatureAlgorithm.
///
/// # Errors
/// As [`verify_prehash`].
pub fn verify_message(
    key: &PublicKey,
    signature_algorithm: &ObjectIdentifier,
    signature_algorithm_params: Option<&[u8]>,
    digest: DigestAlgorithm,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Finding> {
    let prehash = digest.digest(message);
    verify_prehash(key, signature_algorithm, signature_algorithm_params, digest, &prehash, signature)
}

/// Verifies a signature over `message` whose digest follows from the signature algorithm (X.509
/// certificates and CRLs: TBSCertificate or TBSCertList bytes as received).
///
/// # Errors
/// `SIG_UNSUPPORTED_ALGORITHM` when the algorithm implies no digest, else as [`verify_message`].
pub fn verify_signed(
    key: &PublicKey,
    signature_algorithm: &ObjectIdentifier,
    signature_algorithm_params: Option<&[u8]>,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Finding> {
    let digest = signature_digest(signature_algorithm, signature_algorithm_params)?;
    verify_message(key, signature_algorithm, signature_algorithm_params, digest, message, signature)
}

/// The digest a signature algorithm implies, reading RSASSA-PSS parameters when needed: what a
/// certificate signature (which has no separate digestAlgorithm) is hashed with.
///
/// # Errors
/// `SIG_UNSUPPORTED_ALGORITHM` when the OID implies no known digest (rsaEncryption and
/// id-ecPublicKey imply none); PSS parameter errors as in verification.
pub fn signature_digest(
    signature_algorithm: &ObjectIdentifier,
    signature_algorithm_params: Option<&[u8]>,
) -> Result<DigestAlgorithm, Finding> {
    if *signature_algorithm == oid::RSASSA_PSS {
        return rsa::pss_digest(signature_algorithm_params);
    }
    DigestAlgorithm::implied_by_signature_oid(signature_algorithm)
        .ok_or_else(|| Finding::new(Code::SigUnsupportedAlgorithm).arg("oid", signature_algorithm))
}

/// The GOST key algorithm a signature-algorithm OID (signature or key OID) belongs to.
fn gost_algorithm_of(signature_algorithm: &ObjectIdentifier, key: &str) -> Result<gost::KeyAlgorithm, Finding> {
    match *signature_algorithm {
        oid::GOST2012_256_WITH_STREEBOG | oid::GOST2012_256_KEY => Ok(gost::KeyAlgorithm::Gost2012_256),
        oid::GOST2012_512_WITH_STREEBOG | oid::GOST2012_512_KEY => Ok(gost::KeyAlgorithm::Gost2012_512),
        oid::GOST2001_WITH_GOST94 | oid::GOST2001_KEY => Ok(gost::KeyAlgorithm::Gost2001),
        _ => Err(unsupported_or_mismatch(signature_algorithm, key)),
    }
}

/// Whether an OID is one of the sha*WithRSAEncryption signature algorithms.
fn is_rsa_signature_oid(oid: &ObjectIdentifier) -> bool {
    matches!(*oid, oid::SHA1_WITH_RSA | oid::SHA256_WITH_RSA | oid::SHA384_WITH_RSA | oid::SHA512_WITH_RSA)
}

/// Whether an OID is one of the ecdsa-with-SHA* signature algorithms.
fn is_ecdsa_signature_oid(oid: &ObjectIdentifier) -> bool {
    matches!(*oid, oid::ECDSA_WITH_SHA1 | oid::ECDSA_WITH_SHA256 | oid::ECDSA_WITH_SHA384 | oid::ECDSA_WITH_SHA512)
}

/// `SIG_ALGORITHM_MISMATCH` for a signature algorithm this crate knows (but of another key
/// type), `SIG_UNSUPPORTED_ALGORITHM` for one it does not know at all.
fn unsupported_or_mismatch(signature_algorithm: &ObjectIdentifier, key: &str) -> Finding {
    let known = DigestAlgorithm::implied_by_signature_oid(signature_algorithm).is_some()
        || matches!(*signature_algorithm, oid::RSA_ENCRYPTION | oid::RSASSA_PSS | oid::EC_PUBLIC_KEY);
    if known {
        Finding::new(Code::SigAlgorithmMismatch).arg("algorithm", signature_algorithm).arg("key", key)
    } else {
        Finding::new(Code::SigUnsupportedAlgorithm).arg("oid", signature_algorithm)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
mod tests {
    use super::*;
    use gost::{KeyAlgorithm, ParamSet, SigningKey};

    fn gost_key() -> (SigningKey, PublicKey) {
        let set = ParamSet::from_oid(&ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.1.1")).unwrap();
        let signing = SigningKey::from_be_bytes(KeyAlgorithm::Gost2012_256, set, &[0x31; 32]).unwrap();
        let public = PublicKey::Gost(signing.verifying_key().clone());
        (signing, public)
    }

    fn gost_spki(point_le: &[u8]) -> Vec<u8> {
        let mut der =
            hex("305e301706082a85030701010101300b06092a850307010201010103430004 40".replace(' ', "").as_str());
        der.extend_from_slice(point_le);
        der
    }

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
    }

    #[test]
    fn gost_accepts_signature_and_key_oids() {
        let (signing, key) = gost_key();
        let digest = DigestAlgorithm::Streebog256;
        let prehash = digest.digest(b"document");
        let sig = signing.sign_prehash_with_rng(&prehash).unwrap().to_cms_bytes();
        verify_prehash(&key, &oid::GOST2012_256_WITH_STREEBOG, None, digest, &prehash, &sig).unwrap();
        verify_prehash(&key, &oid::GOST2012_256_KEY, None, digest, &prehash, &sig).unwrap();
        verify_message(&key, &oid::GOST2012_256_KEY, None, digest, b"document", &sig).unwrap();
        let err = verify_message(&key, &oid::GOST2012_256_KEY, None, digest, b"documenT", &sig).unwrap_err();
        assert_eq!(err.code, Code::SigInvalid);
    }

    #[test]
    fn gost_algorithm_problems_have_their_codes() {
        let (signing, key) = gost_key();
        let s256 = DigestAlgorithm::Streebog256;
        let prehash = s256.digest(b"x");
        let sig = signing.sign_prehash_with_rng(&prehash).unwrap().to_cms_bytes();
        let code = |alg: &ObjectIdentifier, digest: DigestAlgorithm, prehash: &[u8], sig: &[u8]| {
            verify_prehash(&key, alg, None, digest, prehash, sig).unwrap_err().code
        };
        assert_eq!(code(&oid::GOST2012_512_WITH_STREEBOG, s256, &prehash, &sig), Code::SigAlgorithmMismatch);
        assert_eq!(code(&oid::GOST2001_WITH_GOST94, s256, &prehash, &sig), Code::SigAlgorithmMismatch);
        assert_eq!(code(&oid::GOST2001_KEY, s256, &prehash, &sig), Code::SigAlgorithmMismatch);
        assert_eq!(code(&oid::SHA256_WITH_RSA, s256, &prehash, &sig), Code::SigAlgorithmMismatch);
        let sha = DigestAlgorithm::Sha256;
        assert_eq!(code(&oid::GOST2012_256_WITH_STREEBOG, sha, &prehash, &sig), Code::SigAlgorithmMismatch);
        let unknown = ObjectIdentifier::new_unwrap("1.2.3.4.5");
        assert_eq!(code(&unknown, s256, &prehash, &sig), Code::SigUnsupportedAlgorithm);
        assert_eq!(code(&oid::GOST2012_256_KEY, s256, &prehash[..31], &sig), Code::Internal);
        assert_eq!(code(&oid::GOST2012_256_KEY, s256, &prehash, &sig[..63]), Code::SigEncoding);
        assert_eq!(code(&oid::GOST2012_256_KEY, s256, &prehash, &[0u8; 64]), Code::SigInvalid);
        // r and s not below q (q of TC26-256-A is about 2^254).
        assert_eq!(code(&oid::GOST2012_256_KEY, s256, &prehash, &[0xffu8; 64]), Code::SigInvalid);
        let PublicKey::Gost(gost) = &key else { panic!("GOST") };
        assert!(gost.signature_from_cms_bytes(&sig).is_ok());
        assert_eq!(gost.signature_from_cms_bytes(&[0xffu8; 64]).unwrap_err().code, Code::SigInvalid);
        assert_eq!(gost.signature_from_cms_bytes(&[0x01u8; 128]).unwrap_err().code, Code::SigEncoding);
    }

    #[test]
    fn gost_key_from_spki_and_its_properties() {
        let (signing, key) = gost_key();
        let spki = gost_spki(&signing.verifying_key().to_le_coordinates());
        let parsed = PublicKey::from_spki_der(&spki).unwrap();
        let PublicKey::Gost(parsed_gost) = &parsed else { panic!("GOST") };
        assert_eq!(parsed_gost, signing.verifying_key());
        assert_eq!(parsed.algorithm_name(), "gost2012-256");
        assert_eq!(parsed.parameters_name(), Some("TC26-256-A"));
        assert_eq!(parsed.parameters_oid().as_deref(), Some("1.2.643.7.1.2.1.1.1"));
        assert!(parsed.is_gost2012());
        assert_eq!(parsed.key_bits(), 256);
        assert_eq!(key.key_bits(), 256);
        // A point off the curve, a short point, trailing garbage.
        let mut off = signing.verifying_key().to_le_coordinates();
        off[0] ^= 1;
        assert_eq!(PublicKey::from_spki_der(&gost_spki(&off)).unwrap_err().code, Code::CertKeyInvalid);
        let mut short = gost_spki(&off[..63]);
        short[1] -= 1;
        assert_eq!(PublicKey::from_spki_der(&short).unwrap_err().code, Code::CertKeyInvalid);
        let mut trailing = spki.clone();
        trailing.push(0);
        assert_eq!(PublicKey::from_spki_der(&trailing).unwrap_err().code, Code::CertKeyInvalid);
        // An unknown parameter set, and a 512-bit set for a 256-bit key.
        let mut unknown_set = spki.clone();
        unknown_set[26] = 9;
        let err = PublicKey::from_spki_der(&unknown_set).unwrap_err();
        assert_eq!((err.code, err.get("oid")), (Code::CertKeyUnsupported, Some("1.2.643.7.1.2.1.1.9")));
        let mut wrong_size = spki.clone();
        wrong_size[25] = 2;
        assert_eq!(PublicKey::from_spki_der(&wrong_size).unwrap_err().code, Code::CertKeyInvalid);
    }

    #[test]
    fn other_keys_and_algorithms() {
        // Ed25519 (RFC 8410) is not supported.
        let ed25519 = hex("302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        let err = PublicKey::from_spki_der(&ed25519).unwrap_err();
        assert_eq!((err.code, err.get("oid")), (Code::CertKeyUnsupported, Some("1.3.101.112")));
        assert_eq!(PublicKey::from_spki_der(&[0x30, 0x00]).unwrap_err().code, Code::CertKeyInvalid);
        // The P-256 base point as a key.
        let p256 = hex(
            "3059301306072a8648ce3d020106082a8648ce3d030107034200046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a1\
             3945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
        );
        let key = PublicKey::from_spki_der(&p256).unwrap();
        assert_eq!(key.algorithm_name(), "ecdsa-p256");
        assert_eq!((key.parameters_name(), key.key_bits(), key.is_gost2012()), (Some("P-256"), 256, false));
        assert_eq!(key.parameters_oid().as_deref(), Some("1.2.840.10045.3.1.7"));
        let sha = DigestAlgorithm::Sha256;
        let prehash = sha.digest(b"x");
        let code = |alg: &ObjectIdentifier, digest: DigestAlgorithm, prehash: &[u8], sig: &[u8]| {
            verify_prehash(&key, alg, None, digest, prehash, sig).unwrap_err().code
        };
        let sig = [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01];
        assert_eq!(code(&oid::ECDSA_WITH_SHA256, sha, &prehash, &sig), Code::SigInvalid);
        assert_eq!(code(&oid::EC_PUBLIC_KEY, sha, &prehash, &sig), Code::SigInvalid);
        assert_eq!(code(&oid::ECDSA_WITH_SHA256, sha, &prehash, &sig[..5]), Code::SigEncoding);
        let sha384 = DigestAlgorithm::Sha384;
        assert_eq!(code(&oid::ECDSA_WITH_SHA256, sha384, &sha384.digest(b"x"), &sig), Code::SigAlgorithmMismatch);
        assert_eq!(code(&oid::GOST2012_256_WITH_STREEBOG, sha, &prehash, &sig), Code::SigAlgorithmMismatch);
        let s256 = DigestAlgorithm::Streebog256;
        assert_eq!(code(&oid::EC_PUBLIC_KEY, s256, &s256.digest(b"x"), &sig), Code::SigUnsupportedAlgorithm);
    }

    #[test]
    fn certificate_digests() {
        assert_eq!(signature_digest(&oid::GOST2012_512_WITH_STREEBOG, None).unwrap(), DigestAlgorithm::Streebog512);
        assert_eq!(signature_digest(&oid::ECDSA_WITH_SHA384, None).unwrap(), DigestAlgorithm::Sha384);
        assert_eq!(signature_digest(&oid::RSA_ENCRYPTION, None).unwrap_err().code, Code::SigUnsupportedAlgorithm);
        assert_eq!(signature_digest(&oid::RSASSA_PSS, Some(&[0x30, 0x00])).unwrap(), DigestAlgorithm::Sha1);
        assert_eq!(signature_digest(&oid::RSASSA_PSS, None).unwrap_err().code, Code::SigEncoding);
    }
}
