//! Signing end to end: every GOST R 34.10-2012 key of the test PKI (tests/data/signatures/keys)
//! signs the fixture document, and the result is checked by an independent reading of our own
//! parser and crypto (not the signing module's own check) and by OpenSSL's gost engine; external
//! signers are simulated with `SigningKey::sign_prehash` in every byte order and with
//! `openssl pkeyutl`; co-signing keeps the signers already there byte for byte.
//!
//! The OpenSSL checks need `openssl` with the gost engine (libengine-gost-openssl, installed by
//! `scripts/setup.sh --test`); they fail loudly without it, never skip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use ekdo_check::cms::{self, Certificate, ParsedSignature, SignerId};
use ekdo_check::crypto::{self, gost::SigningKey, DigestAlgorithm, PublicKey};
use ekdo_check::sign::{
    assemble, cosign, cosign_detached, prepare, read_certificate, sign_detached, AssembleOptions, Content, Output,
    PrepareOptions, Prepared, RawSignatureOrder, SignOptions,
};
use ekdo_check::{Code, Limits, Time};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/signatures")
}

fn read(rel: &str) -> Vec<u8> {
    let path = data().join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const DOCUMENT: &str = "01-qualified-person-der/document.pdf";

/// A key and its certificate.
struct Signer {
    id: String,
    key: Vec<u8>,
    cert: Vec<u8>,
}

impl Signer {
    fn new(id: &str) -> Signer {
        let (key, cert) = match id.strip_prefix("ca-") {
            Some(ca) => (format!("keys/ca-{ca}.key.pem"), format!("ca/{ca}.pem")),
            None => (format!("keys/{id}.key.pem"), format!("keys/{id}.crt.pem")),
        };
        Signer { id: id.to_owned(), key: read(&key), cert: read(&cert) }
    }

    fn certificate(&self) -> Certificate {
        read_certificate(&self.cert).unwrap()
    }

    fn signing_key(&self) -> SigningKey {
        SigningKey::from_pkcs8_pem(std::str::from_utf8(&self.key).unwrap()).unwrap()
    }

    /// The middle of the certificate's validity: a signing time it accepts.
    fn at(&self) -> Time {
        let cert = self.certificate();
        Time(cert.not_before.unix() + (cert.not_after.unix() - cert.not_before.unix()) / 2)
    }
}

/// Every GOST R 34.10-2012 key of the test PKI, people and CAs: the 256-bit sets CryptoPro A,
/// B, C, XchA, XchB and TC26 A–D, and the 512-bit sets A, B, C.
fn gost_signers() -> Vec<Signer> {
    let mut ids: Vec<String> = std::fs::read_dir(data().join("keys"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".key.pem").map(str::to_owned))
        .collect();
    ids.sort();
    let signers: Vec<Signer> = ids
        .iter()
        .map(|id| Signer::new(id))
        .filter(|s| PublicKey::from_spki_der(&s.certificate().spki_der).unwrap().is_gost2012())
        .collect();
    let mut sets: Vec<&str> = signers
        .iter()
        .map(|s| PublicKey::from_spki_der(&s.certificate().spki_der).unwrap().parameters_name().unwrap())
        .collect();
    sets.sort_unstable();
    sets.dedup();
    let expected = [
        "CryptoPro-A",
        "CryptoPro-B",
        "CryptoPro-C",
        "CryptoPro-XchA",
        "CryptoPro-XchB",
        "TC26-256-A",
        "TC26-256-B",
        "TC26-256-C",
        "TC26-256-D",
        "TC26-512-A",
        "TC26-512-B",
        "TC26-512-C",
    ];
    assert_eq!(sets, expected, "every parameter set has a key in the test PKI");
    signers
}

/// Checks a signature file with the parser and crypto directly: for every signer, the
/// certificate is in the file, the messageDigest is the document's, signingCertificateV2 names
/// the certificate with the signer's GOST digest, and the signature verifies over the signed
/// attributes as received. Signers from index `ours_from` on were made here and must also use
/// exactly the algorithms this crate writes.
fn check_signers(sig: &[u8], document: &[u8], ours_from: usize) -> ParsedSignature {
    let parsed = cms::parse(sig, &Limits::default()).unwrap();
    assert!(parsed.findings.is_empty(), "{:?}", parsed.findings);
    assert_eq!(parsed.content_type, "1.2.840.113549.1.7.1");
    assert!(parsed.content.is_none(), "detached");
    assert_eq!(parsed.version, 1);
    for (index, signer) in parsed.signers.iter().enumerate() {
        assert!(signer.findings.is_empty(), "{:?}", signer.findings);
        assert_eq!(signer.version, 1);
        assert!(matches!(signer.sid, SignerId::IssuerSerial { .. }));
        let cert = signer.certificate(&parsed.certificates).expect("the signer's certificate is in the file");
        let key = PublicKey::from_spki_der(&cert.spki_der).unwrap();
        let digest = DigestAlgorithm::from_oid(&signer.digest_algorithm.oid).unwrap();
        assert!(parsed.digest_algorithms.contains(&signer.digest_algorithm.oid.to_string()));
        let Some(signed) = signer.signed_attrs.as_ref() else {
            // A plain signature over the content digest (only among the signers already there).
            assert!(index < ours_from, "CAdES-BES has signed attributes");
            let params = signer.signature_algorithm.params_der.as_deref();
            let prehash = digest.digest(document);
            crypto::verify_prehash(&key, &signer.signature_algorithm.oid, params, digest, &prehash, &signer.signature)
                .unwrap();
            continue;
        };
        assert!(signed.is_der);
        assert_eq!(signed.message_digest.as_deref(), Some(digest.digest(document).as_slice()));
        assert_eq!(signed.content_type.map(|o| o.to_string()).as_deref(), Some("1.2.840.113549.1.7.1"));
        let ess = signer.ess_cert_id().expect("signingCertificateV2");
        assert!(ess.issuer_serial.is_some());
        let any =
            |oid: &const_oid::ObjectIdentifier, bytes: &[u8]| DigestAlgorithm::from_oid(oid).map(|d| d.digest(bytes));
        assert_eq!(ess.matches_with(cert, &any), Some(true));
        if key.is_gost2012() && index >= ours_from {
            assert_eq!(ess.hash_algorithm, digest.oid(), "the certificate hash uses the signature's GOST digest");
            let expected_oid =
                if digest == DigestAlgorithm::Streebog256 { "1.2.643.7.1.1.3.2" } else { "1.2.643.7.1.1.3.3" };
            assert_eq!(signer.signature_algorithm.oid.to_string(), expected_oid);
        }
        let prehash = digest.digest(&signed.to_be_signed());
        let params = signer.signature_algorithm.params_der.as_deref();
        crypto::verify_prehash(&key, &signer.signature_algorithm.oid, params, digest, &prehash, &signer.signature)
            .unwrap_or_else(|e| panic!("{}: {e}", cert.subject.display()));
    }
    parsed
}

/// [`check_signers`] for a file all made here.
fn check_ours(sig: &[u8], document: &[u8]) -> ParsedSignature {
    check_signers(sig, document, 0)
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let path = std::env::temp_dir().join(format!("ekdo-sign-{}-{n}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Fails with a clear message when OpenSSL or its gost engine is missing.
fn require_gost_engine() {
    let out = Command::new("openssl").args(["engine", "gost"]).output();
    match out {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "OpenSSL's gost engine is required for these tests and is missing: install libengine-gost-openssl \
             (scripts/setup.sh --test). `openssl engine gost` said: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => panic!("`openssl` is required for these tests and cannot be run: {e}"),
    }
}

/// `openssl cms -verify` with the gost engine, at the signing time, trusting the test CAs.
fn openssl_verify(sig: &[u8], document: &Path, at: Time) {
    let (ok, stderr) = openssl_cms_verify(sig, document, at);
    assert!(ok, "openssl cms -verify failed: {stderr}");
}

/// Runs `openssl cms -verify`; whether it succeeded, and what it said.
fn openssl_cms_verify(sig: &[u8], document: &Path, at: Time) -> (bool, String) {
    require_gost_engine();
    let der = cms::decode(sig, &Limits::default()).unwrap().bytes.into_owned();
    let sig_path = temp_file("sig.der", &der);
    let out = Command::new("openssl")
        .args([
            "cms",
            "-verify",
            "-engine",
            "gost",
            "-inform",
            "DER",
            "-binary",
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ])
        .arg("-content")
        .arg(document)
        .arg("-in")
        .arg(&sig_path)
        .arg("-CAfile")
        .arg(data().join("ca-bundle.pem"))
        .arg("-attime")
        .arg(at.unix().to_string())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let _ = std::fs::remove_file(sig_path);
    (out.status.success() && stderr.contains("Verification successful"), stderr)
}

/// The raw bytes of the SignerInfos of a CMS file (BER or DER), in order.
fn signer_infos(bytes: &[u8]) -> Vec<Vec<u8>> {
    let bytes = cms::decode(bytes, &Limits::default()).unwrap().bytes.into_owned();
    let content_info = children(&bytes, 0);
    let explicit = children(&bytes, content_info[1].0);
    let signed_data = children(&bytes, explicit[0].0);
    let set = signed_data.last().unwrap();
    children(&bytes, set.0).into_iter().map(|(start, end)| bytes[start..end].to_vec()).collect()
}

/// The (start, end) of the elements inside the constructed element at `at` (BER or DER).
fn children(bytes: &[u8], at: usize) -> Vec<(usize, usize)> {
    let (content, end) = header(bytes, at);
    let mut out = Vec::new();
    let mut pos = content;
    while pos < end.unwrap_or(usize::MAX) {
        if end.is_none() && bytes[pos] == 0 && bytes[pos + 1] == 0 {
            break;
        }
        let child_end = element_end(bytes, pos);
        out.push((pos, child_end));
        pos = child_end;
    }
    out
}

/// (content start, content end or None for indefinite) of the element at `at`.
fn header(bytes: &[u8], at: usize) -> (usize, Option<usize>) {
    let len_byte = bytes[at + 1];
    if len_byte == 0x80 {
        (at + 2, None)
    } else if len_byte < 0x80 {
        (at + 2, Some(at + 2 + len_byte as usize))
    } else {
        let n = (len_byte & 0x7f) as usize;
        let len = bytes[at + 2..at + 2 + n].iter().fold(0usize, |acc, b| acc * 256 + *b as usize);
        (at + 2 + n, Some(at + 2 + n + len))
    }
}

fn element_end(bytes: &[u8], at: usize) -> usize {
    match header(bytes, at) {
        (_, Some(end)) => end,
        (_, None) => children(bytes, at).last().map_or(at + 2, |c| c.1) + 2,
    }
}

#[test]
fn every_gost_key_signs_and_both_verifiers_accept() {
    let document = read(DOCUMENT);
    for signer in gost_signers() {
        let at = signer.at();
        let sig = sign_detached(&document, &signer.key, &signer.cert, at, &SignOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", signer.id));
        let parsed = check_ours(&sig, &document);
        assert_eq!(parsed.encoding.name(), "der", "{}", signer.id);
        assert_eq!(parsed.signers.len(), 1);
        assert_eq!(parsed.signers[0].signed_attrs.as_ref().unwrap().signing_time, Some(at));
        assert_eq!(parsed.certificates.len(), 1);
        assert_eq!(parsed.certificates[0].der, signer.certificate().der);
        openssl_verify(&sig, &data().join(DOCUMENT), at);
    }
}

#[test]
fn openssl_check_detects_a_bad_signature() {
    // The harness itself: a flipped bit in the signature value or another document fails.
    let document = read(DOCUMENT);
    let signer = Signer::new("smirnova");
    let mut sig = sign_detached(&document, &signer.key, &signer.cert, signer.at(), &SignOptions::default()).unwrap();
    assert!(openssl_cms_verify(&sig, &data().join(DOCUMENT), signer.at()).0);
    assert!(!openssl_cms_verify(&sig, &data().join("06-tampered-document/document.pdf"), signer.at()).0);
    let last = sig.len() - 1;
    sig[last] ^= 1;
    let (ok, stderr) = openssl_cms_verify(&sig, &data().join(DOCUMENT), signer.at());
    assert!(!ok, "{stderr}");
}

#[test]
fn pem_output_and_chain() {
    let document = read(DOCUMENT);
    let signer = Signer::new("vasiliev");
    let options =
        SignOptions { output: Output::Pem, chain: vec![read("ca/accredited-ca.pem")], ..SignOptions::default() };
    let sig = sign_detached(&document, &signer.key, &signer.cert, signer.at(), &options).unwrap();
    assert!(sig.starts_with(b"-----BEGIN CMS-----\n") && sig.ends_with(b"-----END CMS-----\n"));
    let parsed = check_ours(&sig, &document);
    assert_eq!(parsed.encoding.name(), "pem");
    assert_eq!(parsed.certificates.len(), 2);
    openssl_verify(&sig, &data().join(DOCUMENT), signer.at());
}

/// The raw value an external signer would return, in `order`, from the CMS value s‖r.
fn reorder(cms_value: &[u8], order: RawSignatureOrder) -> Vec<u8> {
    let half = cms_value.len() / 2;
    match order {
        RawSignatureOrder::CmsSThenR => cms_value.to_vec(),
        RawSignatureOrder::RThenS => [&cms_value[half..], &cms_value[..half]].concat(),
        RawSignatureOrder::LittleEndian => cms_value.iter().rev().copied().collect(),
    }
}

#[test]
fn external_signer_in_every_byte_order() {
    let document = read(DOCUMENT);
    for id in ["smirnova", "orlov", "tikhonov", "ca-commercial-ca"] {
        let signer = Signer::new(id);
        let key = signer.signing_key();
        for order in RawSignatureOrder::ALL {
            let prepared =
                prepare(Content::Document(&document), &signer.cert, signer.at(), &PrepareOptions::default()).unwrap();
            // The browser keeps the state as JSON while the plug-in signs.
            let state = prepared.to_json();
            let n = key.verifying_key().param_set().field_len();
            let k: Vec<u8> = (1..=n).map(|i| u8::try_from(i).unwrap()).collect();
            let value = key.sign_prehash(prepared.hash(), &k).unwrap().to_cms_bytes();
            let restored = Prepared::from_json(&state).unwrap();
            let options = AssembleOptions { order, ..AssembleOptions::default() };
            let sig = assemble(&restored, &reorder(&value, order), &options)
                .unwrap_or_else(|e| panic!("{id} {}: {e}", order.name()));
            let parsed = check_ours(&sig, &document);
            assert_eq!(parsed.signers[0].signature, value, "{id} {}", order.name());
            openssl_verify(&sig, &data().join(DOCUMENT), signer.at());
        }
    }
}

#[test]
fn external_signer_with_a_prehashed_document() {
    let document = read(DOCUMENT);
    let signer = Signer::new("belova");
    let digest = DigestAlgorithm::Streebog256.digest(&document);
    let prepared = prepare(Content::Digest(&digest), &signer.cert, signer.at(), &PrepareOptions::default()).unwrap();
    let value = signer.signing_key().sign_prehash_with_rng(prepared.hash()).unwrap().to_cms_bytes();
    let sig = assemble(&prepared, &value, &AssembleOptions::default()).unwrap();
    check_ours(&sig, &document);
    openssl_verify(&sig, &data().join(DOCUMENT), signer.at());
}

/// `openssl pkeyutl -sign` over the prepared hash: another implementation as the external signer.
fn pkeyutl_sign(key_pem: &str, hash: &[u8], extra: &[&str]) -> Vec<u8> {
    let hash_path = temp_file("hash.bin", hash);
    let out = Command::new("openssl")
        .args(["pkeyutl", "-sign", "-engine", "gost", "-inkey"])
        .arg(data().join(key_pem))
        .arg("-in")
        .arg(&hash_path)
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "pkeyutl: {}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_file(hash_path);
    out.stdout
}

#[test]
fn openssl_as_the_external_signer() {
    require_gost_engine();
    let document = read(DOCUMENT);
    let cases: [(&str, &str, &[&str], RawSignatureOrder); 4] = [
        ("kuznetsov", "keys/kuznetsov.key.pem", &[], RawSignatureOrder::CmsSThenR),
        ("tikhonov", "keys/tikhonov.key.pem", &[], RawSignatureOrder::CmsSThenR),
        ("grigoriev", "keys/grigoriev.key.pem", &["-pkeyopt", "digest:sha256"], RawSignatureOrder::CmsSThenR),
        ("pavlova", "keys/pavlova.key.pem", &[], RawSignatureOrder::CmsSThenR),
    ];
    for (id, key, extra, order) in cases {
        let signer = Signer::new(id);
        let prepared =
            prepare(Content::Document(&document), &signer.cert, signer.at(), &PrepareOptions::default()).unwrap();
        let raw = pkeyutl_sign(key, prepared.hash(), extra);
        let options = AssembleOptions { order, ..AssembleOptions::default() };
        let sig = assemble(&prepared, &raw, &options).unwrap_or_else(|e| panic!("{id}: {e}"));
        check_ours(&sig, &document);
        openssl_verify(&sig, &data().join(DOCUMENT), signer.at());
        if id == "grigoriev" {
            // CryptoAPI returns RSA signatures little-endian.
            let reversed: Vec<u8> = raw.iter().rev().copied().collect();
            let le = AssembleOptions { order: RawSignatureOrder::LittleEndian, ..AssembleOptions::default() };
            check_ours(&assemble(&prepared, &reversed, &le).unwrap(), &document);
        }
        if id == "pavlova" {
            // WebCrypto returns ECDSA as r‖s.
            let fixed = p256::ecdsa::Signature::from_der(&raw).unwrap().to_bytes().to_vec();
            let rs = AssembleOptions { order: RawSignatureOrder::RThenS, ..AssembleOptions::default() };
            let sig = assemble(&prepared, &fixed, &rs).unwrap();
            check_ours(&sig, &document);
            openssl_verify(&sig, &data().join(DOCUMENT), signer.at());
        }
    }
}

#[test]
fn employer_signs_employee_cosigns() {
    let document = read(DOCUMENT);
    let employer = Signer::new("orlov");
    let employee = Signer::new("vasiliev");
    let at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
    let first = sign_detached(&document, &employer.key, &employer.cert, at, &SignOptions::default()).unwrap();
    let later = Time(at.unix() + 3600);
    let both =
        cosign_detached(&document, &first, &employee.key, &employee.cert, later, &SignOptions::default()).unwrap();

    let before = signer_infos(&first);
    let after = signer_infos(&both);
    assert_eq!(after.len(), 2);
    assert_eq!(after[0], before[0], "the employer's SignerInfo is unchanged byte for byte");
    let parsed = check_ours(&both, &document);
    assert_eq!(parsed.signers[0].certificate(&parsed.certificates).unwrap().der, employer.certificate().der);
    assert_eq!(parsed.signers[1].certificate(&parsed.certificates).unwrap().der, employee.certificate().der);
    let mut digests = parsed.digest_algorithms.clone();
    digests.sort();
    assert_eq!(digests, ["1.2.643.7.1.1.2.2", "1.2.643.7.1.1.2.3"]);
    assert_eq!(parsed.certificates.len(), 2);
    openssl_verify(&both, &data().join(DOCUMENT), later);

    // The same employee cannot sign twice; a third party can.
    let err =
        cosign_detached(&document, &both, &employee.key, &employee.cert, later, &SignOptions::default()).unwrap_err();
    assert_eq!(err.code, Code::SignSignerPresent);
    let third = Signer::new("belova");
    let three = cosign_detached(&document, &both, &third.key, &third.cert, later, &SignOptions::default()).unwrap();
    assert_eq!(signer_infos(&three)[..2], after[..]);
    assert_eq!(check_ours(&three, &document).signers.len(), 3);
    openssl_verify(&three, &data().join(DOCUMENT), later);
}

#[test]
fn cosigns_ber_and_pem_files_of_other_tools() {
    for (case, file, id) in [
        ("02-qualified-employer-ber", "document.pdf.sig", "vasiliev"),
        ("03-pem-cms", "document.pdf.pem", "tikhonov"),
        // A plain CMS without signed attributes (openssl cms -noattr): checked against the document.
        ("07-no-signed-attributes", "document.pdf.sig", "vasiliev"),
        // Two signers already, the CA certificate among the certificates.
        ("05-two-signers", "document.pdf.sig", "belova"),
    ] {
        let document_path = data().join(case).join("document.pdf");
        let document = std::fs::read(&document_path).unwrap();
        let existing = read(&format!("{case}/{file}"));
        let signer = Signer::new(id);
        let at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
        let out = cosign_detached(&document, &existing, &signer.key, &signer.cert, at, &SignOptions::default())
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        let before = signer_infos(&existing);
        let after = signer_infos(&out);
        assert_eq!(after.len(), before.len() + 1);
        assert_eq!(after[..before.len()], before[..], "{case}: the SignerInfos there are unchanged");
        check_signers(&out, &document, before.len());
        openssl_verify(&out, &document_path, at);
    }
}

#[test]
fn cosigning_needs_the_existing_signers_certificates() {
    require_gost_engine();
    let document = data().join(DOCUMENT);
    let first = temp_file("nocerts.der", b"");
    let out = Command::new("openssl")
        .args(["cms", "-sign", "-engine", "gost", "-binary", "-nocerts", "-outform", "DER", "-cades", "-in"])
        .arg(&document)
        .arg("-signer")
        .arg(data().join("keys/smirnova.crt.pem"))
        .arg("-inkey")
        .arg(data().join("keys/smirnova.key.pem"))
        .arg("-out")
        .arg(&first)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let existing = std::fs::read(&first).unwrap();
    let signer = Signer::new("vasiliev");
    let err =
        cosign_detached(&read(DOCUMENT), &existing, &signer.key, &signer.cert, signer.at(), &SignOptions::default())
            .unwrap_err();
    assert_eq!(err.code, Code::SignExistingInvalid);
    assert!(err.message_en().contains("its certificate is not in the file"), "{err}");
    assert!(err.message_en().contains("serial "), "{err}");
}

#[test]
fn external_cosign_in_little_endian() {
    let document = read(DOCUMENT);
    let employer = Signer::new("smirnova");
    let employee = Signer::new("lebedeva");
    let at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
    let first = sign_detached(&document, &employer.key, &employer.cert, at, &SignOptions::default()).unwrap();
    let prepared = prepare(Content::Document(&document), &employee.cert, at, &PrepareOptions::default()).unwrap();
    let value = employee.signing_key().sign_prehash_with_rng(prepared.hash()).unwrap().to_cms_bytes();
    let options =
        AssembleOptions { order: RawSignatureOrder::LittleEndian, output: Output::Pem, ..AssembleOptions::default() };
    let both = cosign(&first, &prepared, &reorder(&value, RawSignatureOrder::LittleEndian), &options).unwrap();
    assert!(both.starts_with(b"-----BEGIN CMS-----"));
    assert_eq!(signer_infos(&both)[0], signer_infos(&first)[0]);
    check_ours(&both, &document);
    openssl_verify(&both, &data().join(DOCUMENT), at);
}

#[test]
fn cosigning_refuses_bad_files() {
    let document = read(DOCUMENT);
    let signer = Signer::new("vasiliev");
    let at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
    let code = |existing: &[u8], doc: &[u8]| {
        cosign_detached(doc, existing, &signer.key, &signer.cert, at, &SignOptions::default()).unwrap_err().code
    };
    // A signature of another document.
    assert_eq!(
        code(&read("01-qualified-person-der/document.pdf.sig"), b"another document"),
        Code::SignDocumentMismatch
    );
    // A tampered document's signature (it was made over the original).
    let tampered = data().join("06-tampered-document");
    let tampered_doc = std::fs::read(tampered.join("document.pdf")).unwrap();
    assert_eq!(code(&read("06-tampered-document/document.pdf.sig"), &tampered_doc), Code::SignDocumentMismatch);
    // Not a signature at all, truncated, empty.
    assert_eq!(code(&read("18-pdf-as-signature/document.pdf.sig"), &document), Code::CmsUnexpectedPdf);
    assert_eq!(code(&read("17-truncated-signature/document.pdf.sig"), &document), Code::CmsTruncated);
    assert_eq!(code(b"", &document), Code::InputEmpty);
    // A signature whose existing signer was tampered with.
    let mut broken = read("01-qualified-person-der/document.pdf.sig");
    let last = broken.len() - 1;
    broken[last] ^= 1;
    assert_eq!(code(&broken, &read(DOCUMENT)), Code::SignExistingInvalid);
}

#[test]
fn wrong_keys_and_garbage_are_refused_with_codes() {
    let document = read(DOCUMENT);
    let at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
    let smirnova = Signer::new("smirnova");
    let code = |key: &[u8], cert: &[u8]| sign_detached(&document, key, cert, at, &SignOptions::default()).unwrap_err();
    // Another person's key for this certificate, and keys of the same curve.
    for other in ["kuznetsov", "lebedeva", "ca-accredited-ca"] {
        let err = code(&Signer::new(other).key, &smirnova.cert);
        assert_eq!(err.code, Code::SignKeyCertificateMismatch, "{other}");
        assert!(err.message_en().contains("Смирнова"), "{err}");
    }
    let grigoriev = Signer::new("grigoriev");
    let err = code(&grigoriev.key, &grigoriev.cert);
    assert_eq!(err.code, Code::SignKeyUnsupported);
    assert_eq!(err.get("algorithm"), Some("RSA"));
    let pavlova = Signer::new("pavlova");
    assert_eq!(code(&pavlova.key, &pavlova.cert).code, Code::SignKeyUnsupported);
    let sokolov = Signer::new("sokolov");
    assert_eq!(code(&sokolov.key, &sokolov.cert).code, Code::SignKeyUnsupported);
    assert_eq!(code(b"", &smirnova.cert).code, Code::SignKeyInvalid);
    assert_eq!(code(&[0x30, 0x80, 0x00], &smirnova.cert).code, Code::SignKeyInvalid);
    assert_eq!(code(&document, &smirnova.cert).code, Code::SignKeyInvalid);
    assert_eq!(code(&smirnova.key, b"").code, Code::CertMalformed);
    assert_eq!(code(&smirnova.key, &document).code, Code::CertMalformed);
    assert_eq!(code(&smirnova.key, &smirnova.key).code, Code::CertMalformed);
    // The certificate must be valid at the signing time.
    let fedorov = Signer::new("fedorov");
    assert_eq!(code(&fedorov.key, &fedorov.cert).code, Code::SignCertificateNotValid);
    // An external signer's value made with another key.
    let prepared = prepare(Content::Document(&document), &smirnova.cert, at, &PrepareOptions::default()).unwrap();
    let other = Signer::new("ca-accredited-ca").signing_key().sign_prehash_with_rng(prepared.hash()).unwrap();
    let err = assemble(&prepared, &other.to_cms_bytes(), &AssembleOptions::default()).unwrap_err();
    assert_eq!(err.code, Code::SignSignatureInvalid);
    assert_eq!(assemble(&prepared, b"", &AssembleOptions::default()).unwrap_err().code, Code::SignSignatureInvalid);
}

#[test]
fn signing_a_big_document_takes_one_pass() {
    // 15 MB, the portal's limit: hashing dominates; the signature is the same size.
    let document = vec![0x25u8; 15_000_000];
    let signer = Signer::new("smirnova");
    let start = std::time::Instant::now();
    let sig = sign_detached(&document, &signer.key, &signer.cert, signer.at(), &SignOptions::default()).unwrap();
    let elapsed = start.elapsed();
    check_ours(&sig, &document);
    assert!(sig.len() < 4096, "{}", sig.len());
    eprintln!("signed 15 MB in {elapsed:?}");
}

#[test]
fn hostile_input_gives_errors_never_panics() {
    let document = read(DOCUMENT);
    let employer = Signer::new("orlov");
    let employee = Signer::new("kuznetsov");
    let at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
    let existing = sign_detached(&document, &employer.key, &employer.cert, at, &SignOptions::default()).unwrap();
    let cosign_with =
        |bytes: &[u8]| cosign_detached(&document, bytes, &employee.key, &employee.cert, at, &SignOptions::default());
    // Every truncation is refused.
    for len in (0..existing.len()).step_by(3) {
        assert!(cosign_with(&existing[..len]).is_err(), "a {len}-byte prefix");
    }
    // Flipped bytes (a fixed pseudo-random walk): an error, or a file whose signers all verify.
    let mut state = 0x2545_f491_u32;
    for _ in 0..120 {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let mut bytes = existing.clone();
        let at_byte = (state >> 8) as usize % bytes.len();
        bytes[at_byte] ^= 1 << (state % 8);
        if let Ok(out) = cosign_with(&bytes) {
            check_signers(&out, &document, 0);
        }
    }
    // Garbage states and raw values for the external path.
    let prepared = prepare(Content::Document(&document), &employee.cert, at, &PrepareOptions::default()).unwrap();
    let json = prepared.to_json();
    for len in (0..json.len()).step_by(7) {
        assert_eq!(Prepared::from_json(&json[..len]).unwrap_err().code, Code::SignStateInvalid);
    }
    for raw in [&[][..], &[0u8; 64][..], &[0xffu8; 64][..], &[1u8; 128][..]] {
        for order in RawSignatureOrder::ALL {
            let options = AssembleOptions { order, ..AssembleOptions::default() };
            assert_eq!(assemble(&prepared, raw, &options).unwrap_err().code, Code::SignSignatureInvalid);
        }
    }
}
