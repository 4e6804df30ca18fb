//! PDF/A-1 (ISO 19005-1): identification and the rules, named as veraPDF names them.
//!
//! File-structure rules read the raw bytes ([`raw`]), because lopdf repairs damaged files while
//! loading; the rest read the object model through lopdf ([`model`]).

pub mod raw;
pub mod registry;
pub mod xmp;

use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::report::{PdfaReport, PdfaVerdict};

/// Checks a document against PDF/A-1: identification (header, XMP `pdfaid`) and the rules.
///
/// Never fails: a file that is not a PDF gets the verdict `not-pdf` and a finding.
pub fn check(bytes: &[u8], limits: &Limits) -> (PdfaReport, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut report = PdfaReport { profile: "PDF/A-1B".to_owned(), ..PdfaReport::default() };
    let header = raw::header(bytes);
    let Some(header) = header else {
        report.verdict = PdfaVerdict::NotPdf;
        findings.push(Finding::new(Code::PdfNotPdf));
        return (report, findings);
    };
    report.header_version = Some(header.version.clone());
    if !raw::has_eof(bytes) {
        findings.push(Finding::new(Code::PdfTruncated));
    }
    let document = match lopdf::Document::load_mem(bytes) {
        Ok(document) => document,
        Err(error) => {
            report.verdict = PdfaVerdict::NotConforming;
            findings.push(Finding::new(Code::PdfParse).arg("detail", error));
            return (report, findings);
        }
    };
    let ident = xmp::identification(&document, limits);
    report.part = ident.part.clone();
    report.conformance = ident.conformance.clone();
    report.claimed = ident.claimed();
    if report.claimed.as_deref() == Some("1A") {
        report.profile = "PDF/A-1A".to_owned();
    }
    if report.claimed.is_none() {
        let detail = match (&ident.part, &ident.conformance) {
            (None, _) if !ident.has_metadata => "нет потока метаданных / no metadata stream".to_owned(),
            (None, _) => "pdfaid:part отсутствует / pdfaid:part is missing".to_owned(),
            (Some(p), c) => format!("pdfaid:part={p}, pdfaid:conformance={}", c.as_deref().unwrap_or("-")),
        };
        findings.push(Finding::new(Code::PdfNotPdfA1).arg("detail", detail));
    }
    report.rules_checked = 0;
    report.verdict = if report.claimed.is_some() && findings.is_empty() && report.violations.is_empty() {
        PdfaVerdict::Conforming
    } else {
        PdfaVerdict::NotConforming
    };
    (report, findings)
}
