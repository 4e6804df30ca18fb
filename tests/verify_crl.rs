//! CRLs end to end through `check()`: revoked before and after the signing time, a CRL signed by
//! another CA's key, a stale CRL, a delta CRL, a CRL of another key of the same CA, and CRLs
//! whose issuer is unknown. The OpenSSL-made CRLs of tests/data/tsl (README.md there) and CRLs
//! built and signed in the test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, missing_docs)]

mod verify_common;

use ekdo_check::report::SignerReport;
use ekdo_check::{Kind, Options};
use verify_common::*;

const CASE_01: &str = "01-qualified-person-der";
/// Fixture 01's signing time.
const SIGNED_01: &str = "2026-11-24T09:23:04Z";

fn smirnova_report(options: &Options) -> ekdo_check::Report {
    check_one(&fixture(CASE_01, "document.pdf"), &fixture(CASE_01, "document.pdf.sig"), options)
}

fn with_crls(with_tsl: bool, crls: Vec<Vec<u8>>) -> Options {
    let mut options = options(with_tsl);
    options.crls = crls;
    options
}

fn revocation(signer: &SignerReport) -> &str {
    signer.details.revocation.as_deref().unwrap()
}

fn accredited_ca() -> ekdo_check::cms::Certificate {
    certificate("signatures/ca/accredited-ca.pem")
}

fn accredited_key() -> ekdo_check::crypto::gost::SigningKey {
    signing_key("signatures/keys/ca-accredited-ca.key.pem")
}

#[test]
fn revoked_before_the_signing_time_is_invalid() {
    // smirnova revoked on 2026-11-01 (keyCompromise); fixture 01 signed on 2026-11-24.
    for crl in ["tsl/accredited-ca.crl", "tsl/accredited-ca.crl.pem"] {
        let report = smirnova_report(&with_crls(true, vec![read(crl)]));
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        let signer = only_signer(&report);
        assert_eq!(revocation(signer), "revoked", "{crl}");
        let revoked = signer.reasons.iter().find(|r| r.message.code == "CHAIN_REVOKED").unwrap();
        assert!(!revoked.ok);
        // Revoked on 2026-11-01 with invalidityDate 2026-10-30T12:00: invalid from the earlier.
        assert_eq!(revoked.message.args["date"], "2026-10-30T12:00:00Z");
        assert_eq!(revoked.message.args["serial"], "27aa7b6d03b775cccec4955a59c3db6e742b1282");
        assert_eq!(kind(signer), Kind::Invalid, "{crl}");
        assert!(report.upload.blockers.iter().any(|b| b.code == "CHAIN_REVOKED"));
    }
    // The same with the CA certificate given by the caller instead of the trust list.
    let mut options = with_crls(false, vec![read("tsl/accredited-ca.crl")]);
    options.ca_certificates = vec![read("signatures/ca/accredited-ca.der")];
    let signer_report = smirnova_report(&options);
    let signer = only_signer(&signer_report);
    assert_eq!(revocation(signer), "revoked");
    assert_eq!(kind(signer), Kind::Invalid);

    // Case 10: morozov revoked by the terminated CA on 2026-01-28 (cessationOfOperation).
    let case = "10-terminated-ca";
    let report = check_one(
        &fixture(case, "document.pdf"),
        &fixture(case, "document.pdf.sig"),
        &with_crls(true, vec![read("tsl/terminated-ca.crl"), read("tsl/accredited-ca.crl")]),
    );
    let signer = only_signer(&report);
    assert_eq!(revocation(signer), "revoked");
    assert_eq!(kind(signer), Kind::Invalid);
}

#[test]
fn revoked_after_the_signing_time_is_still_valid() {
    let key = accredited_key();
    let ca = accredited_ca();
    let smirnova = signer_certificate("smirnova");
    let mut crl = CrlBuilder::new(&key, &ca, "2026-12-02T00:00:00Z", Some("2027-01-02T00:00:00Z"));
    crl.revoked.push((smirnova.serial.clone(), "2026-12-01T00:00:00Z", Some(1)));
    crl.revoked.push((vec![0x01, 0x02], "2026-11-01T00:00:00Z", Some(1)));
    let report = smirnova_report(&with_crls(true, vec![crl.build()]));
    let signer = only_signer(&report);
    assert_eq!(revocation(signer), "good", "{:?}", reasons(signer));
    let good = signer.reasons.iter().find(|r| r.message.code == "CHAIN_NOT_REVOKED").unwrap();
    assert!(good.ok);
    assert_eq!(good.message.args["time"], SIGNED_01);
    assert_eq!(kind(signer), Kind::Qualified);
    // Checked at a time after the revocation, a signature without a signing time is invalid.
    let kuznetsov = signer_certificate("kuznetsov");
    let mut crl = CrlBuilder::new(&key, &ca, "2026-11-25T00:00:00Z", Some("2026-12-25T00:00:00Z"));
    crl.revoked.push((kuznetsov.serial.clone(), "2026-11-24T00:00:00Z", Some(1)));
    let case = "07-no-signed-attributes";
    let report = check_one(
        &fixture(case, "document.pdf"),
        &fixture(case, "document.pdf.sig"),
        &with_crls(true, vec![crl.build()]),
    );
    let signer = only_signer(&report);
    assert_eq!(signer.details.validity_time_source.as_deref(), Some("check_time"));
    assert_eq!(revocation(signer), "revoked");
    assert_eq!(kind(signer), Kind::Invalid);
}

