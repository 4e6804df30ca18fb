//! CRLs: the GOST CRLs made by OpenSSL in `tests/data/tsl/` (see its README.md), and
//! hand-built ones for the cases OpenSSL does not write.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;

use ekdo_check::trust::{Crl, RevocationReason};
use ekdo_check::{Code, Time};

fn data(path: &str) -> Vec<u8> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn at(text: &str) -> Time {
    Time::parse_rfc3339(text).unwrap()
}

fn unhex(text: &str) -> Vec<u8> {
    hex::decode(text).unwrap()
}

/// A DER element.
fn der(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(u8::try_from(len).unwrap());
    } else if len < 0x100 {
        out.extend([0x81, u8::try_from(len).unwrap()]);
    } else {
        out.extend([0x82, u8::try_from(len >> 8).unwrap(), u8::try_from(len & 0xFF).unwrap()]);
    }
    out.extend_from_slice(content);
    out
}

fn seq(parts: &[&[u8]]) -> Vec<u8> {
    der(0x30, &parts.concat())
}

/// (tag, contents, whole element, rest).
fn tlv(d: &[u8]) -> (u8, &[u8], &[u8], &[u8]) {
    let (len, header) = match d[1] {
        n if n < 0x80 => (usize::from(n), 2),
        0x81 => (usize::from(d[2]), 3),
        0x82 => (usize::from(d[2]) << 8 | usize::from(d[3]), 4),
        other => panic!("length form {other:#x}"),
    };
    (d[0], &d[header..header + len], &d[..header + len], &d[header + len..])
}

const SMIRNOVA: &str = "27aa7b6d03b775cccec4955a59c3db6e742b1282";
const FEDOROV: &str = "177a47720e885e56f39d91ae505fdac91b4a45ce";
const MOROZOV: &str = "768748d0615cec5a9e085a1120832e25b5cc3e16";
const KUZNETSOV: &str = "32fc6cc9b4e81ab3a249a9d71bb276a5ab6d275c";

#[test]
fn gost_crl_of_the_accredited_ca() {
    let bytes = data("tsl/accredited-ca.crl");
    let crl = Crl::from_der(&bytes).unwrap();
    assert_eq!(crl.version, 2);
    assert_eq!(crl.signature_algorithm, "1.2.643.7.1.1.3.2");
    // The GOST engine writes NULL parameters.
    assert_eq!(crl.signature_parameters, Some(vec![0x05, 0x00]));
    assert_eq!(crl.signature.len(), 64);
    assert_eq!(crl.this_update, at("2026-11-20T00:00:00Z"));
    assert_eq!(crl.next_update, Some(at("2026-12-20T00:00:00Z")));
    assert_eq!(crl.crl_number_hex().as_deref(), Some("1001"));
    assert_eq!(crl.authority_key_id, Some(unhex("48c02d8644b4aed037bf311e6a0e4d35acb8460f")));
    assert!(!crl.is_delta());
    assert!(crl.is_current_at(at("2026-11-24T12:00:00Z")));
    assert!(!crl.is_current_at(at("2026-12-20T00:00:00Z")));
    assert!(!crl.is_current_at(at("2026-11-19T23:59:59Z")));

    assert_eq!(crl.revoked.len(), 2);
    let serials: Vec<String> = crl.revoked.iter().map(|e| e.serial_hex()).collect();
    assert_eq!(serials, [FEDOROV, SMIRNOVA]);
    let smirnova = &crl.revoked[1];
    assert_eq!(smirnova.revocation_date, at("2026-11-01T00:00:00Z"));
    assert_eq!(smirnova.reason, Some(RevocationReason::KeyCompromise));
    assert_eq!(smirnova.invalidity_date, Some(at("2026-10-30T12:00:00Z")));
    assert_eq!(crl.revoked[0].reason, Some(RevocationReason::Superseded));
    assert_eq!(crl.revoked[0].invalidity_date, None);

    // Signed bytes as received: the first element of the outer SEQUENCE.
    let (_, outer, _, _) = tlv(&bytes);
    let (_, _, tbs, rest) = tlv(outer);
    let (_, _, algorithm, _) = tlv(rest);
    assert_eq!(crl.tbs(), tbs);
    assert_eq!(crl.signature_algorithm_der(), algorithm);
    assert_eq!(crl.der(), bytes.as_slice());

    // The issuer is the CA certificate's subject, byte for byte.
    let ca = data("signatures/ca/accredited-ca.der");
    let subject = crl.issuer_der();
    assert!(ca.windows(subject.len()).any(|w| w == subject));
}

