//! Chain building through `check()`: an intermediate CA carried in the CMS, roots and
//! intermediates without basicConstraints, a self-signed signer the caller trusts, a
//! cross-signed cycle, a chain longer than `Limits::max_intermediates`, and thousands of
//! candidate issuers with the right name and the wrong key. Each case must end quickly; the
//! 5-second bounds are hang guards only (timings belong to benchmarks).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, missing_docs)]

mod verify_common;

use std::time::{Duration, Instant};

use ekdo_check::{Kind, Limits, Options};
use verify_common::*;

const HANG_GUARD: Duration = Duration::from_secs(5);

fn at_verify() -> Options {
    let mut options = options(false);
    options.at = time("2026-12-01T00:00:00Z");
    options
}

fn chain_subjects(signer: &ekdo_check::report::SignerReport) -> Vec<String> {
    signer.details.chain.iter().map(|c| c.subject.clone()).collect()
}

fn chain_reason(signer: &ekdo_check::report::SignerReport) -> (String, bool) {
    let r = signer.reasons.iter().find(|r| r.message.code.starts_with("CHAIN_") || r.message.code == "LIMIT_BUDGET");
    r.map(|r| (r.message.code.clone(), r.ok)).unwrap()
}

#[test]
fn intermediate_in_the_cms_and_root_from_the_caller() {
    let document = document();
    let signature = verify_data("sigs/ivanov-chain.sig");
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true));
    let chain = chain_subjects(signer);
    assert_eq!(chain.len(), 3);
    assert!(chain[1].starts_with("CN=Тестовый УЦ «Ладога» 2026"), "{chain:?}");
    assert!(chain[2].starts_with("CN=Тестовый корневой УЦ «Ладога»"), "{chain:?}");
    let valid = signer.reasons.iter().find(|r| r.message.code == "CHAIN_VALID").unwrap();
    assert_eq!(valid.message.args["source"], "caller");
    assert_eq!(valid.message.args["anchor"], "Тестовый корневой УЦ «Ладога»");
    assert_eq!(kind(signer), Kind::QualifiedUnconfirmed);

    // The intermediate alone is no anchor: the root is unknown, the chain undecided.
    let report = check_one(&document, &signature, &at_verify());
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, None);
    assert_eq!(chain_reason(signer), ("CHAIN_NO_ISSUER".to_owned(), false));
    // The intermediate trusted by the caller: a path of two.
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/inter.pem")];
    let report = check_one(&document, &signature, &options);
    assert_eq!(only_signer(&report).details.chain.len(), 2);
    // At a time the intermediate was not valid yet (a signature claiming 2025): broken.
    let key = signing_key("verify/keys/ivanov.key.pem");
    let cert = verify_cert("ivanov");
    let mut builder = Builder::new(&key, &cert, &document);
    builder.extra_certs = vec![verify_cert("inter").der];
    builder.signing_time = Some("2025-12-31T23:00:00Z");
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    let report = check_one(&document, &builder.build(), &options);
    let signer = only_signer(&report);
    assert!(has_reason(signer, "CERT_NOT_YET_VALID", false));
    assert_eq!(chain_reason(signer), ("CHAIN_CERTIFICATE_NOT_YET_VALID".to_owned(), false));
    assert_eq!(kind(signer), Kind::Invalid);
}

#[test]
fn roots_and_intermediates_without_basic_constraints() {
    let document = document();
    // An old root without basicConstraints is a trust anchor when the caller gives it.
    let petrova = verify_data("sigs/petrova-nobc-root.sig");
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/nobc-root.pem")];
    let report = check_one(&document, &petrova, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true), "{:?}", reasons(signer));
    assert!(!signer.details.chain[1].is_ca, "no basicConstraints");
    assert_eq!(kind(signer), Kind::QualifiedUnconfirmed);

    // An intermediate without basicConstraints is not a CA: the chain is broken.
    let sergeev = verify_data("sigs/sergeev-nobc-inter.sig");
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    let report = check_one(&document, &sergeev, &options);
    let signer = only_signer(&report);
    let not_ca = signer.reasons.iter().find(|r| r.message.code == "CHAIN_NOT_CA").unwrap();
    assert!(!not_ca.ok);
    assert!(not_ca.message.args["subject"].contains("Промежуточный УЦ без basicConstraints"));
    assert_eq!(signer.details.chain_valid, Some(false));
    assert_eq!(kind(signer), Kind::Invalid);
    // The same certificate given by the caller as a trust anchor is accepted as one.
    options.ca_certificates.push(verify_data("certs/nobc-inter.pem"));
    let report = check_one(&document, &sergeev, &options);
    assert_eq!(only_signer(&report).details.chain_valid, Some(true));
}

