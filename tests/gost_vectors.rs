//! GOST R 34.10/34.11 known-answer tests: the published examples (RFC 7091, RFC 5832, RFC 6986,
//! GOST R 34.11-94 with CryptoPro parameters), every good vector with flipped-bit variants that
//! must fail.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]

use const_oid::ObjectIdentifier;
use ekdo_check::crypto::gost::{KeyAlgorithm, ParamSet, Signature, SigningKey, VerifyingKey};
use ekdo_check::crypto::DigestAlgorithm;
use ekdo_check::Code;

fn unhex(text: &str) -> Vec<u8> {
    let clean: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    hex::decode(clean).expect("hex")
}

fn reversed(mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.reverse();
    bytes
}

fn param_set(oid: &str) -> &'static ParamSet {
    ParamSet::from_oid(&ObjectIdentifier::new_unwrap(oid)).expect("known parameter set")
}

/// Verifies, then checks that flipping one bit in each byte of the signature and of the digest
/// makes verification fail with SIG_INVALID.
fn assert_good_and_flips_fail(key: &VerifyingKey, digest: &[u8], cms_signature: &[u8]) {
    assert_good_and_some_flips_fail(key, digest, cms_signature, 1);
}

/// As [`assert_good_and_flips_fail`], flipping a bit in every `stride`-th byte (and in the
/// last byte of each half), to keep unoptimised test builds fast.
fn assert_good_and_some_flips_fail(key: &VerifyingKey, digest: &[u8], cms_signature: &[u8], stride: usize) {
    let field_len = key.param_set().field_len();
    let sig = Signature::from_cms_bytes(cms_signature, field_len).expect("well-formed signature");
    key.verify_prehash(digest, &sig).expect("the good vector verifies");
    let picked = |len: usize| (0..len).filter(move |i| i % stride == 0 || (i + 1) % field_len == 0 || i + 1 == len);
    for i in picked(cms_signature.len()) {
        let mut bad = cms_signature.to_vec();
        bad[i] ^= 1 << (i % 8);
        match Signature::from_cms_bytes(&bad, field_len) {
            Ok(bad_sig) => {
                let err = key.verify_prehash(digest, &bad_sig).expect_err("a flipped signature bit must fail");
                assert_eq!(err.code, Code::SigInvalid, "signature byte {i}");
            }
            Err(err) => assert_eq!(err.code, Code::SigInvalid),
        }
    }
    for i in picked(digest.len()) {
        let mut bad = digest.to_vec();
        bad[i] ^= 0x80 >> (i % 8);
        let err = key.verify_prehash(&bad, &sig).expect_err("a flipped digest bit must fail");
        assert_eq!(err.code, Code::SigInvalid, "digest byte {i}");
    }
}

/// A published example given as big-endian numbers: key d, public point (x, y), e (the digest
/// as an integer), nonce k, signature (r, s).
struct Example {
    param_set: &'static str,
    algorithm: KeyAlgorithm,
    d: &'static str,
    x: &'static str,
    y: &'static str,
    e: &'static str,
    k: &'static str,
    r: &'static str,
    s: &'static str,
}

fn run_example(ex: &Example) {
    let set = param_set(ex.param_set);
    let signing = SigningKey::from_be_bytes(ex.algorithm, set, &unhex(ex.d)).expect("d is valid");
    // The public key: Q = d·P matches the published (x, y).
    let mut expected_point = reversed(unhex(ex.x));
    expected_point.extend(reversed(unhex(ex.y)));
    assert_eq!(signing.verifying_key().to_le_coordinates(), expected_point, "Q = d·P");
    let key = VerifyingKey::from_le_coordinates(ex.algorithm, set, &expected_point).expect("Q is on the curve");
    assert_eq!(&key, signing.verifying_key());
    // The digest bytes are e little-endian (GOST reads the digest as a little-endian number).
    let digest = reversed(unhex(ex.e));
    // Signing with the published k gives the published (r, s).
    let sig = signing.sign_prehash(&digest, &unhex(ex.k)).expect("signs");
    assert_eq!(sig.r(), unhex(ex.r).as_slice(), "r");
    assert_eq!(sig.s(), unhex(ex.s).as_slice(), "s");
    let mut cms = unhex(ex.s);
    cms.extend(unhex(ex.r));
    assert_eq!(sig.to_cms_bytes(), cms);
    assert_good_and_flips_fail(&key, &digest, &cms);
}

