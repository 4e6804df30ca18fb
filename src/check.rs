//! `check()`: the one entry point that does the whole job and returns a [`Report`].

use sha2::{Digest, Sha256};

use std::sync::Arc;

use crate::cms::Certificate;
use crate::error::{Code, Finding, Message};
use crate::limits::{Limits, PORTAL_SIZE_DECIMAL, PORTAL_SIZE_LIMIT};
use crate::policy::DocumentMeta;
use crate::report::{
    DocumentReport, Kind, PdfaReport, PdfaVerdict, Report, RuleStatus, SignatureReport, UploadReport, UploadStep,
    SCHEMA_ID,
};
use crate::time::Time;
use crate::trust::{Crl, TrustList};
use crate::verify::{Context, Digests};

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
    /// The list of accredited CAs, parsed once ([`TrustList::parse`]) and shared.
    pub trust_list: Option<Arc<TrustList>>,
    /// Extra CA certificates to trust (DER or PEM, one certificate each).
    pub ca_certificates: Vec<Vec<u8>>,
    /// CRLs to apply at the signing time (DER or PEM).
    pub crls: Vec<Vec<u8>>,
    /// The document's metadata for the labour-law check and the upload manifest.
    pub meta: Option<DocumentMeta>,
    /// Bounds on work and memory.
    pub limits: Limits,
}

