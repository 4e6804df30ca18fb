//! The first half of signing with an external signer: the signed attributes and the hash to sign.
//!
//! ```text
//! SignedAttributes ::= SET SIZE (1..MAX) OF Attribute          -- RFC 5652 §5.3, DER
//!   contentType          id-data                                -- §11.1
//!   signingTime          UTCTime 1950–2049, else GeneralizedTime -- §11.3
//!   messageDigest        the document's digest                  -- §11.2
//!   signingCertificateV2 SEQUENCE { SEQUENCE { ESSCertIDv2 } }   -- RFC 5035 §3
//!
//! ESSCertIDv2 ::= SEQUENCE {
//!   hashAlgorithm AlgorithmIdentifier DEFAULT {algorithm id-sha256},
//!   certHash      OCTET STRING,                                 -- over the certificate's bytes
//!   issuerSerial  SEQUENCE { issuer GeneralNames { [4] Name }, serialNumber INTEGER } }
//! ```
//!
//! # The certificate hash in ESSCertIDv2
//!
//! RFC 5035 allows any hash; SHA-256 is the default and then omitted. For a GOST certificate
//! this module hashes with the signature's own GOST R 34.11-2012 (Streebog-256 for a 256-bit key,
//! Streebog-512 for a 512-bit key) and writes the `hashAlgorithm` explicitly, with NULL
//! parameters. Reasons:
//! - CryptoPro CSP / КриптоАРМ and the gost engine (`openssl cms -sign -cades`) write it so
//!   (the fixtures in `tests/data/signatures` carry exactly this), so it is what Russian verifiers
//!   meet every day;
//! - order № 472 of Минкомсвязь (the signature format every signing tool must implement) names
//!   GOST R 34.11-2012 as the digest of the signature; a SHA-256 inside a qualified signature's
//!   signed attributes would be the only non-GOST algorithm in it, which a certified verifier
//!   may refuse;
//! - verifiers that read ESSCertIDv2 (OpenSSL with the gost engine, CryptoPro, this crate's
//!   checker) compute the hash named in `hashAlgorithm`, so nothing is lost.
//!
//! For an RSA or ECDSA P-256 certificate the hash is SHA-256 and `hashAlgorithm` is omitted (the
//! DER of a DEFAULT value); for P-384, SHA-384 written out. `issuerSerial` is always present, as
//! ETSI EN 319 122-1 §5.2.2.3 recommends, so the identifier names one certificate even across CAs.

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::{der, digest_algorithm_der, read_certificate, Profile};
use crate::cms::ber::{universal, Class, Reader};
use crate::cms::{attrs, oid, Certificate};
use crate::crypto::DigestAlgorithm;
use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::time::Time;

/// The `format` of the JSON state ([`Prepared::to_json`]).
pub const STATE_FORMAT: &str = "ekdo-check/sign-state/v1";

/// The largest JSON state read back: a certificate is a few KiB, a chain ten of them.
const MAX_STATE_BYTES: usize = 1024 * 1024;

/// The most chain certificates carried along.
const MAX_CHAIN: usize = 16;

/// What the signature covers: the document itself, or its digest computed by the caller (with
/// the algorithm the certificate's key implies: Streebog-256, Streebog-512, SHA-256 or SHA-384).
#[derive(Clone, Copy, Debug)]
pub enum Content<'a> {
    /// The document's bytes; they are hashed here.
    Document(&'a [u8]),
    /// The document's digest, as the digest algorithm outputs it.
    Digest(&'a [u8]),
}

/// Options of [`prepare`].
#[derive(Clone, Debug, Default)]
pub struct PrepareOptions {
    /// Certificates to carry besides the signer's (its CA chain), each DER or PEM.
    pub chain: Vec<Vec<u8>>,
}

/// The state between [`prepare`] and [`super::assemble`]: the signed attributes, the hash the
/// external signer must sign, and the certificates.
///
/// It can only be made by [`prepare`] or read back by [`Prepared::from_json`], which checks it
/// again, so its parts always agree: the hash is the digest of the signed attributes, which name
/// this certificate and carry the document's digest.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Prepared {
    digest: DigestAlgorithm,
    signed_attrs: Vec<u8>,
    hash: Vec<u8>,
    message_digest: Vec<u8>,
    signing_time: Time,
    certificate: Certificate,
    chain: Vec<Certificate>,
}

