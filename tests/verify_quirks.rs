//! What real signature files do, through `check()`: the key OID as signatureAlgorithm, a signer
//! named by subjectKeyIdentifier, BER everywhere with attached content in segments, PEM and
//! base64 with CRLF, vendor signed attributes, a signing key on an exchange curve, an ESS
//! attribute naming another certificate, a signature time-stamp, and names in BMPString and
//! TeletexString. Test data: tests/data/verify (README.md there).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, missing_docs)]

mod verify_common;

use base64::Engine;
use ekdo_check::Kind;
use verify_common::*;

const CASE_01: &str = "01-qualified-person-der";

/// The time the signatures of tests/data/verify were made (signingTime and the time-stamp's
/// genTime; make.sh writes them, README.md records them).
const MADE_AT: &str = "2026-11-25T14:33:41Z";

fn at_verify() -> ekdo_check::Options {
    let mut options = options(false);
    options.at = time("2026-12-01T00:00:00Z");
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    options
}

/// The SignerInfo's signatureAlgorithm replaced by `oid` (its parameters kept).
fn with_signature_algorithm(cms_der: &[u8], oid: &str) -> Vec<u8> {
    edit_signer_info(cms_der, |parts| {
        // version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, ...
        let index = if parts[3][0] == 0xa0 { 4 } else { 3 };
        let old = parts[index].clone();
        let fields = elements(elements(&old)[0].2);
        let params: Vec<&[u8]> = fields[1..].iter().map(|(_, raw, _)| *raw).collect();
        let mut new = vec![oid_der(oid)];
        new.extend(params.iter().map(|p| p.to_vec()));
        let refs: Vec<&[u8]> = new.iter().map(Vec::as_slice).collect();
        parts[index] = seq(&refs);
    })
}

#[test]
fn signature_algorithm_holding_the_key_oid() {
    // OpenSSL's gost engine and CryptoPro CSP write the key's OID where the signature
    // algorithm's belongs; other tools write the signature algorithm. signatureAlgorithm is not
    // signed, so either way the signature stays valid.
    for (case, key_oid, signature_oid, want) in [
        (CASE_01, "1.2.643.7.1.1.1.1", "1.2.643.7.1.1.3.2", Kind::Qualified),
        ("15-gost2012-512-employer", "1.2.643.7.1.1.1.2", "1.2.643.7.1.1.3.3", Kind::Qualified),
        ("16-gost2001-signer", "1.2.643.2.2.19", "1.2.643.2.2.3", Kind::Unqualified),
    ] {
        let document = fixture(case, "document.pdf");
        let original = fixture(case, "document.pdf.sig");
        for oid in [key_oid, signature_oid] {
            let rewritten = with_signature_algorithm(&original, oid);
            assert_eq!(rewritten == original, oid == key_oid, "{case}: the fixture has the key OID");
            let report = check_one(&document, &rewritten, &options(true));
            let signer = only_signer(&report);
            assert_eq!(signer.details.signature_algorithm_oid.as_deref(), Some(oid), "{case}");
            assert_eq!(signer.details.signature_verifies, Some(true), "{case} {oid}");
            assert!(finding_codes(signer).is_empty(), "{case} {oid}: {:?}", finding_codes(signer));
            assert_eq!(kind(signer), want, "{case} {oid}: {:?}", reasons(signer));
        }
    }
    // A key or signature OID of the other size or family, or a foreign algorithm, is refused
    // with its own code.
    let document = fixture(CASE_01, "document.pdf");
    let original = fixture(CASE_01, "document.pdf.sig");
    for oid in ["1.2.643.7.1.1.1.2", "1.2.643.7.1.1.3.3", "1.2.840.113549.1.1.11", "1.2.643.2.2.19", "1.2.643.2.2.3"] {
        let report = check_one(&document, &with_signature_algorithm(&original, oid), &options(true));
        let signer = only_signer(&report);
        assert_eq!(kind(signer), Kind::Invalid, "{oid}");
        assert_eq!(signer.details.signature_verifies, Some(false), "{oid}");
        assert!(has_reason(signer, "SIG_INVALID", false), "{oid}: {:?}", reasons(signer));
        assert!(
            finding_codes(signer).iter().any(|c| c == "SIG_ALGORITHM_MISMATCH" || c == "SIG_UNSUPPORTED_ALGORITHM"),
            "{oid}: {:?}",
            finding_codes(signer)
        );
    }
}

