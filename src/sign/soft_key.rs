//! Signing with a software GOST R 34.10-2012 key (256 or 512 bit) in PKCS#8, as OpenSSL's gost
//! engine writes it: [`sign_detached`] makes a new detached signature file, [`cosign_detached`]
//! adds a signer to one.
//!
//! The nonce k comes from the platform's generator (`getrandom`: the operating system natively,
//! `crypto.getRandomValues` in a browser or Node). The key is read without copies beyond the
//! PEM decoding, which is zeroised; the secret scalar lives in [`gost::SigningKey`], which
//! zeroises it on drop and never shows it in `Debug`. Errors never carry key material.

use const_oid::ObjectIdentifier;
use der::asn1::AnyRef;
use der::{Decode, Reader, SliceReader};
use spki::AlgorithmIdentifierRef;
use zeroize::Zeroizing;

use super::assemble::{assemble, cosign_with, AssembleOptions};
use super::prepare::{prepare_for, Content, PrepareOptions};
use super::{read_certificate, Output, RawSignatureOrder};
use crate::crypto::{gost, oid, PublicKey};
use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::time::Time;

/// Options of [`sign_detached`] and [`cosign_detached`].
#[derive(Clone, Debug, Default)]
pub struct SignOptions {
    /// Certificates to carry besides the signer's (its CA chain), each DER or PEM.
    pub chain: Vec<Vec<u8>>,
    /// DER or PEM.
    pub output: Output,
    /// Bounds for reading an existing signature file.
    pub limits: Limits,
}

/// Signs `document` with a software GOST R 34.10-2012 key: a detached CAdES-BES signature file
/// (see the [module documentation](super) for what it holds).
///
/// - `key`: PKCS#8 PrivateKeyInfo, DER or PEM (`-----BEGIN PRIVATE KEY-----`), unencrypted;
/// - `certificate`: the key's certificate, DER or PEM;
/// - `signing_time`: the signingTime to write.
///
/// # Errors
/// `SIGN_KEY_INVALID` for a key that does not read; `SIGN_KEY_UNSUPPORTED` for an RSA, ECDSA or
/// GOST R 34.10-2001 key; `SIGN_KEY_CERTIFICATE_MISMATCH` when the key is not the certificate's;
/// the codes of [`super::prepare`] and [`super::assemble`].
pub fn sign_detached(
    document: &[u8],
    key: &[u8],
    certificate: &[u8],
    signing_time: Time,
    options: &SignOptions,
) -> Result<Vec<u8>, Finding> {
    let (prepared, value) = sign_with_key(document, key, certificate, signing_time, options)?;
    assemble(&prepared, &value, &assemble_options(options))
}

/// Adds a signature of `document` made with a software GOST R 34.10-2012 key to the detached
/// signature file `existing` (DER, BER, PEM or base64), keeping every signer already there byte
/// for byte (see [`super::cosign`]). The signers there are checked against the document itself,
/// whatever their digest algorithm.
///
/// # Errors
/// As [`sign_detached`] and [`super::cosign`].
pub fn cosign_detached(
    document: &[u8],
    existing: &[u8],
    key: &[u8],
    certificate: &[u8],
    signing_time: Time,
    options: &SignOptions,
) -> Result<Vec<u8>, Finding> {
    // An unreadable file is refused before the key signs anything.
    crate::cms::parse(existing, &options.limits)?;
    let (prepared, value) = sign_with_key(document, key, certificate, signing_time, options)?;
    cosign_with(existing, &prepared, &value, &assemble_options(options), Some(document))
}

fn assemble_options(options: &SignOptions) -> AssembleOptions {
    AssembleOptions { order: RawSignatureOrder::CmsSThenR, output: options.output, limits: options.limits.clone() }
}

