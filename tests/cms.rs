//! CMS / CAdES parsing: the signature fixtures against their expected.json, re-encodings of
//! them (BER everywhere, attached content in chunks, PEM, base64), a CMS built around an
//! OpenSSL certificate with BMPString names and a real RFC 3161 token, and hostile input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::as_conversions,
    clippy::cast_possible_truncation,
    missing_docs
)]

mod verify_common;

use std::path::PathBuf;

use base64::Engine;
use ekdo_check::cms::{self, oid, Certificate, Encoding, Identity, ParsedSignature, SignerId};
use ekdo_check::{Code, Finding, Limits};
use sha2::Digest;
use verify_common::{attr, cat, content_info, data, elements, oid_der, read, seq, set, tlv};

fn limits() -> Limits {
    Limits::default()
}

fn parse(bytes: &[u8]) -> Result<ParsedSignature, Finding> {
    cms::parse(bytes, &limits())
}

/// A finding is coded and its message is complete (only the caller-filled `file` may be open).
fn assert_coded(e: &Finding) {
    assert!(Code::ALL.contains(&e.code));
    if !matches!(e.code, Code::InputEmpty | Code::InputTooLarge) {
        let m = e.message_en();
        assert!(!m.contains('{'), "unfilled slot: {m}");
    }
}

fn codes(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// Test inputs (the DER writer and reader are verify_common's).

/// Re-encodes DER as BER the way CryptoPro / `openssl -stream` do and worse: every constructed
/// element with an indefinite length; OCTET STRINGs, UTF8Strings and BIT STRINGs longer than
/// `chunk` cut into constructed segments.
fn berify(der: &[u8], chunk: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for (tag, raw, content) in elements(der) {
        if tag & 0x20 != 0 {
            out.extend([tag, 0x80]);
            out.extend(berify(content, chunk));
            out.extend([0, 0]);
        } else if matches!(tag, 0x04 | 0x0c) && content.len() > chunk {
            out.extend([tag | 0x20, 0x80]);
            for piece in content.chunks(chunk) {
                out.extend(tlv(tag, piece));
            }
            out.extend([0, 0]);
        } else if tag == 0x03 && content.len() > chunk + 1 {
            out.extend([0x23, 0x80]);
            let pieces: Vec<&[u8]> = content[1..].chunks(chunk).collect();
            for (i, piece) in pieces.iter().enumerate() {
                let unused = if i + 1 == pieces.len() { content[0] } else { 0 };
                out.extend(tlv(0x03, &cat(&[&[unused], piece])));
            }
            out.extend([0, 0]);
        } else {
            out.extend_from_slice(raw);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn pem(label: &str, bytes: &[u8], eol: &str) -> Vec<u8> {
    let body = b64(bytes);
    let mut out = format!("-----BEGIN {label}-----{eol}");
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap());
        out.push_str(eol);
    }
    out.push_str(&format!("-----END {label}-----{eol}"));
    out.into_bytes()
}

fn utf16le(ascii: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(ascii.iter().flat_map(|b| [*b, 0]));
    out
}

fn streebog(algorithm: &const_oid::ObjectIdentifier, bytes: &[u8]) -> Option<Vec<u8>> {
    if *algorithm == oid::STREEBOG_256 {
        Some(streebog::Streebog256::digest(bytes).to_vec())
    } else if *algorithm == oid::STREEBOG_512 {
        Some(streebog::Streebog512::digest(bytes).to_vec())
    } else {
        cms::sha_digest(algorithm, bytes)
    }
}

// ---------------------------------------------------------------------------------------------
// The fixtures.

fn opt<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(|x| x.as_str())
}

#[test]
fn fixtures_match_expected_json() {
    let root = data("signatures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").exists())
        .collect();
    dirs.sort();
    assert_eq!(dirs.len(), 20);
    for dir in dirs {
        let case = dir.file_name().unwrap().to_string_lossy().into_owned();
        let expected: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
        let bytes = std::fs::read(dir.join(opt(&expected, "signature").unwrap())).unwrap();
        assert_eq!(cms::sniff(&bytes).map(Encoding::name), opt(&expected, "encoding"), "{case}: sniffed encoding");
        let result = parse(&bytes);
        let want_signers = expected["signers"].as_array().unwrap();
        match opt(&expected, "parse").unwrap() {
            "error" => {
                let e = result.expect_err(&case);
                assert_coded(&e);
                assert!(want_signers.is_empty());
                match case.as_str() {
                    "17-truncated-signature" => assert_eq!(e.code, Code::CmsTruncated),
                    "18-pdf-as-signature" => assert_eq!(e.code, Code::CmsUnexpectedPdf),
                    other => panic!("unexpected error case {other}"),
                }
            }
            "ok" => {
                let p = result.unwrap_or_else(|e| panic!("{case}: {e}"));
                assert_eq!(Some(p.encoding.name()), opt(&expected, "encoding"), "{case}");
                assert!(p.findings.is_empty(), "{case}: {:?}", p.findings);
                assert_eq!(p.content, None, "{case}: detached");
                assert_eq!(p.content_type, "1.2.840.113549.1.7.1");
                assert_eq!(p.signers.len(), want_signers.len(), "{case}");
                let binary = cms::decode(&bytes, &limits()).unwrap().bytes.into_owned();
                for (i, (signer, want)) in p.signers.iter().zip(want_signers).enumerate() {
                    check_signer(&format!("{case} signer {i}"), &p, signer, want, &binary);
                }
            }
            other => panic!("{case}: parse = {other}"),
        }
    }
}