#[test]
fn signer_named_by_subject_key_identifier() {
    // OpenSSL `cms -sign -keyid`, the intermediate CA carried, the root given by the caller.
    let report = check_one(&document(), &verify_data("sigs/ivanov-keyid.sig"), &at_verify());
    let signer = only_signer(&report);
    assert_eq!(signer.details.signer_id.as_deref(), Some("subject_key_id"));
    assert_eq!(signer.subject_cn.as_deref(), Some("Иванов Пётр Алексеевич"));
    assert_eq!(signer.details.chain_valid, Some(true), "{:?}", reasons(signer));
    assert_eq!(signer.details.chain.len(), 3);
    assert_eq!(kind(signer), Kind::QualifiedUnconfirmed, "{:?}", reasons(signer));

    // The same for a fixture signer, checked against the trust list: УКЭП.
    let key = signing_key("signatures/keys/smirnova.key.pem");
    let cert = signer_certificate("smirnova");
    let document = document();
    let mut builder = Builder::new(&key, &cert, &document);
    builder.sid = Sid::KeyId;
    let report = check_one(&document, &builder.build(), &options(true));
    let signer = only_signer(&report);
    assert_eq!(signer.details.signer_id.as_deref(), Some("subject_key_id"));
    assert_eq!(signer.serial_hex.as_deref(), Some(cert.serial_hex().as_str()));
    assert_eq!(kind(signer), Kind::Qualified, "{:?}", reasons(signer));

    // A key identifier that names no certificate: no signer certificate, invalid.
    let other = signer_certificate("orlov");
    let mut builder = Builder::new(&key, &other, &document);
    builder.sid = Sid::KeyId;
    builder.ess_cert = None;
    let cms_der = builder.build();
    // Drop the certificates: the key id then names nothing the check knows.
    let stripped = {
        let ci = elements(&cms_der)[0].2;
        let sd = elements(elements(ci)[1].2)[0].2;
        let parts: Vec<&[u8]> =
            elements(sd).iter().filter(|(tag, _, _)| *tag != 0xa0).map(|(_, raw, _)| *raw).collect();
        content_info(&seq(&parts))
    };
    let report = check_one(&document, &stripped, &options(true));
    let signer = only_signer(&report);
    assert_eq!(kind(signer), Kind::Invalid);
    assert!(has_reason(signer, "SIG_NO_CERTIFICATE", false), "{:?}", reasons(signer));
}

/// Fixture 01 with the document attached as eContent (DER).
fn attached_01(content: &[u8]) -> Vec<u8> {
    let der = fixture(CASE_01, "document.pdf.sig");
    let ci = elements(&der)[0].2;
    let sd = elements(elements(ci)[1].2)[0].2;
    let parts = elements(sd);
    let encap = seq(&[&oid_der(OID_DATA), &tlv(0xa0, &tlv(0x04, content))]);
    content_info(&seq(&[parts[0].1, parts[1].1, &encap, parts[3].1, parts[4].1]))
}