/// Reads key and certificate, checks they belong together, prepares and signs the hash.
fn sign_with_key(
    document: &[u8],
    key: &[u8],
    certificate: &[u8],
    signing_time: Time,
    options: &SignOptions,
) -> Result<(super::Prepared, Vec<u8>), Finding> {
    let signing_key = read_key(key)?;
    let certificate = read_certificate(certificate)?;
    let matches = match PublicKey::from_spki_der(&certificate.spki_der) {
        Ok(PublicKey::Gost(cert_key)) => {
            let ours = signing_key.verifying_key();
            cert_key.algorithm() == ours.algorithm() && cert_key.to_le_coordinates() == ours.to_le_coordinates()
        }
        Ok(_) | Err(_) => false,
    };
    if !matches {
        return Err(Finding::new(Code::SignKeyCertificateMismatch).arg("subject", certificate.subject.display()));
    }
    let prepared = prepare_for(
        Content::Document(document),
        certificate,
        signing_time,
        &PrepareOptions { chain: options.chain.clone() },
    )?;
    let value = signing_key.sign_prehash_with_rng(prepared.hash())?.to_cms_bytes();
    Ok((prepared, value))
}

/// Reads an unencrypted PKCS#8 key, DER or PEM, refusing other algorithms with
/// `SIGN_KEY_UNSUPPORTED`.
fn read_key(key: &[u8]) -> Result<gost::SigningKey, Finding> {
    let pem_der;
    let der: &[u8] = if key.first() == Some(&0x30) {
        key
    } else {
        pem_der = pem_private_key(key)?;
        &pem_der
    };
    match pkcs8_algorithm(der) {
        Some(oid::GOST2012_256_KEY | oid::GOST2012_512_KEY) | None => {}
        Some(other) => return Err(unsupported(&other)),
    }
    gost::SigningKey::from_pkcs8_der(der)
}

/// The DER of a `-----BEGIN PRIVATE KEY-----` block, zeroised on drop.
fn pem_private_key(text: &[u8]) -> Result<Zeroizing<Vec<u8>>, Finding> {
    use base64::Engine as _;
    const BEGIN: &[u8] = b"-----BEGIN PRIVATE KEY-----";
    const END: &[u8] = b"-----END PRIVATE KEY-----";
    let find = |haystack: &[u8], needle: &[u8]| haystack.windows(needle.len()).position(|w| w == needle);
    let Some(start) = find(text, BEGIN) else {
        let detail = if find(text, b"-----BEGIN ENCRYPTED PRIVATE KEY-----").is_some() {
            "the key is encrypted; decrypt it first (openssl pkcs8 -engine gost -in KEY -out PLAIN)"
        } else if find(text, b"-----BEGIN RSA PRIVATE KEY-----").is_some() {
            return Err(unsupported(&oid::RSA_ENCRYPTION));
        } else if find(text, b"-----BEGIN EC PRIVATE KEY-----").is_some() {
            return Err(unsupported(&oid::EC_PUBLIC_KEY));
        } else {
            "neither DER nor a PEM PRIVATE KEY block"
        };
        return Err(Finding::new(Code::SignKeyInvalid).arg("detail", detail));
    };
    let body = text.get(start.saturating_add(BEGIN.len())..).unwrap_or_default();
    let end = find(body, END)
        .ok_or_else(|| Finding::new(Code::SignKeyInvalid).arg("detail", "the PEM block is not closed"))?;
    // Buffers sized up front, so no reallocation leaves a copy of the key behind.
    let armoured = body.get(..end).unwrap_or_default();
    let mut base64_text = Zeroizing::new(Vec::with_capacity(armoured.len()));
    base64_text.extend(armoured.iter().copied().filter(|b| !b.is_ascii_whitespace()));
    let mut der = Zeroizing::new(Vec::with_capacity((base64_text.len() / 4 * 3).saturating_add(3)));
    base64::engine::general_purpose::STANDARD
        .decode_vec(base64_text.as_slice(), &mut der)
        .map_err(|_| Finding::new(Code::SignKeyInvalid).arg("detail", "the PEM block is not valid base64"))?;
    Ok(der)
}

/// The algorithm OID of a PKCS#8 PrivateKeyInfo, if its start reads.
fn pkcs8_algorithm(der: &[u8]) -> Option<ObjectIdentifier> {
    let mut reader = SliceReader::new(der).ok()?;
    reader
        .sequence(|r| {
            u8::decode(r)?;
            let algorithm = AlgorithmIdentifierRef::decode(r)?;
            while !r.is_finished() {
                AnyRef::decode(r)?;
            }
            Ok::<_, der::Error>(algorithm.oid)
        })
        .ok()
}