impl Options {
    /// Options with defaults, checking at `at`.
    pub fn at(at: Time) -> Self {
        Options {
            at,
            document_name: None,
            lang: Lang::Ru,
            trust_list: None,
            ca_certificates: Vec::new(),
            crls: Vec::new(),
            meta: None,
            limits: Limits::default(),
        }
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
    let mut digests = Digests::default();
    let sha256 = hex(&Sha256::digest(document));
    check_with(document, sha256, signatures, options, &mut digests)
}

/// [`check`] with the SHA-256 and other document digests already computed (the streaming API
/// hashes while the document is read).
pub(crate) fn check_with(
    document: &[u8],
    sha256: String,
    signatures: &[SignatureFile<'_>],
    options: &Options,
    digests: &mut Digests,
) -> Report {
    let size = u64::try_from(document.len()).unwrap_or(u64::MAX);
    check_sized(document, size, sha256, signatures, options, digests, None)
}

/// The PDF/A part of a check ([`crate::pdf::check`]), when it was run ahead of the rest (the
/// streaming API runs it while a worker still hashes the document).
pub(crate) type PdfResult = (PdfaReport, Vec<Finding>);

/// [`check_with`] for a document of `size` bytes of which only the first `document.len()` were
/// kept: the streaming API keeps none past `Limits::max_input_bytes`, where the document is not
/// read anyway (every digest is in `digests`). `pdf` is the PDF/A part when already computed.
pub(crate) fn check_sized(
    document: &[u8],
    size: u64,
    sha256: String,
    signatures: &[SignatureFile<'_>],
    options: &Options,
    digests: &mut Digests,
    pdf: Option<PdfResult>,
) -> Report {
    let mut errors: Vec<Message> = Vec::new();
    let mut warnings: Vec<Message> = Vec::new();
    let document_name = options.document_name.clone().unwrap_or_else(|| "document.pdf".to_owned());

    // The document: size and PDF/A-1.
    let size_ok = size <= PORTAL_SIZE_LIMIT;
    let mut pdfa = PdfaReport { profile: "PDF/A-1B".to_owned(), ..PdfaReport::default() };
    if size == 0 {
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
        let (report, findings) = pdf.unwrap_or_else(|| crate::pdf::check(document, &options.limits));
        pdfa = report;
        errors.extend(findings.iter().map(Finding::to_message));
    }
    let failed: Vec<&crate::report::Violation> =
        pdfa.violations.iter().filter(|v| v.status == RuleStatus::Failed).collect();
    if let Some(first) = failed.first() {
        errors.push(
            Finding::new(Code::PdfNotConforming).arg("count", failed.len()).arg("rule", &first.rule).to_message(),
        );
    }
    if !size_ok {
        errors
            .push(Finding::new(Code::PdfSizeOverLimit).arg("size", size).arg("limit", PORTAL_SIZE_LIMIT).to_message());
    } else if size > PORTAL_SIZE_DECIMAL {
        warnings.push(Finding::new(Code::PdfSizeNearLimit).arg("size", size).to_message());
    }

    // Trust material the caller gave.
    let mut ca_certificates = Vec::new();
    for (index, bytes) in options.ca_certificates.iter().enumerate() {
        match Certificate::from_pem_or_der(bytes) {
            Ok(certificate) => ca_certificates.push(certificate),
            Err(finding) => errors.push(finding.arg("file", format!("ca[{index}]")).to_message()),
        }
    }
    let mut crls = Vec::new();
    for (index, bytes) in options.crls.iter().enumerate() {
        match Crl::from_pem_or_der(bytes) {
            Ok(crl) => crls.push(crl),
            Err(finding) => errors.push(finding.arg("file", format!("crl[{index}]")).to_message()),
        }
    }

    // The signatures.
    crate::progress::tick();
    let context = Context {
        document,
        document_size: size,
        at: options.at,
        trust_list: options.trust_list.as_deref(),
        ca_certificates: &ca_certificates,
        crls: &crls,
        limits: &options.limits,
    };
    let signature_reports: Vec<SignatureReport> =
        signatures.iter().map(|file| crate::verify::check_file(file, &context, digests)).collect();
    let kind = signature_reports.iter().map(|s| s.kind).min();
    crate::progress::tick();

    // The upload manifest and its blockers.
    let mut blockers: Vec<Message> = errors.clone();
    if signatures.is_empty() {
        blockers.push(Finding::new(Code::SigMissing).to_message());
    }
    for s in &signature_reports {
        if let Some(error) = &s.error {
            blockers.push(error.clone());
        }
        for signer in s.signers.iter().filter(|signer| signer.kind == Some(Kind::Invalid)) {
            let reason = signer.reasons.iter().find(|r| !r.ok).map(|r| r.message.clone());
            if let Some(reason) = reason {
                blockers.push(reason);
            }
        }
        if s.kind == Kind::QualifiedUnconfirmed && options.meta.is_none() {
            blockers.push(Finding::new(Code::QualUnconfirmed).arg("file", &s.file).to_message());
        }
        if s.parse == "ok" && s.signers.is_empty() {
            blockers.push(Finding::new(Code::CmsNoSigners).to_message());
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
            signature_type: declared_type(s.kind).map(str::to_owned),
            party: None,
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    blockers.retain(|b| seen.insert((b.code.clone(), b.message_en.clone())));
    for s in &signature_reports {
        warnings.extend(s.findings.iter().cloned());
    }
    let signatures_ok = !signature_reports.is_empty() && signature_reports.iter().all(|s| s.kind != Kind::Invalid);
    let ready = blockers.is_empty() && signatures_ok && pdfa.verdict == PdfaVerdict::Conforming && size_ok;
    let mut upload = UploadReport { ready, size, pdfa: pdfa.verdict, steps, blockers, ..UploadReport::default() };
    let mut signature_reports = signature_reports;

    // Labour law, when the document's metadata was given.
    let policy = options.meta.as_ref().map(|meta| {
        let entries: Vec<(&str, Option<&str>, Kind)> = signature_reports
            .iter()
            .flat_map(|s| {
                let file = s.file.as_str();
                let per_signer: Vec<(&str, Option<&str>, Kind)> = if s.signers.is_empty() {
                    vec![(file, None, s.kind)]
                } else {
                    s.signers.iter().map(|g| (file, g.subject_cn.as_deref(), g.kind.unwrap_or(Kind::Invalid))).collect()
                };
                per_signer
            })
            .collect();
        let outcome = crate::policy::evaluate(meta, &entries);
        outcome.apply(&mut upload);
        warnings.extend(outcome.findings.iter().map(Finding::to_message));
        outcome.report
    });
    if let Some(policy) = &policy {
        // Each signer's party, in the order the policy assigned them.
        let mut parties = policy.signatures.iter();
        for s in &mut signature_reports {
            for signer in &mut s.signers {
                signer.party = parties.next().map(|p| p.party.clone());
            }
            if s.signers.is_empty() {
                parties.next();
            }
        }
    }
    let ready = upload.ready;

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
        trust_list: options.trust_list.as_ref().map(|list| list.summary()),
        policy,
        upload,
        errors,
        warnings,
    }
}

/// The signature type to declare to the portal for a kind: УКЭП or УНЭП; none for an invalid or
/// unconfirmed signature (УКЭП? needs the trust list, or the caller's word in the metadata).
fn declared_type(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Qualified => Some("УКЭП"),
        Kind::Unqualified => Some("УНЭП"),
        Kind::QualifiedUnconfirmed | Kind::Invalid => None,
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
