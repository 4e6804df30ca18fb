//! Replays the saved fuzz inputs (tests/data/fuzz/<target>/*: crashes found by cargo-fuzz and a
//! few small corpus entries) through the fuzz targets' bodies in `ekdo_check::fuzz`: each must
//! return without panicking. This is what CI runs; `fuzz/` holds the cargo-fuzz targets.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("pdf", ekdo_check::fuzz::pdf),
    ("pdf", ekdo_check::fuzz::sparse),
    ("cms", ekdo_check::fuzz::cms),
    ("certificate", ekdo_check::fuzz::certificate),
    ("tsl", ekdo_check::fuzz::tsl),
    ("crl", ekdo_check::fuzz::crl),
    ("check", ekdo_check::fuzz::check),
];

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = common::data().join("fuzz").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

#[test]
fn every_saved_input_runs_without_panicking() {
    let mut total = 0;
    for (target, run) in TARGETS {
        for path in inputs(target) {
            let data = std::fs::read(&path).unwrap();
            // A panic names the file in the test output.
            eprintln!("{target}: {}", path.display());
            run(&data);
            total += 1;
        }
    }
    assert!(total > 0, "no saved fuzz inputs under tests/data/fuzz");
}

#[test]
fn the_saved_corpus_stays_small() {
    let mut bytes = 0u64;
    for (target, _) in TARGETS {
        for path in inputs(target) {
            bytes += std::fs::metadata(path).unwrap().len();
        }
    }
    assert!(bytes < 2 * 1024 * 1024, "tests/data/fuzz holds {bytes} bytes; keep it under 2 MiB");
}