#[test]
fn revocation_at_a_time() {
    let crl = Crl::from_der(&data("tsl/accredited-ca.crl")).unwrap();
    let smirnova = unhex(SMIRNOVA);
    let hit = crl.is_revoked(&smirnova, at("2026-11-24T12:00:00Z")).unwrap();
    assert_eq!(hit.reason, Some(RevocationReason::KeyCompromise));
    assert!(crl.is_revoked(&smirnova, at("2026-11-01T00:00:00Z")).is_some());
    // Revoked on 1 November for a key compromise suspected from 30 October 12:00
    // (invalidityDate): a signature made after that is not trusted either.
    assert_eq!(hit.invalid_from(), at("2026-10-30T12:00:00Z"));
    assert!(crl.is_revoked(&smirnova, at("2026-10-31T23:59:59Z")).is_some());
    assert!(crl.is_revoked(&smirnova, at("2026-10-30T12:00:00Z")).is_some());
    assert!(crl.is_revoked(&smirnova, at("2026-10-30T11:59:59Z")).is_none());
    // Without an invalidityDate the revocationDate counts.
    let fedorov = crl.is_revoked(&unhex(FEDOROV), at("2026-11-24T12:00:00Z")).unwrap();
    assert_eq!(fedorov.invalid_from(), fedorov.revocation_date);
    // A serial written with its sign byte is the same serial.
    let mut padded = vec![0];
    padded.extend_from_slice(&smirnova);
    assert!(crl.is_revoked(&padded, at("2026-11-24T12:00:00Z")).is_some());
    assert!(crl.is_revoked(&unhex(FEDOROV), at("2026-11-24T12:00:00Z")).is_some());
    assert!(crl.is_revoked(&unhex(KUZNETSOV), at("2026-11-24T12:00:00Z")).is_none());
    assert!(crl.is_revoked(&[], at("2026-11-24T12:00:00Z")).is_none());
}

#[test]
fn pem_and_der_agree() {
    let from_der = Crl::from_der(&data("tsl/accredited-ca.crl")).unwrap();
    let from_pem = Crl::from_pem_or_der(&data("tsl/accredited-ca.crl.pem")).unwrap();
    assert_eq!(from_der, from_pem);
    assert_eq!(Crl::from_pem_or_der(&data("tsl/accredited-ca.crl")).unwrap(), from_der);
    // Bare base64, as some CAs publish.
    let pem = String::from_utf8(data("tsl/accredited-ca.crl.pem")).unwrap();
    let bare: String = pem.lines().filter(|l| !l.starts_with("-----")).collect::<Vec<_>>().join("\r\n");
    assert_eq!(Crl::from_pem_or_der(bare.as_bytes()).unwrap(), from_der);
    let cert = data("signatures/ca/accredited-ca.pem");
    assert_eq!(Crl::from_pem_or_der(&cert).unwrap_err().code, Code::ChainCrlEncoding);
    let no_footer = pem.replace("-----END X509 CRL-----", "");
    assert_eq!(Crl::from_pem_or_der(no_footer.as_bytes()).unwrap_err().code, Code::ChainCrlEncoding);
    let bad_body = pem.replacen('M', "!", 1);
    assert_eq!(Crl::from_pem_or_der(bad_body.as_bytes()).unwrap_err().code, Code::ChainCrlEncoding);
}

#[test]
fn empty_and_terminated_ca_crls() {
    let empty = Crl::from_der(&data("tsl/accredited-ca-empty.crl")).unwrap();
    assert!(empty.revoked.is_empty());
    assert_eq!(empty.crl_number_hex().as_deref(), Some("1000"));
    assert!(empty.is_revoked(&unhex(SMIRNOVA), at("2026-11-24T12:00:00Z")).is_none());

    let zarya = Crl::from_der(&data("tsl/terminated-ca.crl")).unwrap();
    assert_eq!(zarya.authority_key_id, Some(unhex("97a7461c3fbbb96c2bc2ea8f40d9ddaf1c19fbad")));
    let hit = zarya.is_revoked(&unhex(MOROZOV), at("2026-11-24T12:00:00Z")).unwrap();
    assert_eq!(hit.reason, Some(RevocationReason::CessationOfOperation));
    assert_eq!(hit.revocation_date, at("2026-01-28T09:23:02Z"));
}

#[test]
fn truncated_and_flipped_crls_never_panic() {
    let bytes = data("tsl/accredited-ca.crl");
    for len in 0..bytes.len() {
        assert_eq!(Crl::from_der(&bytes[..len]).unwrap_err().code, Code::ChainCrlMalformed, "{len}");
    }
    let mut extra = bytes.clone();
    extra.push(0);
    assert_eq!(Crl::from_der(&extra).unwrap_err().code, Code::ChainCrlMalformed);
    for i in 0..bytes.len() {
        let mut copy = bytes.clone();
        copy[i] ^= 0x41;
        if let Err(e) = Crl::from_der(&copy) {
            assert!(matches!(e.code, Code::ChainCrlMalformed | Code::ChainCrlCriticalExtension), "{i}");
        }
    }
}

// Hand-built CRLs for what OpenSSL does not write.

const GOST_ALG: &[u8] = &[0x30, 0x0A, 0x06, 0x08, 0x2A, 0x85, 0x03, 0x07, 0x01, 0x01, 0x03, 0x02];
const NAME: &[u8] = &[0x30, 0x0D, 0x31, 0x0B, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0C, 0x02, b'C', b'A'];
const OID_UNKNOWN: &[u8] = &[0x06, 0x03, 0x2A, 0x03, 0x04];

