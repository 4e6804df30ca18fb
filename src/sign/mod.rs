//! Signing: CAdES-BES detached signatures (RFC 5652, RFC 5035, ETSI EN 319 122-1), with an
//! external signer or a software GOST R 34.10-2012 key.
//!
//! Two ways to sign:
//! - **external signer** (a browser plug-in, a token, a signing service): [`prepare`] builds the
//!   signed attributes and the hash to sign, the signer signs that hash, and [`assemble`] (or
//!   [`cosign`], to join an existing signature file) builds the CMS from the raw value. The
//!   [`Prepared`] state serialises to JSON, so a web page can keep it while an asynchronous
//!   plug-in works;
//! - **software key** ([`sign_detached`], [`cosign_detached`]): a PKCS#8 GOST R 34.10-2012 key
//!   (256 or 512 bit) signs in this process, with k from the platform's generator.
//!
//! Whatever the way, the CMS is parsed back with [`crate::cms::parse`] and every signature in it
//! is verified with [`crate::crypto`] before it is returned: a failure is a coded `SIGN_` error,
//! never an invalid signature file.
//!
//! # What is written
//!
//! ```text
//! ContentInfo { signedData, [0] SignedData {
//!   version 1, digestAlgorithms { Streebog-256 | Streebog-512 | SHA-256 | SHA-384 },
//!   encapContentInfo { id-data } (detached: no eContent),
//!   certificates [0] { the signer's certificate, the chain given },
//!   signerInfos { SignerInfo {
//!     version 1, sid issuerAndSerialNumber, digestAlgorithm,
//!     signedAttrs [0] { contentType id-data, signingTime, messageDigest,
//!                       signingCertificateV2 { ESSCertIDv2 { hashAlgorithm, certHash, issuerSerial } } },
//!     signatureAlgorithm (1.2.643.7.1.1.3.2 / 1.2.643.7.1.1.3.3 for GOST), signature } } } }
//! ```
//!
//! That is the format of the Минкомсвязь order № 472 of 14.09.2020 (GOST R 34.11-2012 digest,
//! issuerAndSerialNumber) with the CAdES-BES attributes of ETSI EN 319 122-1 §5.2. Everything is
//! DER; a co-signed file keeps its signers in signing order (see [`cosign`]).
//!
//! # What this code is and is not
//!
//! The software GOST signer is no certified СКЗИ (FSB order 66): a signature it makes is at best
//! an unqualified one (УНЭП) whatever the certificate. A qualified signature (УКЭП) needs a
//! certified tool as the external signer; this module then only builds the CMS around its value.

mod assemble;
mod der;
mod prepare;
mod soft_key;

use base64::Engine as _;
use const_oid::ObjectIdentifier;

use crate::cms::{self, Certificate};
use crate::crypto::{self, gost, DigestAlgorithm, PublicKey};
use crate::error::{Code, Finding};
use crate::limits::Limits;

pub use assemble::{assemble, cosign, AssembleOptions};
pub use prepare::{prepare, Content, PrepareOptions, Prepared, STATE_FORMAT};
pub use soft_key::{cosign_detached, sign_detached, SignOptions};

/// How an external signer lays out the raw signature value it returns.
///
/// CMS carries a GOST signature as s‖r, each half big-endian (RFC 4491 §2.2.2, RFC 9215 §3.1);
/// tools differ: some return r‖s, and CryptoAPI-style interfaces (CryptoPro's `CryptSignHash`,
/// plug-ins built on it) return the whole value reversed, that is r and s little-endian.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, Hash)]
pub enum RawSignatureOrder {
    /// As CMS carries it: GOST s‖r big-endian; RSA the big-endian integer; ECDSA the DER
    /// `Ecdsa-Sig-Value`. JS name `"s-then-r"`.
    #[default]
    CmsSThenR,
    /// GOST or ECDSA r‖s, each half big-endian (as WebCrypto returns ECDSA). JS name
    /// `"r-then-s"`.
    RThenS,
    /// The CMS value with all its bytes reversed: GOST r‖s each little-endian; RSA the
    /// little-endian integer (CryptoAPI's order). JS name `"little-endian"`.
    LittleEndian,
}

impl RawSignatureOrder {
    /// Every order, the default first.
    pub const ALL: [RawSignatureOrder; 3] =
        [RawSignatureOrder::CmsSThenR, RawSignatureOrder::RThenS, RawSignatureOrder::LittleEndian];

