//! Labour Code arts. 22.1–22.3 and the upload manifest: the matrix against the hand-encoded 002
//! text, paper-only refusals, portal file names, and the manifest for the fixtures' scenarios.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::path::Path;

use ekdo_check::policy::catalogue::PortalGroup;
use ekdo_check::policy::file_name::{clean, ru_date, MAX_FILE_NAME_BYTES};
use ekdo_check::policy::{
    allowed, allowed_with, catalogue_json, document_file_name, evaluate, kind_allowed, render_matrix, render_one,
    signature_file_name, Channel, DocumentMeta, DocumentType, Facts, Party, SignatureKind, SignatureSuffix,
};
use ekdo_check::report::{PdfaVerdict, UploadReport, UploadStep};
use ekdo_check::{Code, Kind, Lang};

fn data(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn party(text: &str) -> Party {
    match text {
        "employer" => Party::Employer,
        "employee" => Party::Employee,
        other => panic!("unknown party {other}"),
    }
}

fn channel(text: &str) -> Channel {
    match text {
        "own" => Channel::Own,
        "portal" => Channel::Portal,
        other => panic!("unknown channel {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The matrix, cell by cell, against tests/data/policy/tk223-table.txt

#[test]
fn matrix_agrees_with_the_002_table_and_lists_cell_by_cell() {
    let table = data("policy/tk223-table.txt");
    let mut seen = BTreeSet::new();
    for (n, line) in table.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = line.splitn(5, " | ").collect();
        assert_eq!(fields.len(), 5, "line {}: {line}", n + 1);
        let doc = DocumentType::from_id(fields[0]).unwrap_or_else(|| panic!("line {}: type {}", n + 1, fields[0]));
        let (party, channel) = (party(fields[1]), channel(fields[2]));
        assert!(!fields[4].trim().is_empty(), "line {}: every cell quotes its source", n + 1);
        assert!(seen.insert((doc, party, channel)), "line {}: cell given twice", n + 1);
        let got = allowed(doc, party, channel);
        match fields[3] {
            "paper" => assert_eq!(got.map(|a| a.kinds).unwrap_err().code, Code::PolicyPaperOnly, "line {}", n + 1),
            "not_signer" => {
                let code = got.map(|a| a.kinds).unwrap_err().code;
                let expected = match party {
                    Party::Employer => Code::PolicyEmployerNotSigner,
                    Party::Employee => Code::PolicyEmployeeNotSigner,
                };
                assert_eq!(code, expected, "line {}", n + 1);
            }
            kinds => {
                let expected: BTreeSet<SignatureKind> = kinds
                    .split_whitespace()
                    .map(|k| SignatureKind::from_id(k).unwrap_or_else(|| panic!("line {}: kind {k}", n + 1)))
                    .collect();
                let got = got.unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
                let got_set: BTreeSet<SignatureKind> = got.kinds.iter().copied().collect();
                assert_eq!(got_set, expected, "line {}: {line}", n + 1);
                assert!(!got.basis_ru.is_empty() && !got.basis_en.is_empty(), "line {}: basis", n + 1);
            }
        }
    }
    let cells = DocumentType::ALL.len() * Party::ALL.len() * Channel::ALL.len();
    assert_eq!(seen.len(), cells, "the data covers every cell of the matrix");
}

#[test]
fn a_detached_cms_is_never_pep() {
    // The employee may sign "other" documents with any kind in the employer's system, ПЭП too,
    // but a detached signature file is at least an enhanced signature or nothing.
    let cell = allowed(DocumentType::Other, Party::Employee, Channel::Own).unwrap();
    assert!(cell.contains(SignatureKind::PepAgreement));
    let portal = allowed(DocumentType::EmploymentContract, Party::Employee, Channel::Portal).unwrap();
    assert!(portal.contains(SignatureKind::PepGosuslugi), "on the portal the employee may use ПЭП");
    assert!(!portal.contains(SignatureKind::UnepAgreement));
    for kind in [Kind::Qualified, Kind::Unqualified, Kind::QualifiedUnconfirmed] {
        let decision = kind_allowed(kind, &portal);
        assert_ne!(decision.ok, Some(false), "{kind:?} is enhanced and allowed or conditional");
    }
    assert_eq!(kind_allowed(Kind::Unqualified, &portal).finding.unwrap().code, Code::PolicyKindUnepEgovRequired);
}

// ---------------------------------------------------------------------------------------------
// Paper-only documents

#[test]
fn paper_only_documents_are_refused_with_the_reason() {
    for doc in [DocumentType::AccidentReport, DocumentType::DismissalOrder, DocumentType::SafetyBriefingRecord] {
        for p in Party::ALL {
            for c in Channel::ALL {
                let e = allowed(doc, *p, *c).unwrap_err();
                assert_eq!(e.code, Code::PolicyPaperOnly);
                assert_eq!(e.get("citation"), Some("ст. 22.1 ТК РФ"));
                assert!(e.message_ru().contains(doc.info().name_ru), "{}", e.message_ru());
            }
        }
    }
    let book = allowed(DocumentType::WorkRecordBook, Party::Employer, Channel::Own).unwrap_err();
    assert_eq!(book.code, Code::PolicyPaperOnly);
    let refused = Facts { work_book_refused: true };
    let info = allowed_with(DocumentType::WorkRecordBook, Party::Employer, Channel::Own, &refused).unwrap();
    assert_eq!(info.kinds, vec![SignatureKind::Ukep]);
    assert!(info.basis_ru.contains("ст. 66.1"));
}

#[test]
fn dismissal_order_is_refused_by_the_manifest() {
    let meta = DocumentMeta {
        number: Some("15-у".into()),
        date: Some("2026-11-25".into()),
        employee: Some("Сидоров Павел Андреевич".into()),
        ..DocumentMeta::new(DocumentType::DismissalOrder, Channel::Own)
    };
    let out = evaluate(&meta, &[("order.sig", Some("Орлов Виктор Павлович"), Kind::Qualified)]);
    assert!(!out.ok());
    assert_eq!(out.blockers.iter().map(|f| f.code).collect::<Vec<_>>(), vec![Code::PolicyPaperOnly]);
    assert!(!out.report.electronic_allowed);
    assert!(out.report.paper_reason_ru.as_deref().unwrap().contains("ст. 392"));
    assert_eq!(out.steps.len(), 1, "nothing but the document: no signature step for a paper document");
    assert_eq!(out.group.as_deref(), Some("Прекращение трудовых отношений"));
}

// ---------------------------------------------------------------------------------------------
// File names

#[test]
fn file_name_as_the_portal_writes_it() {
    let name = document_file_name("Иванов Иван Иванович", "Трудовой договор", "12-к", "25.11.2026").unwrap();
    assert_eq!(name.name, "Иванов Иван Иванович Трудовой договор № 12-к от 25.11.2026.pdf");
    assert!(!name.shortened);
    let rfc = document_file_name("Иванов Иван Иванович", "Трудовой договор", "№ 12-к", "2026-11-25T09:00:00+03:00");
    assert_eq!(rfc.unwrap().name, name.name, "RFC 3339 date and a leading № give the same name");
}

#[test]
fn file_name_replaces_forbidden_characters() {
    let name = document_file_name(
        "  .Петров\tПётр\u{00a0}Петрович ",
        "Приказ: \"о премировании\" <квартал> * ?|",
        "05/01\\9",
        "01.02.2027",
    )
    .unwrap();
    assert_eq!(name.name, "Петров Пётр Петрович Приказ- _о премировании_ _квартал_ _ __ № 05-01-9 от 01.02.2027.pdf");
    for c in ['/', '\\', ':', '*', '?', '"', '<', '>', '|'] {
        assert!(!name.name.contains(c), "{c} in {}", name.name);
    }
    assert!(!name.name.chars().any(char::is_control));
    assert_eq!(clean("a\u{0}b\u{7f}c\u{9f}d\u{202e}e"), "a b c de", "controls become spaces, bidi overrides go");
    assert_eq!(clean("Андреи\u{0306} Сергеевич"), "Андрей Сергеевич", "decomposed й (macOS) is composed");
    assert_eq!(clean("Фе\u{0308}доров"), "Фёдоров");
    assert_eq!(
        document_file_name("CON", "x", "1", "01.01.2027").unwrap().name,
        "CON x № 1 от 01.01.2027.pdf",
        "only the whole stem is reserved"
    );
    assert_eq!(document_file_name("***", "x", "1", "01.01.2027").unwrap().name, "___ x № 1 от 01.01.2027.pdf");
    let empty = document_file_name("\u{200b}\u{feff} ", "x", "1", "01.01.2027").unwrap_err();
    assert_eq!((empty.code, empty.get("field")), (Code::PolicyFileNameEmpty, Some("employee")));
}

#[test]
fn long_file_names_are_cut_on_a_char_boundary_keeping_the_date() {
    let subtype = "Дополнительное соглашение об изменении определённых сторонами условий трудового договора \
                   в части оплаты труда, режима рабочего времени и места работы";
    let name = document_file_name("Константинопольский Константин Константинович", subtype, "117/2026-к", "2026-11-25")
        .unwrap();
    assert!(name.shortened);
    assert!(name.name.len() <= MAX_FILE_NAME_BYTES, "{} bytes", name.name.len());
    assert!(name.name.starts_with("Константинопольский Константин Константинович Дополнительное"));
    assert!(name.name.ends_with("… № 117-2026-к от 25.11.2026.pdf"), "{}", name.name);

    // The employee's name alone is too long: everything before the date is cut.
    let huge = "Щ".repeat(500);
    let name = document_file_name(&huge, "Трудовой договор", "1", "25.11.2026").unwrap();
    assert!(name.shortened && name.name.len() <= MAX_FILE_NAME_BYTES);
    assert!(
        name.name.ends_with("щ… от 25.11.2026.pdf") || name.name.ends_with("Щ… от 25.11.2026.pdf"),
        "{}",
        name.name
    );

    // Every length from short to long stays within the bound and valid.
    for n in 0..200 {
        let subtype = format!("Приказ {}", "ё".repeat(n));
        let name = document_file_name("Орлов Виктор Павлович", &subtype, "1", "2026-11-25").unwrap();
        assert!(name.name.len() <= MAX_FILE_NAME_BYTES, "{n}: {}", name.name.len());
        assert!(name.name.ends_with(" от 25.11.2026.pdf"));
    }
}

#[test]
fn dates_in_both_formats() {
    assert_eq!(ru_date("2026-11-25").unwrap(), "25.11.2026");
    assert_eq!(ru_date("2026-11-25T23:59:59Z").unwrap(), "25.11.2026");
    assert_eq!(ru_date("2026-11-25T00:30:00+03:00").unwrap(), "25.11.2026", "the date as written, not UTC");
    assert_eq!(ru_date(" 05.01.2027 ").unwrap(), "05.01.2027");
    assert_eq!(ru_date("29.02.2024").unwrap(), "29.02.2024");
    for bad in ["30.02.2026", "2026-02-30", "5.1.2027", "2026/11/25", "25.11.2026г", "2026-11-25T25:00:00Z", "сегодня"]
    {
        let e = document_file_name("А", "Б", "1", bad).unwrap_err();
        assert_eq!(e.code, Code::PolicyDateInvalid, "{bad}");
        assert_eq!(e.get("value"), Some(bad));
    }
}

#[test]
fn signature_file_names_derive_from_the_document_name() {
    let doc = "Иванов Иван Иванович Трудовой договор № 12-к от 25.11.2026.pdf";
    assert_eq!(signature_file_name(doc, SignatureSuffix::Appended, None), format!("{doc}.sig"));
    assert_eq!(
        signature_file_name(doc, SignatureSuffix::Replaced, None),
        "Иванов Иван Иванович Трудовой договор № 12-к от 25.11.2026.sig"
    );
    assert_eq!(signature_file_name(doc, SignatureSuffix::Appended, Some(2)), format!("{doc}.2.sig"));
}

// ---------------------------------------------------------------------------------------------
// The manifest for the fixtures' scenarios (signer names and kinds from their expected.json)

struct Signer {
    cn: String,
    kind: Kind,
}

/// The first signer of a fixture case and the kind the checker gives it (with or without the
/// trust list).
fn fixture(case: &str, with_tsl: bool) -> Signer {
    let expected: serde_json::Value = serde_json::from_str(&data(&format!("signatures/{case}/expected.json"))).unwrap();
    let kind = match expected[if with_tsl { "kind_with_tsl" } else { "kind_without_tsl" }].as_str().unwrap() {
        "УКЭП" => Kind::Qualified,
        "УКЭП?" => Kind::QualifiedUnconfirmed,
        "УНЭП" => Kind::Unqualified,
        "invalid" => Kind::Invalid,
        other => panic!("kind {other}"),
    };
    Signer { cn: expected["signers"][0]["subject_cn"].as_str().unwrap().to_owned(), kind }
}

fn contract_meta(channel: Channel) -> DocumentMeta {
    DocumentMeta {
        number: Some("12-к".into()),
        date: Some("2026-11-25".into()),
        ..DocumentMeta::new(DocumentType::EmploymentContract, channel)
    }
}

fn codes(findings: &[ekdo_check::Finding]) -> Vec<Code> {
    findings.iter().map(|f| f.code).collect()
}

#[test]
fn employment_contract_employer_ukep_and_employee_unep_in_own_system_is_ok() {
    let employer = fixture("02-qualified-employer-ber", true);
    let employee = fixture("08-non-accredited-ca", true);
    assert_eq!((employer.kind, employee.kind), (Kind::Qualified, Kind::Unqualified));
    let out = evaluate(
        &contract_meta(Channel::Own),
        &[
            ("employer.sig", Some(employer.cn.as_str()), employer.kind),
            ("employee.sig", Some(employee.cn.as_str()), employee.kind),
        ],
    );
    assert!(out.ok(), "{:?}", out.blockers);
    assert!(out.report.ok && out.report.electronic_allowed);
    // The employee's УНЭП is allowed on a condition the file cannot show.
    assert_eq!(codes(&out.findings), vec![Code::PolicyKindUnepConditional]);
    assert!(out.report.signatures[1].conditional && out.report.signatures[1].ok);
    // The employee's name comes from the certificate when the metadata has none.
    let name = "Сидоров Павел Андреевич Трудовой договор № 12-к от 25.11.2026.pdf";
    assert_eq!(out.file_name.as_deref(), Some(name));
    assert_eq!(out.group.as_deref(), Some("Электронные трудовые договоры"));
    assert_eq!((out.codifier.as_deref(), out.codifier_name.as_deref()), (Some("12.999"), Some("Иные документы")));
    let steps: Vec<(&str, &str, Option<&str>, Option<&str>)> = out
        .steps
        .iter()
        .map(|s| (s.part.as_str(), s.file.as_str(), s.signature_type.as_deref(), s.party.as_deref()))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("document", name, None, None),
            ("signature", &*format!("{name}.1.sig"), Some("УКЭП"), Some("employer")),
            ("signature", &*format!("{name}.2.sig"), Some("УНЭП"), Some("employee")),
        ]
    );
    assert_eq!(out.report.signatures[0].allowed, vec!["УКЭП"]);
    assert_eq!(out.report.signatures[1].allowed, vec!["УКЭП", "УНЭП (ЕСИА)", "УНЭП (по соглашению)"]);
}

#[test]
fn employer_unep_on_an_employment_contract_in_own_system_is_refused() {
    let unep = fixture("08-non-accredited-ca", true);
    let employee = fixture("01-qualified-person-der", true);
    let out = evaluate(
        &contract_meta(Channel::Own),
        &[
            ("employer.sig", Some(unep.cn.as_str()), unep.kind),
            ("employee.sig", Some(employee.cn.as_str()), employee.kind),
        ],
    );
    assert!(!out.ok());
    assert_eq!(codes(&out.blockers), vec![Code::PolicyEmployerKindNotAllowed]);
    let blocker = &out.blockers[0];
    assert_eq!(blocker.get("allowed"), Some("УКЭП"));
    assert_eq!(blocker.get("file"), Some("employer.sig"));
    assert_eq!(
        blocker.message_ru(),
        "Подпись работодателя вида УНЭП не допускается для документа «Трудовой договор»: допустимы УКЭП"
    );
    let signature = &out.report.signatures[0];
    assert!(!signature.ok && signature.declared_type.is_none());
    assert!(signature.basis_ru.as_deref().unwrap().starts_with("ч. 1 ст. 22.3 ТК РФ"));
    assert_eq!(out.steps[1].signature_type, None, "no type is declared for a refused signature");
}

#[test]
fn portal_channel_employee_signs_later_with_pep() {
    let employer = fixture("15-gost2012-512-employer", true);
    let out = evaluate(&contract_meta(Channel::Portal), &[("employer.sig", Some(employer.cn.as_str()), employer.kind)]);
    assert!(out.ok(), "{:?}", out.blockers);
    assert_eq!(codes(&out.findings), vec![Code::PolicyEmployeeSignsOnPortal, Code::PolicyFileNameIncomplete]);
    assert!(out.findings[0].get("allowed").unwrap().contains("ПЭП (Госуслуги)"));
    assert_eq!(out.findings[1].get("fields"), Some("employee"));
    assert_eq!(out.file_name, None);
    assert_eq!(out.steps.len(), 2);
    assert_eq!(out.steps[1].signature_type.as_deref(), Some("УКЭП"));
    // The same contract in the employer's system lacks the employee's signature.
    let own = evaluate(&contract_meta(Channel::Own), &[("employer.sig", Some(employer.cn.as_str()), employer.kind)]);
    assert_eq!(codes(&own.blockers), vec![Code::PolicyEmployeeSignatureMissing]);
}

#[test]
fn portal_employer_unep_depends_on_the_egov_infrastructure() {
    let unep = fixture("14-ecdsa-signer", true);
    let out = evaluate(&contract_meta(Channel::Portal), &[("employer.sig", Some(unep.cn.as_str()), unep.kind)]);
    assert!(out.ok());
    assert!(codes(&out.findings).contains(&Code::PolicyKindUnepEgovRequired));
    assert_eq!(out.steps[1].signature_type.as_deref(), Some("УНЭП"));
}

#[test]
fn resignation_letter_is_the_employees_alone() {
    let employee = fixture("01-qualified-person-der", true);
    let mut meta = DocumentMeta {
        number: Some("117".into()),
        date: Some("05.02.2024".into()),
        employee: Some("Смирнова Анна Сергеевна".into()),
        ..DocumentMeta::new(DocumentType::ResignationLetter, Channel::Own)
    };
    let out = evaluate(&meta, &[("letter.sig", Some(employee.cn.as_str()), employee.kind)]);
    assert!(out.ok(), "{:?}", out.blockers);
    assert_eq!(out.report.signatures[0].party, "employee", "the default party of an employee's letter");
    assert_eq!(out.group.as_deref(), Some("Прекращение трудовых отношений"));
    assert_eq!(
        out.file_name.as_deref(),
        Some("Смирнова Анна Сергеевна Заявление об увольнении по собственному желанию № 117 от 05.02.2024.pdf")
    );
    assert_eq!(out.steps[1].file, format!("{}.sig", out.file_name.unwrap()), "one signature: no number");

    // An employer's signature on it is a mistake of type or parties.
    let employer = fixture("02-qualified-employer-ber", true);
    meta.parties = vec![Party::Employer, Party::Employee];
    let out = evaluate(
        &meta,
        &[
            ("employer.sig", Some(employer.cn.as_str()), employer.kind),
            ("letter.sig", Some(employee.cn.as_str()), employee.kind),
        ],
    );
    assert_eq!(codes(&out.blockers), vec![Code::PolicyEmployerNotSigner]);
    // A ПЭП-level document would do with less, but this one needs an enhanced signature: still
    // УНЭП is enough.
    let unep = fixture("09-accredited-ca-no-qualified-markers", true);
    meta.parties.clear();
    let out = evaluate(&meta, &[("letter.sig", Some(unep.cn.as_str()), unep.kind)]);
    assert!(out.ok());
}

#[test]
fn invalid_and_unconfirmed_signatures() {
    let tampered = fixture("06-tampered-document", true);
    let out = evaluate(&contract_meta(Channel::Portal), &[("employer.sig", Some(tampered.cn.as_str()), tampered.kind)]);
    assert_eq!(codes(&out.blockers), vec![Code::PolicySignatureInvalid]);
    assert_eq!(out.steps[1].signature_type, None);

    // Without a trust list the qualified employer is «УКЭП?»: declared only when accepted.
    let unconfirmed = fixture("02-qualified-employer-ber", false);
    assert_eq!(unconfirmed.kind, Kind::QualifiedUnconfirmed);
    let sigs = [("employer.sig", Some(unconfirmed.cn.as_str()), unconfirmed.kind)];
    let mut meta = contract_meta(Channel::Portal);
    let out = evaluate(&meta, &sigs);
    assert_eq!(codes(&out.blockers), vec![Code::PolicyKindUnconfirmed]);
    meta.accept_unconfirmed = true;
    let out = evaluate(&meta, &sigs);
    assert!(out.ok());
    assert!(codes(&out.findings).contains(&Code::PolicyKindUnconfirmedAccepted));
    assert_eq!(out.steps[1].signature_type.as_deref(), Some("УКЭП"));
}

#[test]
fn metadata_json_and_apply_to_the_upload_report() {
    let meta = DocumentMeta::from_json(
        r#"{"document_type": "hiring_order", "number": "05/01-9", "date": "05.02.2024",
            "employee": "Кузнецов Дмитрий Олегович", "channel": "own", "parties": ["employer"]}"#,
    )
    .unwrap();
    let employer = fixture("04-base64-bare", true);
    let out = evaluate(&meta, &[("order.pdf.sig", Some(employer.cn.as_str()), employer.kind)]);
    assert!(out.ok());
    let mut upload = UploadReport {
        ready: true,
        size: 1000,
        pdfa: PdfaVerdict::Conforming,
        steps: vec![
            UploadStep { part: "document".into(), file: "order.pdf".into(), signature_type: None, party: None },
            UploadStep {
                part: "signature".into(),
                file: "order.pdf.sig".into(),
                signature_type: Some("УКЭП".into()),
                party: None,
            },
        ],
        ..UploadReport::default()
    };
    out.apply(&mut upload);
    let name = "Кузнецов Дмитрий Олегович Приказ о приёме на работу № 05-01-9 от 05.02.2024.pdf";
    assert_eq!(upload.file_name.as_deref(), Some(name));
    assert_eq!(upload.group.as_deref(), Some("Прием на работу"));
    assert_eq!(upload.steps.len(), 2);
    assert_eq!(upload.steps[0].file, name);
    assert_eq!(upload.steps[1].file, format!("{name}.sig"));
    assert_eq!(upload.steps[1].party.as_deref(), Some("employer"));
    assert!(upload.ready && upload.blockers.is_empty());

    // The report part serialises with the contract's field names.
    let json = serde_json::to_value(&out.report).unwrap();
    assert_eq!(json["document_type"], "hiring_order");
    assert_eq!(json["document_type_ru"], "Приказ о приёме на работу");
    assert_eq!(json["channel"], "own");
    assert_eq!(json["signers"], "employer_acknowledged");
    assert_eq!(json["signatures"][0]["kind"], "УКЭП");
    assert_eq!(json["signatures"][0]["declared_type"], "УКЭП");
    assert_eq!(json["signatures"][0]["upload_name"], format!("{name}.sig"));

    // A blocked outcome makes the upload not ready.
    let bad = evaluate(&DocumentMeta::new(DocumentType::DismissalOrder, Channel::Own), &[]);
    bad.apply(&mut upload);
    assert!(!upload.ready);
    assert_eq!(upload.blockers[0].code, "POLICY_PAPER_ONLY");
}

