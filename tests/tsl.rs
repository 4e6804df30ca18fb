//! The list of accredited CAs: the fixture `tests/data/signatures/tsl.xml` against the CA
//! certificates in `tests/data/signatures/ca/`, the quirks of the published list, and malformed
//! input (every failure coded, none a panic).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;

use ekdo_check::trust::tsl::{parse_list_time, ROOT};
use ekdo_check::trust::{AccreditationStatus, TrustList};
use ekdo_check::{Code, Limits, Time};
use sha1::{Digest, Sha1};

fn data(path: &str) -> Vec<u8> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn fixture() -> Vec<u8> {
    data("signatures/tsl.xml")
}

fn fixture_text() -> String {
    String::from_utf8(fixture()).unwrap()
}

fn parse(xml: &[u8]) -> Result<TrustList, ekdo_check::Finding> {
    TrustList::parse(xml, &Limits::default())
}

fn at(text: &str) -> Time {
    Time::parse_rfc3339(text).unwrap()
}

/// A tiny DER walk: (tag, contents, whole element, rest).
fn tlv(der: &[u8]) -> (u8, &[u8], &[u8], &[u8]) {
    let tag = der[0];
    let (len, header) = match der[1] {
        n if n < 0x80 => (usize::from(n), 2),
        0x81 => (usize::from(der[2]), 3),
        0x82 => (usize::from(der[2]) << 8 | usize::from(der[3]), 4),
        other => panic!("length form {other:#x}"),
    };
    (tag, &der[header..header + len], &der[..header + len], &der[header + len..])
}

/// The fields of a certificate the tests need: issuer and subject Name DER, and the values of
/// the extensions by OID contents.
struct Cert<'a> {
    serial: &'a [u8],
    issuer: &'a [u8],
    subject: &'a [u8],
    extensions: Vec<(&'a [u8], &'a [u8])>,
}

fn cert(der: &[u8]) -> Cert<'_> {
    let (_, certificate, _, _) = tlv(der);
    let (_, tbs, _, _) = tlv(certificate);
    let mut rest = tbs;
    let (tag, _, _, r) = tlv(rest);
    if tag == 0xA0 {
        rest = r;
    }
    let (_, serial, _, r) = tlv(rest);
    let (_, _, _, r) = tlv(r); // signature
    let (_, _, issuer, r) = tlv(r);
    let (_, _, _, r) = tlv(r); // validity
    let (_, _, subject, r) = tlv(r);
    let (_, _, _, mut r) = tlv(r); // spki
    let mut extensions = Vec::new();
    while !r.is_empty() {
        let (tag, value, _, next) = tlv(r);
        r = next;
        if tag != 0xA3 {
            continue;
        }
        let (_, mut list, _, _) = tlv(value);
        while !list.is_empty() {
            let (_, ext, _, next) = tlv(list);
            list = next;
            let (_, oid, _, mut e) = tlv(ext);
            if e[0] == 0x01 {
                e = tlv(e).3;
            }
            let (_, octets, _, _) = tlv(e);
            extensions.push((oid, octets));
        }
    }
    let serial = serial.strip_prefix(&[0][..]).unwrap_or(serial);
    Cert { serial, issuer, subject, extensions }
}

impl Cert<'_> {
    fn extension(&self, oid: &[u8]) -> Option<&[u8]> {
        self.extensions.iter().find(|(o, _)| *o == oid).map(|(_, v)| *v)
    }

    /// subjectKeyIdentifier (2.5.29.14): an OCTET STRING.
    fn ski(&self) -> Vec<u8> {
        tlv(self.extension(&[0x55, 0x1D, 0x0E]).unwrap()).1.to_vec()
    }

    /// authorityKeyIdentifier (2.5.29.35): SEQUENCE { [0] keyIdentifier }.
    fn aki(&self) -> Vec<u8> {
        let (_, seq, _, _) = tlv(self.extension(&[0x55, 0x1D, 0x23]).unwrap());
        let (tag, id, _, _) = tlv(seq);
        assert_eq!(tag, 0x80);
        id.to_vec()
    }
}

fn pem_to_der(pem: &[u8]) -> Vec<u8> {
    use base64::Engine as _;
    let text = String::from_utf8(pem.to_vec()).unwrap();
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD.decode(body).unwrap()
}

