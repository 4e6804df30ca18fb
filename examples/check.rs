//! `cargo run --example check -- DOC [SIG]... [--tsl FILE] [--at RFC3339]`: the report as JSON,
//! from the native core (the CLI proper is the Node one in js/cli.mjs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::sync::Arc;

use ekdo_check::trust::TrustList;
use ekdo_check::{check, Limits, Options, SignatureFile, Time};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut files = Vec::new();
    let mut tsl = None;
    let mut at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--tsl" => {
                tsl = Some(args[i + 1].clone());
                i += 1;
            }
            "--at" => {
                at = Time::parse_rfc3339(&args[i + 1]).unwrap();
                i += 1;
            }
            other => files.push(other.to_owned()),
        }
        i += 1;
    }
    let document = std::fs::read(&files[0]).expect("document");
    let signatures: Vec<(String, Vec<u8>)> =
        files[1..].iter().map(|f| (f.clone(), std::fs::read(f).expect("signature"))).collect();
    let inputs: Vec<SignatureFile<'_>> =
        signatures.iter().map(|(n, b)| SignatureFile { name: n.as_str(), bytes: b.as_slice() }).collect();
    let mut options = Options::at(at);
    if let Some(path) = tsl {
        let xml = std::fs::read(path).expect("trust list");
        options.trust_list = Some(Arc::new(TrustList::parse(&xml, &Limits::default()).expect("trust list parses")));
    }
    let report = check(&document, &inputs, &options);
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
}
