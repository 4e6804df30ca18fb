//! PDF/A-1 checks against the veraPDF corpus (tests/data/verapdf), the good documents of the
//! signature fixtures, and hostile inputs.
//!
//! The corpus runner sorts each file into pass / known divergence / unexpected, as
//! rustls-webpki's x509-limbo runner does, and fails only on the unexpected. Known divergences
//! are listed with a reason in tests/data/pdfa/known-divergences.txt.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::Path;

use corpus::Outcome;
use ekdo_check::report::{PdfaVerdict, RuleStatus};
use ekdo_check::{Code, Limits};

fn known_divergences() -> BTreeMap<String, String> {
    include_str!("data/pdfa/known-divergences.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(name, reason)| (name.trim().to_owned(), reason.trim().to_owned())))
        .collect()
}

#[test]
fn verapdf_corpus() {
    let cases = corpus::cases(Path::new("tests/data/verapdf"));
    assert_eq!(cases.len(), 309, "the corpus selection has 309 files");
    let known = known_divergences();
    let limits = Limits::default();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut diverging = 0;
    for case in &cases {
        let bytes = std::fs::read(&case.path).expect("corpus file");
        let (report, _) = ekdo_check::pdf::check(&bytes, &limits);
        assert_eq!(report.profile, if case.level_a { "PDF/A-1A" } else { "PDF/A-1B" }, "{}", case.name);
        let outcome = corpus::judge(case, &report);
        match (outcome == Outcome::Pass, known.contains_key(&case.name)) {
            (true, true) => fixed.push(case.name.clone()),
            (true, false) => {}
            (false, true) => diverging += 1,
            (false, false) => unexpected.push(format!("{}: {outcome:?}", case.name)),
        }
    }
    for name in known.keys() {
        assert!(cases.iter().any(|c| &c.name == name), "known-divergences.txt names a missing file {name}");
    }
    assert!(unexpected.is_empty(), "unexpected outcomes:\n{}", unexpected.join("\n"));
    assert!(fixed.is_empty(), "now passing, remove from known-divergences.txt:\n{}", fixed.join("\n"));
    assert!(diverging <= known.len());
}

#[test]
fn corpus_names_are_read() {
    assert_eq!(corpus::parse_name("veraPDF test suite 6-1-3-t02-fail-a.pdf"), Some(("6.1.3".to_owned(), false)));
    assert_eq!(corpus::parse_name("6-3-5-t02-pass-b.pdf"), Some(("6.3.5".to_owned(), true)));
    assert_eq!(corpus::parse_name("veraPDF test suite 6-4-t01-pass-a.pdf"), Some(("6.4".to_owned(), true)));
    assert_eq!(corpus::parse_name("README.md"), None);
    assert_eq!(corpus::parse_name("6-1-3-t02-maybe-a.pdf"), None);
}

#[test]
fn fixture_documents_are_pdfa_1b() {
    let limits = Limits::default();
    let mut count = 0;
    for entry in std::fs::read_dir("tests/data/signatures/docs").expect("docs folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        count += 1;
        let bytes = std::fs::read(&path).expect("document");
        let (report, findings) = ekdo_check::pdf::check(&bytes, &limits);
        assert_eq!(report.claimed.as_deref(), Some("1B"), "{}", path.display());
        assert_eq!(
            report.verdict,
            PdfaVerdict::Conforming,
            "{}: {:?} {:?}",
            path.display(),
            report.violations,
            findings
        );
        assert!(report.rules_checked > 50);
    }
    assert_eq!(count, 3);
}

#[test]
fn violations_are_sorted_and_bounded() {
    // A fail file with several failed rules: ids in clause order, occurrences capped.
    let bytes = std::fs::read(
        "tests/data/verapdf/PDF_A-1b/6.1 File structure/6.1.12 Implementation limits/veraPDF test suite 6-1-12-t06-fail-a.pdf",
    )
    .expect("corpus file");
    let limits = Limits { max_occurrences_per_rule: 2, ..Limits::default() };
    let (report, _) = ekdo_check::pdf::check(&bytes, &limits);
    let ids: Vec<&str> = report.violations.iter().map(|v| v.rule.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_by(|a, b| ekdo_check::pdf::registry::compare_ids(a, b));
    assert_eq!(ids, sorted);
    let v = report.violations.iter().find(|v| v.rule == "6.1.12-6").expect("6.1.12-6 fails");
    assert_eq!(v.status, RuleStatus::Failed);
    assert!(v.occurrences.len() <= 2);
    assert!(usize::try_from(v.count).unwrap() >= v.occurrences.len());
    assert_eq!(v.clause, "6.1.12");
}

#[test]
fn not_a_pdf() {
    let (report, findings) = ekdo_check::pdf::check(b"GIF89a", &Limits::default());
    assert_eq!(report.verdict, PdfaVerdict::NotPdf);
    assert_eq!(findings[0].code, Code::PdfNotPdf);
}

#[test]
fn decompression_bomb_is_undecided() {
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 4_000_000], 9);
    let catalog = pdf.len();
    pdf.extend_from_slice(b"1 0 obj\n<< /Type /Catalog /Metadata 2 0 R >>\nendobj\n");
    let meta = pdf.len();
    pdf.extend_from_slice(
        format!("2 0 obj\n<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length {} >>\nstream\n", bomb.len())
            .as_bytes(),
    );
    pdf.extend_from_slice(&bomb);
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 3\n0000000000 65535 f\r\n{catalog:010} 00000 n\r\n{meta:010} 00000 n\r\ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    let limits = Limits { max_decompressed_per_stream: 1_000_000, ..Limits::default() };
    let (report, findings) = ekdo_check::pdf::check(&pdf, &limits);
    assert_eq!(report.verdict, PdfaVerdict::Undecided);
    assert!(findings.iter().any(|f| f.code == Code::LimitDecompressed), "{findings:?}");
}