#[test]
fn ber_everywhere_with_attached_content_in_segments() {
    let document = document();
    let der = attached_01(&document);
    let parsed = ekdo_check::cms::parse(&der, &ekdo_check::Limits::default()).unwrap();
    let signed_attrs = parsed.signers[0].signed_attrs.clone().unwrap().received;
    // Indefinite lengths on every constructed element but the signedAttrs and the certificate
    // (which keep the DER that was signed and hashed), the eContent cut into 1000-byte segments
    // of a constructed OCTET STRING, as CryptoPro writes.
    let ber = berify(&der, 1000, &[&signed_attrs, &parsed.certificates[0].der]);
    assert!(find(&ber, &[0x24, 0x80, 0x04, 0x82, 0x03, 0xe8]).is_some(), "segmented eContent");
    for (label, bytes) in [("der", &der), ("ber", &ber)] {
        let report = check_one(&document, bytes, &options(true));
        let s = only_signature(&report);
        assert_eq!(s.encoding.as_deref(), Some(label));
        assert!(s.content_attached);
        assert_eq!(s.content_matches, Some(true));
        assert_eq!(s.error, None);
        let signer = only_signer(&report);
        assert_eq!(kind(signer), Kind::Qualified, "{label}: {:?}", reasons(signer));
        assert_eq!(report.kind, Some(Kind::Qualified));
    }
    // Checked against another document: the attached content differs, so the signature is not
    // one of this document, whatever its own maths says.
    let other = fixture("06-tampered-document", "document.pdf");
    assert_ne!(other, document);
    let report = check_one(&other, &ber, &options(true));
    let s = only_signature(&report);
    assert_eq!(s.content_matches, Some(false));
    assert_eq!(s.kind, Kind::Invalid);
    assert_eq!(s.error.as_ref().map(|e| e.code.as_str()), Some("SIG_CONTENT_MISMATCH"));
    let signer = &s.signers[0];
    assert_eq!(kind(signer), Kind::Invalid);
    assert!(!signer.signature_valid);
    assert_eq!(signer.reasons[0].message.code, "SIG_CONTENT_MISMATCH");
    assert!(!signer.reasons[0].ok);
    assert_eq!(report.kind, Some(Kind::Invalid));
    assert!(report.upload.blockers.iter().any(|b| b.code == "SIG_CONTENT_MISMATCH"));
    assert!(!report.ready);
}

fn pem(label: &str, bytes: &[u8], eol: &str, width: usize) -> Vec<u8> {
    let body = base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut out = format!("-----BEGIN {label}-----{eol}");
    for line in body.as_bytes().chunks(width) {
        out.push_str(std::str::from_utf8(line).unwrap());
        out.push_str(eol);
    }
    out.push_str(&format!("-----END {label}-----{eol}"));
    out.into_bytes()
}

#[test]
fn pem_and_base64_with_crlf() {
    let document = document();
    let der = fixture(CASE_01, "document.pdf.sig");
    let base64_crlf = {
        let body = base64::engine::general_purpose::STANDARD.encode(&der);
        body.as_bytes().chunks(64).collect::<Vec<_>>().join(&b"\r\n"[..])
    };
    for (label, bytes, encoding) in [
        ("PEM CMS, CRLF", pem("CMS", &der, "\r\n", 64), "pem"),
        ("PEM PKCS7, CRLF at 76", pem("PKCS7", &der, "\r\n", 76), "pem"),
        ("base64, CRLF", base64_crlf.clone(), "base64"),
        ("base64, CRLF, trailing CRLF", [base64_crlf.as_slice(), b"\r\n"].concat(), "base64"),
    ] {
        let report = check_one(&document, &bytes, &options(true));
        assert_eq!(only_signature(&report).encoding.as_deref(), Some(encoding), "{label}");
        assert_eq!(kind(only_signer(&report)), Kind::Qualified, "{label}");
    }
    // The BER fixture (openssl -stream) inside CRLF PEM.
    let ber = fixture("02-qualified-employer-ber", "document.pdf.sig");
    let document = fixture("02-qualified-employer-ber", "document.pdf");
    let report = check_one(&document, &pem("CMS", &ber, "\r\n", 64), &options(true));
    assert_eq!(only_signature(&report).encoding.as_deref(), Some("pem"));
    assert_eq!(kind(only_signer(&report)), Kind::Qualified);
}

#[test]
fn vendor_signed_attributes_are_listed_by_name() {
    let key = signing_key("signatures/keys/smirnova.key.pem");
    let cert = signer_certificate("smirnova");
    let document = document();
    let mut builder = Builder::new(&key, &cert, &document);
    builder.extra_signed = vec![
        attr("1.2.643.2.45.1.1.2", &[&tlv(0x0c, "Трудовой договор № 17.pdf".as_bytes())]),
        attr("1.2.643.2.45.1.1.1", &[&tlv(0x0c, "Подписано в КриптоАРМ".as_bytes())]),
        attr("1.2.3.4.5.6", &[&tlv(0x05, &[])]),
    ];
    let report = check_one(&document, &builder.build(), &options(true));
    let signer = only_signer(&report);
    assert_eq!(
        signer.details.signed_attributes,
        [
            "content-type",
            "signing-time",
            "message-digest",
            "signing-certificate-v2",
            "resource-name",
            "signature-comment",
            "1.2.3.4.5.6"
        ]
    );
    assert_eq!(kind(signer), Kind::Qualified, "{:?}", reasons(signer));
}