// RFC 7091 Appendix A.1 (the same example as RFC 5832 §7 for GOST R 34.10-2001), on the test
// curve id-GostR3410-2001-TestParamSet (RFC 4357 §11.4, 1.2.643.2.2.35.0).
const RFC7091_A1: Example = Example {
    param_set: "1.2.643.2.2.35.0",
    algorithm: KeyAlgorithm::Gost2012_256,
    d: "7A929ADE789BB9BE10ED359DD39A72C11B60961F49397EEE1D19CE9891EC3B28",
    x: "7F2B49E270DB6D90D8595BEC458B50C58585BA1D4E9B788F6689DBD8E56FD80B",
    y: "26F1B489D6701DD185C8413A977B3CBBAF64D1C593D26627DFFB101A87FF77DA",
    e: "2DFBC1B372D89A1188C09C52E0EEC61FCE52032AB1022E8E67ECE6672B043EE5",
    k: "77105C9B20BCD3122823C8CF6FCC7B956DE33814E95B7FE64FED924594DCEAB3",
    r: "41AA28D2F1AB148280CD9ED56FEDA41974053554A42767B83AD043FD39DC0493",
    s: "01456C64BA4642A1653C235A98A60249BCD6D3F746B631DF928014F6C5BF9C40",
};

#[test]
fn rfc7091_a1_gost2012_256_test_curve() {
    run_example(&RFC7091_A1);
}

#[test]
fn rfc5832_gost2001_example() {
    // RFC 5832 §7 is the same example with a GOST R 34.10-2001 key.
    run_example(&Example { algorithm: KeyAlgorithm::Gost2001, ..RFC7091_A1 });
}

// RFC 7091 Appendix A.2: GOST R 34.10-2012 with a 512-bit key on the 512-bit test curve
// (id-tc26-gost-3410-12-512-paramSetTest, 1.2.643.7.1.2.1.2.0).
#[test]
fn rfc7091_a2_gost2012_512_test_curve() {
    run_example(&Example {
        param_set: "1.2.643.7.1.2.1.2.0",
        algorithm: KeyAlgorithm::Gost2012_512,
        d: "0BA6048AADAE241BA40936D47756D7C93091A0E8514669700EE7508E508B1020
            72E8123B2200A0563322DAD2827E2714A2636B7BFD18AADFC62967821FA18DD4",
        x: "115DC5BC96760C7B48598D8AB9E740D4C4A85A65BE33C1815B5C320C854621DD
            5A515856D13314AF69BC5B924C8B4DDFF75C45415C1D9DD9DD33612CD530EFE1",
        y: "37C7C90CD40B0F5621DC3AC1B751CFA0E2634FA0503B3D52639F5D7FB72AFD61
            EA199441D943FFE7F0C70A2759A3CDB84C114E1F9339FDF27F35ECA93677BEEC",
        e: "3754F3CFACC9E0615C4F4A7C4D8DAB531B09B6F9C170C533A71D147035B0C591
            7184EE536593F4414339976C647C5D5A407ADEDB1D560C4FC6777D2972075B8C",
        k: "0359E7F4B1410FEACC570456C6801496946312120B39D019D455986E364F3658
            86748ED7A44B3E794434006011842286212273A6D14CF70EA3AF71BB1AE679F1",
        r: "2F86FA60A081091A23DD795E1E3C689EE512A3C82EE0DCC2643C78EEA8FCACD3
            5492558486B20F1C9EC197C90699850260C93BCBCD9C5C3317E19344E173AE36",
        s: "1081B394696FFE8E6585E7A9362D26B6325F56778AADBC081C0BFBE933D52FF5
            823CE288E8C4F362526080DF7F70CE406A6EEB1F56919CB92A9853BDE73E5B4A",
    });
}

// RFC 6986 §10.1 (M1, 63 ASCII bytes) and §10.2 (M2, 72 bytes of CP1251 text); the RFC prints
// messages and digests as reversed hex, these are the byte strings in the order hashed and
// output (the order `openssl dgst -engine gost -md_gost12_256` prints).
const M1: &[u8] = b"012345678901234567890123456789012345678901234567890123456789012";
const M2_HEX: &str = "d1e520e2e5f2f0e82c20d1f2f0e8e1eee6e820e2edf3f6e82c20e2e5fef2fa20f120eceef0ff20f1f2f0e5ebe0ece8
                      20ede020f5f0e0e1f0fbff20efebfaeafb20c8e3eef0e5e2fb";

#[test]
fn streebog_rfc6986_examples() {
    let m2 = unhex(M2_HEX);
    let cases: [(&[u8], DigestAlgorithm, &str); 4] = [
        (
            M1,
            DigestAlgorithm::Streebog512,
            "1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa
             00ad30f8767b3a82384c6574f024c311e2a481332b08ef7f41797891c1646f48",
        ),
        (M1, DigestAlgorithm::Streebog256, "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500"),
        (
            &m2,
            DigestAlgorithm::Streebog512,
            "1e88e62226bfca6f9994f1f2d51569e0daf8475a3b0fe61a5300eee46d961376
             035fe83549ada2b8620fcd7c496ce5b33f0cb9dddc2b6460143b03dabac9fb28",
        ),
        (&m2, DigestAlgorithm::Streebog256, "9dd2fe4e90409e5da87f53976d7405b0c0cac628fc669a741d50063c557e8f50"),
    ];
    for (message, algorithm, expected) in cases {
        assert_eq!(algorithm.digest(message), unhex(expected), "{}", algorithm.name());
        let mut flipped = message.to_vec();
        flipped[0] ^= 1;
        assert_ne!(algorithm.digest(&flipped), unhex(expected));
    }
}