fn utc(text: &str) -> Vec<u8> {
    der(0x17, text.as_bytes())
}

fn extension(oid: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
    let flag = if critical { vec![0x01, 0x01, 0xFF] } else { Vec::new() };
    seq(&[oid, &flag, &der(0x04, value)])
}

fn entry(serial: u8, date: &str, extensions: &[Vec<u8>]) -> Vec<u8> {
    let exts =
        if extensions.is_empty() { Vec::new() } else { seq(&extensions.iter().map(Vec::as_slice).collect::<Vec<_>>()) };
    seq(&[&der(0x02, &[serial]), &utc(date), &exts])
}

fn reason(code: u8) -> Vec<u8> {
    extension(&[0x06, 0x03, 0x55, 0x1D, 0x15], false, &der(0x0A, &[code]))
}

fn crl(version: &[u8], inner_alg: &[u8], entries: &[Vec<u8>], extensions: &[Vec<u8>]) -> Vec<u8> {
    let revoked =
        if entries.is_empty() { Vec::new() } else { seq(&entries.iter().map(Vec::as_slice).collect::<Vec<_>>()) };
    let exts = if extensions.is_empty() {
        Vec::new()
    } else {
        der(0xA0, &seq(&extensions.iter().map(Vec::as_slice).collect::<Vec<_>>()))
    };
    let tbs = seq(&[version, inner_alg, NAME, &utc("261120000000Z"), &utc("261220000000Z"), &revoked, &exts]);
    seq(&[&tbs, GOST_ALG, &der(0x03, &[0; 65])])
}

const V2: &[u8] = &[0x02, 0x01, 0x01];

#[test]
fn unknown_critical_extensions_are_refused() {
    let ok = crl(V2, GOST_ALG, &[], &[extension(OID_UNKNOWN, false, &[0x05, 0x00])]);
    assert!(Crl::from_der(&ok).is_ok());
    let bad = crl(V2, GOST_ALG, &[], &[extension(OID_UNKNOWN, true, &[0x05, 0x00])]);
    let err = Crl::from_der(&bad).unwrap_err();
    assert_eq!((err.code, err.get("oid")), (Code::ChainCrlCriticalExtension, Some("1.2.3.4")));
    let bad_entry =
        crl(V2, GOST_ALG, &[entry(5, "261101000000Z", &[extension(OID_UNKNOWN, true, &[0x05, 0x00])])], &[]);
    assert_eq!(Crl::from_der(&bad_entry).unwrap_err().code, Code::ChainCrlCriticalExtension);
    let twice = crl(
        V2,
        GOST_ALG,
        &[],
        &[extension(OID_UNKNOWN, false, &[0x05, 0x00]), extension(OID_UNKNOWN, false, &[0x05, 0x00])],
    );
    assert_eq!(Crl::from_der(&twice).unwrap_err().code, Code::ChainCrlMalformed);
}

#[test]
fn structure_errors_are_malformed() {
    let v3 = crl(&[0x02, 0x01, 0x02], GOST_ALG, &[], &[]);
    assert_eq!(Crl::from_der(&v3).unwrap_err().code, Code::ChainCrlMalformed);
    let rsa_inside = [0x30, 0x0B, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B];
    let err = Crl::from_der(&crl(V2, &rsa_inside, &[], &[])).unwrap_err();
    assert_eq!(err.code, Code::ChainCrlMalformed);
    assert!(err.get("detail").unwrap().contains("differ"));
    let undefined_reason = crl(V2, GOST_ALG, &[entry(5, "261101000000Z", &[reason(7)])], &[]);
    assert_eq!(Crl::from_der(&undefined_reason).unwrap_err().code, Code::ChainCrlMalformed);
    // A v1 CRL: no version, no extensions.
    let v1 = Crl::from_der(&crl(&[], GOST_ALG, &[entry(5, "261101000000Z", &[])], &[])).unwrap();
    assert_eq!(v1.version, 1);
    assert!(v1.is_revoked(&[5], at("2026-11-24T00:00:00Z")).is_some());
}

#[test]
fn indirect_and_removed_entries_do_not_revoke() {
    let certificate_issuer = extension(&[0x06, 0x03, 0x55, 0x1D, 0x1D], true, &seq(&[&der(0xA4, NAME)]));
    let entries = [
        entry(1, "261101000000Z", &[reason(8)]),
        entry(2, "261101000000Z", &[]),
        entry(3, "261101000000Z", &[certificate_issuer]),
        entry(4, "261101000000Z", &[]),
    ];
    let crl = Crl::from_der(&crl(V2, GOST_ALG, &entries, &[])).unwrap();
    let t = at("2026-11-24T00:00:00Z");
    assert!(crl.is_revoked(&[1], t).is_none(), "removeFromCRL");
    assert!(crl.is_revoked(&[2], t).is_some());
    assert!(crl.is_revoked(&[3], t).is_none(), "another issuer's certificate");
    assert!(crl.is_revoked(&[4], t).is_none(), "the certificateIssuer stays in force");
    assert!(crl.revoked[3].certificate_issuer.is_some());
}
