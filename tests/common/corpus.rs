//! The veraPDF PDF/A-1 test corpus (tests/data/verapdf): what each file name expects, and how a
//! report meets it. Shared by `tests/pdfa.rs` and `examples/pdfa_corpus.rs`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use ekdo_check::report::{PdfaReport, PdfaVerdict, RuleStatus};

/// What a corpus file name says.
#[derive(Clone, Debug)]
pub struct Case {
    /// The file.
    pub path: PathBuf,
    /// The file name.
    pub name: String,
    /// The ISO 19005-1 clause, such as `"6.1.3"`.
    pub clause: String,
    /// The file must pass.
    pub pass: bool,
    /// The file sits under `PDF_A-1a`: checked at level A.
    pub level_a: bool,
}

/// Reads `^(?:veraPDF test suite )?(\d+(?:-\d+)*)-t(\d+)-(pass|fail)-([a-z]+)\.pdf$`.
pub fn parse_name(name: &str) -> Option<(String, bool)> {
    let rest = name.strip_prefix("veraPDF test suite ").unwrap_or(name);
    let stem = rest.strip_suffix(".pdf")?;
    let parts: Vec<&str> = stem.split('-').collect();
    let t =
        parts.iter().position(|p| p.len() >= 2 && p.starts_with('t') && p[1..].bytes().all(|b| b.is_ascii_digit()))?;
    let clause: Vec<&str> = parts.get(..t)?.to_vec();
    if clause.is_empty() || !clause.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let verdict = *parts.get(t + 1)?;
    let variant = *parts.get(t + 2)?;
    if parts.len() != t + 3 || variant.is_empty() || !variant.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let pass = match verdict {
        "pass" => true,
        "fail" => false,
        _ => return None,
    };
    Some((clause.join("."), pass))
}

/// Every corpus file under `dir`, sorted by path.
pub fn cases(dir: &Path) -> Vec<Case> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((clause, pass)) = parse_name(&name) else { continue };
            let level_a = path.components().any(|c| c.as_os_str() == "PDF_A-1a");
            out.push(Case { path, name, clause, pass, level_a });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Clauses of the corpus folders whose requirement veraPDF's profile checks under another
/// clause: the Info/XMP agreement of corpus 6.1.5 is rule 6.7.3 in the profile, and the XMP
/// properties of corpus 6.7.2 are rules 6.7.9-2/-3.
pub fn rule_clauses(clause: &str) -> Vec<String> {
    let mut out = vec![clause.to_owned()];
    match clause {
        "6.1.5" => out.push("6.7.3".to_owned()),
        "6.7.2" => out.push("6.7.9".to_owned()),
        _ => {}
    }
    out
}

/// How a report meets a case.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum Outcome {
    /// As expected: a pass file conforming; a fail file rejected with its clause reported.
    Pass,
    /// A fail file rejected, but not for its clause.
    RejectedOtherClause(Vec<String>),
    /// A fail file accepted.
    Accepted,
    /// A pass file rejected, with the failed rules.
    Rejected(Vec<String>),
}

/// Judges a report against a case.
pub fn judge(case: &Case, report: &PdfaReport) -> Outcome {
    let failed: Vec<String> =
        report.violations.iter().filter(|v| v.status == RuleStatus::Failed).map(|v| v.rule.clone()).collect();
    let conforming = report.verdict == PdfaVerdict::Conforming;
    if case.pass {
        return if conforming { Outcome::Pass } else { Outcome::Rejected(failed) };
    }
    if conforming {
        return Outcome::Accepted;
    }
    let clauses = rule_clauses(&case.clause);
    let hit = report.violations.iter().filter(|v| v.status == RuleStatus::Failed).any(|v| clauses.contains(&v.clause));
    if hit {
        Outcome::Pass
    } else {
        Outcome::RejectedOtherClause(failed)
    }
}