// GOST R 34.11-94 with the CryptoPro parameters (id-GostR3411-94-CryptoProParamSet, RFC 4357
// §11.2); the values agree with `openssl dgst -engine gost -md_gost94`.
#[test]
fn gost94_cryptopro_examples() {
    let cases = [
        ("a", "e74c52dd282183bf37af0079c9f78055715a103f17e3133ceff1aacf2f403011"),
        ("abc", "b285056dbf18d7392d7677369524dd14747459ed8143997e163b2986f92fd42c"),
        ("message digest", "bc6041dd2aa401ebfa6e9886734174febdb4729aa972d60f549ac39b29721ba0"),
        (
            "The quick brown fox jumps over the lazy dog",
            "9004294a361a508c586fe53d1f1b02746765e71b765472786e4770d565830a76",
        ),
    ];
    for (message, expected) in cases {
        assert_eq!(DigestAlgorithm::Gost94CryptoPro.digest(message.as_bytes()), unhex(expected), "{message}");
    }
    assert_ne!(
        DigestAlgorithm::Gost94CryptoPro.digest(b"abd"),
        unhex("b285056dbf18d7392d7677369524dd14747459ed8143997e163b2986f92fd42c")
    );
}

/// A throwaway BER/DER walker for the tests: enough to pull signedAttrs, signatures and
/// certificates out of the fixture CMS files (the real parser is `cms`).
mod walk {
    #[derive(Clone, Copy, Debug)]
    pub struct Tlv<'a> {
        pub tag: u8,
        /// The whole element, header and (for indefinite lengths) the end-of-contents octets.
        pub raw: &'a [u8],
        pub content: &'a [u8],
    }

    pub fn read(data: &[u8]) -> (Tlv<'_>, &[u8]) {
        let tag = data[0];
        assert_ne!(tag & 0x1f, 0x1f, "high tag numbers are not used in the fixtures");
        let first = data[1];
        if first == 0x80 {
            let mut rest = &data[2..];
            while rest[..2] != [0, 0] {
                rest = read(rest).1;
            }
            let content_len = data.len() - 2 - rest.len();
            let total = 2 + content_len + 2;
            (Tlv { tag, raw: &data[..total], content: &data[2..2 + content_len] }, &data[total..])
        } else {
            let (len, header) = if first < 0x80 {
                (usize::from(first), 2)
            } else {
                let n = usize::from(first & 0x7f);
                (data[2..2 + n].iter().fold(0usize, |acc, b| acc << 8 | usize::from(*b)), 2 + n)
            };
            (Tlv { tag, raw: &data[..header + len], content: &data[header..header + len] }, &data[header + len..])
        }
    }

    pub fn children(content: &[u8]) -> Vec<Tlv<'_>> {
        let mut out = Vec::new();
        let mut rest = content;
        while !rest.is_empty() {
            let (tlv, next) = read(rest);
            out.push(tlv);
            rest = next;
        }
        out
    }

    pub fn oid(tlv: &Tlv<'_>) -> const_oid::ObjectIdentifier {
        assert_eq!(tlv.tag, 0x06);
        const_oid::ObjectIdentifier::from_bytes(tlv.content).expect("OID")
    }

    /// An AlgorithmIdentifier: its OID and the raw parameters, if any.
    pub fn algorithm<'a>(tlv: &Tlv<'a>) -> (const_oid::ObjectIdentifier, Option<&'a [u8]>) {
        let parts = children(tlv.content);
        (oid(&parts[0]), parts.get(1).map(|p| p.raw))
    }

    /// A certificate's parts: TBSCertificate (raw), serial (content), issuer and subject
    /// (raw), SubjectPublicKeyInfo (raw), signature algorithm, signature BIT STRING contents.
    pub struct Certificate<'a> {
        pub tbs: &'a [u8],
        pub serial: &'a [u8],
        pub issuer: &'a [u8],
        pub subject: &'a [u8],
        pub spki: &'a [u8],
        pub signature_algorithm: (const_oid::ObjectIdentifier, Option<&'a [u8]>),
        pub signature: &'a [u8],
    }

    pub fn certificate<'a>(tlv: &Tlv<'a>) -> Certificate<'a> {
        let parts = children(tlv.content);
        let tbs = children(parts[0].content);
        let offset = usize::from(tbs[0].tag == 0xa0);
        let bits = parts[2].content;
        assert_eq!(bits[0], 0, "no unused bits");
        Certificate {
            tbs: parts[0].raw,
            serial: tbs[offset].content,
            issuer: tbs[offset + 2].raw,
            subject: tbs[offset + 4].raw,
            spki: tbs[offset + 5].raw,
            signature_algorithm: algorithm(&parts[1]),
            signature: &bits[1..],
        }
    }

    /// A SignerInfo's parts.
    pub struct SignerInfo<'a> {
        pub serial: &'a [u8],
        pub digest_algorithm: const_oid::ObjectIdentifier,
        /// The signedAttrs element as it is in the file, tag [0] (0xA0).
        pub signed_attrs: Option<Tlv<'a>>,
        pub signature_algorithm: (const_oid::ObjectIdentifier, Option<&'a [u8]>),
        pub signature: &'a [u8],
    }

    /// The certificates and signer infos of a ContentInfo with SignedData (RFC 5652 §5).
    pub fn signed_data(der: &[u8]) -> (Vec<Certificate<'_>>, Vec<SignerInfo<'_>>) {
        let content_info = children(read(der).0.content);
        let signed = children(children(content_info[1].content)[0].content);
        let mut certificates = Vec::new();
        let mut signers = Vec::new();
        for part in &signed[3..] {
            match part.tag {
                0xa0 => certificates.extend(children(part.content).iter().map(certificate)),
                0x31 => {
                    for info in children(part.content) {
                        let fields = children(info.content);
                        let sid = children(fields[1].content);
                        let (signed_attrs, rest) =
                            if fields[3].tag == 0xa0 { (Some(fields[3]), &fields[4..]) } else { (None, &fields[3..]) };
                        signers.push(SignerInfo {
                            serial: sid[1].content,
                            digest_algorithm: algorithm(&fields[2]).0,
                            signed_attrs,
                            signature_algorithm: algorithm(&rest[0]),
                            signature: rest[1].content,
                        });
                    }
                }
                _ => {}
            }
        }
        (certificates, signers)
    }

    /// The messageDigest attribute (1.2.840.113549.1.9.4) of signedAttrs.
    pub fn message_digest<'a>(signed_attrs: &Tlv<'a>) -> &'a [u8] {
        let wanted = const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
        for attr in children(signed_attrs.content) {
            let parts = children(attr.content);
            if oid(&parts[0]) == wanted {
                return children(parts[1].content)[0].content;
            }
        }
        panic!("no messageDigest attribute")
    }
}

