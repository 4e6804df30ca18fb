//! УКЭП / УНЭП against trust-list variants written in the test: an accreditation suspended and
//! restored, a CA listed by key identifier only, a signer certificate without
//! authorityKeyIdentifier (the issuer found by name), and a CA that issues through an
//! intermediate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, missing_docs)]

mod verify_common;

use base64::Engine;
use ekdo_check::report::SignerReport;
use ekdo_check::{Kind, Options};
use sha1::Digest;
use verify_common::*;

/// The fixture list with the first CA's («Северный ключ») status blocks replaced.
fn fixture_list_with_history(current: &str, history: &[(&str, &str)]) -> Vec<u8> {
    let xml = String::from_utf8(read("signatures/tsl.xml")).unwrap();
    let status = |s: &str, from: &str| {
        format!("<СтатусАккредитации><Статус>{s}</Статус><ДействуетС>{from}</ДействуетС></СтатусАккредитации>")
    };
    let first_ca_end = xml.find("</УдостоверяющийЦентр>").unwrap();
    let start = xml[..first_ca_end].find("<СтатусАккредитации>").unwrap();
    let (last_status, last_from) = history.last().unwrap();
    assert_eq!(*last_status, current);
    let replacement = format!(
        "{}<ИсторияСтатусовАккредитации>{}</ИсторияСтатусовАккредитации>\n  ",
        status(last_status, last_from),
        history.iter().map(|(s, f)| status(s, f)).collect::<String>()
    );
    format!("{}{}{}", &xml[..start], replacement, &xml[first_ca_end..]).into_bytes()
}

fn options_with(list: &[u8]) -> Options {
    let mut options = options(false);
    options.trust_list = Some(trust_list_from(list));
    options
}

/// smirnova's CAdES-BES over the document, claiming `signing_time`.
fn smirnova_at(signing_time: &str) -> Vec<u8> {
    let key = signing_key("signatures/keys/smirnova.key.pem");
    let cert = signer_certificate("smirnova");
    let document = document();
    let mut builder = Builder::new(&key, &cert, &document);
    builder.signing_time = Some(signing_time);
    builder.build()
}

fn accreditation_reason(signer: &SignerReport) -> (String, bool) {
    let r = signer.reasons.iter().find(|r| r.message.code.starts_with("QUAL_ISSUER_")).unwrap();
    (r.message.code.clone(), r.ok)
}

#[test]
fn suspended_accreditation_makes_unqualified_signatures() {
    // Действует → Приостановлена (2026-11-15) → Действует (2026-11-20), Moscow time.
    let list = fixture_list_with_history(
        "Действует",
        &[
            ("Действует", "2021-12-20T12:23:02+03:00"),
            ("Приостановлена", "2026-11-15T00:00:00+03:00"),
            ("Действует", "2026-11-20T00:00:00"),
        ],
    );
    let options = options_with(&list);
    let document = document();
    for (signed, want) in [
        ("2026-11-10T12:00:00Z", Kind::Qualified),
        ("2026-11-14T20:59:59Z", Kind::Qualified),
        ("2026-11-14T21:00:00Z", Kind::Unqualified),
        ("2026-11-17T12:00:00Z", Kind::Unqualified),
        ("2026-11-19T20:59:59Z", Kind::Unqualified),
        ("2026-11-19T21:00:00Z", Kind::Qualified),
        ("2026-11-24T09:23:04Z", Kind::Qualified),
    ] {
        let report = check_one(&document, &smirnova_at(signed), &options);
        let signer = only_signer(&report);
        assert_eq!(signer.details.validity_time, Some(time(signed)));
        assert_eq!(kind(signer), want, "{signed}: {:?}", reasons(signer));
        assert_eq!(signer.issuer_accredited, Some(want == Kind::Qualified), "{signed}");
        if want == Kind::Unqualified {
            let r = signer.reasons.iter().find(|r| r.message.code == "QUAL_ISSUER_NOT_ACCREDITED").unwrap();
            assert!(!r.ok);
            assert_eq!(r.message.args["status"], "Приостановлена", "the status then, not today's");
            assert_eq!(r.message.args["time"], signed);
        } else {
            assert_eq!(accreditation_reason(signer), ("QUAL_ISSUER_ACCREDITED".to_owned(), true));
        }
    }
    // The same history with the list's own dates: accredited only from 2021-12-20.
    let report = check_one(&document, &smirnova_at("2021-12-01T00:00:00Z"), &options);
    let signer = only_signer(&report);
    assert_eq!(signer.issuer_accredited, Some(false));
    assert_eq!(
        signer.reasons.iter().find(|r| r.message.code == "QUAL_ISSUER_NOT_ACCREDITED").unwrap().message.args["status"],
        "—"
    );
}

