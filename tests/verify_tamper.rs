//! Issue 6's property: changing any single byte of the document, of the signedAttrs or of the
//! signature value makes that signer invalid (or the file unreadable, which makes the whole file
//! invalid). Every byte position of the signedAttrs and of the signature value is changed, and
//! a few hundred positions of the document, each by XOR with a deterministic non-zero byte.
//! The other signers of a readable file stay valid: signers do not depend on each other.
//!
//! To keep the debug run short (a GOST verification there costs milliseconds):
//! - the changed files of one case go into one `check()` call as many signature files over the
//!   same document (one PDF check, one document digest), with the unchanged file first as a
//!   control;
//! - the chain search is given no signature checks (`max_signature_checks = 0`): the chain is
//!   not what is tested here, and the control shows the signer is valid without it;
//! - in the two-signer case, a change of the first signer's bytes and one of the second's go
//!   into the same file when each alone leaves the file readable (each signer's verdict shows
//!   its own change, by the independence above, which the unpaired changes test).
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
        100
    }
}

fn options() -> Options {
    let mut options = verify_common::options(false);
    options.limits = Limits { max_signature_checks: 0, ..Limits::default() };
    options
}

/// One changed file: its label, its bytes, and the signers the changes are in.
struct Variant {
    label: String,
    bytes: Vec<u8>,
    changed: Vec<usize>,
}

/// What a changed file came to (for the summary), or why it breaks the property.
fn outcome(s: &SignatureReport, changed: &[usize], signers: usize) -> Result<String, String> {
    if s.parse != "ok" {
        if s.kind != Kind::Invalid {
            return Err(format!("unreadable but {:?}", s.kind));
        }
        return Ok(format!("unreadable {}", s.error.as_ref().map_or("?", |e| e.code.as_str())));
    }
    if s.signers.len() != signers {
        return Err(format!("{} signers instead of {signers}", s.signers.len()));
    }
    if s.kind != Kind::Invalid {
        return Err(format!("file kind {:?}", s.kind));
    }
    let mut what = Vec::new();
    for (index, g) in s.signers.iter().enumerate() {
        let invalid = g.kind == Some(Kind::Invalid);
        if changed.contains(&index) {
            if !invalid {
                return Err(format!("signer {index} is {:?}", g.kind));
            }
            what.push(g.reasons.iter().find(|r| !r.ok).map_or("?", |r| r.message.code.as_str()).to_owned());
        } else if invalid {
            return Err(format!("signer {index} became invalid too: {:?}", g.reasons));
        }
    }
    Ok(format!("invalid {}", what.join("+")))
}

/// Runs `variants` through `check()` in batches, each with the unchanged signature first.
fn run(case: &str, document: &[u8], original: &[u8], variants: &[Variant]) {
    let options = options();
    let signers = cms::parse(original, &Limits::default()).unwrap().signers.len();
    // Keep each call within the default bound on signers.
    let per_call = usize::from(options.limits.max_signers) / signers - 1;
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for chunk in variants.chunks(per_call) {
        let mut files = vec![SignatureFile { name: "original", bytes: original }];
        files.extend(chunk.iter().map(|v| SignatureFile { name: &v.label, bytes: &v.bytes }));
        let report = check(document, &files, &options);
        let control = &report.signatures[0];
        assert!(
            control.signers.iter().all(|g| g.kind != Some(Kind::Invalid)),
            "{case}: the unchanged signature is invalid: {:?}",
            control.signers.iter().map(|g| &g.reasons).collect::<Vec<_>>()
        );
        for (s, v) in report.signatures[1..].iter().zip(chunk) {
            match outcome(s, &v.changed, signers) {
                Ok(what) => *tally.entry(what).or_default() += 1,
                Err(why) => failures.push(format!("{case} {}: {why}", v.label)),
            }
        }
    }
    assert!(failures.is_empty(), "{} undetected changes:\n{}", failures.len(), failures.join("\n"));
    eprintln!("{case}: {} files: {tally:?}", variants.len());
}

#[derive(Clone, Copy, Debug)]
enum Region {
    Signature,
    SignedAttrs,
}

/// Every position of `region` of each signer, as (signer, file offset, XOR value).
fn positions(case: &str, original: &[u8], region: Region, rng: &mut Rng) -> Vec<Vec<(usize, usize, u8)>> {
    let parsed = cms::parse(original, &Limits::default()).unwrap();
    parsed
        .signers
        .iter()
        .enumerate()
        .map(|(index, signer)| {
            let bytes = match region {
                Region::Signature => signer.signature.as_slice(),
                Region::SignedAttrs => signer.signed_attrs.as_ref().expect("signedAttrs").received.as_slice(),
            };
            let start = find(original, bytes).unwrap_or_else(|| panic!("{case}: {region:?} not found in the file"));
            assert_eq!(find(&original[start + 1..], bytes), None, "{case}: {region:?} is not unique");
            (0..bytes.len()).map(|offset| (index, start + offset, rng.flip())).collect()
        })
        .collect()
}

