//! Prints the PDF/A-1 report of one file as JSON: `cargo run --example pdfa_report -- file.pdf`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdfa_report FILE.pdf");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let (report, findings) = ekdo_check::pdf::check(&bytes, &ekdo_check::Limits::default());
    let findings: Vec<_> = findings.iter().map(ekdo_check::Finding::to_message).collect();
    let out = serde_json::json!({ "pdfa": report, "findings": findings });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
}
