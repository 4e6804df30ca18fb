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
            let signature = gost::Signature::from_cms_bytes(signature, key.param_set().field_len())?;
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