/// The JSON form of [`Prepared`]: bytes in standard base64.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct State {
    format: String,
    digest_algorithm: String,
    signed_attrs: String,
    certificate: String,
    chain: Vec<String>,
}

/// Builds the signed attributes for a detached CAdES-BES signature and the hash to sign.
///
/// - `content`: the document, or its digest with the algorithm the key implies;
/// - `certificate`: the signer's certificate, DER or PEM;
/// - `signing_time`: the signingTime to write (the core reads no clock); the certificate must be
///   valid then.
///
/// The algorithms follow the certificate's key (see [`Prepared::digest_algorithm`]).
///
/// # Errors
/// `CERT_MALFORMED` for a certificate that does not read; `CERT_KEY_UNSUPPORTED` /
/// `CERT_KEY_INVALID` for its key; `SIGN_KEY_UNSUPPORTED` for GOST R 34.10-2001;
/// `SIGN_CERTIFICATE_NOT_VALID` when the certificate is not valid at `signing_time`;
/// `SIGN_DIGEST_INVALID` for a digest of the wrong length; `OPTIONS_TIME` for a signing time
/// outside the years 0–9999; `LIMIT_CMS_CERTIFICATES` for a chain of more than 16.
pub fn prepare(
    content: Content<'_>,
    certificate: &[u8],
    signing_time: Time,
    options: &PrepareOptions,
) -> Result<Prepared, Finding> {
    let certificate = read_certificate(certificate)?;
    prepare_for(content, certificate, signing_time, options)
}

/// [`prepare`] with the certificate already read.
pub(crate) fn prepare_for(
    content: Content<'_>,
    certificate: Certificate,
    signing_time: Time,
    options: &PrepareOptions,
) -> Result<Prepared, Finding> {
    let profile = Profile::of(&certificate)?;
    if signing_time < certificate.not_before || signing_time > certificate.not_after {
        return Err(Finding::new(Code::SignCertificateNotValid)
            .arg("at", signing_time)
            .arg("not_before", certificate.not_before)
            .arg("not_after", certificate.not_after));
    }
    let chain = read_chain(&options.chain)?;
    let message_digest = match content {
        Content::Document(document) => profile.digest.digest(document),
        Content::Digest(digest) => {
            if digest.len() != profile.digest.output_len() {
                return Err(Finding::new(Code::SignDigestInvalid)
                    .arg("algorithm", profile.digest.name())
                    .arg("expected", profile.digest.output_len())
                    .arg("actual", digest.len()));
            }
            digest.to_vec()
        }
    };
    let signed_attrs = signed_attributes(&certificate, profile.digest, &message_digest, signing_time)?;
    let hash = profile.digest.digest(&signed_attrs);
    Ok(Prepared { digest: profile.digest, signed_attrs, hash, message_digest, signing_time, certificate, chain })
}

impl Prepared {
    /// The DER signed attributes with the SET OF tag (`0x31`): exactly the bytes hashed
    /// (RFC 5652 §5.4). In the SignerInfo they carry the `[0]` tag instead.
    pub fn signed_attrs(&self) -> &[u8] {
        &self.signed_attrs
    }

    /// The hash to sign: the digest of [`Prepared::signed_attrs`], as the digest algorithm
    /// outputs it (for Streebog, the byte order of RFC 6986 §10's examples reversed; a GOST
    /// signer reads it as a little-endian number, as CryptoPro's `CryptSignHash` does).
    pub fn hash(&self) -> &[u8] {
        &self.hash
    }

    /// The digest algorithm: Streebog-256 for a GOST R 34.10-2012 256-bit key, Streebog-512 for
    /// a 512-bit key, SHA-256 for RSA and ECDSA P-256, SHA-384 for ECDSA P-384.
    pub fn digest_algorithm(&self) -> DigestAlgorithm {
        self.digest
    }

    /// The document's digest (the messageDigest attribute).
    pub fn message_digest(&self) -> &[u8] {
        &self.message_digest
    }

    /// The signingTime attribute.
    pub fn signing_time(&self) -> Time {
        self.signing_time
    }