    /// The stable name: `"s-then-r"`, `"r-then-s"` or `"little-endian"`.
    pub const fn name(self) -> &'static str {
        match self {
            RawSignatureOrder::CmsSThenR => "s-then-r",
            RawSignatureOrder::RThenS => "r-then-s",
            RawSignatureOrder::LittleEndian => "little-endian",
        }
    }

    /// The order a name names.
    pub fn from_name(name: &str) -> Option<RawSignatureOrder> {
        RawSignatureOrder::ALL.into_iter().find(|o| o.name() == name)
    }

    /// The value as CMS carries it, from a raw value in this order.
    ///
    /// # Errors
    /// `SIGN_SIGNATURE_INVALID` for a GOST value of the wrong length; `OPTIONS_INVALID` for an
    /// order that means nothing for the key (r‖s for RSA, little-endian for ECDSA).
    pub(crate) fn to_cms_value(self, kind: KeyKind, raw: &[u8]) -> Result<Vec<u8>, Finding> {
        match kind {
            KeyKind::Gost { field_len } => {
                let expected = field_len.saturating_mul(2);
                if raw.len() != expected {
                    return Err(Finding::new(Code::SignSignatureInvalid).arg(
                        "detail",
                        format!(
                            "a {}-byte value for a {}-bit GOST key, expected {expected}",
                            raw.len(),
                            field_len.saturating_mul(8)
                        ),
                    ));
                }
                Ok(match self {
                    RawSignatureOrder::CmsSThenR => raw.to_vec(),
                    RawSignatureOrder::RThenS => {
                        let (r, s) = raw.split_at(field_len);
                        [s, r].concat()
                    }
                    RawSignatureOrder::LittleEndian => raw.iter().rev().copied().collect(),
                })
            }
            KeyKind::Rsa => match self {
                RawSignatureOrder::CmsSThenR => Ok(raw.to_vec()),
                RawSignatureOrder::LittleEndian => Ok(raw.iter().rev().copied().collect()),
                RawSignatureOrder::RThenS => Err(order_invalid(self, "an RSA signature has no r and s")),
            },
            KeyKind::Ecdsa { field_len } => match self {
                RawSignatureOrder::CmsSThenR => Ok(raw.to_vec()),
                RawSignatureOrder::RThenS => {
                    if raw.len() != field_len.saturating_mul(2) {
                        return Err(Finding::new(Code::SignSignatureInvalid).arg(
                            "detail",
                            format!("a {}-byte r‖s value, expected {}", raw.len(), field_len.saturating_mul(2)),
                        ));
                    }
                    let (r, s) = raw.split_at(field_len);
                    Ok(der::sequence(&[&der::unsigned_integer(r), &der::unsigned_integer(s)]))
                }
                RawSignatureOrder::LittleEndian => Err(order_invalid(self, "an ECDSA value is not little-endian")),
            },
        }
    }
}

fn order_invalid(order: RawSignatureOrder, why: &str) -> Finding {
    Finding::new(Code::OptionsInvalid).arg("detail", format!("order «{}»: {why}", order.name()))
}

/// The form of the signature file made.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, Hash)]
pub enum Output {
    /// Binary DER.
    #[default]
    Der,
    /// PEM, `-----BEGIN CMS-----` (RFC 7468 §9), base64 in 64-column lines.
    Pem,
}

impl Output {
    /// `der` itself or its PEM armour.
    pub fn encode(self, der: Vec<u8>) -> Vec<u8> {
        match self {
            Output::Der => der,
            Output::Pem => to_pem(&der),
        }
    }
}

/// A DER CMS in PEM armour: `-----BEGIN CMS-----`, base64 in 64-column lines, `-----END CMS-----`
/// (RFC 7468 §9), LF line ends.
pub fn to_pem(der: &[u8]) -> Vec<u8> {
    let text = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::with_capacity(text.len() + text.len() / 64 + 48);
    out.push_str("-----BEGIN CMS-----\n");
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let (line, tail) = rest.split_at(rest.len().min(64));
        out.push_str(line);
        out.push('\n');
        rest = tail;
    }
    out.push_str("-----END CMS-----\n");
    out.into_bytes()
}