const CAS: [(&str, &str, bool); 4] = [
    ("accredited-ca", "Акционерное общество «Северный ключ» (тестовый удостоверяющий центр)", true),
    ("terminated-ca", "Общество с ограниченной ответственностью «Заря-Телеком»", true),
    ("other-accredited-ca", "Общество с ограниченной ответственностью «Балтика-Сертификат»", true),
    ("commercial-ca", "", false),
];

#[test]
fn fixture_lists_three_authorities() {
    let list = parse(&fixture()).unwrap();
    assert_eq!(list.version(), Some("81240"));
    assert_eq!(list.date(), Some(at("2026-11-24T09:23:02Z")));
    let names: Vec<&str> = list.authorities().iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, [CAS[0].1, CAS[1].1, CAS[2].1]);
    let statuses: Vec<&AccreditationStatus> = list.authorities().iter().map(|a| &a.status).collect();
    assert_eq!(
        statuses,
        [&AccreditationStatus::Active, &AccreditationStatus::Terminated, &AccreditationStatus::Active]
    );
    let north = &list.authorities()[0];
    assert_eq!(north.short_name.as_deref(), Some("АО «Северный ключ»"));
    assert_eq!(north.inn.as_deref(), Some("7834566565"));
    assert_eq!(north.ogrn.as_deref(), Some("1057808333252"));
    assert_eq!(north.registry_number.as_deref(), Some("1201"));
    assert_eq!(north.status_since, Some(at("2021-12-20T09:23:02Z")));
    assert_eq!(north.keys.len(), 1);
    let key = &north.keys[0];
    assert_eq!(
        key.crl_urls,
        ["http://uc.northkey.test/cdp/accredited-ca.crl", "http://cdp2.uc.northkey.test/cdp/accredited-ca.crl"]
    );
    let c = &key.certificates[0];
    assert_eq!(c.serial_hex, "7fbb8b70a34533332320f0c8a95157df6ac8d8ac");
    assert_eq!(c.not_before, Some(at("2023-08-12T09:23:02Z")));
    assert_eq!(c.not_after, Some(at("2041-11-20T09:23:02Z")));
    assert!(c.subject.starts_with("CN=Тестовый УЦ «Северный ключ»"));
    assert_eq!(c.issuer, c.subject);
    assert!(list.warnings().is_empty(), "{:?}", list.warnings());

    let summary = list.summary();
    assert_eq!((summary.authorities, summary.keys), (3, 3));
    assert_eq!(summary.version.as_deref(), Some("81240"));
    assert_eq!(summary.date.as_deref(), Some("2026-11-24T09:23:02Z"));
    assert_eq!(list.ca_certificates().count(), 3);
}

#[test]
fn key_ids_and_thumbprints_match_the_ca_certificates() {
    let list = parse(&fixture()).unwrap();
    for (file, name, listed) in CAS {
        let der = data(&format!("signatures/ca/{file}.der"));
        let parsed = cert(&der);
        let ski = parsed.ski();
        let sha1 = Sha1::digest(&der).to_vec();
        let by_key: Vec<_> = list.find_by_key_id(&ski).collect();
        let by_thumbprint: Vec<_> = list.find_by_thumbprint(&sha1).collect();
        let by_der = list.find_by_certificate_der(&der);
        let by_subject: Vec<_> = list.find_by_subject(parsed.subject).collect();
        let by_serial: Vec<_> = list.find_by_serial(parsed.serial).collect();
        if !listed {
            assert!(by_key.is_empty() && by_thumbprint.is_empty() && by_der.is_none(), "{file}");
            assert!(by_subject.is_empty() && by_serial.is_empty(), "{file}");
            continue;
        }
        assert_eq!(by_key.len(), 1, "{file}");
        assert_eq!(by_key[0].authority.name, name);
        assert_eq!(by_key[0].key.key_id, ski);
        assert!(by_key[0].certificate.is_none());
        assert_eq!(by_thumbprint.len(), 1, "{file}");
        let found = by_thumbprint[0].certificate.unwrap();
        assert_eq!(found.der, der);
        assert_eq!(found.thumbprint, sha1);
        assert_eq!(found.written_thumbprint.as_deref(), Some(sha1.as_slice()));
        assert_eq!(found.subject_key_id.as_deref(), Some(ski.as_slice()));
        assert_eq!(found.subject_der(), Some(parsed.subject));
        assert_eq!(found.issuer_der(), Some(parsed.issuer));
        assert_eq!(by_der.unwrap().authority.name, name);
        assert_eq!(by_subject.len(), 1);
        assert_eq!(by_serial.len(), 1);
        // Thumbprints compare case-insensitively, as the list writes them in uppercase.
        let hex_lower: String = sha1.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(list.find_by_thumbprint_hex(&hex_lower).count(), 1);
        assert_eq!(list.find_by_thumbprint_hex(&hex_lower.to_uppercase()).count(), 1);
    }
    assert_eq!(list.find_by_thumbprint_hex("not hex").count(), 0);
    assert!(list.find_by_certificate_der(b"junk").is_none());
}