#[test]
fn a_self_signed_signer_the_caller_trusts() {
    let document = document();
    let key = signing_key("verify/keys/nobc-root.key.pem");
    let cert = verify_cert("nobc-root");
    let signature = Builder::new(&key, &cert, &document).build();
    let report = check_one(&document, &signature, &at_verify());
    let signer = only_signer(&report);
    assert_eq!(chain_reason(signer), ("CHAIN_UNTRUSTED_ROOT".to_owned(), false));
    assert_eq!(signer.details.chain_valid, None);

    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/nobc-root.pem")];
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true), "{:?}", reasons(signer));
    assert_eq!(signer.details.chain.len(), 1);
    assert_eq!(chain_reason(signer), ("CHAIN_VALID".to_owned(), true));
}

/// The keys of the test PKI with their certificates (for their SPKIs).
fn keys() -> Vec<(ekdo_check::crypto::gost::SigningKey, ekdo_check::cms::Certificate)> {
    ["root", "inter", "nobc-root", "nobc-inter", "tsa"]
        .iter()
        .map(|name| (signing_key(&format!("verify/keys/{name}.key.pem")), verify_cert(name)))
        .collect()
}

/// A signature by ivanov's key over the document, its certificate `Leaf` issued by `issuer`
/// with `issuer_key`, carrying `extra` certificates.
fn leaf_signature(
    document: &[u8],
    issuer: &str,
    issuer_key: &ekdo_check::crypto::gost::SigningKey,
    extra: Vec<Vec<u8>>,
) -> Vec<u8> {
    let key = signing_key("verify/keys/ivanov.key.pem");
    let mut leaf = CertBuilder::ca("Leaf", issuer, &verify_cert("ivanov"), 7);
    leaf.ca = None;
    leaf.not_before = "2026-11-01T00:00:00Z".to_owned();
    let leaf = parse_cert(&leaf.sign(issuer_key));
    let mut builder = Builder::new(&key, &leaf, document);
    builder.extra_certs = extra;
    builder.build()
}

#[test]
fn cross_signed_cycle_ends() {
    let document = document();
    let k = keys();
    // A is issued by B and B by A; the leaf by A. Nothing leads to an anchor.
    let a = CertBuilder::ca("A", "B", &k[1].1, 1).sign(&k[3].0);
    let b = CertBuilder::ca("B", "A", &k[3].1, 2).sign(&k[1].0);
    let signature = leaf_signature(&document, "A", &k[1].0, vec![a.clone(), b.clone()]);
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    let start = Instant::now();
    let report = check_one(&document, &signature, &options);
    assert!(start.elapsed() < HANG_GUARD);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, None, "{:?}", reasons(signer));
    assert_eq!(chain_reason(signer), ("CHAIN_NO_ISSUER".to_owned(), false));

    // A second A, issued by the root: the path goes round the cycle no more than once.
    let a_by_root = CertBuilder::ca("A", "Тестовый корневой УЦ «Ладога»", &k[1].1, 3);
    let mut a_by_root = a_by_root;
    a_by_root.issuer_der = verify_cert("root").subject_der.clone();
    let a_by_root = a_by_root.sign(&k[0].0);
    let signature = leaf_signature(&document, "A", &k[1].0, vec![a, b, a_by_root]);
    let start = Instant::now();
    let report = check_one(&document, &signature, &options);
    assert!(start.elapsed() < HANG_GUARD);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true), "{:?}", reasons(signer));
    let chain = chain_subjects(signer);
    assert_eq!(chain.first().map(String::as_str), Some("CN=Leaf"));
    assert!(chain.last().unwrap().contains("Тестовый корневой УЦ «Ладога»"), "{chain:?}");
    assert!(chain.len() <= 5, "{chain:?}");
}