fn unsupported(algorithm: &ObjectIdentifier) -> Finding {
    let (name, detail) = match *algorithm {
        oid::RSA_ENCRYPTION | oid::RSASSA_PSS => ("RSA", "sign with an external signer (prepare / assemble)"),
        oid::EC_PUBLIC_KEY => ("ECDSA", "sign with an external signer (prepare / assemble)"),
        oid::GOST2001_KEY => ("GOST R 34.10-2001", "it may not be used to make signatures since 1 January 2019"),
        _ => ("", "only GOST R 34.10-2012 keys sign in software"),
    };
    let name = if name.is_empty() { algorithm.to_string() } else { name.to_owned() };
    Finding::new(Code::SignKeyUnsupported).arg("algorithm", name).arg("detail", detail)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::cms;

    const KEYS: &str = "tests/data/signatures/keys";

    fn read(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/{KEYS}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn at() -> Time {
        Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap()
    }

    #[test]
    fn signs_with_pem_and_der_keys() {
        let key = read("smirnova.key.pem");
        let cert = read("smirnova.crt.pem");
        let cms_der = sign_detached(b"doc", &key, &cert, at(), &SignOptions::default()).unwrap();
        assert_eq!(cms::parse(&cms_der, &Limits::default()).unwrap().signers.len(), 1);
        let der_key = pem_private_key(&key).unwrap();
        let pem_opts = SignOptions { output: Output::Pem, ..SignOptions::default() };
        let pem = sign_detached(b"doc", &der_key, &cert, at(), &pem_opts).unwrap();
        assert!(pem.starts_with(b"-----BEGIN CMS-----\n"));
        assert_eq!(cms::parse(&pem, &Limits::default()).unwrap().encoding.name(), "pem");
    }

    #[test]
    fn key_problems_have_codes() {
        let cert = read("smirnova.crt.pem");
        let code =
            |key: &[u8], cert: &[u8]| sign_detached(b"doc", key, cert, at(), &SignOptions::default()).unwrap_err().code;
        assert_eq!(code(&read("orlov.key.pem"), &cert), Code::SignKeyCertificateMismatch);
        assert_eq!(code(&read("grigoriev.key.pem"), &read("grigoriev.crt.pem")), Code::SignKeyUnsupported);
        assert_eq!(code(&read("pavlova.key.pem"), &read("pavlova.crt.pem")), Code::SignKeyUnsupported);
        assert_eq!(code(&read("sokolov.key.pem"), &read("sokolov.crt.pem")), Code::SignKeyUnsupported);
        assert_eq!(code(b"garbage", &cert), Code::SignKeyInvalid);
        assert_eq!(code(&[0x30, 0x03, 0x02, 0x01, 0x00], &cert), Code::SignKeyInvalid);
        assert_eq!(code(b"-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n", &cert), Code::SignKeyInvalid);
        assert_eq!(code(b"-----BEGIN PRIVATE KEY-----\nMAA=\n", &cert), Code::SignKeyInvalid);
        assert_eq!(code(b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n", &cert), Code::SignKeyInvalid);
        assert_eq!(code(&read("smirnova.key.pem"), b"garbage"), Code::CertMalformed);
        // A GOST key with an RSA certificate does not match.
        assert_eq!(code(&read("smirnova.key.pem"), &read("grigoriev.crt.pem")), Code::SignKeyCertificateMismatch);
    }

    #[test]
    fn errors_never_show_the_key() {
        let key = read("smirnova.key.pem");
        let body: String = String::from_utf8(key.clone()).unwrap().lines().nth(1).unwrap().to_owned();
        let err = sign_detached(b"doc", &key, &read("orlov.crt.pem"), at(), &SignOptions::default()).unwrap_err();
        assert!(!err.to_string().contains(&body[..16]));
        assert!(!format!("{err:?}").contains(&body[..16]));
    }
}