/// Reads a certificate given as DER, BER, PEM (`-----BEGIN CERTIFICATE-----`) or bare base64.
///
/// # Errors
/// `CERT_MALFORMED` when it is none of these, or not one X.509 certificate.
pub fn read_certificate(input: &[u8]) -> Result<Certificate, Finding> {
    let decoded = cms::decode(input, &Limits::default()).map_err(|e| {
        Finding::new(Code::CertMalformed).arg("detail", format!("not a DER or PEM certificate ({})", e.code))
    })?;
    Certificate::from_der(&decoded.bytes)
}

/// What kind of signature value the key makes (for byte orders and lengths).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum KeyKind {
    /// GOST R 34.10-2012: r and s of `field_len` bytes each.
    Gost {
        /// 32 or 64.
        field_len: usize,
    },
    /// RSA PKCS #1 v1.5.
    Rsa,
    /// ECDSA: r and s of `field_len` bytes each in the fixed form.
    Ecdsa {
        /// 32 (P-256) or 48 (P-384).
        field_len: usize,
    },
}

/// What the certificate's key implies for a signature: the digest and signature algorithms.
#[derive(Clone, Debug)]
pub(crate) struct Profile {
    pub(crate) key: PublicKey,
    pub(crate) kind: KeyKind,
    pub(crate) digest: DigestAlgorithm,
    pub(crate) signature_oid: ObjectIdentifier,
    /// The DER of the signatureAlgorithm parameters, when it has any.
    pub(crate) signature_params: Option<&'static [u8]>,
}

impl Profile {
    /// The algorithms for the certificate's key:
    /// - GOST R 34.10-2012 256: Streebog-256, id-tc26-signwithdigest-gost3410-12-256 (RFC 9215 §3.1);
    /// - GOST R 34.10-2012 512: Streebog-512, id-tc26-signwithdigest-gost3410-12-512;
    /// - RSA: SHA-256, sha256WithRSAEncryption with NULL parameters (RFC 4055 §5, RFC 5754 §3.2);
    /// - ECDSA P-256 / P-384: SHA-256 / SHA-384, ecdsa-with-SHA256 / -SHA384 (RFC 5753 §7.1.1,
    ///   RFC 5758 §3.2).
    ///
    /// # Errors
    /// `SIGN_KEY_UNSUPPORTED` for GOST R 34.10-2001 (no longer allowed for signing since
    /// 1 January 2019); the key codes of [`PublicKey::from_spki_der`].
    pub(crate) fn of(cert: &Certificate) -> Result<Profile, Finding> {
        let key = PublicKey::from_spki_der(&cert.spki_der)?;
        let (kind, digest, signature_oid, signature_params): (_, _, _, Option<&'static [u8]>) = match &key {
            PublicKey::Gost(gost_key) => match gost_key.algorithm() {
                gost::KeyAlgorithm::Gost2012_256 => (
                    KeyKind::Gost { field_len: gost_key.param_set().field_len() },
                    DigestAlgorithm::Streebog256,
                    crypto::oid::GOST2012_256_WITH_STREEBOG,
                    None,
                ),
                gost::KeyAlgorithm::Gost2012_512 => (
                    KeyKind::Gost { field_len: gost_key.param_set().field_len() },
                    DigestAlgorithm::Streebog512,
                    crypto::oid::GOST2012_512_WITH_STREEBOG,
                    None,
                ),
                gost::KeyAlgorithm::Gost2001 => {
                    return Err(Finding::new(Code::SignKeyUnsupported)
                        .arg("algorithm", "gost2001")
                        .arg("detail", "GOST R 34.10-2001 may not be used to make signatures since 1 January 2019"))
                }
            },
            PublicKey::Rsa(_) => {
                (KeyKind::Rsa, DigestAlgorithm::Sha256, crypto::oid::SHA256_WITH_RSA, Some(&der::NULL[..]))
            }
            PublicKey::EcdsaP256(_) => {
                (KeyKind::Ecdsa { field_len: 32 }, DigestAlgorithm::Sha256, crypto::oid::ECDSA_WITH_SHA256, None)
            }
            PublicKey::EcdsaP384(_) => {
                (KeyKind::Ecdsa { field_len: 48 }, DigestAlgorithm::Sha384, crypto::oid::ECDSA_WITH_SHA384, None)
            }
        };
        Ok(Profile { key, kind, digest, signature_oid, signature_params })
    }