fn check_signer(label: &str, p: &ParsedSignature, s: &cms::SignerInfo, want: &serde_json::Value, binary: &[u8]) {
    let cert = s.certificate(&p.certificates).unwrap_or_else(|| panic!("{label}: no certificate"));
    let id = Identity::from_name(&cert.subject);
    let fields: [(&str, Option<&str>); 9] = [
        ("subject_cn", id.subject_cn.as_deref()),
        ("surname", id.surname.as_deref()),
        ("given_name", id.given_name.as_deref()),
        ("inn", id.inn.as_deref()),
        ("innle", id.innle.as_deref()),
        ("snils", id.snils.as_deref()),
        ("ogrn", id.ogrn.as_deref().or(id.ogrnip.as_deref())),
        ("organization", id.organization.as_deref()),
        ("title", id.title.as_deref()),
    ];
    for (key, got) in fields {
        assert_eq!(got, opt(want, key), "{label}: {key}");
    }
    // The fixtures' numbers all have valid check digits.
    for valid in [id.inn_valid, id.innle_valid, id.snils_valid, id.ogrn_valid, id.ogrnip_valid] {
        assert_ne!(valid, Some(false), "{label}: check digits");
    }
    assert_eq!(Some(cert.serial_hex().as_str()), opt(want, "serial_hex"), "{label}: serial");
    assert_eq!(cert.issuer.common_name(), opt(want, "issuer_cn"), "{label}: issuer");
    assert_eq!(cert.key_algorithm_name(), opt(want, "key_algorithm"), "{label}: key");
    assert_eq!(s.digest_algorithm_name(), opt(want, "digest_algorithm"), "{label}: digest");
    assert_eq!(s.signer_id_kind(), "issuer_serial");
    assert!(cert.findings().is_empty(), "{label}");

    // Bytes as received: the certificate sits in the file, the TBS in the certificate.
    assert!(contains(binary, &cert.der), "{label}: certificate bytes");
    assert!(contains(&cert.der, &cert.tbs), "{label}: TBS bytes");
    assert!(contains(&cert.der, &cert.spki_der));

    // signedAttrs: absent only in 07; the signing time exactly where expected.json has one.
    let has_time = !want["cert_valid_at_signing"].is_null();
    match &s.signed_attrs {
        None => {
            assert!(label.starts_with("07-"), "{label}: no signedAttrs");
            assert!(!has_time);
        }
        Some(a) => {
            assert!(a.is_der, "{label}");
            assert_eq!(a.signing_time.is_some(), has_time, "{label}: signing time");
            let md = a.message_digest.as_ref().unwrap_or_else(|| panic!("{label}: messageDigest"));
            let expected_len = match s.digest_algorithm_name() {
                Some("streebog512") => 64,
                _ => 32,
            };
            assert_eq!(md.len(), expected_len, "{label}: messageDigest length");
            assert_eq!(a.content_type, Some(oid::DATA));
            assert!(contains(binary, &a.received[1..]), "{label}: signedAttrs as received");
            assert_eq!(a.to_be_signed()[0], 0x31);
            assert!(s.findings.is_empty(), "{label}: {:?}", s.findings);
            // ESS signing-certificate-v2 names the embedded certificate (hash over its bytes).
            if let Some(ess) = s.ess_cert_id() {
                assert_eq!(s.signing_certificate_matches_with(cert, &streebog), Some(true), "{label}: ESS");
                let builtin = s.signing_certificate_matches(cert);
                if ess.hash_algorithm == oid::SHA256 {
                    assert_eq!(builtin, Some(true));
                } else {
                    assert_eq!(builtin, None, "{label}: GOST hash left to the caller");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Re-encodings of fixture 01.

const FIXTURE_01: &str = "signatures/01-qualified-person-der/document.pdf.sig";

fn signer_serial(p: &ParsedSignature) -> String {
    let s = &p.signers[0];
    s.certificate(&p.certificates).unwrap().serial_hex()
}

#[test]
fn ber_everywhere_parses_the_same() {
    let der = read(FIXTURE_01);
    let reference = parse(&der).unwrap();
    let ber = berify(&der, 7);
    assert_ne!(ber, der);
    assert_eq!(&ber[..4], &[0x30, 0x80, 0x06, 0x09]);

    let p = parse(&ber).unwrap();
    assert_eq!(p.encoding, Encoding::Ber);
    assert!(p.ber);
    assert_eq!(signer_serial(&p), signer_serial(&reference));
    let (s, r) = (&p.signers[0], &reference.signers[0]);
    let cert = s.certificate(&p.certificates).unwrap();
    let ref_cert = r.certificate(&reference.certificates).unwrap();
    assert_eq!(cert.subject, ref_cert.subject, "names read through constructed UTF8Strings");
    assert_eq!(cert.subject_key_id, ref_cert.subject_key_id);
    assert_eq!(cert.public_key, ref_cert.public_key, "BIT STRING segments joined");
    assert_eq!(cert.signature, ref_cert.signature);
    assert_eq!(cert.issuer_sign_tool, ref_cert.issuer_sign_tool);
    assert_eq!(s.signature, r.signature);
    match (&s.sid, &r.sid) {
        (SignerId::IssuerSerial { issuer_der, serial }, SignerId::IssuerSerial { issuer_der: d, serial: n }) => {
            assert_eq!(issuer_der[..2], [0x30, 0x80], "the sid issuer as received");
            assert_eq!(&cms::to_der(issuer_der, &limits()).unwrap(), d);
            assert_eq!(serial, n);
        }
        other => panic!("{other:?}"),
    }
    // Bytes kept as received, and DER recovered by normalisation.
    assert!(contains(&ber, &cert.der));
    assert_eq!(cert.der[..2], [0x30, 0x80]);
    assert_eq!(cms::to_der(&cert.der, &limits()).unwrap(), ref_cert.der);
    assert_eq!(cms::to_der(&ber, &limits()).unwrap(), der);
    // signedAttrs received as BER: flagged, and hashed as received with the SET tag.
    let a = s.signed_attrs.as_ref().unwrap();
    let ra = r.signed_attrs.as_ref().unwrap();
    assert!(!a.is_der);
    assert_eq!(codes(&s.findings), ["CMS_SIGNED_ATTRS_NOT_DER"]);
    assert_eq!(a.received[..2], [0xa0, 0x80]);
    assert_eq!(a.to_be_signed()[..2], [0x31, 0x80]);
    assert_eq!(a.to_be_signed()[1..], a.received[1..]);
    assert_eq!(a.message_digest, ra.message_digest);
    assert_eq!(a.signing_time, ra.signing_time);
    let (ess, ref_ess) = (s.ess_cert_id().unwrap(), r.ess_cert_id().unwrap());
    assert_eq!((ess.hash_algorithm, &ess.cert_hash), (ref_ess.hash_algorithm, &ref_ess.cert_hash));
    let ((issuer, serial), (ref_issuer, ref_serial)) =
        (ess.issuer_serial.as_ref().unwrap(), ref_ess.issuer_serial.as_ref().unwrap());
    assert_eq!((&cms::to_der(issuer, &limits()).unwrap(), serial), (ref_issuer, ref_serial));
    assert_eq!(s.signing_certificate_matches_with(cert, &streebog), Some(false), "the BER certificate's hash differs");
    assert_eq!(cms::to_der(&ra.received, &limits()).unwrap(), ra.received);
}

/// Fixture 01 with the document attached as eContent.
fn attached_01(document: &[u8]) -> Vec<u8> {
    let der = read(FIXTURE_01);
    let ci = elements(&der)[0].2;
    let explicit = elements(ci)[1].2;
    let sd = elements(explicit)[0].2;
    let parts = elements(sd);
    let encap = seq(&[&oid_der("1.2.840.113549.1.7.1"), &tlv(0xa0, &tlv(0x04, document))]);
    content_info(&seq(&[parts[0].1, parts[1].1, &encap, parts[3].1, parts[4].1]))
}

#[test]
fn attached_content_in_chunks() {
    let document = read("signatures/01-qualified-person-der/document.pdf");
    let der = attached_01(&document);
    let p = parse(&der).unwrap();
    assert_eq!(p.encoding, Encoding::Der);
    assert_eq!(p.content.as_deref(), Some(&document[..]));
    // CryptoPro cuts eContent into 1000-byte pieces of a constructed OCTET STRING.
    let ber = berify(&der, 1000);
    let p = parse(&ber).unwrap();
    assert_eq!(p.encoding, Encoding::Ber);
    assert_eq!(p.content.as_deref(), Some(&document[..]), "segments concatenated");
    assert_eq!(cms::to_der(&ber, &limits()).unwrap(), der);
    // The attached PDF inside does not make the file "a PDF".
    assert!(contains(&ber, b"%PDF-"));
}

#[test]
fn pem_and_base64_variants() {
    let der = read(FIXTURE_01);
    let serial = signer_serial(&parse(&der).unwrap());
    let body = b64(&der);
    let spaced: String =
        body.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ");
    let variants: Vec<(&str, Vec<u8>, Encoding)> = vec![
        ("PEM CMS, CRLF", pem("CMS", &der, "\r\n"), Encoding::Pem),
        ("PEM PKCS7, LF", pem("PKCS7", &der, "\n"), Encoding::Pem),
        ("PEM SIGNATURE", pem("SIGNATURE", &der, "\n"), Encoding::Pem),
        ("PEM after text", cat(&[b"Bag Attributes\n    friendlyName: x\n", &pem("PKCS7", &der, "\n")]), Encoding::Pem),
        ("PEM with a BOM", cat(&[b"\xEF\xBB\xBF", &pem("CMS", &der, "\r\n")]), Encoding::Pem),
        ("PEM in UTF-16LE (PowerShell)", utf16le(&pem("CMS", &der, "\r\n")), Encoding::Pem),
        ("base64 in UTF-16LE", utf16le(body.as_bytes()), Encoding::Base64),
        ("base64, one line", body.clone().into_bytes(), Encoding::Base64),
        ("base64, CRLF at 76", body.as_bytes().chunks(76).collect::<Vec<_>>().join(&b"\r\n"[..]), Encoding::Base64),
        ("base64 with spaces", spaced.into_bytes(), Encoding::Base64),
        ("base64 without padding", body.trim_end_matches('=').as_bytes().to_vec(), Encoding::Base64),
        ("DER with trailing CRLF", cat(&[&der, b"\r\n"]), Encoding::Der),
    ];
    for (label, bytes, encoding) in variants {
        let p = parse(&bytes).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert_eq!(p.encoding, encoding, "{label}");
        assert!(!p.ber, "{label}");
        assert!(p.findings.is_empty(), "{label}");
        assert_eq!(signer_serial(&p), serial, "{label}");
        assert_eq!(cms::sniff(&bytes), Some(encoding), "{label}");
    }
    // PEM or base64 around BER: the outer encoding wins, `ber` tells what is inside.
    let ber = berify(&der, 7);
    let p = parse(&pem("CMS", &ber, "\r\n")).unwrap();
    assert_eq!((p.encoding.name(), p.ber), ("pem", true));
    let p = parse(b64(&ber).as_bytes()).unwrap();
    assert_eq!((p.encoding.name(), p.ber), ("base64", true));
    // Garbage after the DER is a finding, not an error.
    let p = parse(&cat(&[&der, b"garbage"])).unwrap();
    assert_eq!(codes(&p.findings), ["CMS_TRAILING_DATA"]);
}

// ---------------------------------------------------------------------------------------------
// A CMS built around an OpenSSL certificate (BMPString, TeletexString, multi-valued RDN, the
// old 00-prefixed organisation ИНН) with CAdES and vendor attributes and a real RFC 3161 token.

const SIGNATURE_VALUE: &[u8] = b"ekdo-check test signature value";

struct Built {
    cert: Vec<u8>,
    parsed_cert: Certificate,
}

fn built() -> Built {
    let cert = read("cms/names.der");
    let parsed_cert = Certificate::from_der(&cert).unwrap();
    Built { cert, parsed_cert }
}

fn ess_v2(cert: &[u8], issuer_der: &[u8], serial: &[u8]) -> Vec<u8> {
    let id =
        seq(&[&tlv(0x04, &sha2::Sha256::digest(cert)), &seq(&[&seq(&[&tlv(0xa4, issuer_der)]), &tlv(0x02, serial)])]);
    attr("1.2.840.113549.1.9.16.2.47", &[&seq(&[&seq(&[&id])])])
}

fn signer_info(sid: &[u8], version: u8, signed: &[&[u8]], unsigned: &[&[u8]]) -> Vec<u8> {
    let signed = if signed.is_empty() { Vec::new() } else { tlv(0xa0, &cat(signed)) };
    let unsigned = if unsigned.is_empty() { Vec::new() } else { tlv(0xa1, &cat(unsigned)) };
    seq(&[
        &tlv(0x02, &[version]),
        sid,
        &seq(&[&oid_der("2.16.840.1.101.3.4.2.1")]),
        &signed,
        &seq(&[&oid_der("1.2.840.10045.4.3.2")]),
        &tlv(0x04, SIGNATURE_VALUE),
        &unsigned,
    ])
}

fn signed_data(certs: &[&[u8]], signers: &[&[u8]]) -> Vec<u8> {
    content_info(&seq(&[
        &tlv(0x02, &[1]),
        &set(&[&seq(&[&oid_der("2.16.840.1.101.3.4.2.1")])]),
        &seq(&[&oid_der("1.2.840.113549.1.7.1")]),
        &if certs.is_empty() { Vec::new() } else { tlv(0xa0, &cat(certs)) },
        &set(signers),
    ]))
}

#[test]
fn names_in_bmp_teletex_and_old_inn() {
    let Built { parsed_cert: c, .. } = built();
    assert_eq!(c.serial, [0x00, 0x8f, 0x00, 0xaa]);
    assert_eq!(c.serial_hex(), "8f00aa");
    let rdn0: Vec<(String, u32)> = c.subject.rdns[0].iter().map(|a| (a.value.clone(), a.tag)).collect();
    assert_eq!(rdn0, [("Тестова".to_owned(), 30), ("Анна Петровна".to_owned(), 30)]);
    assert_eq!(c.subject.get(&oid::AT_ORGANIZATION), Some("Café Ltd"), "TeletexString as Latin-1");
    assert_eq!(
        c.subject.display(),
        "SN=Тестова + G=Анна Петровна, CN=Тестова Анна Петровна, O=Café Ltd, ИНН=007812197875, \
         ОГРН=1167811239860, СНИЛС=95987517203, C=RU"
    );
    let id = Identity::from_name(&c.subject);
    assert_eq!(id.inn, None);
    assert_eq!(id.inn_raw.as_deref(), Some("007812197875"));
    assert_eq!(id.innle.as_deref(), Some("7812197875"));
    assert_eq!((id.innle_valid, id.ogrn_valid, id.snils_valid), (Some(true), Some(true), Some(true)));
    assert_eq!(id.subject_cn.as_deref(), Some("Тестова Анна Петровна"));
    assert_eq!(c.key_algorithm_name(), Some("ecdsa-p256"));
    assert_eq!(c.basic_constraints, None, "no extensions at all");
    assert!(c.extensions.is_empty());
}

#[test]
fn cades_attributes_and_time_stamp() {
    let Built { cert, parsed_cert: c } = built();
    let tst = read("cms/tst.der");
    let sid = seq(&[&c.issuer_der, &tlv(0x02, &c.serial)]);
    let signing_time = attr("1.2.840.113549.1.9.5", &[&tlv(0x18, b"20261124092304Z")]);
    let signer = signer_info(
        &sid,
        1,
        &[
            &attr("1.2.840.113549.1.9.3", &[&oid_der("1.2.840.113549.1.7.1")]),
            &signing_time,
            &attr("1.2.840.113549.1.9.4", &[&tlv(0x04, &[0xab; 32])]),
            &attr("1.2.643.2.45.1.1.2", &[&tlv(0x0c, "Приказ о приёме № 12.pdf".as_bytes())]),
            &ess_v2(&cert, &c.issuer_der, &c.serial),
            &signing_time,
        ],
        &[
            &attr("1.2.840.113549.1.9.16.2.14", &[&tst]),
            &attr("1.2.840.113549.1.9.16.2.24", &[&seq(&[])]),
            &attr("1.2.3.4.5", &[&tlv(0x05, &[])]),
        ],
    );
    let p = parse(&signed_data(&[&cert], &[&signer])).unwrap();
    let s = &p.signers[0];
    assert_eq!(s.certificate(&p.certificates), Some(&c));
    let a = s.signed_attrs.as_ref().unwrap();
    assert_eq!(
        a.labels(),
        ["content-type", "signing-time", "message-digest", "resource-name", "signing-certificate-v2", "signing-time"]
    );
    assert_eq!(a.signing_time.unwrap().to_string(), "2026-11-24T09:23:04Z");
    assert_eq!(a.get(&oid::ATTR_RESOURCE_NAME).unwrap().text().as_deref(), Some("Приказ о приёме № 12.pdf"));
    assert_eq!(codes(&s.findings), ["CMS_ATTRIBUTE_DUPLICATE"]);
    assert_eq!(s.findings[0].get("name"), Some("signing-time"));
    // ESS with the default hash (SHA-256) and issuerSerial.
    let ess = s.ess_cert_id().unwrap();
    assert_eq!(ess.hash_algorithm, oid::SHA256);
    assert_eq!(ess.issuer_serial.as_ref().map(|(i, _)| i.as_slice()), Some(c.issuer_der.as_slice()));
    assert_eq!(s.signing_certificate_matches(&c), Some(true));
    let other = Certificate::from_der(&read("signatures/ca/accredited-ca.der")).unwrap();
    assert_eq!(s.signing_certificate_matches(&other), Some(false));
    // Unsigned attributes and the time-stamp.
    let unsigned: Vec<String> = s.unsigned_attrs.iter().map(|a| a.label()).collect();
    assert_eq!(unsigned, ["signature-time-stamp", "revocation-values", "1.2.3.4.5"]);
    assert_eq!(s.timestamps.len(), 1);
    let ts = &s.timestamps[0];
    assert_eq!(ts.gen_time.to_string(), "2026-11-25T13:54:05Z");
    assert_eq!(ts.policy.to_string(), "1.2.643.100.999.1");
    assert_eq!(ts.imprint_algorithm.oid, oid::SHA256);
    assert_eq!(ts.imprint, sha2::Sha256::digest(SIGNATURE_VALUE).to_vec(), "stamps the signature value");
    assert_eq!(ts.serial, [0x2b]);
    let tsa = "CN=Тестовая служба штампов времени, O=Test TSA, C=RU";
    assert_eq!(ts.tsa_name.as_deref(), Some(tsa));
    assert_eq!(ts.signer_name.as_deref(), Some(tsa));
    assert_eq!(ts.token.content_type, "1.2.840.113549.1.9.16.1.4");
    assert_eq!(ts.token.certificates.len(), 1);
}

#[test]
fn attribute_findings() {
    let Built { cert, parsed_cert: c } = built();
    let sid = seq(&[&c.issuer_der, &tlv(0x02, &c.serial)]);
    // content-type names another type; no message-digest.
    let signer = signer_info(&sid, 1, &[&attr("1.2.840.113549.1.9.3", &[&oid_der("1.2.840.113549.1.7.2")])], &[]);
    let p = parse(&signed_data(&[&cert], &[&signer])).unwrap();
    assert_eq!(codes(&p.signers[0].findings), ["CMS_CONTENT_TYPE_MISMATCH", "CMS_ATTRIBUTE_MISSING"]);
    // A broken time-stamp token is a finding on the signer, the rest still reads.
    let signer = signer_info(&sid, 1, &[], &[&attr("1.2.840.113549.1.9.16.2.14", &[&seq(&[&oid_der("1.2.3")])])]);
    let p = parse(&signed_data(&[&cert], &[&signer])).unwrap();
    assert_eq!(codes(&p.signers[0].findings), ["CMS_MALFORMED"]);
    assert!(p.signers[0].findings[0].message_en().contains("time-stamp"));
    assert!(p.signers[0].signed_attrs.is_none());
    // A certificate that does not parse is skipped with CERT_MALFORMED.
    let p = parse(&signed_data(&[&seq(&[&seq(&[])]), &cert], &[&signer])).unwrap();
    assert_eq!(codes(&p.findings), ["CERT_MALFORMED"]);
    assert_eq!(p.certificates.len(), 1);
}

#[test]
fn subject_key_identifier_signer() {
    let der = read(FIXTURE_01);
    let p = parse(&der).unwrap();
    let cert = &p.certificates[0];
    let ski = cert.subject_key_id.clone().unwrap();
    let signer = signer_info(&tlv(0x80, &ski), 3, &[], &[]);
    let p = parse(&signed_data(&[&cert.der], &[&signer])).unwrap();
    let s = &p.signers[0];
    assert_eq!(s.sid, SignerId::SubjectKeyId(ski));
    assert_eq!(s.signer_id_kind(), "subject_key_id");
    assert_eq!(s.certificate(&p.certificates).map(|c| c.serial_hex()), Some(cert.serial_hex()));
    assert_eq!(s.signing_certificate_matches(cert), None);
}

// ---------------------------------------------------------------------------------------------
// Hostile input: every failure is a coded error, never a panic, and quick.

/// xorshift64*, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn every_prefix_is_a_coded_error() {
    let binary = [
        FIXTURE_01,
        "signatures/02-qualified-employer-ber/document.pdf.sig",
        "signatures/05-two-signers/document.pdf.sig",
        "cms/tst.der",
    ];
    for path in binary {
        let bytes = read(path);
        for len in 0..bytes.len() {
            let e = parse(&bytes[..len]).expect_err(&format!("{path} cut at {len}"));
            assert_coded(&e);
            if len > 0 {
                assert!(matches!(e.code, Code::CmsTruncated | Code::CmsBerUnterminated), "{path} cut at {len}: {e}");
            }
        }
    }
    // Text encodings: a cut may still hold all the data; otherwise a coded error.
    for path in ["signatures/03-pem-cms/document.pdf.pem", "signatures/04-base64-bare/document.pdf.sig"] {
        let bytes = read(path);
        for len in 0..bytes.len() {
            if let Err(e) = parse(&bytes[..len]) {
                assert_coded(&e);
            }
        }
    }
}

#[test]
fn byte_flips_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let inputs = [
        read(FIXTURE_01),
        read("signatures/02-qualified-employer-ber/document.pdf.sig"),
        berify(&read(FIXTURE_01), 7),
        signed_data(
            &[&read("cms/names.der")],
            &[&signer_info(&tlv(0x80, &[1]), 3, &[], &[&attr("1.2.840.113549.1.9.16.2.14", &[&read("cms/tst.der")])])],
        ),
    ];
    let mut errors = 0;
    for input in &inputs {
        for _ in 0..1500 {
            let mut bytes = input.clone();
            for _ in 0..=rng.below(4) {
                let at = rng.below(bytes.len());
                bytes[at] = rng.next() as u8;
            }
            match parse(&bytes) {
                Ok(p) => {
                    for s in &p.signers {
                        let _ = s.certificate(&p.certificates).map(|c| Identity::from_name(&c.subject));
                    }
                }
                Err(e) => {
                    assert_coded(&e);
                    errors += 1;
                }
            }
        }
    }
    assert!(errors > 0);
}

fn code_of(bytes: &[u8]) -> Code {
    let e = parse(bytes).unwrap_err();
    assert_coded(&e);
    e.code
}

#[test]
fn hostile_structures() {
    // Absurd lengths.
    assert_eq!(code_of(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), Code::CmsTruncated);
    assert_eq!(code_of(&[0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]), Code::CmsTruncated);
    assert_eq!(code_of(&[0x30, 0x89, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]), Code::CmsMalformed);
    assert_eq!(code_of(&[0x30, 0xff, 0x00]), Code::CmsMalformed);
    let der = read(FIXTURE_01);
    let mut inner_absurd = der.clone();
    inner_absurd[60..63].copy_from_slice(&[0x84, 0xff, 0xff]); // the certificate's length
    assert_coded(&parse(&inner_absurd).unwrap_err());

    // Deep nesting, indefinite and definite.
    let deep: Vec<u8> = std::iter::repeat_n([0x30, 0x80], 10_000).flatten().collect();
    assert_eq!(code_of(&deep), Code::LimitCmsNesting);
    let mut nested = vec![0x05, 0x00];
    for _ in 0..10_000 {
        nested = tlv(0x30, &nested);
    }
    assert_eq!(code_of(&nested), Code::LimitCmsNesting);
    let mut deep_value = vec![0x05, 0x00];
    for _ in 0..200 {
        deep_value = tlv(0x30, &deep_value);
    }
    let signer = signer_info(&tlv(0x80, &[1]), 3, &[], &[&attr("1.2.3", &[&deep_value])]);
    assert_eq!(code_of(&signed_data(&[], &[&signer])), Code::LimitCmsNesting);

    // Huge SETs.
    let signer = signer_info(&tlv(0x80, &[1]), 3, &[], &[]);
    let empty_certs: Vec<u8> = std::iter::repeat_n([0x30, 0x00], 100_000).flatten().collect();
    let many_certs = content_info(&seq(&[
        &tlv(0x02, &[1]),
        &set(&[]),
        &seq(&[&oid_der("1.2.840.113549.1.7.1")]),
        &tlv(0xa0, &empty_certs),
        &set(&[&signer]),
    ]));
    assert_eq!(code_of(&many_certs), Code::LimitCmsCertificates);
    let signers: Vec<&[u8]> = std::iter::repeat_n(signer.as_slice(), 65).collect();
    assert_eq!(code_of(&signed_data(&[], &signers)), Code::LimitCmsSigners);
    let junk_signers: Vec<u8> = std::iter::repeat_n([0x30, 0x00], 100_000).flatten().collect();
    let junk = content_info(&seq(&[
        &tlv(0x02, &[1]),
        &set(&[]),
        &seq(&[&oid_der("1.2.840.113549.1.7.1")]),
        &tlv(0x31, &junk_signers),
    ]));
    assert_eq!(code_of(&junk), Code::LimitCmsSigners);
    let one = attr("1.2.3", &[&tlv(0x05, &[])]);
    let many: Vec<&[u8]> = std::iter::repeat_n(one.as_slice(), 300).collect();
    assert_eq!(code_of(&signed_data(&[], &[&signer_info(&tlv(0x80, &[1]), 3, &many, &[])])), Code::LimitCmsElements);
    let tight = Limits { max_certificates: 1, ..Limits::default() };
    let two = signed_data(&[&read("cms/names.der"), &read("cms/names.der")], &[&signer]);
    assert_eq!(cms::parse(&two, &tight).unwrap_err().code, Code::LimitCmsCertificates);

    // Not a signature.
    assert_eq!(code_of(&read("signatures/18-pdf-as-signature/document.pdf.sig")), Code::CmsUnexpectedPdf);
    assert_eq!(cms::sniff(&read("signatures/18-pdf-as-signature/document.pdf.sig")), None);
    assert_eq!(code_of(&read("signatures/ca/accredited-ca.der")), Code::CmsCertificateNotSignature);
    assert_eq!(code_of(&read("signatures/ca/accredited-ca.pem")), Code::CmsCertificateNotSignature);
    assert_eq!(code_of(b"This is not base64!!!"), Code::CmsUnknownEncoding);
    assert_eq!(code_of(b"aGVsbG8gd29ybGQ="), Code::CmsUnknownEncoding);
    assert_eq!(code_of(b"-----BEGIN CMS-----\n@@@@\n-----END CMS-----\n"), Code::CmsUnknownEncoding);
    assert_eq!(code_of(&[0xde, 0xad, 0xbe, 0xef, 0x00, 0x01]), Code::CmsUnknownEncoding);
    assert_eq!(code_of(b""), Code::InputEmpty);
    let enveloped = seq(&[&oid_der("1.2.840.113549.1.7.3"), &tlv(0xa0, &seq(&[]))]);
    let e = parse(&enveloped).unwrap_err();
    assert_eq!((e.code, e.get("oid")), (Code::CmsNotSignedData, Some("1.2.840.113549.1.7.3")));
    assert_eq!(code_of(&signed_data(&[&read("cms/names.der")], &[])), Code::CmsNoSigners);
    let small = Limits { max_input_bytes: 100, ..Limits::default() };
    assert_eq!(cms::parse(&der, &small).unwrap_err().code, Code::InputTooLarge);
}