#[test]
fn a_crl_signed_by_another_ca_is_not_applied() {
    // The accredited CA's name, but signed with the key of «Балтика-Сертификат».
    let other_key = signing_key("signatures/keys/ca-other-accredited-ca.key.pem");
    let ca = accredited_ca();
    let smirnova = signer_certificate("smirnova");
    for revoked in [false, true] {
        let mut crl = CrlBuilder::new(&other_key, &ca, "2026-11-20T00:00:00Z", Some("2026-12-20T00:00:00Z"));
        if revoked {
            crl.revoked.push((smirnova.serial.clone(), "2026-11-01T00:00:00Z", Some(1)));
        }
        let report = smirnova_report(&with_crls(true, vec![crl.build()]));
        let signer = only_signer(&report);
        assert_eq!(revocation(signer), "not-checked");
        assert!(has_reason(signer, "CHAIN_CRL_SIGNATURE_INVALID", false), "{:?}", reasons(signer));
        assert!(!has_reason(signer, "CHAIN_REVOKED", false));
        assert_eq!(kind(signer), Kind::Qualified, "a forged CRL neither revokes nor clears");
    }
    // Next to a genuine CRL, the forged one is only a finding.
    let key = accredited_key();
    let genuine = CrlBuilder::new(&key, &ca, "2026-11-20T00:00:00Z", Some("2026-12-20T00:00:00Z")).build();
    let forged = CrlBuilder::new(&other_key, &ca, "2026-11-20T00:00:00Z", Some("2026-12-20T00:00:00Z")).build();
    let report = smirnova_report(&with_crls(true, vec![forged, genuine]));
    let signer = only_signer(&report);
    assert_eq!(revocation(signer), "good");
    assert!(finding_codes(signer).contains(&"CHAIN_CRL_SIGNATURE_INVALID".to_owned()));
    // Signed by the right key but changed afterwards: also not applied.
    let mut tampered = read("tsl/accredited-ca.crl");
    let serial = find(&tampered, &smirnova.serial).unwrap();
    tampered[serial] ^= 0x01;
    let report = smirnova_report(&with_crls(true, vec![tampered]));
    let signer = only_signer(&report);
    assert_eq!(revocation(signer), "not-checked");
    assert!(has_reason(signer, "CHAIN_CRL_SIGNATURE_INVALID", false));
}

#[test]
fn a_crl_needs_the_issuer_certificate() {
    // Without the trust list or the CA certificate the CRL's signature cannot be checked.
    let report = smirnova_report(&with_crls(false, vec![read("tsl/accredited-ca.crl")]));
    let signer = only_signer(&report);
    assert_eq!(revocation(signer), "not-checked");
    assert!(has_reason(signer, "CHAIN_CRL_UNVERIFIED", false), "{:?}", reasons(signer));
    assert!(!has_reason(signer, "CHAIN_REVOCATION_NOT_CHECKED", false));
    assert_eq!(kind(signer), Kind::QualifiedUnconfirmed);
    // No CRL of the issuer at all: the plain "not checked".
    let report = smirnova_report(&with_crls(true, vec![read("tsl/terminated-ca.crl")]));
    let signer = only_signer(&report);
    assert_eq!(revocation(signer), "not-checked");
    assert!(has_reason(signer, "CHAIN_REVOCATION_NOT_CHECKED", false));
    assert_eq!(kind(signer), Kind::Qualified);
}