#[test]
fn terminated_now_but_active_at_signing() {
    // «Заря-Телеком» (case 10): Действует from 2020, Прекращена from 2026-01-28. A signature
    // made before the termination is judged by the status then.
    let key = signing_key("signatures/keys/morozov.key.pem");
    let cert = signer_certificate("morozov");
    let document = document();
    let mut builder = Builder::new(&key, &cert, &document);
    for (signed, want) in [("2025-12-01T00:00:00Z", Kind::Qualified), ("2026-02-01T00:00:00Z", Kind::Unqualified)] {
        builder.signing_time = Some(signed);
        let report = check_one(&document, &builder.build(), &options(true));
        let signer = only_signer(&report);
        assert_eq!(kind(signer), want, "{signed}: {:?}", reasons(signer));
    }
}

/// The fixture list with the first CA's key listed by its identifier only (no certificates).
fn key_id_only_list() -> Vec<u8> {
    let xml = String::from_utf8(read("signatures/tsl.xml")).unwrap();
    let start = xml.find("<Сертификаты>").unwrap();
    let end = xml.find("</Сертификаты>").unwrap() + "</Сертификаты>".len();
    format!("{}{}", &xml[..start], &xml[end..]).into_bytes()
}

#[test]
fn ca_listed_by_key_id_only() {
    let options = options_with(&key_id_only_list());
    let case = "01-qualified-person-der";
    let (document, signature) = (fixture(case, "document.pdf"), fixture(case, "document.pdf.sig"));
    // Accredited by its key identifier, but no CA certificate to verify the chain with.
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.issuer_accredited, Some(true));
    assert_eq!(signer.details.chain_valid, None);
    assert!(has_reason(signer, "CHAIN_NO_ISSUER", false), "{:?}", reasons(signer));
    assert!(has_reason(signer, "QUAL_CHAIN_UNVERIFIED", false));
    assert_eq!(kind(signer), Kind::Unqualified);
    // With the CA certificate from the caller, the chain verifies: УКЭП.
    let mut options = options;
    options.ca_certificates = vec![read("signatures/ca/accredited-ca.der")];
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true));
    assert_eq!(kind(signer), Kind::Qualified, "{:?}", reasons(signer));
}

#[test]
fn issuer_found_by_name_without_authority_key_identifier() {
    let document = document();
    let signature = verify_data("sigs/noaki.sig");
    let cert = verify_cert("noaki");
    assert!(cert.authority_key_id.is_none());
    let mut options = options(true);
    options.at = time("2026-12-01T00:00:00Z");
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true));
    assert_eq!(accreditation_reason(signer), ("QUAL_ISSUER_ACCREDITED".to_owned(), true));
    assert_eq!(kind(signer), Kind::Qualified, "{:?}", reasons(signer));
    // With the CA listed by key identifier only, a certificate without authorityKeyIdentifier
    // cannot be tied to it.
    let mut options = options_with(&key_id_only_list());
    options.at = time("2026-12-01T00:00:00Z");
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(accreditation_reason(signer), ("QUAL_ISSUER_NOT_LISTED".to_owned(), false));
    assert_eq!(kind(signer), Kind::Unqualified);
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// A list with one CA «Ладога» whose keys are the certificates `certs` (tests/data/verify).
fn ladoga_list(certs: &[&str]) -> Vec<u8> {
    let keys: String = certs
        .iter()
        .map(|name| {
            let cert = verify_cert(name);
            format!(
                "<Ключ><ИдентификаторКлюча>{}</ИдентификаторКлюча><Сертификаты><ДанныеСертификата>\
                 <Отпечаток>{}</Отпечаток><Данные>{}</Данные></ДанныеСертификата></Сертификаты></Ключ>",
                hex_upper(cert.subject_key_id.as_ref().unwrap()),
                hex_upper(&sha1::Sha1::digest(&cert.der)),
                base64::engine::general_purpose::STANDARD.encode(&cert.der)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<АккредитованныеУдостоверяющиеЦентры>\
         <Версия>7</Версия><Дата>2026-11-24T12:00:00+03:00</Дата><УдостоверяющийЦентр>\
         <Название>Акционерное общество «Ладога»</Название><КраткоеНазвание>АО «Ладога»</КраткоеНазвание>\
         <ПрограммноАппаратныеКомплексы><ПрограммноАппаратныйКомплекс><КлючиУполномоченныхЛиц>{keys}\
         </КлючиУполномоченныхЛиц></ПрограммноАппаратныйКомплекс></ПрограммноАппаратныеКомплексы>\
         <ИНН>7707083893</ИНН><ОГРН>1027700132195</ОГРН><РеестровыйНомер>1777</РеестровыйНомер>\
         <СтатусАккредитации><Статус>Действует</Статус><ДействуетС>2026-01-01T00:00:00+03:00</ДействуетС></СтатусАккредитации>\
         </УдостоверяющийЦентр></АккредитованныеУдостоверяющиеЦентры>"
    )
    .into_bytes()
}

#[test]
fn intermediate_ca_against_the_trust_list() {
    let document = document();
    let signature = verify_data("sigs/ivanov-chain.sig");
    // The list names the root only: the chain reaches it, but the key that issued the
    // certificate (the intermediate's) is not a listed key: not qualified.
    let mut options = options_with(&ladoga_list(&["root"]));
    options.at = time("2026-12-01T00:00:00Z");
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true), "{:?}", reasons(signer));
    assert_eq!(signer.details.chain.len(), 3);
    let valid = signer.reasons.iter().find(|r| r.message.code == "CHAIN_VALID").unwrap();
    assert_eq!(valid.message.args["source"], "trust-list");
    assert_eq!(accreditation_reason(signer), ("QUAL_ISSUER_NOT_LISTED".to_owned(), false));
    assert_eq!(kind(signer), Kind::Unqualified);
    // The list names the intermediate (the CA's signing key): УКЭП, the chain ends there.
    let mut options = options_with(&ladoga_list(&["root", "inter"]));
    options.at = time("2026-12-01T00:00:00Z");
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain.len(), 2);
    let accredited = signer.reasons.iter().find(|r| r.message.code == "QUAL_ISSUER_ACCREDITED").unwrap();
    assert_eq!(accredited.message.args["number"], "1777");
    assert_eq!(kind(signer), Kind::Qualified, "{:?}", reasons(signer));
    assert_eq!(report.trust_list.as_ref().unwrap().version.as_deref(), Some("7"));
}