// ---------------------------------------------------------------------------------------------
// Rendering and the catalogue

#[test]
fn renders_and_catalogue() {
    let ru = render_matrix(Lang::Ru);
    let en = render_matrix(Lang::En);
    for doc in DocumentType::ALL {
        assert!(ru.contains(doc.info().name_ru) && en.contains(doc.info().name_en), "{doc:?}");
    }
    assert!(ru.contains("Информационная система работодателя") && ru.contains("Портал «Работа России»"));
    let one = render_one(DocumentType::TransferConsent, Party::Employer, Channel::Own, Lang::Ru);
    assert!(one.contains("Работодатель не подписывает"), "{one}");
    let one = render_one(DocumentType::VacationApplication, Party::Employee, Channel::Portal, Lang::En);
    assert!(one.contains("Allowed signatures: УКЭП, УНЭП (ЕСИА), ПЭП (Госуслуги)"), "{one}");

    let catalogue = catalogue_json();
    let groups: Vec<&str> = catalogue["groups"].as_array().unwrap().iter().map(|g| g.as_str().unwrap()).collect();
    assert_eq!(groups.len(), 10);
    let types = catalogue["types"].as_array().unwrap();
    assert_eq!(types.len(), DocumentType::ALL.len());
    for t in types {
        assert!(groups.contains(&t["group"].as_str().unwrap()), "{t}");
        assert_eq!(t["codifier"], "12.999");
        assert!(t["matrix"]["own"]["employer"]["kinds"].is_array());
    }
    let dismissal = types.iter().find(|t| t["id"] == "dismissal_order").unwrap();
    assert_eq!(dismissal["electronic"], false);
    assert_eq!(dismissal["matrix"]["portal"]["employee"]["refused"], "POLICY_PAPER_ONLY");
    assert_eq!(
        PortalGroup::ALL.iter().map(|g| g.label()).collect::<Vec<_>>(),
        groups,
        "the JSON lists the portal's groups in its order"
    );
}