use ekdo_check::crypto::{signature_digest, verify_message, verify_prehash, PublicKey};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/signatures")
}

/// The DER of a signature file in any of the fixture encodings (DER, BER, PEM, bare base64).
fn signature_der(bytes: &[u8]) -> Vec<u8> {
    use base64::Engine as _;
    if bytes[0] == 0x30 {
        return bytes.to_vec();
    }
    let text: String = std::str::from_utf8(bytes)
        .expect("text")
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .flat_map(|l| l.trim().chars())
        .collect();
    base64::engine::general_purpose::STANDARD.decode(text).expect("base64")
}

fn pem_der(pem: &str) -> Vec<u8> {
    signature_der(pem.as_bytes())
}

/// Verifies every signer of a fixture case: the signature value over signedAttrs (hashed as a
/// DER SET, RFC 5652 §5.4) or over the document, and the messageDigest attribute; compares
/// with `expected.json`. Returns the number of signers checked.
fn check_case(case: &str) -> usize {
    let dir = fixtures().join(case);
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("expected.json")).expect("expected.json")).expect("json");
    let signature_file = expected["signature"].as_str().expect("signature name");
    let der = signature_der(&std::fs::read(dir.join(signature_file)).expect("signature file"));
    let document = std::fs::read(dir.join(expected["document"].as_str().expect("document name"))).ok();
    let (certificates, signers) = walk::signed_data(&der);
    let expected_signers = expected["signers"].as_array().expect("signers");
    assert_eq!(signers.len(), expected_signers.len(), "{case}");
    for (signer, want) in signers.iter().zip(expected_signers) {
        let cert = certificates.iter().find(|c| c.serial == signer.serial).expect("the signer's certificate");
        let key = PublicKey::from_spki_der(cert.spki).expect("the signer's key parses");
        assert_eq!(key.algorithm_name(), want["key_algorithm"].as_str().unwrap(), "{case}");
        let digest = DigestAlgorithm::from_oid(&signer.digest_algorithm).expect("known digest");
        assert_eq!(digest.name(), want["digest_algorithm"].as_str().unwrap(), "{case}");
        let (message_ok, prehash) = match &signer.signed_attrs {
            Some(attrs) => {
                let mut set = attrs.raw.to_vec();
                set[0] = 0x31;
                let ok = document.as_ref().map(|doc| digest.digest(doc) == walk::message_digest(attrs));
                (ok, digest.digest(&set))
            }
            None => {
                let doc = document.as_ref().expect("a document for a signature without signedAttrs");
                (Some(true), digest.digest(doc))
            }
        };
        let (sig_oid, sig_params) = signer.signature_algorithm;
        verify_prehash(&key, &sig_oid, sig_params, digest, &prehash, signer.signature)
            .unwrap_or_else(|e| panic!("{case}: the signature value must verify: {e}"));
        if let Some(message_ok) = message_ok {
            assert_eq!(message_ok, want["signature_valid"].as_bool().unwrap(), "{case}: signature_valid");
        }
        // A flipped bit in the prehash or the signature value fails.
        let mut bad_hash = prehash.clone();
        bad_hash[3] ^= 0x10;
        let err = verify_prehash(&key, &sig_oid, sig_params, digest, &bad_hash, signer.signature).unwrap_err();
        assert_eq!(err.code, Code::SigInvalid, "{case}");
        let mut bad_sig = signer.signature.to_vec();
        let last = bad_sig.len() - 1;
        bad_sig[last] ^= 1;
        let err = verify_prehash(&key, &sig_oid, sig_params, digest, &prehash, &bad_sig).unwrap_err();
        assert!(matches!(err.code, Code::SigInvalid | Code::SigEncoding), "{case}: {err}");
    }
    signers.len()
}

