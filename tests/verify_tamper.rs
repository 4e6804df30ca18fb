//! Issue 6's property: changing any single byte of the document, of the signedAttrs or of the
//! signature value makes that signer invalid (or the file unreadable, which makes the whole file
//! invalid). Every byte position of the signedAttrs and of the signature value is changed, and
//! a few hundred positions of the document, each by XOR with a deterministic non-zero byte.
//!
//! To keep the debug run short, the changed files of one case go into one `check()` call as
//! many signature files over the same document (one PDF check, one document digest), and the
//! chain search is given no signature checks (`max_signature_checks = 0`): the chain is not what
//! is tested here, and the unchanged file in every call shows the signer is valid without it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions, missing_docs)]

mod verify_common;

use std::collections::BTreeMap;

use ekdo_check::cms;
use ekdo_check::report::SignatureReport;
use ekdo_check::{check, Kind, Limits, Options, SignatureFile};
use verify_common::{find, fixture, Rng};

/// Positions of the document changed per case: more where the document is hashed straight
/// into the signature value (no signedAttrs), fewer where only the messageDigest attribute sees
/// it (every position there ends in the same digest comparison).
fn document_positions(case: &str) -> usize {
    if case.starts_with("07-") {
        300
    } else {
        120
    }
}

fn options() -> Options {
    let mut options = verify_common::options(false);
    options.limits = Limits { max_signature_checks: 0, ..Limits::default() };
    options
}

/// What a changed file came to, for the summary.
fn outcome(s: &SignatureReport, signer: usize) -> Result<String, String> {
    if s.parse != "ok" {
        assert_eq!(s.kind, Kind::Invalid);
        return Ok(format!("unreadable {}", s.error.as_ref().map_or("?", |e| e.code.as_str())));
    }
    let Some(g) = s.signers.get(signer) else {
        return Err(format!("signer {signer} missing: {} signers", s.signers.len()));
    };
    if g.kind != Some(Kind::Invalid) || s.kind != Kind::Invalid {
        return Err(format!("signer kind {:?}, file kind {:?}", g.kind, s.kind));
    }
    let first_failed = g.reasons.iter().find(|r| !r.ok).map_or("?", |r| r.message.code.as_str());
    Ok(format!("invalid {first_failed}"))
}