#[test]
fn signing_key_on_the_exchange_curve() {
    let case = "03-pem-cms";
    let report = check_one(&fixture(case, "document.pdf"), &fixture(case, "document.pdf.pem"), &options(true));
    let signer = only_signer(&report);
    assert_eq!(signer.details.key_parameters.as_deref(), Some("CryptoPro-XchA"));
    assert_eq!(signer.details.key_parameters_oid.as_deref(), Some("1.2.643.2.2.36.0"));
    assert_eq!(signer.key_algorithm.as_deref(), Some("gost2012-256"));
    assert_eq!(kind(signer), Kind::Qualified);
}

#[test]
fn ess_naming_another_certificate_is_invalid() {
    // OpenSSL does not check signingCertificateV2 against the signer's certificate; we must.
    let key = signing_key("signatures/keys/smirnova.key.pem");
    let cert = signer_certificate("smirnova");
    let other = signer_certificate("orlov");
    let document = document();
    let mut builder = Builder::new(&key, &cert, &document);
    let report = check_one(&document, &builder.build(), &options(true));
    let signer = only_signer(&report);
    assert_eq!(signer.details.signing_certificate_matches, Some(true));
    assert_eq!(kind(signer), Kind::Qualified);

    builder.ess_cert = Some(&other);
    let report = check_one(&document, &builder.build(), &options(true));
    let signer = only_signer(&report);
    assert_eq!(signer.details.signature_verifies, Some(true), "the maths holds");
    assert_eq!(signer.details.digest_matches, Some(true));
    assert_eq!(signer.details.signing_certificate_matches, Some(false));
    assert!(!signer.signature_valid);
    assert_eq!(kind(signer), Kind::Invalid);
    assert_eq!(signer.reasons[0].message.code, "SIG_SIGNING_CERTIFICATE_MISMATCH");
    assert!(report.upload.blockers.iter().any(|b| b.code == "SIG_SIGNING_CERTIFICATE_MISMATCH"));
}

/// ivanov-noattr.sig with its time-stamp token attached.
fn time_stamped() -> Vec<u8> {
    let tst = verify_data("sigs/ivanov-noattr.tst");
    with_unsigned(&verify_data("sigs/ivanov-noattr.sig"), &[&attr(OID_SIGNATURE_TIME_STAMP, &[&tst])])
}

#[test]
fn time_stamp_sets_the_validity_time() {
    let document = document();
    // After the certificate expired (2027-11-01): without a signing time the certificate is
    // judged at the check time and has expired.
    let mut options = at_verify();
    options.at = time("2028-01-01T00:00:00Z");
    let report = check_one(&document, &verify_data("sigs/ivanov-noattr.sig"), &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.validity_time_source.as_deref(), Some("check_time"));
    assert!(has_reason(signer, "CERT_EXPIRED", false));
    assert_eq!(kind(signer), Kind::Invalid);

    // The time-stamp establishes when the signature existed: the certificate was valid then.
    let stamped = time_stamped();
    let report = check_one(&document, &stamped, &options);
    let signer = only_signer(&report);
    let made = time(MADE_AT);
    assert_eq!(signer.details.signing_time, None);
    assert_eq!(signer.details.timestamp, Some(made));
    assert_eq!(
        signer.details.timestamp_authority.as_deref(),
        Some("CN=Тестовая служба штампов времени «Ладога», O=АО «Ладога», C=RU")
    );
    assert_eq!(signer.details.unsigned_attributes, ["signature-time-stamp"]);
    assert_eq!(signer.details.validity_time, Some(made));
    assert_eq!(signer.details.validity_time_source.as_deref(), Some("timestamp"));
    assert!(has_reason(signer, "SIG_TIMESTAMP_VERIFIED", true), "{:?}", reasons(signer));
    assert!(has_reason(signer, "CERT_VALID_AT_SIGNING", true));
    assert_eq!(signer.cert_valid_at_signing, Some(true));
    assert_eq!(signer.details.chain_valid, Some(true));
    assert_eq!(kind(signer), Kind::QualifiedUnconfirmed, "{:?}", reasons(signer));
}