#[test]
fn fixture_signatures_verify() {
    let cases = [
        "01-qualified-person-der",
        "02-qualified-employer-ber",
        "03-pem-cms",
        "04-base64-bare",
        "05-two-signers",
        "06-tampered-document",
        "07-no-signed-attributes",
        "08-non-accredited-ca",
        "09-accredited-ca-no-qualified-markers",
        "10-terminated-ca",
        "11-expired-certificate",
        "12-not-yet-valid-certificate",
        "13-rsa-signer",
        "14-ecdsa-signer",
        "15-gost2012-512-employer",
        "16-gost2001-signer",
        "19-big-under-limit",
        "20-big-over-limit",
    ];
    let total: usize = cases.iter().map(|case| check_case(case)).sum();
    assert_eq!(total, cases.len() + 1, "case 05 has two signers");
}

/// Certificate signatures: each CA certificate verifies under its own key, each signer
/// certificate under its CA's (found by issuer name).
#[test]
fn fixture_certificates_verify() {
    let ca_dir = fixtures().join("ca");
    let mut cas = Vec::new();
    for name in ["accredited-ca", "commercial-ca", "terminated-ca", "other-accredited-ca"] {
        cas.push((name, std::fs::read(ca_dir.join(format!("{name}.der"))).expect("CA")));
    }
    let parsed: Vec<_> = cas.iter().map(|(name, der)| (*name, walk::certificate(&walk::read(der).0))).collect();
    let check = |cert: &walk::Certificate<'_>, issuer: &walk::Certificate<'_>, what: &str| {
        let key = PublicKey::from_spki_der(issuer.spki).expect("issuer key");
        let (oid, params) = cert.signature_algorithm;
        let digest = signature_digest(&oid, params).expect("digest");
        verify_message(&key, &oid, params, digest, cert.tbs, cert.signature).unwrap_or_else(|e| panic!("{what}: {e}"));
        let mut tampered = cert.tbs.to_vec();
        let at = tampered.len() / 2;
        tampered[at] ^= 0x01;
        let err = verify_message(&key, &oid, params, digest, &tampered, cert.signature).unwrap_err();
        assert_eq!(err.code, Code::SigInvalid, "{what}");
        key
    };
    let mut names = Vec::new();
    for (name, ca) in &parsed {
        assert_eq!(ca.issuer, ca.subject, "{name} is self-issued");
        let key = check(ca, ca, name);
        names.push((*name, key.algorithm_name(), key.parameters_name()));
    }
    assert_eq!(
        names,
        [
            ("accredited-ca", "gost2012-256", Some("CryptoPro-A")),
            ("commercial-ca", "gost2012-512", Some("TC26-512-C")),
            ("terminated-ca", "gost2012-256", Some("CryptoPro-B")),
            ("other-accredited-ca", "gost2012-256", Some("TC26-256-A")),
        ]
    );
    let keys_dir = fixtures().join("keys");
    let mut signers = 0;
    for entry in std::fs::read_dir(&keys_dir).expect("keys") {
        let path = entry.expect("entry").path();
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !file.ends_with(".crt.pem") {
            continue;
        }
        let der = pem_der(&std::fs::read_to_string(&path).expect("pem"));
        let cert = walk::certificate(&walk::read(&der).0);
        let (ca_name, ca) = parsed.iter().find(|(_, ca)| ca.subject == cert.issuer).expect("issuer among the CAs");
        check(&cert, ca, &format!("{file} under {ca_name}"));
        signers += 1;
    }
    assert_eq!(signers, 14);
}