/// root -> I1 -> ... -> In -> Leaf, the intermediates in the CMS.
fn long_chain(document: &[u8], n: usize) -> Vec<u8> {
    constrained_chain(document, n, None)
}

/// A chain of `n` intermediates under the test root; the first (under the root) has
/// pathLenConstraint `path_len`.
fn constrained_chain(document: &[u8], n: usize, path_len: Option<u8>) -> Vec<u8> {
    let k = keys();
    let mut certs = Vec::new();
    let mut issuer = verify_cert("root").subject_der.clone();
    let mut issuer_key = 0;
    for i in 1..=n {
        let key = 1 + i % (k.len() - 1);
        let mut c = CertBuilder::ca(&format!("I{i}"), "-", &k[key].1, u16::try_from(100 + i).unwrap());
        c.issuer_der = issuer;
        if i == 1 {
            c.path_len = path_len;
        }
        certs.push(c.sign(&k[issuer_key].0));
        issuer = cn_name(&format!("I{i}"));
        issuer_key = key;
    }
    leaf_signature(document, &format!("I{n}"), &k[issuer_key].0, certs)
}

#[test]
fn chains_longer_than_the_limit_are_undecided() {
    let document = document();
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    let limit = usize::from(Limits::default().max_intermediates);
    let within = long_chain(&document, limit);
    let start = Instant::now();
    let report = check_one(&document, &within, &options);
    assert!(start.elapsed() < HANG_GUARD);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true), "{:?}", reasons(signer));
    assert_eq!(signer.details.chain.len(), limit + 2);

    let beyond = long_chain(&document, limit + 2);
    let start = Instant::now();
    let report = check_one(&document, &beyond, &options);
    assert!(start.elapsed() < HANG_GUARD);
    let signer = only_signer(&report);
    assert_eq!(chain_reason(signer), ("CHAIN_TOO_LONG".to_owned(), false));
    assert_eq!(signer.details.chain_valid, None, "a bound ran out: undecided, not broken");
    assert_ne!(kind(signer), Kind::Invalid);
    // A smaller bound, chosen by the caller, applies the same way.
    options.limits.max_intermediates = 2;
    let report = check_one(&document, &within, &options);
    assert_eq!(chain_reason(only_signer(&report)), ("CHAIN_TOO_LONG".to_owned(), false));
}

#[test]
fn path_length_constraints_are_enforced() {
    let document = document();
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    // I1 (pathLen n) → I2 → I3 → leaf: two intermediate CAs below I1.
    for (path_len, valid) in [(None, true), (Some(2), true), (Some(5), true), (Some(1), false), (Some(0), false)] {
        let signature = constrained_chain(&document, 3, path_len);
        let report = check_one(&document, &signature, &options);
        let signer = only_signer(&report);
        assert_eq!(signer.details.chain_valid, Some(valid), "pathLen {path_len:?}: {:?}", reasons(signer));
        if !valid {
            let reason = signer.reasons.iter().find(|r| r.message.code == "CHAIN_PATH_LENGTH").unwrap();
            assert!(!reason.ok);
            assert_eq!(reason.message.args["limit"], path_len.unwrap().to_string());
            assert_eq!(reason.message.args["count"], "2");
            assert!(reason.message.args["subject"].contains("I1"));
            assert_eq!(kind(signer), Kind::Invalid);
        }
    }
}