    /// The signer's certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.certificate
    }

    /// The chain certificates to carry.
    pub fn chain(&self) -> &[Certificate] {
        &self.chain
    }

    /// The state as JSON, for a caller that signs asynchronously:
    /// `{"format":"ekdo-check/sign-state/v1","digest_algorithm":"streebog256",
    /// "signed_attrs":"<base64>","certificate":"<base64>","chain":["<base64>",…]}`. It holds no
    /// secret: only public data that ends up in the signature file anyway.
    pub fn to_json(&self) -> String {
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        let state = State {
            format: STATE_FORMAT.to_owned(),
            digest_algorithm: self.digest.name().to_owned(),
            signed_attrs: b64(&self.signed_attrs),
            certificate: b64(&self.certificate.der),
            chain: self.chain.iter().map(|c| b64(&c.der)).collect(),
        };
        serde_json::to_string(&state).unwrap_or_default()
    }

    /// Reads a state written by [`Prepared::to_json`] and checks it again: the certificate
    /// reads, the digest algorithm is the one its key implies, and the signed attributes are DER
    /// and are exactly the four this module writes, naming this certificate in
    /// signingCertificateV2. The hash is recomputed, never read.
    ///
    /// # Errors
    /// `SIGN_STATE_INVALID` for anything else (the detail says what), and the certificate codes
    /// of [`prepare`].
    pub fn from_json(text: &str) -> Result<Prepared, Finding> {
        if text.len() > MAX_STATE_BYTES {
            return Err(state_invalid(format!("{} bytes, more than {MAX_STATE_BYTES}", text.len())));
        }
        let state: State = serde_json::from_str(text).map_err(|e| state_invalid(format!("JSON: {e}")))?;
        if state.format != STATE_FORMAT {
            return Err(state_invalid(format!("the format «{}» is not {STATE_FORMAT}", state.format)));
        }
        let b64 = |what: &str, text: &str| {
            base64::engine::general_purpose::STANDARD
                .decode(text.as_bytes())
                .map_err(|e| state_invalid(format!("{what}: base64: {e}")))
        };
        let certificate = Certificate::from_der(&b64("certificate", &state.certificate)?)?;
        let profile = Profile::of(&certificate)?;
        if state.digest_algorithm != profile.digest.name() {
            return Err(state_invalid(format!(
                "the digest algorithm {} is not {} of the certificate's key",
                state.digest_algorithm,
                profile.digest.name()
            )));
        }
        if state.chain.len() > MAX_CHAIN {
            return Err(state_invalid(format!("{} chain certificates, more than {MAX_CHAIN}", state.chain.len())));
        }
        let chain = state
            .chain
            .iter()
            .map(|c| b64("chain", c).and_then(|der| Certificate::from_der(&der)))
            .collect::<Result<Vec<_>, _>>()?;
        let signed_attrs = b64("signed_attrs", &state.signed_attrs)?;
        let (signing_time, message_digest) = read_back(&signed_attrs, &certificate, profile.digest)?;
        let hash = profile.digest.digest(&signed_attrs);
        Ok(Prepared { digest: profile.digest, signed_attrs, hash, message_digest, signing_time, certificate, chain })
    }
}

fn state_invalid(detail: String) -> Finding {
    Finding::new(Code::SignStateInvalid).arg("detail", detail)
}

fn read_chain(chain: &[Vec<u8>]) -> Result<Vec<Certificate>, Finding> {
    if chain.len() > MAX_CHAIN {
        return Err(Finding::new(Code::LimitCmsCertificates).arg("limit", MAX_CHAIN));
    }
    chain.iter().map(|c| read_certificate(c)).collect()
}

/// The DER SET OF the four signed attributes (see the module documentation).
fn signed_attributes(
    cert: &Certificate,
    digest: DigestAlgorithm,
    message_digest: &[u8],
    signing_time: Time,
) -> Result<Vec<u8>, Finding> {
    let attribute = |oid_value, value: &[u8]| der::sequence(&[&der::oid(&oid_value), &der::tlv(der::tag::SET, value)]);
    let time = der::signing_time(signing_time)
        .ok_or_else(|| Finding::new(Code::OptionsTime).arg("value", signing_time.unix()))?;
    let hash_algorithm = if digest == DigestAlgorithm::Sha256 { Vec::new() } else { digest_algorithm_der(digest) };
    let issuer_serial = der::sequence(&[
        &der::sequence(&[&der::tlv(der::tag::CONTEXT_4, &cert.issuer_der)]),
        &der::integer_contents(&cert.serial),
    ]);
    let ess_cert_id = der::sequence(&[&hash_algorithm, &der::octet_string(&digest.digest(&cert.der)), &issuer_serial]);
    let signing_certificate = der::sequence(&[&der::sequence(&[&ess_cert_id])]);
    Ok(der::set_of(
        der::tag::SET,
        vec![
            attribute(oid::ATTR_CONTENT_TYPE, &der::oid(&oid::DATA)),
            attribute(oid::ATTR_SIGNING_TIME, &time),
            attribute(oid::ATTR_MESSAGE_DIGEST, &der::octet_string(message_digest)),
            attribute(oid::ATTR_SIGNING_CERTIFICATE_V2, &signing_certificate),
        ],
    ))
}