/// One line of `tests/data/crypto/openssl-gost.txt` (see `make-openssl-vectors.sh`).
struct OpensslVector {
    label: String,
    pkcs8: Vec<u8>,
    spki: Vec<u8>,
    digest: Vec<u8>,
    signature: Vec<u8>,
}

fn parse_openssl_vectors(text: &str) -> Vec<OpensslVector> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(f.len(), 6, "{line}");
            OpensslVector {
                label: format!("{} {}", f[0], f[1]),
                pkcs8: unhex(f[2]),
                spki: unhex(f[3]),
                digest: unhex(f[4]),
                signature: unhex(f[5]),
            }
        })
        .collect()
}

/// The engine's key parses both ways to the same public key, its signature verifies (and
/// flipped variants fail), and a signature made here verifies too. Returns the parameter-set
/// names seen.
fn check_openssl_vectors(vectors: &[OpensslVector]) -> Vec<&'static str> {
    let mut names = Vec::new();
    for v in vectors {
        let PublicKey::Gost(key) = PublicKey::from_spki_der(&v.spki).expect("SPKI parses") else {
            panic!("{}: not a GOST key", v.label);
        };
        let signing = SigningKey::from_pkcs8_der(&v.pkcs8).unwrap_or_else(|e| panic!("{}: {e}", v.label));
        assert_eq!(signing.verifying_key(), &key, "{}: d·P is the engine's public key", v.label);
        assert_eq!(VerifyingKey::from_spki(&v.spki).expect("parses"), key);
        assert_good_and_some_flips_fail(&key, &v.digest, &v.signature, 16);
        let generic = PublicKey::Gost(key.clone());
        let digest_alg = DigestAlgorithm::implied_by_signature_oid(&key.algorithm().signature_oid()).unwrap();
        verify_prehash(&generic, &key.algorithm().signature_oid(), None, digest_alg, &v.digest, &v.signature)
            .unwrap_or_else(|e| panic!("{}: {e}", v.label));
        let ours = signing.sign_prehash_with_rng(&v.digest).expect("signs");
        key.verify_prehash(&v.digest, &ours).expect("our signature verifies");
        names.push(key.param_set().name());
    }
    names
}

#[test]
fn openssl_frozen_vectors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crypto/openssl-gost.txt");
    let vectors = parse_openssl_vectors(&std::fs::read_to_string(path).expect("vectors"));
    let mut names = check_openssl_vectors(&vectors);
    names.sort_unstable();
    names.dedup();
    let mut all: Vec<&str> = ekdo_check::crypto::gost::PARAM_SETS.iter().map(|s| s.name()).collect();
    all.sort_unstable();
    assert_eq!(names, all, "every parameter set has an engine-made vector");
}

/// Whether `openssl` with the gost engine is usable here.
fn openssl_gost_available() -> bool {
    std::process::Command::new("openssl")
        .args(["engine", "gost"])
        .output()
        .map(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).contains("gost"))
        .unwrap_or(false)
}