    /// The digestAlgorithm element: GOST R 34.11 with NULL parameters, as CryptoPro CSP and the
    /// gost engine write it; SHA-2 with the parameters absent (RFC 5754 §2).
    pub(crate) fn digest_algorithm_der(&self) -> Vec<u8> {
        digest_algorithm_der(self.digest)
    }

    /// The signatureAlgorithm element.
    pub(crate) fn signature_algorithm_der(&self) -> Vec<u8> {
        der::algorithm(&self.signature_oid, self.signature_params)
    }
}

/// The AlgorithmIdentifier of a digest as this module writes it (see
/// [`Profile::digest_algorithm_der`]).
pub(crate) fn digest_algorithm_der(digest: DigestAlgorithm) -> Vec<u8> {
    match digest {
        DigestAlgorithm::Streebog256 | DigestAlgorithm::Streebog512 | DigestAlgorithm::Gost94CryptoPro => {
            der::algorithm(&digest.oid(), Some(&der::NULL))
        }
        _ => der::algorithm(&digest.oid(), None),
    }
}

/// A digest by OID with every algorithm [`crate::crypto`] computes (for ESS identifiers).
pub(crate) fn any_digest(algorithm: &ObjectIdentifier, data: &[u8]) -> Option<Vec<u8>> {
    DigestAlgorithm::from_oid(algorithm).map(|d| d.digest(data))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn orders_have_stable_names() {
        for order in RawSignatureOrder::ALL {
            assert_eq!(RawSignatureOrder::from_name(order.name()), Some(order));
        }
        assert_eq!(RawSignatureOrder::from_name("big-endian"), None);
        assert_eq!(RawSignatureOrder::default(), RawSignatureOrder::CmsSThenR);
    }

    #[test]
    fn gost_orders_convert_to_s_then_r() {
        let s: Vec<u8> = (1..=32).collect();
        let r: Vec<u8> = (101..=132).collect();
        let cms = [s.clone(), r.clone()].concat();
        let kind = KeyKind::Gost { field_len: 32 };
        assert_eq!(RawSignatureOrder::CmsSThenR.to_cms_value(kind, &cms).unwrap(), cms);
        let r_then_s = [r.clone(), s.clone()].concat();
        assert_eq!(RawSignatureOrder::RThenS.to_cms_value(kind, &r_then_s).unwrap(), cms);
        let le: Vec<u8> = [r.iter().rev().copied().collect::<Vec<_>>(), s.iter().rev().copied().collect()].concat();
        assert_eq!(RawSignatureOrder::LittleEndian.to_cms_value(kind, &le).unwrap(), cms);
        let err = RawSignatureOrder::CmsSThenR.to_cms_value(kind, &cms[..63]).unwrap_err();
        assert_eq!(err.code, Code::SignSignatureInvalid);
    }

    #[test]
    fn rsa_and_ecdsa_orders() {
        assert_eq!(RawSignatureOrder::LittleEndian.to_cms_value(KeyKind::Rsa, &[1, 2, 3]).unwrap(), [3, 2, 1]);
        let err = RawSignatureOrder::RThenS.to_cms_value(KeyKind::Rsa, &[1, 2]).unwrap_err();
        assert_eq!(err.code, Code::OptionsInvalid);
        let ecdsa = KeyKind::Ecdsa { field_len: 2 };
        assert_eq!(
            RawSignatureOrder::RThenS.to_cms_value(ecdsa, &[0x00, 0x81, 0x01, 0x02]).unwrap(),
            [0x30, 0x08, 0x02, 0x02, 0x00, 0x81, 0x02, 0x02, 0x01, 0x02]
        );
        assert_eq!(
            RawSignatureOrder::LittleEndian.to_cms_value(ecdsa, &[1; 4]).unwrap_err().code,
            Code::OptionsInvalid
        );
    }

    #[test]
    fn pem_armour() {
        let element = der::octet_string(&[0x5a; 100]);
        let pem = String::from_utf8(to_pem(&element)).unwrap();
        let lines: Vec<&str> = pem.lines().collect();
        assert_eq!(lines[0], "-----BEGIN CMS-----");
        assert_eq!(lines[1].len(), 64);
        assert_eq!(lines.last().copied(), Some("-----END CMS-----"));
        let body: String = lines[1..lines.len() - 1].concat();
        assert_eq!(base64::engine::general_purpose::STANDARD.decode(body).unwrap(), element);
    }
}