fn apply(original: &[u8], changes: &[(usize, usize, u8)]) -> Variant {
    let mut bytes = original.to_vec();
    for (_, at, flip) in changes {
        bytes[*at] ^= flip;
    }
    let label = changes.iter().map(|(signer, at, _)| format!("signer {signer} byte {at}")).collect::<Vec<_>>();
    Variant { label: label.join(" + "), bytes, changed: changes.iter().map(|c| c.0).collect() }
}

/// Every byte of the signedAttrs or of the signature value of every signer, changed.
fn signer_bytes(case: &str, region: Region) {
    let document = fixture(case, "document.pdf");
    let original = fixture(case, "document.pdf.sig");
    let mut rng = Rng(0x5eed ^ (original.len() as u64) << 8 ^ region as u64);
    let per_signer = positions(case, &original, region, &mut rng);
    let readable =
        |change: &(usize, usize, u8)| cms::parse(&apply(&original, &[*change]).bytes, &Limits::default()).is_ok();
    // Changes that leave the file readable, per signer, paired across signers; the rest alone.
    let mut variants = Vec::new();
    let mut queues: Vec<Vec<(usize, usize, u8)>> = Vec::new();
    for changes in per_signer {
        let (pairable, alone): (Vec<_>, Vec<_>) = changes.into_iter().partition(|c| readable(c));
        variants.extend(alone.iter().map(|c| apply(&original, &[*c])));
        queues.push(pairable);
    }
    let longest = queues.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..longest {
        let group: Vec<_> = queues.iter().filter_map(|q| q.get(i).copied()).collect();
        let paired = apply(&original, &group);
        if group.len() > 1 && cms::parse(&paired.bytes, &Limits::default()).is_err() {
            variants.extend(group.iter().map(|c| apply(&original, &[*c])));
        } else {
            variants.push(paired);
        }
    }
    run(case, &document, &original, &variants);
}

/// A few hundred document positions (the first and last bytes among them), changed.
fn document_bytes(case: &str) {
    let document = fixture(case, "document.pdf");
    let signature = fixture(case, "document.pdf.sig");
    let signers = cms::parse(&signature, &Limits::default()).unwrap().signers.len();
    let options = options();
    let mut rng = Rng(0xd0c ^ document.len() as u64);
    let count = document_positions(case);
    let mut positions = vec![0, document.len() / 2, document.len() - 1];
    positions.extend((0..count - positions.len()).map(|_| rng.below(document.len())));
    let every: Vec<usize> = (0..signers).collect();
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    for position in positions {
        let mut changed = document.clone();
        changed[position] ^= rng.flip();
        let report = check(&changed, &[SignatureFile { name: "test.sig", bytes: &signature }], &options);
        let what = outcome(&report.signatures[0], &every, signers)
            .unwrap_or_else(|why| panic!("{case} document[{position}]: {why}"));
        *tally.entry(what).or_default() += 1;
    }
    eprintln!("{case} document: {count} changes: {tally:?}");
}

macro_rules! cases {
    ($($name:ident: $case:literal;)*) => {
        mod signed_attrs {
            use super::*;
            $(#[test] fn $name() { signer_bytes($case, Region::SignedAttrs) })*
        }
        mod signature_value {
            use super::*;
            $(#[test] fn $name() { signer_bytes($case, Region::Signature) })*
        }
        mod document {
            use super::*;
            $(#[test] fn $name() { document_bytes($case) })*
        }
    };
}

cases! {
    c01_der: "01-qualified-person-der";
    c02_ber: "02-qualified-employer-ber";
    c05_two_signers: "05-two-signers";
    c13_rsa: "13-rsa-signer";
    c14_ecdsa: "14-ecdsa-signer";
    c15_gost2012_512: "15-gost2012-512-employer";
    c16_gost2001: "16-gost2001-signer";
}

// Case 07 has no signedAttrs: the signature is over the document's digest.
#[test]
fn c07_no_signed_attributes_signature_value() {
    signer_bytes("07-no-signed-attributes", Region::Signature);
}

#[test]
fn c07_no_signed_attributes_document() {
    document_bytes("07-no-signed-attributes");
}