#[test]
fn signers_find_their_issuers() {
    let list = parse(&fixture()).unwrap();
    let signing = at("2026-11-24T12:00:00Z");
    for (signer, accredited) in [("smirnova", true), ("orlov", true), ("morozov", false), ("sidorov", false)] {
        let der = pem_to_der(&data(&format!("signatures/keys/{signer}.crt.pem")));
        let parsed = cert(&der);
        let by_aki = list.find_by_key_id(&parsed.aki()).any(|m| m.authority.accredited_at(signing));
        let by_issuer = list.find_by_subject(parsed.issuer).any(|m| m.authority.accredited_at(signing));
        assert_eq!(by_aki, accredited, "{signer}");
        assert_eq!(by_issuer, accredited, "{signer}");
    }
    for (signer, accredited) in [("smirnova", true), ("morozov", false), ("sidorov", false)] {
        let der = pem_to_der(&data(&format!("signatures/keys/{signer}.crt.pem")));
        let parsed = cert(&der);
        let aki = parsed.aki();
        assert_eq!(list.accredited_issuer_at(Some(&aki), None, signing).is_some(), accredited, "{signer}");
        assert_eq!(list.accredited_issuer_at(None, Some(parsed.issuer), signing).is_some(), accredited, "{signer}");
    }
    assert!(list.accredited_issuer_at(None, None, signing).is_none());
    // Заря-Телеком was accredited before 2026-01-28.
    let morozov = cert(&pem_to_der(&data("signatures/keys/morozov.crt.pem"))).aki();
    assert!(list.accredited_issuer_at(Some(&morozov), None, at("2025-12-01T00:00:00Z")).is_some());
    // Заря-Телеком is listed; only its status keeps morozov's signature from being УКЭП.
    let morozov = cert(&pem_to_der(&data("signatures/keys/morozov.crt.pem"))).aki();
    let hit = list.find_by_key_id(&morozov).next().unwrap();
    assert_eq!(hit.authority.status, AccreditationStatus::Terminated);
}

#[test]
fn accreditation_follows_the_history() {
    let list = parse(&fixture()).unwrap();
    let zarya = &list.authorities()[1];
    assert_eq!(zarya.history.len(), 2);
    assert_eq!(zarya.history[0].status, AccreditationStatus::Active);
    assert_eq!(zarya.history[1].from, at("2026-01-28T09:23:02Z"));
    assert!(!zarya.accredited_at(at("2020-04-29T09:23:01Z")));
    assert!(zarya.accredited_at(at("2020-04-29T09:23:02Z")));
    assert!(zarya.accredited_at(at("2026-01-28T09:23:01Z")));
    assert!(!zarya.accredited_at(at("2026-01-28T09:23:02Z")));
    assert!(!zarya.accredited_at(at("2026-11-24T12:00:00Z")));
    let north = &list.authorities()[0];
    assert!(!north.accredited_at(at("2021-12-19T00:00:00Z")));
    assert!(north.accredited_at(at("2026-11-24T12:00:00Z")));
    assert!(north.accredited_at(at("2099-01-01T00:00:00Z")));
}