#[test]
fn only_a_crl_that_covers_the_signing_time_says_good() {
    let key = accredited_key();
    let ca = accredited_ca();
    // OpenSSL's empty CRL: thisUpdate 2026-10-01, nextUpdate 2026-11-01, before the signing.
    let report = smirnova_report(&with_crls(true, vec![read("tsl/accredited-ca-empty.crl")]));
    let signer = only_signer(&report);
    assert_eq!(revocation(signer), "not-checked");
    let stale = signer.reasons.iter().find(|r| r.message.code == "CHAIN_CRL_STALE").unwrap();
    assert_eq!(stale.message.args["next_update"], "2026-11-01T00:00:00Z");
    assert_eq!(kind(signer), Kind::Qualified);
    // Current at the signing time, issued after it, or without nextUpdate: good.
    for (this_update, next_update) in [
        ("2026-11-20T00:00:00Z", Some("2026-11-27T00:00:00Z")),
        ("2026-11-24T09:23:04Z", Some("2026-11-24T09:23:05Z")),
        ("2027-06-01T00:00:00Z", Some("2027-07-01T00:00:00Z")),
        ("2026-11-01T00:00:00Z", None),
    ] {
        let crl = CrlBuilder::new(&key, &ca, this_update, next_update).build();
        let report = smirnova_report(&with_crls(true, vec![crl]));
        assert_eq!(revocation(only_signer(&report)), "good", "{this_update} {next_update:?}");
    }
    // nextUpdate at the signing time: stale.
    let crl = CrlBuilder::new(&key, &ca, "2026-11-17T00:00:00Z", Some(SIGNED_01)).build();
    let report = smirnova_report(&with_crls(true, vec![crl]));
    assert_eq!(revocation(only_signer(&report)), "not-checked");
    // A stale CRL still proves a revocation it lists.
    let smirnova = signer_certificate("smirnova");
    let mut crl = CrlBuilder::new(&key, &ca, "2026-11-02T00:00:00Z", Some("2026-11-03T00:00:00Z"));
    crl.revoked.push((smirnova.serial.clone(), "2026-11-01T00:00:00Z", None));
    let report = smirnova_report(&with_crls(true, vec![crl.build()]));
    assert_eq!(revocation(only_signer(&report)), "revoked");
    assert_eq!(kind(only_signer(&report)), Kind::Invalid);
}

#[test]
fn delta_crls_and_crls_of_another_key() {
    let key = accredited_key();
    let ca = accredited_ca();
    let smirnova = signer_certificate("smirnova");
    // A delta CRL lists changes only: alone it cannot show a certificate is good...
    let mut delta = CrlBuilder::new(&key, &ca, "2026-11-24T12:00:00Z", Some("2026-11-25T12:00:00Z"));
    delta.delta_base = Some(0x0f);
    let report = smirnova_report(&with_crls(true, vec![delta.build()]));
    assert_eq!(revocation(only_signer(&report)), "not-checked");
    // ...but a revocation it lists counts.
    delta.revoked.push((smirnova.serial.clone(), "2026-11-24T00:00:00Z", Some(1)));
    let report = smirnova_report(&with_crls(true, vec![delta.build()]));
    assert_eq!(revocation(only_signer(&report)), "revoked");
    // A CRL of the same CA name under another key (authorityKeyIdentifier) is left aside, not
    // reported as forged.
    let other_key = signing_key("signatures/keys/ca-other-accredited-ca.key.pem");
    let mut crl = CrlBuilder::new(&other_key, &ca, "2026-11-20T00:00:00Z", Some("2026-12-20T00:00:00Z"));
    crl.authority_key_id = Some(vec![0xee; 20]);
    let report = smirnova_report(&with_crls(true, vec![crl.build()]));
    let signer = only_signer(&report);
    assert_eq!(revocation(signer), "not-checked");
    assert!(has_reason(signer, "CHAIN_REVOCATION_NOT_CHECKED", false), "{:?}", reasons(signer));
    assert!(!has_reason(signer, "CHAIN_CRL_SIGNATURE_INVALID", false));
}

#[test]
fn two_signers_each_get_their_own_verdict() {
    // Case 05: orlov and vasiliev, both of the accredited CA; a CRL revoking only vasiliev
    // before the signing time.
    let key = accredited_key();
    let ca = accredited_ca();
    let vasiliev = signer_certificate("vasiliev");
    let mut crl = CrlBuilder::new(&key, &ca, "2026-11-20T00:00:00Z", Some("2026-12-20T00:00:00Z"));
    crl.revoked.push((vasiliev.serial.clone(), "2026-11-10T00:00:00Z", Some(1)));
    let case = "05-two-signers";
    let report = check_one(
        &fixture(case, "document.pdf"),
        &fixture(case, "document.pdf.sig"),
        &with_crls(true, vec![crl.build()]),
    );
    let s = only_signature(&report);
    assert_eq!(s.signers.len(), 2);
    let by_cn =
        |cn: &str| s.signers.iter().find(|g| g.subject_cn.as_deref().is_some_and(|c| c.starts_with(cn))).unwrap();
    assert_eq!((revocation(by_cn("Орлов")), kind(by_cn("Орлов"))), ("good", Kind::Qualified));
    assert_eq!((revocation(by_cn("Васильев")), kind(by_cn("Васильев"))), ("revoked", Kind::Invalid));
    assert_eq!(s.kind, Kind::Invalid);
}
