//! The native part of `bench/run.mjs` (not a test; timings live in docs/benchmarks.md).
//!
//! ```text
//! cargo build --release --example bench
//! bench check DOC SIG CA [--at T] [--one-thread]
//!                                            one whole check, reading the files included;
//!                                            prints {"ms", "ready", "kind", "sha256"}
//! bench micro SIG                            GOST verify of SIG's first signer (median of 2001),
//!                                            Streebog-256 (ours and the crate's) and SHA-256
//! bench pdfa DIR                             pdf::check on every PDF under DIR
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
#![allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]

mod timing;

use std::path::{Path, PathBuf};
use std::time::Instant;

use ekdo_check::crypto::{self, DigestAlgorithm, PublicKey};
use ekdo_check::stream::DocumentStream;
use ekdo_check::{Limits, Options, Time};
use timing::median;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("micro") => micro(&args[1]),
        Some("pdfa") => pdfa(Path::new(&args[1])),
        _ => {
            eprintln!("usage: bench check DOC SIG CA [--at T] | micro SIG | pdfa DIR");
            std::process::exit(2);
        }
    }
}

/// One check as a user runs it: read the signature and CA, stream the document file in 1 MiB
/// reads into a DocumentStream (so the file is read once, hashed as it is read, the data of its
/// large images not kept: a file can be read again, whole, should the check need them), finish.
fn check(args: &[String]) {
    let start = Instant::now();
    let at = match args.iter().position(|a| a == "--at") {
        Some(i) => Time::parse_rfc3339(&args[i + 1]).unwrap(),
        None => Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap(),
    };
    let signature = std::fs::read(&args[1]).unwrap();
    let mut options = Options::at(at);
    options.ca_certificates.push(std::fs::read(&args[2]).unwrap());
    let mut report = None;
    for sift in [true, false] {
        let stream = DocumentStream::new(vec![("document.pdf.sig".to_owned(), signature.clone())], options.clone());
        // Streebog in a thread of its own, beside SHA-256 and the PDF parse (`--one-thread`: not).
        let mut stream = if args.iter().any(|a| a == "--one-thread") { stream } else { stream.hash_in_thread() };
        let mut file = std::fs::File::open(&args[0]).unwrap();
        let size = file.metadata().unwrap().len();
        if !(sift && stream.leave_out_image_data(size)) {
            stream.reserve(size);
        }
        let mut buffer = vec![0u8; 1 << 20];
        loop {
            let n = std::io::Read::read(&mut file, &mut buffer).unwrap();
            if n == 0 {
                break;
            }
            stream.push(&buffer[..n]);
        }
        // While the thread finishes Streebog: the PDF/A rules and the check on the signers'
        // claimed digest, which `finish` returns when the thread's digest is that one.
        stream.precheck();
        if !stream.needs_whole() {
            report = Some(stream.finish());
            break;
        }
    }
    let report = report.unwrap();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{}",
        serde_json::json!({
            "ms": ms,
            "ready": report.ready,
            "kind": report.kind,
            "sha256": report.document.sha256,
        })
    );
}

/// Best throughput over many 64 KiB runs, in MB/s: short runs, so a busy machine's time slices
/// do not count.
fn throughput(mut f: impl FnMut(&[u8])) -> f64 {
    let data: Vec<u8> = (0..65_536u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let mut best = f64::MAX;
    for _ in 0..1500 {
        let start = Instant::now();
        f(std::hint::black_box(&data));
        best = best.min(start.elapsed().as_secs_f64());
    }
    data.len() as f64 / 1e6 / best
}

fn micro(signature_path: &str) {
    let bytes = std::fs::read(signature_path).unwrap();
    let parsed = ekdo_check::cms::parse(&bytes, &Limits::default()).unwrap();
    let signer = &parsed.signers[0];
    let certificate = signer.certificate(&parsed.certificates).unwrap();
    let key = PublicKey::from_spki_der(&certificate.spki_der).unwrap();
    let digest = DigestAlgorithm::from_oid(&signer.digest_algorithm.oid).unwrap();
    let prehash = digest.digest(&signer.signed_attrs.as_ref().unwrap().to_be_signed());
    let verify = || {
        crypto::verify_prehash(
            &key,
            &signer.signature_algorithm.oid,
            signer.signature_algorithm.params_der.as_deref(),
            digest,
            std::hint::black_box(&prehash),
            &signer.signature,
        )
        .is_ok()
    };
    assert!(verify(), "the signature verifies");
    let verify_time = median(2001, || assert!(verify()));
    let ours = throughput(|d| {
        std::hint::black_box(DigestAlgorithm::Streebog256.digest(d));
    });
    let reference = throughput(|d| {
        use sha2::Digest;
        std::hint::black_box(streebog::Streebog256::digest(d));
    });
    let sha256 = throughput(|d| {
        std::hint::black_box(DigestAlgorithm::Sha256.digest(d));
    });
    println!(
        "{}",
        serde_json::json!({
            "key": key.algorithm_name(),
            "parameters": key.parameters_name(),
            "verify_us": verify_time.as_secs_f64() * 1e6,
            "streebog256_mbps": ours,
            "streebog256_crate_mbps": reference,
            "sha256_mbps": sha256,
        })
    );
}

fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            pdfs(&path, out);
        } else if path.extension().is_some_and(|e| e == "pdf") {
            out.push(path);
        }
    }
}

fn pdfa(dir: &Path) {
    let mut files = Vec::new();
    pdfs(dir, &mut files);
    files.sort();
    let start = Instant::now();
    let mut conforming = 0;
    let mut bytes = 0;
    for path in &files {
        let data = std::fs::read(path).unwrap();
        bytes += data.len();
        let (report, _) = ekdo_check::pdf::check(&data, &Limits::default());
        if report.verdict == ekdo_check::report::PdfaVerdict::Conforming {
            conforming += 1;
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!("{}", serde_json::json!({ "files": files.len(), "bytes": bytes, "ms": ms, "conforming": conforming }));
}