/// Reads signed attributes back from a state and checks they are what [`signed_attributes`]
/// writes for this certificate: returns the signing time and the message digest.
fn read_back(bytes: &[u8], cert: &Certificate, digest: DigestAlgorithm) -> Result<(Time, Vec<u8>), Finding> {
    let invalid = |what: &str| state_invalid(format!("signed_attrs: {what}"));
    let mut reader = Reader::nested(bytes, 0, usize::from(Limits::default().max_nesting));
    let set = reader.read().map_err(|e| invalid(&e.message_en()))?;
    reader.finish("signed_attrs").map_err(|e| invalid(&e.message_en()))?;
    if !set.is(Class::Universal, universal::SET) || !set.tag.constructed {
        return Err(invalid("not a SET OF Attribute"));
    }
    let (signed, findings) = attrs::read_signed_attrs(&set, &oid::DATA).map_err(|e| invalid(&e.message_en()))?;
    if let Some(first) = findings.first() {
        return Err(invalid(&first.message_en()));
    }
    if !signed.is_der || signed.attributes.len() != 4 {
        return Err(invalid("not the four DER attributes this module writes"));
    }
    let (Some(time), Some(md), Some(ids)) = (signed.signing_time, signed.message_digest, signed.signing_certificate_v2)
    else {
        return Err(invalid("signingTime, messageDigest or signingCertificateV2 is missing"));
    };
    if md.len() != digest.output_len() {
        return Err(invalid("the messageDigest does not fit the digest algorithm"));
    }
    let names_cert = ids.first().and_then(|id| id.matches_with(cert, &super::any_digest)) == Some(true);
    if !names_cert || ids.first().map(|id| id.hash_algorithm) != Some(digest.oid()) {
        return Err(invalid("signingCertificateV2 does not name the certificate"));
    }
    if der::set_of(der::tag::SET, split_members(&set)?) != bytes {
        return Err(invalid("the attributes are not in DER order"));
    }
    Ok((time, md))
}