#[test]
fn a_revoked_intermediate_ca_breaks_the_chain() {
    let document = document();
    let k = keys();
    let root = verify_cert("root");
    let signature = long_chain(&document, 2);
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    // The root revokes I1 (serial 101) before the signing time; another CRL under the root's
    // name but signed with another key must not count.
    let revoking = |key: &ekdo_check::crypto::gost::SigningKey, date: &str| {
        let mut crl = CrlBuilder::new(key, &root, "2026-11-20T00:00:00Z", Some("2026-12-20T00:00:00Z"));
        crl.revoked.push((vec![101], date, Some(2)));
        crl.build()
    };
    let forged = revoking(&k[1].0, "2026-11-01T00:00:00Z");
    options.crls = vec![forged.clone()];
    let report = check_one(&document, &signature, &options);
    assert_eq!(only_signer(&report).details.chain_valid, Some(true), "{:?}", reasons(only_signer(&report)));

    options.crls = vec![forged, revoking(&k[0].0, "2026-11-01T00:00:00Z")];
    let report = check_one(&document, &signature, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(false), "{:?}", reasons(signer));
    let revoked = signer.reasons.iter().find(|r| r.message.code == "CHAIN_REVOKED").unwrap();
    assert!(!revoked.ok);
    assert_eq!(revoked.message.args["serial"], "65");
    assert_eq!(kind(signer), Kind::Invalid);

    // Revoked only after the signing time: the chain stands.
    options.crls = vec![revoking(&k[0].0, "2026-12-01T00:00:00Z")];
    let report = check_one(&document, &signature, &options);
    assert_eq!(only_signer(&report).details.chain_valid, Some(true));
}

/// `count` certificates named like the leaf's issuer, with another key.
fn decoys(count: usize, name: &[u8], key_id: Option<&[u8]>) -> Vec<Vec<u8>> {
    let wrong_key = verify_cert("nobc-root");
    (0..count)
        .map(|i| {
            let mut c = CertBuilder::ca("-", "-", &wrong_key, u16::try_from(1000 + i).unwrap());
            c.subject_der = name.to_vec();
            c.issuer_der = cn_name("Decoy root");
            c.subject_key_id = Some(key_id.map_or_else(|| vec![0xdd, u8::try_from(i % 251).unwrap()], <[u8]>::to_vec));
            c.unsigned(0x5a)
        })
        .collect()
}

/// ivanov's certificate (issuer «Тестовый УЦ «Ладога» 2026», authorityKeyIdentifier = the
/// intermediate's key id) and a signature carrying `extra` certificates.
fn ivanov_signature(document: &[u8], extra: Vec<Vec<u8>>) -> Vec<u8> {
    let key = signing_key("verify/keys/ivanov.key.pem");
    let cert = verify_cert("ivanov");
    let mut builder = Builder::new(&key, &cert, document);
    builder.extra_certs = extra;
    builder.build()
}

#[test]
fn thousands_of_candidate_issuers() {
    let document = document();
    let inter = verify_cert("inter");
    let inter_key_id = inter.subject_key_id.clone().unwrap();

    // 2000 caller CAs under the intermediate's name with other keys and key identifiers, the
    // right one last: the key identifier puts it first.
    let mut options = at_verify();
    options.ca_certificates = decoys(2000, &inter.subject_der, None);
    options.ca_certificates.push(verify_data("certs/inter.pem"));
    let signature = ivanov_signature(&document, Vec::new());
    let start = Instant::now();
    let report = check_one(&document, &signature, &options);
    assert!(start.elapsed() < HANG_GUARD, "{:?}", start.elapsed());
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain_valid, Some(true), "{:?}", reasons(signer));

    // The same decoys claiming the right key identifier: the search stops at the bound.
    let mut options = at_verify();
    options.ca_certificates = decoys(2000, &inter.subject_der, Some(&inter_key_id));
    options.ca_certificates.push(verify_data("certs/inter.pem"));
    let start = Instant::now();
    let report = check_one(&document, &signature, &options);
    assert!(start.elapsed() < HANG_GUARD, "{:?}", start.elapsed());
    let signer = only_signer(&report);
    let (code, ok) = chain_reason(signer);
    assert_eq!((code.as_str(), ok), ("LIMIT_BUDGET", false), "{:?}", reasons(signer));
    assert_eq!(signer.details.chain_valid, None);
    assert_ne!(kind(signer), Kind::Invalid, "undecided, not broken");
    // ...unless the caller allows more checks than there are decoys.
    options.ca_certificates = decoys(150, &inter.subject_der, Some(&inter_key_id));
    options.ca_certificates.push(verify_data("certs/inter.pem"));
    options.limits.max_signature_checks = 200;
    let report = check_one(&document, &signature, &options);
    assert_eq!(only_signer(&report).details.chain_valid, Some(true));

    // 500 decoys in the CMS itself, the intermediate last, the root from the caller.
    let mut extra = decoys(500, &inter.subject_der, Some(&inter_key_id));
    extra.push(inter.der.clone());
    let signature = ivanov_signature(&document, extra);
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    let start = Instant::now();
    let report = check_one(&document, &signature, &options);
    assert!(start.elapsed() < HANG_GUARD, "{:?}", start.elapsed());
    assert_eq!(chain_reason(only_signer(&report)).0, "LIMIT_BUDGET");
    let mut extra = decoys(500, &inter.subject_der, None);
    extra.push(inter.der.clone());
    let signature = ivanov_signature(&document, extra);
    let report = check_one(&document, &signature, &options);
    assert_eq!(only_signer(&report).details.chain_valid, Some(true));

    // 2000 in the CMS: more than `Limits::max_certificates`, the file is refused at once.
    let signature = ivanov_signature(&document, decoys(2000, &inter.subject_der, None));
    let start = Instant::now();
    let report = check_one(&document, &signature, &options);
    assert!(start.elapsed() < HANG_GUARD, "{:?}", start.elapsed());
    let s = only_signature(&report);
    assert_eq!(s.parse, "error");
    assert_eq!(s.error.as_ref().unwrap().code, "LIMIT_CMS_CERTIFICATES");
    assert_eq!(s.kind, Kind::Invalid);
}

