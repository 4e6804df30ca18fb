//! PDF/A-1 (ISO 19005-1): identification and the rules, named as veraPDF names them.
//!
//! The file is read by our own bounded parser ([`raw`], [`cos`]): file-structure rules need the
//! bytes as written, which a repairing loader hides, and every step on untrusted input must be
//! bounded and panic-free. The rules ([`rules`]) read the object model ([`model`]) and report
//! veraPDF's rule ids ([`registry`]).

pub mod cmap;
pub mod content;
pub mod cos;
pub mod filter;
pub mod font_data;
pub mod font_program;
pub mod model;
pub mod raw;
pub mod registry;
pub mod rules;
pub mod sparse;
#[cfg(test)]
pub(crate) mod testpdf;
pub mod xmp;
pub mod xmp_schema;

use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::pdf::cos::Object;
use crate::pdf::filter::{DecodeError, Inflation};
use crate::pdf::model::Doc;
use crate::pdf::raw::Problem;
use crate::pdf::rules::metadata::Metadata;
use crate::pdf::rules::{Ctx, LimitKind};
use crate::report::{PdfaReport, PdfaVerdict, RuleStatus};

/// Checks a document against PDF/A-1: identification (header, XMP `pdfaid`) and the rules.
///
/// Never fails: a file that is not a PDF gets the verdict `not-pdf` and a finding; a file whose
/// check ran out of a bound in `limits` gets `undecided` and a `LIMIT_` finding.
pub fn check(bytes: &[u8], limits: &Limits) -> (PdfaReport, Vec<Finding>) {
    check_with(bytes, limits, None)
}

/// [`check`] with every `endstream` position in the file given (`endstreams`), as
/// [`sparse::check`] does for a document whose image data were left out.
pub(crate) fn check_with(bytes: &[u8], limits: &Limits, endstreams: Option<&[usize]>) -> (PdfaReport, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut report = PdfaReport { profile: "PDF/A-1B".to_owned(), ..PdfaReport::default() };
    let Some(header) = raw::header(bytes) else {
        report.verdict = PdfaVerdict::NotPdf;
        findings.push(Finding::new(Code::PdfNotPdf));
        return (report, findings);
    };
    report.header_version = Some(header.version.clone());
    if !raw::has_eof(bytes) {
        findings.push(Finding::new(Code::PdfTruncated));
    }
    let mut inflation = Inflation::new(limits);
    let file = raw::read_with(bytes, limits, &mut inflation, endstreams);
    crate::progress::tick();
    let mut stopped: Option<(LimitKind, String)> = None;
    let mut damaged = false;
    for problem in &file.problems {
        match problem {
            Problem::Parse(detail) => {
                damaged = true;
                findings.push(Finding::new(Code::PdfParse).arg("detail", detail));
            }
            Problem::Decompression(what) => stopped = stopped.or(Some((LimitKind::Decompressed, what.clone()))),
            Problem::TooManyObjects(n) => stopped = stopped.or(Some((LimitKind::Objects, n.to_string()))),
            Problem::TooDeep(what) => stopped = stopped.or(Some((LimitKind::Nesting, what.clone()))),
        }
    }
    let doc = Doc::new(bytes, file);
    if doc.catalog().is_none() {
        damaged = true;
        findings.push(Finding::new(Code::PdfParse).arg("detail", "no document catalog"));
    }
    let meta = read_metadata(&doc, limits, &mut inflation, &mut stopped);
    let (part, conformance) = meta.packet.as_ref().map(xmp::identification).unwrap_or_default();
    report.part = part.clone();
    report.conformance = conformance.clone();
    report.claimed = match (part.as_deref(), conformance.as_deref()) {
        (Some("1"), Some(c @ ("A" | "B"))) => Some(format!("1{c}")),
        _ => None,
    };
    let level_a = report.claimed.as_deref() == Some("1A");
    if level_a {
        report.profile = "PDF/A-1A".to_owned();
    }
    if report.claimed.is_none() {
        let detail = match (&part, &conformance) {
            (None, _) if !meta.present => "нет потока метаданных / no metadata stream".to_owned(),
            (None, _) => "pdfaid:part отсутствует / pdfaid:part is missing".to_owned(),
            (Some(p), c) => format!("pdfaid:part={p}, pdfaid:conformance={}", c.as_deref().unwrap_or("-")),
        };
        findings.push(Finding::new(Code::PdfNotPdfA1).arg("detail", detail));
    }

    let mut ctx = Ctx::new(&doc, level_a, limits, inflation);
    if let Some((kind, detail)) = stopped {
        ctx.stop(kind, detail);
    }
    let usage = content::walk(&mut ctx);
    crate::progress::tick();
    rules::file_structure::check(&mut ctx, &usage);
    rules::graphics::check(&mut ctx, &usage);
    rules::fonts::check(&mut ctx, &usage);
    rules::transparency::check(&mut ctx, &usage);
    rules::annotations::check(&mut ctx);
    rules::actions::check(&mut ctx);
    rules::metadata::check(&mut ctx, &meta);
    rules::logical::check(&mut ctx, &usage);
    rules::forms::check(&mut ctx);
    let stopped = ctx.stopped.clone();
    let (violations, checked) = ctx.finish();
    report.violations = violations;
    report.rules_checked = checked;
    let failed = report.violations.iter().any(|v| v.status == RuleStatus::Failed);
    report.verdict = if let Some((kind, detail)) = stopped {
        findings.push(limit_finding(kind, &detail, limits));
        PdfaVerdict::Undecided
    } else if report.claimed.is_some() && !failed && !damaged {
        PdfaVerdict::Conforming
    } else {
        PdfaVerdict::NotConforming
    };
    (report, findings)
}

fn limit_finding(kind: LimitKind, detail: &str, limits: &Limits) -> Finding {
    match kind {
        LimitKind::Decompressed => {
            Finding::new(Code::LimitDecompressed).arg("what", detail).arg("limit", limits.max_decompressed_per_stream)
        }
        LimitKind::Objects => {
            Finding::new(Code::LimitObjects).arg("count", detail).arg("limit", limits.max_pdf_objects)
        }
        LimitKind::Nesting => Finding::new(Code::LimitNesting).arg("what", detail).arg("limit", limits.max_nesting),
        LimitKind::Budget => Finding::new(Code::LimitBudget).arg("what", detail),
    }
}

/// Reads the catalog's Metadata stream and its XMP packet.
fn read_metadata(
    doc: &Doc<'_>,
    limits: &Limits,
    inflation: &mut Inflation,
    stopped: &mut Option<(LimitKind, String)>,
) -> Metadata {
    let mut meta = Metadata::default();
    let Some(catalog) = doc.catalog() else { return meta };
    let Some(value) = catalog.get(b"Metadata") else { return meta };
    meta.id = value.reference();
    let Object::Stream(stream) = doc.resolve(value) else { return meta };
    meta.present = true;
    meta.filtered = stream.dict.has(b"Filter");
    match raw::stream_data(doc.bytes, stream, inflation) {
        Ok(data) => meta.packet = Some(xmp::parse(&data, limits.max_nesting)),
        Err(DecodeError::Limit) => {
            if stopped.is_none() {
                *stopped = Some((LimitKind::Decompressed, "metadata stream".to_owned()));
            }
        }
        Err(DecodeError::Unsupported(_)) => {}
    }
    meta
}