/// The members of a SET as received.
fn split_members(set: &crate::cms::ber::Tlv<'_>) -> Result<Vec<Vec<u8>>, Finding> {
    let mut members = Vec::new();
    let mut reader = set.reader()?;
    while !reader.is_empty() {
        members.push(reader.read()?.raw.to_vec());
    }
    Ok(members)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const SMIRNOVA: &[u8] = include_bytes!("../../tests/data/signatures/keys/smirnova.crt.pem");
    const VASILIEV: &[u8] = include_bytes!("../../tests/data/signatures/keys/vasiliev.crt.pem");
    const GRIGORIEV: &[u8] = include_bytes!("../../tests/data/signatures/keys/grigoriev.crt.pem");
    const SOKOLOV: &[u8] = include_bytes!("../../tests/data/signatures/keys/sokolov.crt.pem");

    fn at() -> Time {
        Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap()
    }

    #[test]
    fn gost_256_attributes_and_hash() {
        let p = prepare(Content::Document(b"document"), SMIRNOVA, at(), &PrepareOptions::default()).unwrap();
        assert_eq!(p.digest_algorithm(), DigestAlgorithm::Streebog256);
        assert_eq!(p.message_digest(), DigestAlgorithm::Streebog256.digest(b"document"));
        assert_eq!(p.hash(), DigestAlgorithm::Streebog256.digest(p.signed_attrs()));
        assert_eq!(p.signed_attrs()[0], 0x31);
        assert_eq!(p.signing_time(), at());
        // The same digest given directly makes the same attributes.
        let md = DigestAlgorithm::Streebog256.digest(b"document");
        let q = prepare(Content::Digest(&md), SMIRNOVA, at(), &PrepareOptions::default()).unwrap();
        assert_eq!(p, q);
    }

    #[test]
    fn gost_512_and_rsa_digests() {
        let p = prepare(Content::Document(b"x"), VASILIEV, at(), &PrepareOptions::default()).unwrap();
        assert_eq!(p.digest_algorithm(), DigestAlgorithm::Streebog512);
        assert_eq!(p.hash().len(), 64);
        let r = prepare(Content::Document(b"x"), GRIGORIEV, at(), &PrepareOptions::default()).unwrap();
        assert_eq!(r.digest_algorithm(), DigestAlgorithm::Sha256);
        // SHA-256 is the DEFAULT of ESSCertIDv2 and so is not written (DER).
        let sha256_oid = der::oid(&oid::SHA256);
        assert!(!r.signed_attrs().windows(sha256_oid.len()).any(|w| w == sha256_oid.as_slice()));
    }

    #[test]
    fn refusals_have_codes() {
        let none = PrepareOptions::default();
        let code = |r: Result<Prepared, Finding>| r.unwrap_err().code;
        assert_eq!(code(prepare(Content::Document(b"x"), SOKOLOV, at(), &none)), Code::SignKeyUnsupported);
        assert_eq!(code(prepare(Content::Document(b"x"), b"garbage", at(), &none)), Code::CertMalformed);
        assert_eq!(code(prepare(Content::Digest(&[0; 31]), SMIRNOVA, at(), &none)), Code::SignDigestInvalid);
        let late = Time::parse_rfc3339("2040-01-01T00:00:00Z").unwrap();
        assert_eq!(code(prepare(Content::Document(b"x"), SMIRNOVA, late, &none)), Code::SignCertificateNotValid);
        let chain = PrepareOptions { chain: vec![b"not a certificate".to_vec()] };
        assert_eq!(code(prepare(Content::Document(b"x"), SMIRNOVA, at(), &chain)), Code::CertMalformed);
    }

    #[test]
    fn state_round_trips_and_is_checked() {
        let ca = include_bytes!("../../tests/data/signatures/ca/accredited-ca.pem");
        let options = PrepareOptions { chain: vec![ca.to_vec()] };
        let p = prepare(Content::Document(b"document"), SMIRNOVA, at(), &options).unwrap();
        let json = p.to_json();
        assert!(json.starts_with(r#"{"format":"ekdo-check/sign-state/v1","digest_algorithm":"streebog256""#));
        assert_eq!(Prepared::from_json(&json).unwrap(), p);

        let mut state: serde_json::Value = serde_json::from_str(&json).unwrap();
        let code = |v: &serde_json::Value| Prepared::from_json(&v.to_string()).unwrap_err().code;
        let mut bad = state.clone();
        bad["digest_algorithm"] = "streebog512".into();
        assert_eq!(code(&bad), Code::SignStateInvalid);
        let mut bad = state.clone();
        bad["extra"] = 1.into();
        assert_eq!(code(&bad), Code::SignStateInvalid);
        // Attributes made for another certificate do not fit this one.
        let other = prepare(
            Content::Document(b"document"),
            include_bytes!("../../tests/data/signatures/keys/orlov.crt.pem"),
            at(),
            &PrepareOptions::default(),
        )
        .unwrap();
        let other_state: serde_json::Value = serde_json::from_str(&other.to_json()).unwrap();
        state["signed_attrs"] = other_state["signed_attrs"].clone();
        assert_eq!(code(&state), Code::SignStateInvalid);
        assert_eq!(Prepared::from_json("{").unwrap_err().code, Code::SignStateInvalid);
        assert_eq!(Prepared::from_json(&" ".repeat(MAX_STATE_BYTES + 1)).unwrap_err().code, Code::SignStateInvalid);
    }

    #[test]
    fn attributes_are_der_sorted() {
        let p = prepare(Content::Document(b"document"), SMIRNOVA, at(), &PrepareOptions::default()).unwrap();
        let mut reader = Reader::nested(p.signed_attrs(), 0, 100);
        let set = reader.read().unwrap();
        let members = split_members(&set).unwrap();
        let mut sorted = members.clone();
        sorted.sort();
        assert_eq!(members, sorted);
        assert_eq!(members.len(), 4);
    }
}
