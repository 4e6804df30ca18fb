//! Shared helpers of the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use ekdo_check::trust::TrustList;
use ekdo_check::{Limits, Options, Time};

/// tests/data
pub fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// The signature fixtures.
pub fn signatures() -> PathBuf {
    data().join("signatures")
}

/// Every `.pdf` under `dir`, in no particular order.
pub fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "pdf") {
                out.push(path);
            }
        }
    }
    out
}

/// The time the fixtures are checked at.
pub fn at() -> Time {
    Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap()
}

/// The fixture trust list, parsed once.
pub fn trust_list() -> Arc<TrustList> {
    static LIST: OnceLock<Arc<TrustList>> = OnceLock::new();
    LIST.get_or_init(|| {
        let xml = std::fs::read(signatures().join("tsl.xml")).unwrap();
        Arc::new(TrustList::parse(&xml, &Limits::default()).unwrap())
    })
    .clone()
}

/// Options at the fixtures' time, with or without the trust list.
pub fn options(with_tsl: bool) -> Options {
    let mut options = Options::at(at());
    if with_tsl {
        options.trust_list = Some(trust_list());
    }
    options
}

/// The folder holding the big PDFs of cases 19 and 20, made by the fixtures' script once
/// (byte-for-byte reproducible; checked against the recorded SHA-256 by the tests).
pub fn big_documents() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("big-pdfs");
        if !dir.join("big-over-limit.pdf").exists() {
            let status = Command::new("bash")
                .arg(signatures().join("make-big-pdfs.sh"))
                .arg(&dir)
                .stdout(std::process::Stdio::null())
                .status()
                .expect("bash runs make-big-pdfs.sh");
            assert!(status.success(), "make-big-pdfs.sh failed");
        }
        dir
    })
    .clone()
}

/// The document of a fixture case (the big ones are generated).
pub fn case_document(case: &str, name: &str) -> Vec<u8> {
    let local = signatures().join(case).join(name);
    if local.exists() {
        return std::fs::read(local).unwrap();
    }
    std::fs::read(big_documents().join(name)).unwrap()
}