#[test]
fn the_signers_of_one_file_share_a_bound() {
    // 20 signers, each facing 500 decoys that claim the right key identifier: the searches of
    // the file share four searches' worth of checks, then every search ends undecided.
    let document = document();
    let inter = verify_cert("inter");
    let mut extra = decoys(500, &inter.subject_der, inter.subject_key_id.as_deref());
    extra.push(inter.der.clone());
    let signature = with_copies_of_signer(&ivanov_signature(&document, extra), 20);
    let mut options = at_verify();
    options.ca_certificates = vec![verify_data("certs/root.pem")];
    let start = Instant::now();
    let report = check_one(&document, &signature, &options);
    let elapsed = start.elapsed();
    assert!(elapsed < HANG_GUARD, "{elapsed:?}");
    let s = only_signature(&report);
    assert_eq!(s.signers.len(), 20);
    for signer in &s.signers {
        assert_eq!(chain_reason(signer).0, "LIMIT_BUDGET", "{:?}", reasons(signer));
        assert!(signer.signature_valid);
        assert_ne!(kind(signer), Kind::Invalid);
    }
    // Without decoys, 20 signers of one file all verify their chains.
    let signature = with_copies_of_signer(&ivanov_signature(&document, vec![inter.der.clone()]), 20);
    let report = check_one(&document, &signature, &options);
    assert!(only_signature(&report).signers.iter().all(|g| g.details.chain_valid == Some(true)));
}

#[test]
fn a_signer_certificate_given_by_the_caller_still_reaches_its_ca() {
    // A signature without certificates (CryptoPro can leave them out); the caller passes the
    // signer's certificate with the CA certificates. It is not a trust anchor of its own: the
    // chain goes on to the accredited CA, and the signature is УКЭП.
    let document = document();
    let key = signing_key("signatures/keys/smirnova.key.pem");
    let cert = signer_certificate("smirnova");
    let with_cert = Builder::new(&key, &cert, &document).build();
    let ci = elements(&with_cert)[0].2;
    let sd = elements(elements(ci)[1].2)[0].2;
    let parts: Vec<&[u8]> = elements(sd).iter().filter(|(tag, _, _)| *tag != 0xa0).map(|(_, raw, _)| *raw).collect();
    let without = content_info(&seq(&parts));
    let mut options = options(true);
    let report = check_one(&document, &without, &options);
    assert!(has_reason(only_signer(&report), "SIG_NO_CERTIFICATE", false));
    options.ca_certificates = vec![cert.der.clone()];
    let report = check_one(&document, &without, &options);
    let signer = only_signer(&report);
    assert_eq!(signer.details.chain.len(), 2, "{:?}", reasons(signer));
    assert_eq!(chain_reason(signer), ("CHAIN_VALID".to_owned(), true));
    assert_eq!(kind(signer), Kind::Qualified, "{:?}", reasons(signer));
}