#[test]
fn truncated_and_mangled_corpus_files_do_not_panic() {
    let limits = Limits::default();
    let cases = corpus::cases(Path::new("tests/data/verapdf"));
    for case in cases.iter().step_by(7) {
        let bytes = std::fs::read(&case.path).expect("corpus file");
        for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len().saturating_sub(40)] {
            let _ = ekdo_check::pdf::check(&bytes[..cut], &limits);
        }
        let mut flipped = bytes.clone();
        for i in (0..flipped.len()).step_by(97) {
            flipped[i] ^= 0x5a;
        }
        let _ = ekdo_check::pdf::check(&flipped, &limits);
    }
}

/// A file whose cross-reference table lists many objects: each a stream without `endstream`,
/// a reference cycle, or a page tree that loops. Must finish quickly and without panic.
#[test]
fn hostile_structures_are_bounded() {
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    offsets.push(pdf.len());
    pdf.extend_from_slice(b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Loop 3 0 R >>\nendobj\n");
    offsets.push(pdf.len());
    pdf.extend_from_slice(b"2 0 obj\n<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 1 >>\nendobj\n");
    offsets.push(pdf.len());
    pdf.extend_from_slice(b"3 0 obj\n3 0 R\nendobj\n");
    offsets.push(pdf.len());
    pdf.extend_from_slice(
        b"4 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources << /XObject << /X 6 0 R >> >> >>\nendobj\n",
    );
    offsets.push(pdf.len());
    let deep = format!("{}{}", "[".repeat(400), "/X Do q ".repeat(100));
    pdf.extend_from_slice(
        format!("5 0 obj\n<< /Length {} >>\nstream\n{deep}\nendstream\nendobj\n", deep.len()).as_bytes(),
    );
    offsets.push(pdf.len());
    pdf.extend_from_slice(b"6 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X 6 0 R >> >> /Length 5 >>\nstream\n/X Do\nendstream\nendobj\n");
    for n in 7..20_000u32 {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{n} 0 obj\n<< /Length 999999 >>\nstream\nxx\n").as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f\r\n", offsets.len() + 1).as_bytes());
    for o in &offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", offsets.len() + 1).as_bytes(),
    );
    let started = std::time::Instant::now();
    let (report, findings) = ekdo_check::pdf::check(&pdf, &Limits::default());
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    assert_ne!(report.verdict, PdfaVerdict::Conforming);
    assert!(findings.iter().any(|f| f.code == Code::LimitNesting), "{findings:?}");
}