#[test]
fn unverifiable_time_stamps_establish_nothing() {
    let document = document();
    let mut options = at_verify();
    options.at = time("2028-01-01T00:00:00Z");
    let judged_at_check_time = |cms: &[u8], options: &ekdo_check::Options, detail: &str| {
        let report = check_one(&document, cms, options);
        let signer = only_signer(&report);
        assert_eq!(signer.details.validity_time_source.as_deref(), Some("check_time"), "{detail}");
        assert_eq!(signer.details.validity_time, Some(options.at), "{detail}");
        let failed = signer.reasons.iter().find(|r| r.message.code == "SIG_TIMESTAMP_INVALID").unwrap();
        assert!(!failed.ok);
        assert!(failed.message.message_en.contains(detail), "{detail}: {}", failed.message.message_en);
        assert!(has_reason(signer, "CERT_EXPIRED", false));
        assert_eq!(kind(signer), Kind::Invalid);
        // The token's time and TSA are still shown.
        assert_eq!(signer.details.timestamp, Some(time(MADE_AT)));
    };
    // The TSA's root is not trusted.
    let mut untrusted = options.clone();
    untrusted.ca_certificates.clear();
    untrusted.ca_certificates.push(verify_data("certs/inter.pem"));
    judged_at_check_time(&time_stamped(), &untrusted, "the TSA's certificate");

    // The token stamps another signature value: moved onto another signature.
    let tst = verify_data("sigs/ivanov-noattr.tst");
    let mut builder_options = options.clone();
    builder_options.ca_certificates.push(verify_data("certs/inter.pem"));
    let key = signing_key("verify/keys/ivanov.key.pem");
    let cert = verify_cert("ivanov");
    let mut builder = Builder::new(&key, &cert, &document);
    builder.with_attrs = false;
    builder.unsigned = vec![attr(OID_SIGNATURE_TIME_STAMP, &[&tst])];
    judged_at_check_time(&builder.build(), &builder_options, "another signature value");

    // The TSTInfo changed after the TSA signed it: genTime moved by a year.
    let genuine: String = MADE_AT.chars().filter(char::is_ascii_digit).chain(['Z']).collect();
    let at = find(&tst, genuine.as_bytes()).unwrap();
    let mut forged = tst.clone();
    forged[at..at + 4].copy_from_slice(b"2027");
    let stamped = with_unsigned(&verify_data("sigs/ivanov-noattr.sig"), &[&attr(OID_SIGNATURE_TIME_STAMP, &[&forged])]);
    let report = check_one(&document, &stamped, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.validity_time_source.as_deref(), Some("check_time"));
    assert!(reasons(signer).contains(&("SIG_TIMESTAMP_INVALID".to_owned(), false)));
    assert_eq!(signer.details.timestamp, Some(time(&MADE_AT.replacen("2026", "2027", 1))), "shown as written");
    assert_eq!(kind(signer), Kind::Invalid);
}

#[test]
fn names_in_bmp_and_teletex_strings_reach_the_report() {
    // BMPString SN, GN (one multi-valued RDN) and CN, a TeletexString O, and the organisation's
    // ИНН written the pre-2021 way: 00 + 10 digits under 1.2.643.3.131.1.1.
    let report = check_one(&document(), &verify_data("sigs/names.sig"), &at_verify());
    let signer = only_signer(&report);
    assert_eq!(signer.subject_cn.as_deref(), Some("Тестова Анна Петровна"));
    assert_eq!(signer.surname.as_deref(), Some("Тестова"));
    assert_eq!(signer.given_name.as_deref(), Some("Анна Петровна"));
    assert_eq!(signer.organization.as_deref(), Some("Café Ltd"));
    assert_eq!(signer.innle.as_deref(), Some("7812197875"));
    assert_eq!(signer.inn, None);
    assert_eq!(signer.ogrn.as_deref(), Some("1167811239860"));
    assert_eq!(signer.snils.as_deref(), Some("95987517203"));
    let subject = &signer.details.certificate.as_ref().unwrap().subject;
    assert!(subject.starts_with("SN=Тестова + G=Анна Петровна, CN=Тестова Анна Петровна, O=Café Ltd"), "{subject}");
    assert!(signer.qualified_profile, "{:?}", reasons(signer));
    assert_eq!(kind(signer), Kind::QualifiedUnconfirmed, "{:?}", reasons(signer));
}