#[test]
fn accepts_the_quirks_of_the_published_list() {
    // A BOM, CRLF line ends, dates without a zone or with .NET fractions, lowercase hex with
    // spaces, base64 broken into lines, an enveloped signature and unknown elements.
    let text = fixture_text()
        .replace('\n', "\r\n")
        .replace("<ДействуетС>2021-12-20T12:23:02+03:00</ДействуетС>", "<ДействуетС>2021-12-20T12:23:02</ДействуетС>")
        .replace("<Дата>2026-11-24T12:23:02+03:00</Дата>", "<Дата>2026-11-24T12:23:02.9541545+03:00</Дата>")
        .replace(
            "48C02D8644B4AED037BF311E6A0E4D35ACB8460F",
            "48 c0 2d 86 44 b4 ae d0 37 bf 31 1e 6a 0e 4d 35 ac b8 46 0f",
        )
        .replace("<Данные>MIIGGDCC", "<Данные>\r\nMIIG\r\n  GDCC")
        .replace("<ИНН>7834566565</ИНН>", "<ИНН>7834566565</ИНН><ПолномочияПереданыУЦсОГРН xsi:nil=\"true\"/>")
        .replace(
            &format!("</{ROOT}>"),
            &format!("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature></{ROOT}>"),
        );
    let mut xml = vec![0xEF, 0xBB, 0xBF];
    xml.extend_from_slice(text.as_bytes());
    let list = parse(&xml).unwrap();
    assert_eq!(list.date(), Some(at("2026-11-24T09:23:02Z")));
    let north = &list.authorities()[0];
    assert_eq!(north.status_since, Some(at("2021-12-20T09:23:02Z")));
    let der = data("signatures/ca/accredited-ca.der");
    assert_eq!(list.find_by_certificate_der(&der).unwrap().authority.name, north.name);
    assert_eq!(list.find_by_key_id(&cert(&der).ski()).count(), 1);
    assert_eq!(parse_list_time("2012-07-06T00:00:00"), Some(at("2012-07-05T21:00:00Z")));
}

#[test]
fn a_wrong_thumbprint_is_a_warning_and_both_are_indexed() {
    let text =
        fixture_text().replace("82564BBDE99562C9CD13E5E639108FB06861BC2A", "0000000000000000000000000000000000000001");
    let list = parse(text.as_bytes()).unwrap();
    assert_eq!(list.warnings().len(), 1);
    assert_eq!(list.warnings()[0].code, Code::TslThumbprintMismatch);
    assert_eq!(list.warnings()[0].get("computed"), Some("82564bbde99562c9cd13e5e639108fb06861bc2a"));
    assert_eq!(list.find_by_thumbprint_hex("82564BBDE99562C9CD13E5E639108FB06861BC2A").count(), 1);
    assert_eq!(list.find_by_thumbprint_hex("0000000000000000000000000000000000000001").count(), 1);
}

#[test]
fn an_unreadable_certificate_is_a_warning() {
    // Valid base64 of bytes that are no certificate.
    let text = fixture_text().replacen("<Данные>MIIGGDCC", "<Данные>AAAAMIIGGDCC", 1);
    let list = parse(text.as_bytes()).unwrap();
    let codes: Vec<Code> = list.warnings().iter().map(|w| w.code).collect();
    assert!(codes.contains(&Code::TslCertificateUnreadable), "{codes:?}");
    assert_eq!(list.find_by_subject(cert(&data("signatures/ca/accredited-ca.der")).subject).count(), 0);
}

fn code_of(xml: &[u8], limits: &Limits) -> Code {
    TrustList::parse(xml, limits).unwrap_err().code
}

#[test]
fn malformed_lists_are_coded() {
    let limits = Limits::default();
    let text = fixture_text();
    assert_eq!(code_of(b"", &limits), Code::TslNotXml);
    assert_eq!(code_of(b"hello, world", &limits), Code::TslNotXml);
    assert_eq!(code_of(b"\x00\x01\x02\xff", &limits), Code::TslNotXml);
    assert_eq!(code_of(b"<TrustServiceStatusList/>", &limits), Code::TslWrongRoot);
    assert_eq!(code_of(&data("signatures/ca/accredited-ca.pem"), &limits), Code::TslNotXml);
    assert_eq!(code_of(text.replace("</Версия>", "</Дата>").as_bytes(), &limits), Code::TslNotXml);
    assert_eq!(code_of(format!("{text}<{ROOT}/>").as_bytes(), &limits), Code::TslNotXml);
    let bad_base64 = text.replacen("<Данные>MIIG", "<Данные>MI!G", 1);
    assert_eq!(code_of(bad_base64.as_bytes(), &limits), Code::TslBadBase64);
    let bad_date = text.replacen("2023-08-12T12:23:02+03:00", "12.08.2023", 1);
    let err = TrustList::parse(bad_date.as_bytes(), &limits).unwrap_err();
    assert_eq!(err.code, Code::TslBadDate);
    assert_eq!(err.get("value"), Some("12.08.2023"));
    assert_eq!(err.get("element"), Some("ПериодДействияС"));
    let bad_hex =
        text.replacen("48C02D8644B4AED037BF311E6A0E4D35ACB8460F", "48C02D8644B4AED037BF311E6A0E4D35ACB8460G", 1);
    assert_eq!(code_of(bad_hex.as_bytes(), &limits), Code::TslBadHex);
    let mut invalid = text.clone().into_bytes();
    let name = "«Северный ключ»</КраткоеНазвание>".as_bytes();
    let at = invalid.windows(name.len()).position(|w| w == name).unwrap();
    invalid[at + 2] = 0xFF;
    assert_eq!(code_of(&invalid, &limits), Code::TslNotXml);
}

