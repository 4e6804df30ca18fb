//! The streaming API gives the same report as `check()` on every signature fixture, whatever the
//! chunk size, with and without the trust list, and with several signature files at once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use ekdo_check::crypto::DigestAlgorithm;
use ekdo_check::stream::DocumentStream;
use ekdo_check::{check, Options, SignatureFile};
use serde_json::Value;

/// (case, document name, signature name) of every fixture.
fn cases() -> Vec<(String, String, String)> {
    let mut cases: Vec<(String, String, String)> = std::fs::read_dir(common::signatures())
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            let expected = e.path().join("expected.json");
            expected.exists().then(|| {
                let v: Value = serde_json::from_slice(&std::fs::read(expected).unwrap()).unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    v["document"].as_str().unwrap().to_owned(),
                    v["signature"].as_str().unwrap().to_owned(),
                )
            })
        })
        .collect();
    cases.sort();
    assert_eq!(cases.len(), 20);
    cases
}

fn streamed(document: &[u8], files: &[(String, Vec<u8>)], options: &Options, chunk: usize, reserve: bool) -> Value {
    let mut stream = DocumentStream::new(files.to_vec(), options.clone());
    if reserve {
        stream.reserve(u64::try_from(document.len()).unwrap());
    }
    for (i, piece) in document.chunks(chunk).enumerate() {
        // Alternate the two ways of feeding.
        if i % 2 == 0 {
            stream.push(piece);
        } else {
            stream.push_with(piece.len(), |offset, slot| slot.copy_from_slice(&piece[offset..offset + slot.len()]));
        }
    }
    assert_eq!(stream.len(), u64::try_from(document.len()).unwrap());
    serde_json::to_value(stream.finish()).unwrap()
}

fn whole(document: &[u8], files: &[(String, Vec<u8>)], options: &Options) -> Value {
    let inputs: Vec<SignatureFile<'_>> = files.iter().map(|(n, b)| SignatureFile { name: n, bytes: b }).collect();
    serde_json::to_value(check(document, &inputs, options)).unwrap()
}

#[test]
fn every_fixture_streams_to_the_same_report() {
    for (case, document_name, signature_name) in cases() {
        let document = common::case_document(&case, &document_name);
        let signature = std::fs::read(common::signatures().join(&case).join(&signature_name)).unwrap();
        let files = vec![(signature_name.clone(), signature)];
        let big = document.len() > 1_000_000;
        let chunks: &[usize] = if big { &[65_536, 1_000_003] } else { &[1, 7, 4096, usize::MAX] };
        for with_tsl in [true, false] {
            let options = common::options(with_tsl);
            let want = whole(&document, &files, &options);
            for &chunk in chunks {
                let got = streamed(&document, &files, &options, chunk.min(document.len().max(1)), chunk == 7);
                assert_eq!(got, want, "{case}, tsl {with_tsl}, chunks of {chunk}");
            }
        }
    }
}

#[test]
fn several_files_need_each_their_digest() {
    let dir = common::signatures();
    let document = std::fs::read(dir.join("13-rsa-signer/document.pdf")).unwrap();
    let mut files = Vec::new();
    for case in ["13-rsa-signer", "15-gost2012-512-employer", "16-gost2001-signer", "01-qualified-person-der"] {
        files.push((format!("{case}.sig"), std::fs::read(dir.join(case).join("document.pdf.sig")).unwrap()));
    }
    files.push(("garbage.sig".to_owned(), b"garbage".to_vec()));
    let stream = DocumentStream::new(files.clone(), common::options(true));
    let mut algorithms = stream.algorithms();
    algorithms.sort_by_key(|a| a.name());
    assert_eq!(
        algorithms,
        [
            DigestAlgorithm::Gost94CryptoPro,
            DigestAlgorithm::Sha256,
            DigestAlgorithm::Streebog256,
            DigestAlgorithm::Streebog512
        ]
    );
    for with_tsl in [true, false] {
        let options = common::options(with_tsl);
        assert_eq!(streamed(&document, &files, &options, 1000, false), whole(&document, &files, &options));
    }
}

#[test]
fn empty_and_oversize_documents_stream_like_check() {
    let dir = common::signatures();
    let signature = std::fs::read(dir.join("01-qualified-person-der/document.pdf.sig")).unwrap();
    let document = std::fs::read(dir.join("01-qualified-person-der/document.pdf")).unwrap();
    let files = vec![("document.pdf.sig".to_owned(), signature)];
    let mut options = common::options(true);
    assert_eq!(streamed(b"", &files, &options, 10, false), whole(b"", &files, &options));
    // Over the input limit the stream keeps no copy and still verifies the signature.
    options.limits.max_input_bytes = u64::try_from(document.len() / 2).unwrap();
    let got = streamed(&document, &files, &options, 999, true);
    assert_eq!(got, whole(&document, &files, &options));
    assert_eq!(got["errors"][0]["code"], "INPUT_TOO_LARGE");
    assert_eq!(got["signatures"][0]["signers"][0]["signature_valid"], true);
}

#[test]
#[cfg(not(target_arch = "wasm32"))]
fn hashing_in_a_thread_gives_the_same_reports() {
    for (case, document_name, signature_name) in cases() {
        let document = common::case_document(&case, &document_name);
        let signature = std::fs::read(common::signatures().join(&case).join(&signature_name)).unwrap();
        let files = vec![(signature_name.clone(), signature)];
        let options = common::options(true);
        let mut stream = DocumentStream::new(files.clone(), options.clone()).hash_in_thread();
        let algorithms = stream.algorithms();
        for piece in document.chunks(65_536) {
            stream.push(piece);
        }
        // Too late to move the hashing: nothing changes.
        let stream = stream.hash_in_thread();
        assert_eq!(stream.algorithms(), algorithms);
        let got = serde_json::to_value(stream.finish()).unwrap();
        assert_eq!(got, whole(&document, &files, &options), "{case}");
    }
}