#[test]
fn a_signing_time_after_the_check_is_not_believed() {
    let document = document();
    // zaitseva's certificate is valid from 2027-12-29: a signature claiming 2028 is checked in
    // 2026, when the certificate was not valid yet.
    let key = signing_key("signatures/keys/zaitseva.key.pem");
    let cert = signer_certificate("zaitseva");
    let mut builder = Builder::new(&key, &cert, &document);
    builder.signing_time = Some("2028-06-01T00:00:00Z");
    let report = check_one(&document, &builder.build(), &options(true));
    let signer = only_signer(&report);
    assert_eq!(signer.details.signing_time, Some(time("2028-06-01T00:00:00Z")));
    assert_eq!(signer.details.validity_time, Some(at()));
    assert_eq!(signer.details.validity_time_source.as_deref(), Some("check_time"));
    assert!(has_reason(signer, "SIG_SIGNING_TIME_AFTER_CHECK", false), "{:?}", reasons(signer));
    assert!(has_reason(signer, "CERT_NOT_YET_VALID", false));
    assert_eq!(kind(signer), Kind::Invalid);
    // A day ahead with a certificate valid now: still УКЭП, the claim is only noted.
    let key = signing_key("signatures/keys/smirnova.key.pem");
    let cert = signer_certificate("smirnova");
    let mut builder = Builder::new(&key, &cert, &document);
    builder.signing_time = Some("2026-11-26T12:00:00Z");
    let report = check_one(&document, &builder.build(), &options(true));
    let signer = only_signer(&report);
    assert!(has_reason(signer, "SIG_SIGNING_TIME_AFTER_CHECK", false));
    assert_eq!(signer.cert_valid_at_signing, None);
    assert_eq!(kind(signer), Kind::Qualified);
}

#[test]
fn certificate_findings_are_reported() {
    // A signer certificate with an unknown critical extension and a duplicated one.
    let document = document();
    let root_key = signing_key("verify/keys/root.key.pem");
    let mut leaf = CertBuilder::ca("Leaf", "-", &verify_cert("ivanov"), 9);
    leaf.issuer_der = verify_cert("root").subject_der.clone();
    leaf.ca = None;
    leaf.extra_extensions = vec![
        seq(&[&oid_der("1.2.3.4.99"), &tlv(0x01, &[0xff]), &tlv(0x04, &tlv(0x05, &[]))]),
        seq(&[&oid_der("2.5.29.14"), &tlv(0x04, &tlv(0x04, &[1, 2, 3]))]),
        seq(&[&oid_der("2.5.29.14"), &tlv(0x04, &tlv(0x04, &[1, 2, 3]))]),
    ];
    let leaf = parse_cert(&leaf.sign(&root_key));
    let key = signing_key("verify/keys/ivanov.key.pem");
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    let report = check_one(&document, &Builder::new(&key, &leaf, &document).build(), &options);
    let signer = only_signer(&report);
    let codes = finding_codes(signer);
    assert!(codes.contains(&"CERT_UNKNOWN_CRITICAL_EXTENSION".to_owned()), "{codes:?}");
    assert!(codes.contains(&"CERT_DUPLICATE_EXTENSION".to_owned()), "{codes:?}");
    let unknown = signer.details.findings.iter().find(|f| f.code == "CERT_UNKNOWN_CRITICAL_EXTENSION").unwrap();
    assert_eq!(unknown.args["oid"], "1.2.3.4.99");
}

