//! Runs the PDF/A-1 check over a veraPDF corpus folder and prints the numbers for docs/pdfa.md.
//!
//! `cargo run --release --example pdfa_corpus -- tests/data/verapdf [-v]`

use std::path::PathBuf;
use std::time::Instant;

use ekdo_check::Limits;

#[path = "../tests/common/corpus.rs"]
mod corpus;

use corpus::Outcome;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dir =
        args.iter().find(|a| !a.starts_with('-')).map_or_else(|| PathBuf::from("tests/data/verapdf"), PathBuf::from);
    let cases = corpus::cases(&dir);
    if cases.is_empty() {
        eprintln!("no corpus files under {}", dir.display());
        std::process::exit(2);
    }
    let limits = Limits::default();
    let (mut fail_files, mut rejected, mut with_clause, mut pass_files, mut accepted) = (0, 0, 0, 0, 0);
    let mut bytes_total = 0usize;
    let mut slowest = (0.0f64, String::new());
    let started = Instant::now();
    for case in &cases {
        let bytes = std::fs::read(&case.path).unwrap_or_default();
        bytes_total += bytes.len();
        let t = Instant::now();
        let (report, findings) = ekdo_check::pdf::check(&bytes, &limits);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        if ms > slowest.0 {
            slowest = (ms, case.name.clone());
        }
        let outcome = corpus::judge(case, &report);
        if case.pass {
            pass_files += 1;
            if outcome == Outcome::Pass {
                accepted += 1;
            }
        } else {
            fail_files += 1;
            if outcome != Outcome::Accepted {
                rejected += 1;
            }
            if outcome == Outcome::Pass {
                with_clause += 1;
            }
        }
        if verbose && outcome != Outcome::Pass {
            let codes: Vec<String> = findings.iter().map(|f| f.code.as_str().to_owned()).collect();
            println!("{:<45} {:?} {:?} {:?}", case.name, outcome, report.verdict, codes);
        }
    }
    let total = started.elapsed().as_secs_f64();
    println!("files: {} ({} bytes)", cases.len(), bytes_total);
    println!("fail-files rejected: {rejected}/{fail_files}");
    println!("fail-files rejected with their clause: {with_clause}/{fail_files}");
    println!("pass-files accepted: {accepted}/{pass_files}");
    println!(
        "time: {:.3} s total, {:.2} ms per file, slowest {:.2} ms ({})",
        total,
        total * 1000.0 / f64::from(u32::try_from(cases.len()).unwrap_or(u32::MAX)),
        slowest.0,
        slowest.1
    );
}