/// Live cross-check with OpenSSL's gost engine, when it is installed: fresh vectors from
/// the engine verify here, and signatures made here verify in the engine. Without the engine
/// this test checks nothing more (the frozen vectors above always run).
#[test]
fn openssl_live_cross_check() {
    if !openssl_gost_available() {
        eprintln!("openssl with the gost engine is not available: live cross-check skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("ekdo-gost-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("vectors.txt");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crypto/make-openssl-vectors.sh");
    let status = std::process::Command::new("sh").arg(&script).arg(&out).status().expect("runs the script");
    assert!(status.success(), "make-openssl-vectors.sh failed");
    let vectors = parse_openssl_vectors(&std::fs::read_to_string(&out).expect("vectors"));
    assert_eq!(check_openssl_vectors(&vectors).len(), 21);
    // Our signatures, checked by the engine.
    for v in &vectors {
        let signing = SigningKey::from_pkcs8_der(&v.pkcs8).expect("key");
        let ours = signing.sign_prehash_with_rng(&v.digest).expect("signs");
        let (pub_path, digest_path, sig_path) = (dir.join("pub.der"), dir.join("digest"), dir.join("sig"));
        std::fs::write(&pub_path, &v.spki).expect("write");
        std::fs::write(&digest_path, &v.digest).expect("write");
        std::fs::write(&sig_path, ours.to_cms_bytes()).expect("write");
        let output = std::process::Command::new("openssl")
            .args(["pkeyutl", "-engine", "gost", "-verify", "-pubin", "-keyform", "DER", "-inkey"])
            .arg(&pub_path)
            .arg("-in")
            .arg(&digest_path)
            .arg("-sigfile")
            .arg(&sig_path)
            .output()
            .expect("openssl runs");
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("Verified Successfully"),
            "{}: the engine rejects our signature: {}",
            v.label,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The fixture private keys (PKCS#8 PEM as the engine writes them) give their certificates'
/// public keys and sign verifiably; RSA and ECDSA keys are refused.
#[test]
fn fixture_private_keys() {
    let keys_dir = fixtures().join("keys");
    let ca_dir = fixtures().join("ca");
    let mut gost = 0;
    for entry in std::fs::read_dir(&keys_dir).expect("keys") {
        let path = entry.expect("entry").path();
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some(stem) = file.strip_suffix(".key.pem") else { continue };
        let pem = std::fs::read_to_string(&path).expect("pem");
        let cert_der = match stem.strip_prefix("ca-") {
            Some(ca) => std::fs::read(ca_dir.join(format!("{ca}.der"))).expect("CA cert"),
            None => pem_der(&std::fs::read_to_string(keys_dir.join(format!("{stem}.crt.pem"))).expect("cert")),
        };
        let cert_key = PublicKey::from_spki_der(walk::certificate(&walk::read(&cert_der).0).spki).expect("key");
        match SigningKey::from_pkcs8_pem(&pem) {
            Ok(signing) => {
                let PublicKey::Gost(cert_key) = cert_key else { panic!("{file}: a GOST key for a non-GOST cert") };
                assert_eq!(signing.verifying_key(), &cert_key, "{file}");
                let n = cert_key.param_set().field_len();
                let digest = vec![0xA5; n];
                let sig = signing.sign_prehash_with_rng(&digest).expect("signs");
                cert_key.verify_prehash(&digest, &sig).expect("verifies");
                assert!(!format!("{signing:?}").contains(&stem[..3]), "Debug shows no file data");
                gost += 1;
            }
            Err(err) => {
                assert_eq!(err.code, Code::SignKeyInvalid, "{file}");
                assert!(!matches!(cert_key, PublicKey::Gost(_)), "{file}: {err}");
            }
        }
    }
    assert_eq!(gost, 12 + 4, "twelve GOST signers and four GOST CAs");
}

/// CryptoPro's interoperability vectors from gost-engine's `test_params.c`
/// (`tests/data/crypto/gost-engine-cryptopro.txt`): the hash is Streebog of the data, and the
/// signature verifies under the public key on every parameter set they cover.
#[test]
fn cryptopro_interop_vectors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crypto/gost-engine-cryptopro.txt");
    let text = std::fs::read_to_string(path).expect("vectors");
    let mut count = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let set = param_set(f[0]);
        let (data, hash, signature_given, point) = (unhex(f[1]), unhex(f[2]), unhex(f[3]), unhex(f[4]));
        let (algorithm, digest) = if set.bits() == 256 {
            (KeyAlgorithm::Gost2012_256, DigestAlgorithm::Streebog256)
        } else {
            (KeyAlgorithm::Gost2012_512, DigestAlgorithm::Streebog512)
        };
        assert_eq!(digest.digest(&data), hash, "{}: Streebog of the data", set.name());
        let key = VerifyingKey::from_le_coordinates(algorithm, set, &point).expect("on the curve");
        // The source stores the signature reversed: r||s little-endian; CMS order is s||r big-endian.
        let cms = reversed(signature_given);
        assert_good_and_some_flips_fail(&key, &hash, &cms, 8);
        count += 1;
    }
    assert_eq!(count, 7);
}

/// InfoTeCS's self-signed test certificates from gost-engine's `test_params.c`
/// (`tests/data/crypto/infotecs/`): CryptoPro A–C, TC26-256 A–D and TC26-512 A–C.
#[test]
fn infotecs_certificates_verify() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crypto/infotecs");
    let mut seen = Vec::new();
    for name in ["short-cp-a", "short-cp-b", "short-cp-c", "short-tc-a", "short-tc-b", "short-tc-c", "short-tc-d"]
        .into_iter()
        .chain(["long-tc-a", "long-tc-b", "long-tc-c"])
    {
        let der = std::fs::read(dir.join(format!("{name}.der"))).expect("certificate");
        let cert = walk::certificate(&walk::read(&der).0);
        let key = PublicKey::from_spki_der(cert.spki).expect("key");
        let (oid, params) = cert.signature_algorithm;
        let digest = signature_digest(&oid, params).expect("digest");
        verify_message(&key, &oid, params, digest, cert.tbs, cert.signature).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut tampered = cert.tbs.to_vec();
        let last = tampered.len() - 1;
        tampered[last] ^= 0x80;
        let err = verify_message(&key, &oid, params, digest, &tampered, cert.signature).unwrap_err();
        assert_eq!(err.code, Code::SigInvalid, "{name}");
        seen.push(key.parameters_name().expect("a GOST parameter set"));
    }
    assert_eq!(
        seen,
        [
            "CryptoPro-A",
            "CryptoPro-B",
            "CryptoPro-C",
            "TC26-256-A",
            "TC26-256-B",
            "TC26-256-C",
            "TC26-256-D",
            "TC26-512-A",
            "TC26-512-B",
            "TC26-512-C"
        ]
    );
}

/// RSA (PKCS#1 v1.5, PSS) and ECDSA (P-256, P-384) vectors made by OpenSSL
/// (`tests/data/crypto/openssl-other.txt`), through the generic entry, with flipped variants.
#[test]
fn openssl_rsa_and_ecdsa_vectors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crypto/openssl-other.txt");
    let text = std::fs::read_to_string(path).expect("vectors");
    let mut labels = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let (label, spki, oid) = (f[0], unhex(f[1]), ObjectIdentifier::new_unwrap(f[2]));
        let params = (f[3] != "-").then(|| unhex(f[3]));
        let digest = DigestAlgorithm::ALL.into_iter().find(|d| d.name() == f[4]).expect("digest name");
        let (prehash, signature) = (unhex(f[5]), unhex(f[6]));
        let key = PublicKey::from_spki_der(&spki).expect("key");
        let verify = |prehash: &[u8], signature: &[u8]| {
            verify_prehash(&key, &oid, params.as_deref(), digest, prehash, signature)
        };
        verify(&prehash, &signature).unwrap_or_else(|e| panic!("{label}: {e}"));
        // ECDSA uses only the leftmost field-size bits of a longer digest (FIPS 186-5 §6.4.2).
        let used = if key.algorithm_name().starts_with("ecdsa") {
            prehash.len().min(usize::try_from(key.key_bits()).unwrap() / 8)
        } else {
            prehash.len()
        };
        for i in [0, used / 2, used - 1] {
            let mut bad = prehash.clone();
            bad[i] ^= 0x04;
            assert_eq!(verify(&bad, &signature).unwrap_err().code, Code::SigInvalid, "{label}");
        }
        for i in [8, signature.len() / 2, signature.len() - 1] {
            let mut bad = signature.clone();
            bad[i] ^= 0x01;
            let code = verify(&prehash, &bad).unwrap_err().code;
            assert!(matches!(code, Code::SigInvalid | Code::SigEncoding), "{label}: {code}");
        }
        if oid == ekdo_check::crypto::oid::RSASSA_PSS {
            assert_eq!(signature_digest(&oid, params.as_deref()).expect("PSS digest"), digest);
        }
        labels.push((label.to_owned(), key.algorithm_name(), key.key_bits()));
    }
    let names: Vec<&str> = labels.iter().map(|(l, _, _)| l.as_str()).collect();
    assert_eq!(names.len(), 10, "{names:?}");
    assert!(labels.iter().any(|(_, alg, bits)| *alg == "ecdsa-p384" && *bits == 384));
    assert!(labels.iter().any(|(_, alg, bits)| *alg == "rsa" && *bits == 2048));
}