#[test]
fn an_empty_econtent_is_a_detached_signature() {
    // Some tools write `[0] { NULL }` (PKCS #7 style) or an empty OCTET STRING as eContent of a
    // detached signature.
    let document = document();
    let der = fixture(CASE_01, "document.pdf.sig");
    let ci = elements(&der)[0].2;
    let sd = elements(elements(ci)[1].2)[0].2;
    let parts = elements(sd);
    for empty in [tlv(0x05, &[]), tlv(0x04, &[])] {
        let encap = seq(&[&oid_der(OID_DATA), &tlv(0xa0, &empty)]);
        let cms = content_info(&seq(&[parts[0].1, parts[1].1, &encap, parts[3].1, parts[4].1]));
        let report = check_one(&document, &cms, &options(true));
        let s = only_signature(&report);
        assert!(!s.content_attached);
        assert_eq!(s.content_matches, None);
        assert_eq!(kind(only_signer(&report)), Kind::Qualified, "{empty:02x?}");
    }
}

#[test]
fn organisation_inn_written_both_ways_reaches_the_report() {
    // Certificates of 2020-2021 carry the organisation's ИНН twice: 00 + 10 digits under
    // 1.2.643.3.131.1.1 and 10 digits under 1.2.643.100.4.
    let atv = |oid: &str, tag: u8, value: &str| set(&[&seq(&[&oid_der(oid), &tlv(tag, value.as_bytes())])]);
    let subject = seq(&[
        &atv("2.5.4.3", 0x0c, "ООО «Ромашка»"),
        &atv("1.2.643.3.131.1.1", 0x12, "007812197875"),
        &atv("1.2.643.100.4", 0x12, "7812197875"),
        &atv("1.2.643.100.1", 0x12, "1167811239860"),
    ]);
    let mut leaf = CertBuilder::ca("-", "-", &verify_cert("ivanov"), 11);
    leaf.subject_der = subject;
    leaf.issuer_der = verify_cert("root").subject_der.clone();
    leaf.ca = None;
    let leaf = parse_cert(&leaf.sign(&signing_key("verify/keys/root.key.pem")));
    let document = document();
    let key = signing_key("verify/keys/ivanov.key.pem");
    let report = check_one(&document, &Builder::new(&key, &leaf, &document).build(), &at_verify());
    let signer = only_signer(&report);
    assert_eq!(signer.inn, None, "00 + 10 digits is no person's ИНН");
    assert_eq!(signer.innle.as_deref(), Some("7812197875"));
    assert_eq!(signer.ogrn.as_deref(), Some("1167811239860"));
    assert_eq!(signer.subject_cn.as_deref(), Some("ООО «Ромашка»"));
}

/// A ContentInfo(SignedData) with its certificates replaced by `certificates`.
fn with_certificates(cms_der: &[u8], certificates: &[&[u8]]) -> Vec<u8> {
    let ci = elements(cms_der)[0].2;
    let sd = elements(elements(ci)[1].2)[0].2;
    let mut parts: Vec<Vec<u8>> =
        elements(sd).iter().filter(|(tag, _, _)| *tag != 0xa0).map(|(_, raw, _)| raw.to_vec()).collect();
    if !certificates.is_empty() {
        parts.insert(3, tlv(0xa0, &cat(certificates)));
    }
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    content_info(&seq(&refs))
}

#[test]
fn the_tsa_certificate_may_sit_in_the_signature() {
    // A token without certificates; the TSA's certificate among the signature's certificates.
    let document = document();
    let tst = with_certificates(&verify_data("sigs/ivanov-noattr.tst"), &[]);
    let signature = verify_data("sigs/ivanov-noattr.sig");
    let ivanov = verify_cert("ivanov");
    let inter = verify_cert("inter");
    let tsa = verify_cert("tsa");
    let mut options = at_verify();
    options.at = time("2028-01-01T00:00:00Z");
    let stamped = with_unsigned(&signature, &[&attr(OID_SIGNATURE_TIME_STAMP, &[&tst])]);
    let report = check_one(&document, &stamped, &options);
    let signer = only_signer(&report);
    assert!(has_reason(signer, "SIG_TIMESTAMP_INVALID", false), "no TSA certificate anywhere");
    let stamped = with_certificates(&stamped, &[&ivanov.der, &inter.der, &tsa.der]);
    let report = check_one(&document, &stamped, &options);
    let signer = only_signer(&report);
    assert!(has_reason(signer, "SIG_TIMESTAMP_VERIFIED", true), "{:?}", reasons(signer));
    assert_eq!(signer.details.validity_time_source.as_deref(), Some("timestamp"));
    assert_eq!(kind(signer), Kind::QualifiedUnconfirmed);
}