#[test]
fn truncated_lists_are_coded_at_every_length() {
    let xml = fixture();
    let limits = Limits::default();
    for len in (0..xml.len()).step_by(37) {
        let code = code_of(&xml[..len], &limits);
        assert!(
            matches!(
                code,
                Code::TslTruncated | Code::TslNotXml | Code::TslBadBase64 | Code::TslBadHex | Code::TslBadDate
            ),
            "{len}: {code:?}"
        );
    }
    assert_eq!(code_of(&xml[..xml.len() * 6 / 10], &limits), Code::TslTruncated);
    assert_eq!(code_of(&xml[..xml.len() - 20], &limits), Code::TslTruncated);
}

#[test]
fn bounds_are_enforced() {
    let text = fixture_text();
    let small = Limits { max_tsl_text: 1000, ..Limits::default() };
    let err = TrustList::parse(text.as_bytes(), &small).unwrap_err();
    assert_eq!(err.code, Code::TslTooLarge);
    assert_eq!(err.get("what"), Some("the text of Данные"));

    let huge_text = format!("<{ROOT}><Версия>{}</Версия></{ROOT}>", "7".repeat(2 * 1024 * 1024));
    assert_eq!(code_of(huge_text.as_bytes(), &Limits::default()), Code::TslTooLarge);
    // Text outside the elements kept costs nothing and is allowed.
    let skipped = format!("<{ROOT}><Комментарий>{}</Комментарий></{ROOT}>", "7".repeat(2 * 1024 * 1024));
    assert!(parse(skipped.as_bytes()).is_ok());

    let deep = format!("<{ROOT}>{}{}</{ROOT}>", "<a>".repeat(5000), "</a>".repeat(5000));
    let err = TrustList::parse(deep.as_bytes(), &Limits::default()).unwrap_err();
    assert_eq!((err.code, err.get("what")), (Code::TslTooLarge, Some("the nesting depth")));

    let few = Limits { max_tsl_entries: 5, ..Limits::default() };
    assert_eq!(code_of(text.as_bytes(), &few), Code::TslTooLarge);

    let tiny = Limits { max_tsl_bytes: 100, ..Limits::default() };
    let err = TrustList::parse(text.as_bytes(), &tiny).unwrap_err();
    assert_eq!(err.code, Code::TslTooLarge);
    assert_eq!(err.get("limit"), Some("100"));
}

#[test]
fn flipped_bytes_never_panic() {
    let xml = fixture();
    let mut seed: u32 = 0x2545_F491;
    for _ in 0..400 {
        let mut copy = xml.clone();
        for _ in 0..3 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let at = usize::try_from(seed).unwrap() % copy.len();
            copy[at] = copy[at].wrapping_add(u8::try_from(seed >> 24).unwrap() | 1);
        }
        // Either parses or fails with a code; either way no panic.
        let _ = parse(&copy);
    }
}

#[test]
fn the_index_is_shareable() {
    fn send_sync<T: Send + Sync + Clone>() {}
    send_sync::<TrustList>();
    let list = std::sync::Arc::new(parse(&fixture()).unwrap());
    let other = std::sync::Arc::clone(&list);
    let handle = std::thread::spawn(move || other.authorities().len());
    assert_eq!(handle.join().unwrap(), 3);
}