/// Truncated and corrupted keys and signature values give errors, never panics.
#[test]
fn malformed_inputs_do_not_panic() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crypto/openssl-gost.txt");
    let vectors = parse_openssl_vectors(&std::fs::read_to_string(path).expect("vectors"));
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for v in vectors.iter().step_by(3) {
        for input in [&v.spki, &v.pkcs8] {
            for cut in 0..input.len() {
                let _ = PublicKey::from_spki_der(&input[..cut]);
                let _ = SigningKey::from_pkcs8_der(&input[..cut]);
            }
            for _ in 0..60 {
                let mut bad = input.clone();
                let at = usize::try_from(next() % u64::try_from(bad.len()).unwrap()).unwrap();
                bad[at] = u8::try_from(next() & 0xff).unwrap();
                let _ = PublicKey::from_spki_der(&bad);
                let _ = SigningKey::from_pkcs8_der(&bad);
            }
        }
        let key = PublicKey::from_spki_der(&v.spki).expect("key");
        let oid = match &key {
            PublicKey::Gost(k) => k.algorithm().signature_oid(),
            _ => unreachable!(),
        };
        let digest = DigestAlgorithm::implied_by_signature_oid(&oid).expect("digest");
        for cut in [0, 1, v.signature.len() / 2, v.signature.len() - 1] {
            let err = verify_prehash(&key, &oid, None, digest, &v.digest, &v.signature[..cut]).unwrap_err();
            assert_eq!(err.code, Code::SigEncoding);
        }
    }
    for text in ["", "-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----\n!!\n-----END PRIVATE KEY-----"] {
        assert_eq!(SigningKey::from_pkcs8_pem(text).unwrap_err().code, Code::SignKeyInvalid);
    }
}
