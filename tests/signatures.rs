//! Every case of the signature fixtures gives the expected report: who signed, whether the
//! signature is valid, the certificate's validity at signing, the profile, the accreditation
//! and the kind, with and without the trust list (tests/data/signatures/*/expected.json).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use ekdo_check::{check, SignatureFile};
use serde_json::Value;

const FIELDS: &[&str] = &[
    "subject_cn",
    "surname",
    "given_name",
    "inn",
    "innle",
    "snils",
    "ogrn",
    "organization",
    "title",
    "serial_hex",
    "issuer_cn",
    "key_algorithm",
    "digest_algorithm",
    "signature_valid",
    "cert_valid_at_signing",
    "qualified_profile",
];

fn cases() -> Vec<(String, Value)> {
    let mut cases: Vec<(String, Value)> = std::fs::read_dir(common::signatures())
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let expected = e.path().join("expected.json");
            expected.exists().then(|| (name, serde_json::from_slice(&std::fs::read(expected).unwrap()).unwrap()))
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(cases.len(), 20);
    cases
}

fn run(case: &str, expected: &Value, with_tsl: bool) -> Value {
    let document = common::case_document(case, expected["document"].as_str().unwrap());
    let sig_name = expected["signature"].as_str().unwrap();
    let signature = std::fs::read(common::signatures().join(case).join(sig_name)).unwrap();
    let report = check(&document, &[SignatureFile { name: sig_name, bytes: &signature }], &common::options(with_tsl));
    serde_json::to_value(&report).unwrap()
}

#[test]
fn every_case_matches_expected_json() {
    let mut failures = Vec::new();
    for (case, expected) in cases() {
        for with_tsl in [true, false] {
            let report = run(&case, &expected, with_tsl);
            let sig = &report["signatures"][0];
            let mut check = |what: &str, got: &Value, want: &Value| {
                if got != want {
                    failures.push(format!("{case} (tsl: {with_tsl}) {what}: got {got}, want {want}"));
                }
            };
            check("encoding", &sig["encoding"], &expected["encoding"]);
            check("parse", &sig["parse"], &expected["parse"]);
            let want_kind = if with_tsl { &expected["kind_with_tsl"] } else { &expected["kind_without_tsl"] };
            check("kind", &report["kind"], want_kind);
            let signers = expected["signers"].as_array().unwrap();
            check("signer count", &sig["signers"].as_array().map_or(0, Vec::len).into(), &signers.len().into());
            for (i, want) in signers.iter().enumerate() {
                let got = &sig["signers"][i];
                for field in FIELDS {
                    check(&format!("signer {i} {field}"), &got[*field], &want[*field]);
                }
                if with_tsl {
                    check(
                        &format!("signer {i} issuer_accredited"),
                        &got["issuer_accredited"],
                        &want["issuer_accredited"],
                    );
                    check(&format!("signer {i} kind"), &got["kind"], &want["kind"]);
                } else {
                    check(&format!("signer {i} issuer_accredited"), &got["issuer_accredited"], &Value::Null);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn big_documents_are_the_recorded_ones_and_the_size_rule_holds() {
    use sha2::Digest;
    for (case, name, size_ok) in
        [("19-big-under-limit", "big-under-limit.pdf", true), ("20-big-over-limit", "big-over-limit.pdf", false)]
    {
        let document = common::case_document(case, name);
        let recorded = std::fs::read_to_string(common::signatures().join(case).join("document.sha256")).unwrap();
        let digest = hex::encode(sha2::Sha256::digest(&document));
        assert!(recorded.starts_with(&digest), "{case}: {digest} vs {recorded}");
        let signature = std::fs::read(common::signatures().join(case).join("document.pdf.sig")).unwrap();
        let report =
            check(&document, &[SignatureFile { name: "document.pdf.sig", bytes: &signature }], &common::options(true));
        assert_eq!(report.document.size_ok, size_ok, "{case}");
        assert_eq!(report.kind, Some(ekdo_check::Kind::Qualified), "{case}");
        if !size_ok {
            assert!(!report.ready);
            assert!(report.upload.blockers.iter().any(|b| b.code == "PDF_SIZE_OVER_LIMIT"));
        }
    }
}

#[test]
fn reasons_explain_each_kind() {
    let expected = cases();
    let find = |name: &str| expected.iter().find(|(c, _)| c == name).unwrap();
    let codes = |case: &str, with_tsl: bool| -> Vec<(String, bool)> {
        let (c, e) = find(case);
        let report = run(c, e, with_tsl);
        report["signatures"][0]["signers"][0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["code"].as_str().unwrap().to_owned(), r["ok"].as_bool().unwrap()))
            .collect()
    };
    let has = |list: &[(String, bool)], code: &str, ok: bool| list.iter().any(|(c, o)| c == code && *o == ok);
    let ukep = codes("01-qualified-person-der", true);
    for code in [
        "SIG_VERIFIED",
        "CERT_VALID_AT_SIGNING",
        "CHAIN_VALID",
        "QUAL_ALGORITHM_GOST",
        "QUAL_PROFILE",
        "QUAL_ISSUER_ACCREDITED",
    ] {
        assert!(has(&ukep, code, true), "01 lacks {code}: {ukep:?}");
    }
    assert!(has(&codes("01-qualified-person-der", false), "QUAL_NO_TRUST_LIST", false));
    assert!(has(&codes("06-tampered-document", true), "SIG_DIGEST_MISMATCH", false));
    assert!(has(&codes("07-no-signed-attributes", true), "CERT_VALID_AT_CHECK_TIME", true));
    assert!(has(&codes("08-non-accredited-ca", true), "QUAL_ISSUER_NOT_LISTED", false));
    assert!(has(&codes("10-terminated-ca", true), "QUAL_ISSUER_NOT_ACCREDITED", false));
    assert!(has(&codes("11-expired-certificate", true), "CERT_EXPIRED", false));
    assert!(has(&codes("12-not-yet-valid-certificate", true), "CERT_NOT_YET_VALID", false));
    assert!(has(&codes("13-rsa-signer", true), "QUAL_ALGORITHM_NOT_GOST", false));
    assert!(has(&codes("16-gost2001-signer", true), "QUAL_ALGORITHM_GOST2001", false));
    assert!(has(&codes("09-accredited-ca-no-qualified-markers", true), "QUAL_NO_PROFILE", false));
}