#[test]
fn a_caller_ca_posing_as_an_accredited_ca_is_not_accredited() {
    // A CA certificate with the accredited CA's name and key identifier but another key, given
    // by the caller, and smirnova's TBSCertificate (issuer Name, authorityKeyIdentifier and the
    // qualified profile unchanged) signed with that key.
    let genuine = certificate("signatures/ca/accredited-ca.pem");
    let fake_key = signing_key("verify/keys/nobc-root.key.pem");
    let mut fake = CertBuilder::ca("-", "-", &verify_cert("nobc-root"), 77);
    fake.subject_der = genuine.subject_der.clone();
    fake.issuer_der = genuine.subject_der.clone();
    fake.subject_key_id = genuine.subject_key_id.clone();
    let fake = fake.sign(&fake_key);
    let smirnova = signer_certificate("smirnova");
    let forged = ekdo_check::cms::Certificate::from_der(&sign_tbs(&smirnova.tbs, &fake_key)).unwrap();
    let document = document();
    let key = signing_key("signatures/keys/smirnova.key.pem");
    let signature = Builder::new(&key, &forged, &document).build();

    let mut with_fake = options(true);
    with_fake.ca_certificates = vec![fake];
    let report = check_one(&document, &signature, &with_fake);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true), "the caller trusts the fake CA");
    let valid = signer.reasons.iter().find(|r| r.message.code == "CHAIN_VALID").unwrap();
    assert_eq!(valid.message.args["source"], "caller");
    assert!(signer.qualified_profile);
    assert_eq!(signer.issuer_accredited, Some(false));
    assert_eq!(accreditation_reason(signer), ("QUAL_ISSUER_NOT_LISTED".to_owned(), false));
    assert_eq!(kind(signer), Kind::Unqualified);
    // Without the fake CA the forged certificate does not chain at all.
    let report = check_one(&document, &signature, &options_with(&read("signatures/tsl.xml")));
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(false));
    assert!(has_reason(signer, "CHAIN_SIGNATURE_INVALID", false), "{:?}", reasons(signer));
    assert_eq!(kind(signer), Kind::Invalid);
    // The genuine CA certificate given by the caller as well as listed: УКЭП as before.
    let mut options = options(true);
    options.ca_certificates = vec![read("signatures/ca/accredited-ca.der")];
    let case = "01-qualified-person-der";
    let report = check_one(&fixture(case, "document.pdf"), &fixture(case, "document.pdf.sig"), &options);
    assert_eq!(kind(only_signer(&report)), Kind::Qualified);
}
