//! `check()` as a whole: readiness, the upload manifest's blockers, the size rule and the
//! labour-law metadata.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use ekdo_check::policy::{Channel, DocumentMeta, DocumentType};
use ekdo_check::{check, Kind, Report, SignatureFile};

fn case(name: &str, with_tsl: bool, meta: Option<DocumentMeta>) -> Report {
    let dir = common::signatures().join(name);
    let document = std::fs::read(dir.join("document.pdf")).unwrap();
    let signature = std::fs::read(dir.join("document.pdf.sig")).unwrap();
    let mut options = common::options(with_tsl);
    options.meta = meta;
    options.document_name = Some("document.pdf".into());
    check(&document, &[SignatureFile { name: "document.pdf.sig", bytes: &signature }], &options)
}

fn codes(report: &Report) -> Vec<&str> {
    report.upload.blockers.iter().map(|b| b.code.as_str()).collect()
}

#[test]
fn a_qualified_signature_with_the_trust_list_is_ready() {
    let report = case("01-qualified-person-der", true, None);
    assert!(report.ready, "{:?}", codes(&report));
    assert_eq!(report.kind, Some(Kind::Qualified));
    let steps: Vec<(&str, Option<&str>)> =
        report.upload.steps.iter().map(|s| (s.part.as_str(), s.signature_type.as_deref())).collect();
    assert_eq!(steps, [("document", None), ("signature", Some("УКЭП"))]);
    assert_eq!(report.trust_list.as_ref().map(|t| t.authorities), Some(3));
}

#[test]
fn without_the_trust_list_the_type_is_unconfirmed_and_blocks() {
    let report = case("01-qualified-person-der", false, None);
    assert_eq!(report.kind, Some(Kind::QualifiedUnconfirmed));
    assert!(!report.ready);
    assert_eq!(codes(&report), ["QUAL_UNCONFIRMED"]);
    assert_eq!(report.upload.steps[1].signature_type, None);
}

#[test]
fn the_caller_may_accept_an_unconfirmed_qualified_signature() {
    let mut meta = DocumentMeta::new(DocumentType::HiringOrder, Channel::Portal);
    meta.accept_unconfirmed = true;
    meta.number = Some("15-к".into());
    meta.date = Some("2026-11-24".into());
    meta.employee = Some("Смирнова Анна Сергеевна".into());
    let report = case("01-qualified-person-der", false, Some(meta));
    assert!(report.ready, "{:?}", codes(&report));
    assert_eq!(report.upload.steps[1].signature_type.as_deref(), Some("УКЭП"));
    assert_eq!(
        report.upload.file_name.as_deref(),
        Some("Смирнова Анна Сергеевна Приказ о приёме на работу № 15-к от 24.11.2026.pdf")
    );
}

#[test]
fn labour_law_applies_to_the_two_signers_of_a_contract() {
    let mut meta = DocumentMeta::new(DocumentType::EmploymentContract, Channel::Own);
    meta.number = Some("12-к".into());
    meta.date = Some("25.11.2026".into());
    let report = case("05-two-signers", true, Some(meta));
    let policy = report.policy.as_ref().unwrap();
    assert!(policy.ok, "{:?}", policy.findings);
    let parties: Vec<Option<&str>> = report.signatures[0].signers.iter().map(|s| s.party.as_deref()).collect();
    assert_eq!(parties, [Some("employer"), Some("employee")]);
    assert!(report.ready, "{:?}", codes(&report));
    assert_eq!(report.upload.group.as_deref(), Some("Электронные трудовые договоры"));
    assert_eq!(report.upload.codifier.as_deref(), Some("12.999"));
}

#[test]
fn paper_only_documents_are_refused() {
    let meta = DocumentMeta::new(DocumentType::DismissalOrder, Channel::Own);
    let report = case("01-qualified-person-der", true, Some(meta));
    assert!(!report.ready);
    assert!(codes(&report).contains(&"POLICY_PAPER_ONLY"), "{:?}", codes(&report));
}

#[test]
fn an_rsa_signature_is_not_enough_for_an_employer_contract() {
    let mut meta = DocumentMeta::new(DocumentType::EmploymentContract, Channel::Own);
    meta.parties = vec![ekdo_check::policy::Party::Employer];
    let report = case("13-rsa-signer", true, Some(meta));
    assert_eq!(report.kind, Some(Kind::Unqualified));
    assert!(!report.ready);
    assert!(!report.policy.as_ref().unwrap().ok);
}

#[test]
fn no_signature_blocks_the_upload() {
    let document = std::fs::read(common::signatures().join("docs/contract.pdf")).unwrap();
    let report = check(&document, &[], &common::options(true));
    assert_eq!(report.kind, None);
    assert!(!report.ready);
    assert_eq!(codes(&report), ["SIG_MISSING"]);
}

#[test]
fn a_tampered_document_blocks_with_the_reason() {
    let report = case("06-tampered-document", true, None);
    assert!(!report.ready);
    assert_eq!(report.kind, Some(Kind::Invalid));
    assert!(codes(&report).contains(&"SIG_DIGEST_MISMATCH"), "{:?}", codes(&report));
}

#[test]
fn sizes_between_15_mb_and_15_mib_warn() {
    let mut document = std::fs::read(common::signatures().join("docs/contract.pdf")).unwrap();
    document.resize(15_100_000, b' ');
    let report = check(&document, &[], &common::options(false));
    assert!(report.document.size_ok);
    assert!(report.warnings.iter().any(|w| w.code == "PDF_SIZE_NEAR_LIMIT"));
    document.resize(15_728_641, b' ');
    let report = check(&document, &[], &common::options(false));
    assert!(!report.document.size_ok);
    assert!(report.errors.iter().any(|e| e.code == "PDF_SIZE_OVER_LIMIT"));
}

#[test]
fn bad_documents_are_reports() {
    for (bytes, code) in [
        (&b""[..], "INPUT_EMPTY"),
        (&b"hello"[..], "PDF_NOT_PDF"),
        (&b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"[..], "PDF_TRUNCATED"),
    ] {
        let report = check(bytes, &[], &common::options(false));
        assert!(!report.ready);
        assert!(report.errors.iter().any(|e| e.code == code), "{code}: {:?}", report.errors);
    }
}
