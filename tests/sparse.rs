//! A streaming check that leaves image data out of its copy gives the report `check()` gives on
//! the whole document, or says it needs the whole document: on every signature fixture (the
//! 14.5 MB scan of case 19 above all) and every PDF of the veraPDF corpus here, whatever the
//! chunk size.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use ekdo_check::stream::DocumentStream;
use ekdo_check::{check, Options, SignatureFile};
use serde_json::Value;

/// Signature files: (name, bytes).
type Files = Vec<(String, Vec<u8>)>;

/// What a sifted stream gave: the report, or `None` when it asked for the whole document; and
/// the bytes it left out.
fn sifted(
    document: &[u8],
    files: &[(String, Vec<u8>)],
    options: &Options,
    chunk: usize,
    min: usize,
) -> (Option<Value>, u64) {
    let mut stream = DocumentStream::new(files.to_vec(), options.clone());
    let size = u64::try_from(document.len()).unwrap();
    assert!(stream.leave_out_images(size, min));
    for (i, piece) in document.chunks(chunk.max(1)).enumerate() {
        if i % 2 == 0 {
            stream.push(piece);
        } else {
            stream.push_with(piece.len(), |offset, slot| slot.copy_from_slice(&piece[offset..offset + slot.len()]));
        }
    }
    let left_out = stream.left_out();
    if stream.needs_whole() {
        return (None, left_out);
    }
    (Some(serde_json::to_value(stream.finish()).unwrap()), left_out)
}

fn whole(document: &[u8], files: &[(String, Vec<u8>)], options: &Options) -> Value {
    let inputs: Vec<SignatureFile<'_>> = files.iter().map(|(n, b)| SignatureFile { name: n, bytes: b }).collect();
    serde_json::to_value(check(document, &inputs, options)).unwrap()
}

/// Case 19: the 14.5 MB scan, its signature, the options.
fn big_scan() -> (Vec<u8>, Files, Options) {
    let dir = common::signatures();
    let document = common::case_document("19-big-under-limit", "big-under-limit.pdf");
    let signature = std::fs::read(dir.join("19-big-under-limit/document.pdf.sig")).unwrap();
    (document, vec![("document.pdf.sig".to_owned(), signature)], common::options(true))
}

#[test]
fn the_big_scan_is_checked_without_its_image_data() {
    let (document, files, options) = big_scan();
    let want = whole(&document, &files, &options);
    for chunk in [65_536, 262_144, 1_000_003] {
        let (got, left_out) = sifted(&document, &files, &options, chunk, ekdo_check::pdf::sparse::MIN_LEFT_OUT);
        assert_eq!(got.as_ref(), Some(&want), "chunks of {chunk}");
        // All of the image but what arrived with its dictionary and the margins.
        assert!(left_out > 14_000_000, "{left_out} bytes left out, chunks of {chunk}");
    }
}

#[test]
fn every_fixture_and_corpus_file_gives_the_same_report_or_asks_for_the_whole() {
    let mut documents: Vec<(String, Vec<u8>, Files)> = Vec::new();
    let dir = common::signatures();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let case = entry.unwrap().path();
        let expected = case.join("expected.json");
        if !expected.exists() {
            continue;
        }
        let v: Value = serde_json::from_slice(&std::fs::read(expected).unwrap()).unwrap();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let document = common::case_document(&name, v["document"].as_str().unwrap());
        if document.len() > 1_000_000 {
            continue;
        }
        let signature_name = v["signature"].as_str().unwrap().to_owned();
        let signature = std::fs::read(case.join(&signature_name)).unwrap();
        documents.push((name, document, vec![(signature_name, signature)]));
    }
    let mut corpus = common::pdfs(&common::data().join("verapdf"));
    corpus.sort();
    for path in corpus {
        documents.push((path.display().to_string(), std::fs::read(&path).unwrap(), Vec::new()));
    }
    let options = common::options(false);
    let (mut same, mut asked, mut kept_all) = (0, 0, 0);
    for (name, document, files) in &documents {
        let want = whole(document, files, &options);
        for chunk in [7, 4096, usize::MAX] {
            match sifted(document, files, &options, chunk, 129) {
                (Some(got), left_out) => {
                    assert_eq!(got, want, "{name}, chunks of {chunk}");
                    same += usize::from(left_out > 0);
                    kept_all += usize::from(left_out == 0);
                }
                (None, left_out) => {
                    assert!(left_out > 0, "{name} asked for the whole document with nothing left out");
                    asked += 1;
                }
            }
        }
    }
    // Files without large images keep everything; the corpus's one image was left out (in
    // chunks small enough to see its dictionary first) and gave the same report.
    assert!(same >= 1 && kept_all >= 900, "{same} left data out, {kept_all} kept all, {asked} asked for the whole");
}

#[test]
fn with_every_digest_handed_over_only_the_kept_parts_are_asked_for() {
    use ekdo_check::crypto::DigestAlgorithm;
    let (document, files, options) = big_scan();
    let mut stream = DocumentStream::new(files.clone(), options.clone());
    assert!(stream.hand_over_sha256());
    let handed = stream.hand_over(|_| true);
    assert!(stream.leave_out_image_data(u64::try_from(document.len()).unwrap()));
    let mut asked = 0;
    for (i, piece) in document.chunks(65_536).enumerate() {
        stream.push_with(piece.len(), |offset, slot| {
            asked += slot.len();
            slot.copy_from_slice(&piece[offset..offset + slot.len()]);
        });
        // Given back before the end: the check cannot use a digest of part of the document.
        if i == 3 {
            assert!(stream.needs_whole());
        }
    }
    assert!(asked < 600_000, "{asked} bytes asked for");
    // Not given back yet: the digests would have to be computed over the copy.
    assert!(stream.needs_whole());
    let sha256: [u8; 32] = DigestAlgorithm::Sha256.digest(&document).try_into().unwrap();
    stream.give_sha256(sha256);
    for algorithm in handed {
        assert!(stream.give_digest(algorithm, algorithm.digest(&document)));
    }
    assert!(!stream.needs_whole());
    assert_eq!(serde_json::to_value(stream.finish()).unwrap(), whole(&document, &files, &options));
}

#[test]
fn a_stream_that_needs_the_whole_document_says_so_in_its_report() {
    let (document, files, options) = big_scan();
    let mut stream = DocumentStream::new(files, options);
    let _ = stream.hand_over(|_| true);
    assert!(stream.leave_out_image_data(u64::try_from(document.len()).unwrap()));
    for piece in document.chunks(65_536) {
        stream.push(piece);
    }
    assert!(stream.needs_whole());
    let report = serde_json::to_value(stream.finish()).unwrap();
    assert_eq!(report["document"]["pdfa"]["verdict"], "undecided");
    assert_eq!(report["ready"], false);
    let codes: Vec<&str> = report["errors"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"DOCUMENT_NEEDED_WHOLE"), "{codes:?}");
    // The digest was not given back: the signer's digest is unchecked, not a mismatch.
    let signer = &report["signatures"][0]["signers"][0];
    assert_eq!(signer["digest_matches"], Value::Null, "{signer}");
}