/// Runs `variants` (label, signature bytes) through `check()` in batches, each batch with the
/// unchanged signature first as a control; every variant must make signer `signer` invalid.
fn run_batch(case: &str, document: &[u8], original: &[u8], signer: usize, variants: &[(String, Vec<u8>)]) {
    let options = options();
    let signers = cms::parse(original, &Limits::default()).unwrap().signers.len();
    // Keep each call within the default bound on signers.
    let per_call = usize::from(options.limits.max_signers) / signers - 1;
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for chunk in variants.chunks(per_call) {
        let mut files = vec![SignatureFile { name: "original", bytes: original }];
        files.extend(chunk.iter().map(|(label, bytes)| SignatureFile { name: label, bytes }));
        let report = check(document, &files, &options);
        let control = &report.signatures[0];
        assert!(
            control.signers.iter().all(|g| g.kind != Some(Kind::Invalid)),
            "{case}: the unchanged signature is invalid: {:?}",
            control.signers.iter().map(|g| &g.reasons).collect::<Vec<_>>()
        );
        for (s, (label, _)) in report.signatures[1..].iter().zip(chunk) {
            match outcome(s, signer) {
                Ok(what) => *tally.entry(what).or_default() += 1,
                Err(why) => failures.push(format!("{case} {label}: {why}")),
            }
            // The other signers of a readable file do not depend on this signer's bytes.
            if s.parse == "ok" && s.signers.len() == signers {
                for (other, g) in s.signers.iter().enumerate().filter(|(i, _)| *i != signer) {
                    if g.kind == Some(Kind::Invalid) {
                        failures.push(format!("{case} {label}: signer {other} became invalid too"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} undetected changes:\n{}", failures.len(), failures.join("\n"));
    eprintln!("{case} signer {signer}: {} changes: {tally:?}", variants.len());
}

#[derive(Clone, Copy, Debug)]
enum Region {
    Signature,
    SignedAttrs,
}

/// Every byte of the signedAttrs or of the signature value of signer `index`, changed.
fn signer_bytes(case: &str, file: &str, index: usize, region: Region) {
    let document = fixture(case, "document.pdf");
    let original = fixture(case, file);
    let parsed = cms::parse(&original, &Limits::default()).unwrap();
    let signer = &parsed.signers[index];
    let bytes = match region {
        Region::Signature => signer.signature.as_slice(),
        Region::SignedAttrs => signer.signed_attrs.as_ref().expect("signedAttrs").received.as_slice(),
    };
    let start = find(&original, bytes).unwrap_or_else(|| panic!("{case}: {region:?} not found in the file"));
    assert_eq!(find(&original[start + 1..], bytes), None, "{case}: {region:?} is not unique");
    let mut rng = Rng(0x5eed ^ (original.len() as u64) << 8 ^ index as u64);
    let variants: Vec<(String, Vec<u8>)> = (0..bytes.len())
        .map(|offset| {
            let mut changed = original.clone();
            changed[start + offset] ^= rng.flip();
            (format!("{region:?}[{offset}]"), changed)
        })
        .collect();
    run_batch(case, &document, &original, index, &variants);
}

/// A few hundred document positions (the first and last bytes among them), changed.
fn document_bytes(case: &str, file: &str) {
    let document = fixture(case, "document.pdf");
    let signature = fixture(case, file);
    let signers = cms::parse(&signature, &Limits::default()).unwrap().signers.len();
    let options = options();
    let mut rng = Rng(0xd0c ^ document.len() as u64);
    let count = document_positions(case);
    let mut positions = vec![0, document.len() / 2, document.len() - 1];
    positions.extend((0..count - positions.len()).map(|_| rng.below(document.len())));
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    for position in positions {
        let mut changed = document.clone();
        changed[position] ^= rng.flip();
        let report = check(&changed, &[SignatureFile { name: file, bytes: &signature }], &options);
        let s = &report.signatures[0];
        for signer in 0..signers {
            let what = outcome(s, signer).unwrap_or_else(|why| panic!("{case} document[{position}]: {why}"));
            *tally.entry(what).or_default() += 1;
        }
    }
    eprintln!("{case} document: {count} changes: {tally:?}");
}

const SIG: &str = "document.pdf.sig";

macro_rules! signer_cases {
    ($($name:ident: $case:literal, $index:literal, $region:ident;)*) => {
        $(#[test] fn $name() { signer_bytes($case, SIG, $index, Region::$region) })*
    };
}

macro_rules! document_cases {
    ($($name:ident: $case:literal;)*) => {
        $(#[test] fn $name() { document_bytes($case, SIG) })*
    };
}

signer_cases! {
    c01_der_signed_attrs: "01-qualified-person-der", 0, SignedAttrs;
    c01_der_signature: "01-qualified-person-der", 0, Signature;
    c02_ber_signed_attrs: "02-qualified-employer-ber", 0, SignedAttrs;
    c02_ber_signature: "02-qualified-employer-ber", 0, Signature;
    c05_first_signer_signed_attrs: "05-two-signers", 0, SignedAttrs;
    c05_first_signer_signature: "05-two-signers", 0, Signature;
    c05_second_signer_signed_attrs: "05-two-signers", 1, SignedAttrs;
    c05_second_signer_signature: "05-two-signers", 1, Signature;
    c07_no_signed_attributes_signature: "07-no-signed-attributes", 0, Signature;
    c13_rsa_signed_attrs: "13-rsa-signer", 0, SignedAttrs;
    c13_rsa_signature: "13-rsa-signer", 0, Signature;
    c14_ecdsa_signed_attrs: "14-ecdsa-signer", 0, SignedAttrs;
    c14_ecdsa_signature: "14-ecdsa-signer", 0, Signature;
    c15_gost2012_512_signed_attrs: "15-gost2012-512-employer", 0, SignedAttrs;
    c15_gost2012_512_signature: "15-gost2012-512-employer", 0, Signature;
    c16_gost2001_signed_attrs: "16-gost2001-signer", 0, SignedAttrs;
    c16_gost2001_signature: "16-gost2001-signer", 0, Signature;
}

document_cases! {
    c01_der_document: "01-qualified-person-der";
    c02_ber_document: "02-qualified-employer-ber";
    c05_two_signers_document: "05-two-signers";
    c07_no_signed_attributes_document: "07-no-signed-attributes";
    c13_rsa_document: "13-rsa-signer";
    c14_ecdsa_document: "14-ecdsa-signer";
    c15_gost2012_512_document: "15-gost2012-512-employer";
    c16_gost2001_document: "16-gost2001-signer";
}
