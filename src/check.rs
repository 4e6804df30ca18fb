//! `check()`: the one entry point that does the whole job and returns a [`Report`].

use sha2::{Digest, Sha256};

use crate::error::{Code, Finding, Message};
use crate::limits::{Limits, PORTAL_SIZE_DECIMAL, PORTAL_SIZE_LIMIT};
use crate::report::{
    DocumentReport, Kind, PdfaReport, PdfaVerdict, Report, SignatureReport, UploadReport, UploadStep, SCHEMA_ID,
};
use crate::time::Time;

/// The language of rendered text (the report always carries both).
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum Lang {
    /// Russian, the default.
    #[default]
    Ru,
    /// English.
    En,
}

/// A detached signature file: its name (for the report and the manifest) and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct SignatureFile<'a> {
    /// The file name as the user gave it.
    pub name: &'a str,
    /// The file's bytes, in any supported encoding.
    pub bytes: &'a [u8],
}

/// What `check` needs besides the files.
#[derive(Clone, Debug)]
pub struct Options {
    /// The time to check at: validity is judged at the signing time when the signature has one,
    /// else at this time. Required: the core never reads a clock.
    pub at: Time,
    /// The document's file name, for the report.
    pub document_name: Option<String>,
    /// The language of rendered text.
    pub lang: Lang,
    /// Bounds on work and memory.
    pub limits: Limits,
}

impl Options {
    /// Options with defaults, checking at `at`.
    pub fn at(at: Time) -> Self {
        Options { at, document_name: None, lang: Lang::Ru, limits: Limits::default() }
    }
}

/// Checks a document and its detached signatures for upload to «Работа России».
///
/// A bad document or signature is a report, never an error: the report says what is wrong.
///
/// ```
/// use ekdo_check::{check, Options, Time};
/// let at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
/// let report = check(b"not a pdf", &[], &Options::at(at));
/// assert!(!report.ready);
/// assert_eq!(report.errors[0].code, "PDF_NOT_PDF");
/// ```
pub fn check(document: &[u8], signatures: &[SignatureFile<'_>], options: &Options) -> Report {
    let mut errors: Vec<Message> = Vec::new();
    let mut warnings: Vec<Message> = Vec::new();
    let document_name = options.document_name.clone().unwrap_or_else(|| "document.pdf".to_owned());

    let size = u64::try_from(document.len()).unwrap_or(u64::MAX);
    let sha256 = hex(&Sha256::digest(document));
    let size_ok = size <= PORTAL_SIZE_LIMIT;
    let mut pdfa = PdfaReport { profile: "PDF/A-1B".to_owned(), ..PdfaReport::default() };

    if document.is_empty() {
        errors.push(Finding::new(Code::InputEmpty).arg("file", &document_name).to_message());
        pdfa.verdict = PdfaVerdict::NotPdf;
    } else if size > options.limits.max_input_bytes {
        errors.push(
            Finding::new(Code::InputTooLarge)
                .arg("file", &document_name)
                .arg("size", size)
                .arg("limit", options.limits.max_input_bytes)
                .to_message(),
        );
        pdfa.verdict = PdfaVerdict::Undecided;
    } else {
        let (report, findings) = crate::pdf::check(document, &options.limits);
        pdfa = report;
        errors.extend(findings.iter().map(Finding::to_message));
    }
    if !size_ok {
        errors
            .push(Finding::new(Code::PdfSizeOverLimit).arg("size", size).arg("limit", PORTAL_SIZE_LIMIT).to_message());
    } else if size > PORTAL_SIZE_DECIMAL {
        warnings.push(Finding::new(Code::PdfSizeNearLimit).arg("size", size).to_message());
    }

    let signature_reports: Vec<SignatureReport> = signatures.iter().map(|file| signature_report(file)).collect();
    let kind = signature_reports.iter().map(|s| s.kind).min();

    let mut blockers: Vec<Message> = errors.clone();
    for violation in pdfa.violations.iter().filter(|v| v.status == crate::report::RuleStatus::Failed).take(1) {
        blockers.push(Message {
            code: "PDF_PDFA_RULE".to_owned(),
            message_ru: format!("Нарушено правило PDF/A-1 {}: {}", violation.rule, violation.message_ru),
            message_en: format!("PDF/A-1 rule {} fails: {}", violation.rule, violation.message_en),
            args: Default::default(),
        });
    }
    for s in &signature_reports {
        if let Some(error) = &s.error {
            blockers.push(error.clone());
        }
    }
    let mut steps = vec![UploadStep {
        part: "document".to_owned(),
        file: document_name.clone(),
        signature_type: None,
        party: None,
    }];
    for s in &signature_reports {
        steps.push(UploadStep {
            part: "signature".to_owned(),
            file: s.file.clone(),
            signature_type: Some(s.kind.label().to_owned()),
            party: None,
        });
    }
    let signatures_ok = signature_reports.iter().all(|s| s.kind != Kind::Invalid);
    let ready = blockers.is_empty() && signatures_ok && pdfa.verdict == PdfaVerdict::Conforming && size_ok;
    let upload = UploadReport { ready, size, pdfa: pdfa.verdict, steps, blockers, ..UploadReport::default() };

    Report {
        schema: SCHEMA_ID,
        checker_version: env!("CARGO_PKG_VERSION"),
        checked_at: options.at,
        ready,
        document: DocumentReport {
            file: options.document_name.clone(),
            size,
            size_limit: PORTAL_SIZE_LIMIT,
            size_ok,
            sha256,
            pdfa,
        },
        signatures: signature_reports,
        kind,
        trust_list: None,
        policy: None,
        upload,
        errors,
        warnings,
    }
}

/// Parses and checks one signature file. (Filled in by the CMS and verification work.)
fn signature_report(file: &SignatureFile<'_>) -> SignatureReport {
    SignatureReport {
        file: file.name.to_owned(),
        size: u64::try_from(file.bytes.len()).unwrap_or(u64::MAX),
        encoding: None,
        parse: "error".to_owned(),
        error: Some(Finding::new(Code::Internal).arg("detail", "signature checking is not built yet").to_message()),
        content_attached: false,
        content_matches: None,
        signers: Vec::new(),
        kind: Kind::Invalid,
    }
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
