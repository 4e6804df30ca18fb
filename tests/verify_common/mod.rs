//! Shared helpers of the `verify_*` and `cms` integration tests: fixture access, a small DER writer and
//! reader, a deterministic generator, and a CAdES-BES builder signing with our GOST code.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::as_conversions,
    clippy::cast_possible_truncation,
    missing_docs
)]

use std::path::{Path, PathBuf};

use ekdo_check::cms::{self, Certificate};
use ekdo_check::crypto::gost::SigningKey;
use ekdo_check::crypto::DigestAlgorithm;
use ekdo_check::report::{SignatureReport, SignerReport};
use ekdo_check::{Kind, Limits, Options, Report, Time};

// ---------------------------------------------------------------------------------------------
// Files.

pub fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path)
}

pub fn read(path: &str) -> Vec<u8> {
    std::fs::read(data(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn fixture(case: &str, name: &str) -> Vec<u8> {
    read(&format!("signatures/{case}/{name}"))
}

/// The document of fixture 01 (every small case signs the same kind of PDF/A).
pub fn document() -> Vec<u8> {
    fixture("01-qualified-person-der", "document.pdf")
}

pub fn certificate(path: &str) -> Certificate {
    Certificate::from_pem_or_der(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn signer_certificate(id: &str) -> Certificate {
    certificate(&format!("signatures/keys/{id}.crt.pem"))
}

pub fn signing_key(path: &str) -> SigningKey {
    let pem = std::fs::read_to_string(data(path)).unwrap();
    SigningKey::from_pkcs8_pem(&pem).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn time(text: &str) -> Time {
    Time::parse_rfc3339(text).unwrap()
}

/// The time the fixtures are checked at.
pub fn at() -> Time {
    time("2026-11-25T12:00:00Z")
}

pub fn trust_list_from(xml: &[u8]) -> std::sync::Arc<ekdo_check::trust::TrustList> {
    std::sync::Arc::new(ekdo_check::trust::TrustList::parse(xml, &Limits::default()).unwrap())
}

/// The fixture trust list.
pub fn fixture_trust_list() -> std::sync::Arc<ekdo_check::trust::TrustList> {
    static LIST: std::sync::OnceLock<std::sync::Arc<ekdo_check::trust::TrustList>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| trust_list_from(&read("signatures/tsl.xml"))).clone()
}

pub fn options(with_tsl: bool) -> Options {
    let mut options = Options::at(at());
    if with_tsl {
        options.trust_list = Some(fixture_trust_list());
    }
    options
}

// ---------------------------------------------------------------------------------------------
// Reports.

/// Checks one signature file over `document`.
pub fn check_one(document: &[u8], signature: &[u8], options: &Options) -> Report {
    ekdo_check::check(document, &[ekdo_check::SignatureFile { name: "test.sig", bytes: signature }], options)
}

pub fn only_signature(report: &Report) -> &SignatureReport {
    assert_eq!(report.signatures.len(), 1);
    &report.signatures[0]
}

pub fn only_signer(report: &Report) -> &SignerReport {
    let s = only_signature(report);
    assert_eq!(s.parse, "ok", "{:?}", s.error);
    assert_eq!(s.signers.len(), 1);
    &s.signers[0]
}

/// The reason codes of a signer, with their outcome.
pub fn reasons(signer: &SignerReport) -> Vec<(String, bool)> {
    signer.reasons.iter().map(|r| (r.message.code.clone(), r.ok)).collect()
}

pub fn has_reason(signer: &SignerReport, code: &str, ok: bool) -> bool {
    signer.reasons.iter().any(|r| r.message.code == code && r.ok == ok)
}

pub fn finding_codes(signer: &SignerReport) -> Vec<String> {
    signer.details.findings.iter().map(|m| m.code.clone()).collect()
}

pub fn kind(signer: &SignerReport) -> Kind {
    signer.kind.unwrap()
}

// ---------------------------------------------------------------------------------------------
// A minimal DER writer and reader.

pub fn der_len(n: usize) -> Vec<u8> {
    if n < 0x80 {
        vec![n as u8]
    } else {
        let bytes: Vec<u8> = n.to_be_bytes().iter().copied().skip_while(|b| *b == 0).collect();
        let mut out = vec![0x80 | bytes.len() as u8];
        out.extend(bytes);
        out
    }
}

pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(der_len(content.len()));
    out.extend_from_slice(content);
    out
}

pub fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &cat(parts))
}

pub fn set(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x31, &cat(parts))
}

pub fn oid_der(dotted: &str) -> Vec<u8> {
    let arcs: Vec<u64> = dotted.split('.').map(|a| a.parse().unwrap()).collect();
    let mut body = Vec::new();
    let mut push = |mut v: u64| {
        let mut tmp = vec![(v & 0x7f) as u8];
        v >>= 7;
        while v > 0 {
            tmp.push(0x80 | (v & 0x7f) as u8);
            v >>= 7;
        }
        tmp.reverse();
        body.extend(tmp);
    };
    push(arcs[0] * 40 + arcs[1]);
    for a in &arcs[2..] {
        push(*a);
    }
    tlv(0x06, &body)
}

pub fn attr(oid: &str, values: &[&[u8]]) -> Vec<u8> {
    seq(&[&oid_der(oid), &set(values)])
}

pub fn content_info(signed_data: &[u8]) -> Vec<u8> {
    seq(&[&oid_der("1.2.840.113549.1.7.2"), &tlv(0xa0, signed_data)])
}

/// Consecutive DER elements (one-byte tags, definite lengths): (tag, raw, content).
pub fn elements(mut data: &[u8]) -> Vec<(u8, &[u8], &[u8])> {
    let mut out = Vec::new();
    while !data.is_empty() {
        let tag = data[0];
        let (len, header) = if data[1] < 0x80 {
            (data[1] as usize, 2)
        } else {
            let n = (data[1] & 0x7f) as usize;
            (data[2..2 + n].iter().fold(0usize, |a, b| a << 8 | *b as usize), 2 + n)
        };
        out.push((tag, &data[..header + len], &data[header..header + len]));
        data = &data[header + len..];
    }
    out
}

/// Re-encodes DER as BER: every constructed element with an indefinite length; OCTET STRINGs
/// longer than `chunk` cut into constructed segments (as CryptoPro writes attached content).
/// `keep` is left exactly as it is wherever it occurs as a whole element (the signedAttrs, which
/// must stay DER).
pub fn berify(der: &[u8], chunk: usize, keep: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for (tag, raw, content) in elements(der) {
        if keep.contains(&raw) {
            out.extend_from_slice(raw);
        } else if tag & 0x20 != 0 {
            out.extend([tag, 0x80]);
            out.extend(berify(content, chunk, keep));
            out.extend([0, 0]);
        } else if tag == 0x04 && content.len() > chunk {
            out.extend([0x24, 0x80]);
            for piece in content.chunks(chunk) {
                out.extend(tlv(0x04, piece));
            }
            out.extend([0, 0]);
        } else {
            out.extend_from_slice(raw);
        }
    }
    out
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The DER of a time as UTCTime.
pub fn utc_time(t: &str) -> Vec<u8> {
    // "2026-11-24T09:23:04Z" -> "261124092304Z"
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    tlv(0x17, format!("{}Z", &digits[2..14]).as_bytes())
}

// ---------------------------------------------------------------------------------------------
// A deterministic generator (xorshift64*).

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A byte other than zero, to XOR into a byte so that it changes.
    pub fn flip(&mut self) -> u8 {
        (self.next() % 255) as u8 + 1
    }
}

// ---------------------------------------------------------------------------------------------
// CAdES-BES built in the test and signed with our GOST code.

pub const OID_DATA: &str = "1.2.840.113549.1.7.1";
pub const OID_CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
pub const OID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
pub const OID_SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
pub const OID_SIGNING_CERTIFICATE_V2: &str = "1.2.840.113549.1.9.16.2.47";
pub const OID_SIGNATURE_TIME_STAMP: &str = "1.2.840.113549.1.9.16.2.14";
pub const OID_STREEBOG_256: &str = "1.2.643.7.1.1.2.2";
pub const OID_STREEBOG_512: &str = "1.2.643.7.1.1.2.3";
pub const OID_GOST2012_256_SIGNATURE: &str = "1.2.643.7.1.1.3.2";
pub const OID_GOST2012_512_SIGNATURE: &str = "1.2.643.7.1.1.3.3";

/// How the SignerInfo names its certificate.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Sid {
    IssuerSerial,
    KeyId,
}

/// What to put into a CAdES-BES signature made by [`Builder::build`].
pub struct Builder<'a> {
    pub key: &'a SigningKey,
    /// The signer's certificate, DER.
    pub cert: &'a Certificate,
    /// The certificate the ESS signingCertificateV2 names (normally `cert`).
    pub ess_cert: Option<&'a Certificate>,
    /// Certificates to carry (besides the signer's, which always goes first).
    pub extra_certs: Vec<Vec<u8>>,
    pub content: &'a [u8],
    pub attached: bool,
    pub signing_time: Option<&'a str>,
    pub extra_signed: Vec<Vec<u8>>,
    pub unsigned: Vec<Vec<u8>>,
    pub sid: Sid,
    /// None: no signedAttrs at all (the signature is over the content digest).
    pub with_attrs: bool,
    /// The signatureAlgorithm OID written into the SignerInfo.
    pub signature_oid: Option<&'a str>,
}

impl<'a> Builder<'a> {
    pub fn new(key: &'a SigningKey, cert: &'a Certificate, content: &'a [u8]) -> Self {
        Builder {
            key,
            cert,
            ess_cert: Some(cert),
            extra_certs: Vec::new(),
            content,
            attached: false,
            signing_time: Some("2026-11-24T09:23:04Z"),
            extra_signed: Vec::new(),
            unsigned: Vec::new(),
            sid: Sid::IssuerSerial,
            with_attrs: true,
            signature_oid: None,
        }
    }

    fn digest(&self) -> (DigestAlgorithm, &'static str, &'static str) {
        if self.key.verifying_key().param_set().bits() == 512 {
            (DigestAlgorithm::Streebog512, OID_STREEBOG_512, OID_GOST2012_512_SIGNATURE)
        } else {
            (DigestAlgorithm::Streebog256, OID_STREEBOG_256, OID_GOST2012_256_SIGNATURE)
        }
    }

    /// The signedAttrs as a SET (tag 0x31), in the order given.
    pub fn signed_attrs(&self) -> Vec<u8> {
        let (digest, digest_oid, _) = self.digest();
        let mut attrs = vec![
            attr(OID_CONTENT_TYPE, &[&oid_der(OID_DATA)]),
            attr(OID_MESSAGE_DIGEST, &[&tlv(0x04, &digest.digest(self.content))]),
        ];
        if let Some(t) = self.signing_time {
            attrs.insert(1, attr(OID_SIGNING_TIME, &[&utc_time(t)]));
        }
        if let Some(ess) = self.ess_cert {
            let hash = digest.digest(&ess.der);
            let issuer_serial = seq(&[&seq(&[&tlv(0xa4, &ess.issuer_der)]), &tlv(0x02, &ess.serial)]);
            let id = seq(&[&seq(&[&oid_der(digest_oid)]), &tlv(0x04, &hash), &issuer_serial]);
            attrs.push(attr(OID_SIGNING_CERTIFICATE_V2, &[&seq(&[&seq(&[&id])])]));
        }
        attrs.extend(self.extra_signed.iter().cloned());
        let refs: Vec<&[u8]> = attrs.iter().map(Vec::as_slice).collect();
        set(&refs)
    }

    /// The SignerInfo and the whole ContentInfo, DER.
    pub fn build(&self) -> Vec<u8> {
        let (digest, digest_oid, signature_oid) = self.digest();
        let signature_oid = self.signature_oid.unwrap_or(signature_oid);
        let (signed_field, prehash) = if self.with_attrs {
            let attrs = self.signed_attrs();
            let prehash = digest.digest(&attrs);
            let mut implicit = attrs;
            implicit[0] = 0xa0;
            (implicit, prehash)
        } else {
            (Vec::new(), digest.digest(self.content))
        };
        let signature = self.key.sign_prehash_with_rng(&prehash).unwrap().to_cms_bytes();
        let (sid, version) = match self.sid {
            Sid::IssuerSerial => (seq(&[&self.cert.issuer_der, &tlv(0x02, &self.cert.serial)]), 1u8),
            Sid::KeyId => (tlv(0x80, self.cert.subject_key_id.as_ref().unwrap()), 3u8),
        };
        let unsigned = if self.unsigned.is_empty() {
            Vec::new()
        } else {
            let refs: Vec<&[u8]> = self.unsigned.iter().map(Vec::as_slice).collect();
            tlv(0xa1, &cat(&refs))
        };
        let signer_info = seq(&[
            &tlv(0x02, &[version]),
            &sid,
            &seq(&[&oid_der(digest_oid)]),
            &signed_field,
            &seq(&[&oid_der(signature_oid)]),
            &tlv(0x04, &signature),
            &unsigned,
        ]);
        let encap = if self.attached {
            seq(&[&oid_der(OID_DATA), &tlv(0xa0, &tlv(0x04, self.content))])
        } else {
            seq(&[&oid_der(OID_DATA)])
        };
        let mut certs: Vec<&[u8]> = vec![&self.cert.der];
        certs.extend(self.extra_certs.iter().map(Vec::as_slice));
        let sd_version = if self.sid == Sid::KeyId { 3u8 } else { 1u8 };
        content_info(&seq(&[
            &tlv(0x02, &[sd_version]),
            &set(&[&seq(&[&oid_der(digest_oid)])]),
            &encap,
            &tlv(0xa0, &cat(&certs)),
            &set(&[&signer_info]),
        ]))
    }
}

/// The signature value (OCTET STRING contents) of the first signer of a CMS.
pub fn signature_value(cms_bytes: &[u8]) -> Vec<u8> {
    cms::parse(cms_bytes, &Limits::default()).unwrap().signers[0].signature.clone()
}

/// Rebuilds a DER ContentInfo with `edit` applied to the parts (tag, raw) of its first
/// SignerInfo: version, sid, digestAlgorithm, [signedAttrs], signatureAlgorithm, signature,
/// [unsignedAttrs].
pub fn edit_signer_info(cms_der: &[u8], edit: impl FnOnce(&mut Vec<Vec<u8>>)) -> Vec<u8> {
    let ci = elements(cms_der)[0].2;
    let ci_parts = elements(ci);
    let sd = elements(ci_parts[1].2)[0].2;
    let mut sd_parts: Vec<Vec<u8>> = elements(sd).iter().map(|(_, raw, _)| raw.to_vec()).collect();
    let infos = sd_parts.pop().unwrap();
    let mut signers: Vec<Vec<u8>> = elements(elements(&infos)[0].2).iter().map(|(_, raw, _)| raw.to_vec()).collect();
    let mut parts: Vec<Vec<u8>> = elements(elements(&signers[0])[0].2).iter().map(|(_, raw, _)| raw.to_vec()).collect();
    edit(&mut parts);
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    signers[0] = seq(&refs);
    let refs: Vec<&[u8]> = signers.iter().map(Vec::as_slice).collect();
    sd_parts.push(set(&refs));
    let refs: Vec<&[u8]> = sd_parts.iter().map(Vec::as_slice).collect();
    content_info(&seq(&refs))
}

/// The CMS with `attributes` added to the first SignerInfo's unsignedAttrs.
pub fn with_unsigned(cms_der: &[u8], attributes: &[&[u8]]) -> Vec<u8> {
    edit_signer_info(cms_der, |parts| {
        let mut content = Vec::new();
        if parts.last().is_some_and(|p| p[0] == 0xa1) {
            content = elements(&parts.pop().unwrap())[0].2.to_vec();
        }
        for a in attributes {
            content.extend_from_slice(a);
        }
        parts.push(tlv(0xa1, &content));
    })
}

/// The test PKI of tests/data/verify.
pub fn verify_data(path: &str) -> Vec<u8> {
    read(&format!("verify/{path}"))
}

pub fn verify_cert(name: &str) -> Certificate {
    certificate(&format!("verify/certs/{name}.pem"))
}

/// A CRL built and signed in the test (RFC 5280 §5.1), GOST R 34.10-2012 256 with Streebog-256.
pub struct CrlBuilder<'a> {
    /// The key that signs the CRL.
    pub key: &'a SigningKey,
    /// The issuer Name, DER.
    pub issuer_der: Vec<u8>,
    pub this_update: &'a str,
    pub next_update: Option<&'a str>,
    /// (serial contents, revocationDate, reasonCode).
    pub revoked: Vec<(Vec<u8>, &'a str, Option<u8>)>,
    /// authorityKeyIdentifier keyIdentifier.
    pub authority_key_id: Option<Vec<u8>>,
    /// deltaCRLIndicator's base CRL number: a delta CRL.
    pub delta_base: Option<u8>,
}

impl<'a> CrlBuilder<'a> {
    pub fn new(key: &'a SigningKey, issuer: &Certificate, this_update: &'a str, next_update: Option<&'a str>) -> Self {
        CrlBuilder {
            key,
            issuer_der: issuer.subject_der.clone(),
            this_update,
            next_update,
            revoked: Vec::new(),
            authority_key_id: issuer.subject_key_id.clone(),
            delta_base: None,
        }
    }

    pub fn build(&self) -> Vec<u8> {
        let algorithm = seq(&[&oid_der(OID_GOST2012_256_SIGNATURE)]);
        let entries: Vec<Vec<u8>> = self
            .revoked
            .iter()
            .map(|(serial, date, reason)| {
                let extensions = reason
                    .map(|code| seq(&[&seq(&[&oid_der("2.5.29.21"), &tlv(0x04, &tlv(0x0a, &[code]))])]))
                    .unwrap_or_default();
                seq(&[&tlv(0x02, serial), &utc_time(date), &extensions])
            })
            .collect();
        let entries = if entries.is_empty() {
            Vec::new()
        } else {
            let refs: Vec<&[u8]> = entries.iter().map(Vec::as_slice).collect();
            seq(&refs)
        };
        let mut extensions = vec![seq(&[&oid_der("2.5.29.20"), &tlv(0x04, &tlv(0x02, &[0x10]))])];
        if let Some(id) = &self.authority_key_id {
            extensions.push(seq(&[&oid_der("2.5.29.35"), &tlv(0x04, &seq(&[&tlv(0x80, id)]))]));
        }
        if let Some(base) = self.delta_base {
            extensions.push(seq(&[&oid_der("2.5.29.27"), &tlv(0x01, &[0xff]), &tlv(0x04, &tlv(0x02, &[base]))]));
        }
        let refs: Vec<&[u8]> = extensions.iter().map(Vec::as_slice).collect();
        let tbs = seq(&[
            &tlv(0x02, &[1]),
            &algorithm,
            &self.issuer_der,
            &utc_time(self.this_update),
            &self.next_update.map(utc_time).unwrap_or_default(),
            &entries,
            &tlv(0xa0, &seq(&refs)),
        ]);
        let prehash = DigestAlgorithm::Streebog256.digest(&tbs);
        let signature = self.key.sign_prehash_with_rng(&prehash).unwrap().to_cms_bytes();
        seq(&[&tbs, &algorithm, &tlv(0x03, &cat(&[&[0], &signature]))])
    }
}

/// A Name with one CN, DER.
pub fn cn_name(cn: &str) -> Vec<u8> {
    seq(&[&set(&[&seq(&[&oid_der("2.5.4.3"), &tlv(0x0c, cn.as_bytes())])])])
}

/// A certificate built in the test (RFC 5280 §4.1): GOST R 34.10-2012 256 with Streebog-256.
#[derive(Clone)]
pub struct CertBuilder {
    pub subject_der: Vec<u8>,
    pub issuer_der: Vec<u8>,
    pub serial: Vec<u8>,
    pub not_before: String,
    pub not_after: String,
    pub spki_der: Vec<u8>,
    /// basicConstraints cA (None: no basicConstraints at all).
    pub ca: Option<bool>,
    /// basicConstraints pathLenConstraint (with `ca: Some(true)`).
    pub path_len: Option<u8>,
    pub subject_key_id: Option<Vec<u8>>,
    pub authority_key_id: Option<Vec<u8>>,
    /// keyUsage bits (first byte of the BIT STRING), when present.
    pub key_usage: Option<u8>,
    /// More extensions, DER, appended as they are.
    pub extra_extensions: Vec<Vec<u8>>,
}

impl CertBuilder {
    /// A CA certificate named `subject`, with the key of `key_owner` (its SPKI), issued by
    /// `issuer`.
    pub fn ca(subject: &str, issuer: &str, key_owner: &Certificate, serial: u16) -> Self {
        CertBuilder {
            subject_der: cn_name(subject),
            issuer_der: cn_name(issuer),
            serial: serial.to_be_bytes().to_vec(),
            not_before: "2026-01-01T00:00:00Z".to_owned(),
            not_after: "2036-01-01T00:00:00Z".to_owned(),
            spki_der: key_owner.spki_der.clone(),
            ca: Some(true),
            path_len: None,
            subject_key_id: None,
            authority_key_id: None,
            key_usage: None,
            extra_extensions: Vec::new(),
        }
    }

    pub fn tbs(&self) -> Vec<u8> {
        let mut extensions = Vec::new();
        if let Some(ca) = self.ca {
            let value = match (ca, self.path_len) {
                (true, Some(n)) => seq(&[&tlv(0x01, &[0xff]), &tlv(0x02, &[n])]),
                (true, None) => seq(&[&tlv(0x01, &[0xff])]),
                (false, _) => seq(&[]),
            };
            extensions.push(seq(&[&oid_der("2.5.29.19"), &tlv(0x01, &[0xff]), &tlv(0x04, &value)]));
        }
        if let Some(bits) = self.key_usage {
            extensions.push(seq(&[&oid_der("2.5.29.15"), &tlv(0x01, &[0xff]), &tlv(0x04, &tlv(0x03, &[1, bits]))]));
        }
        if let Some(id) = &self.subject_key_id {
            extensions.push(seq(&[&oid_der("2.5.29.14"), &tlv(0x04, &tlv(0x04, id))]));
        }
        if let Some(id) = &self.authority_key_id {
            extensions.push(seq(&[&oid_der("2.5.29.35"), &tlv(0x04, &seq(&[&tlv(0x80, id)]))]));
        }
        extensions.extend(self.extra_extensions.iter().cloned());
        let refs: Vec<&[u8]> = extensions.iter().map(Vec::as_slice).collect();
        let extensions = if refs.is_empty() { Vec::new() } else { tlv(0xa3, &seq(&refs)) };
        seq(&[
            &tlv(0xa0, &tlv(0x02, &[2])),
            &tlv(0x02, &self.serial),
            &seq(&[&oid_der(OID_GOST2012_256_SIGNATURE)]),
            &self.issuer_der,
            &seq(&[&utc_time(&self.not_before), &utc_time(&self.not_after)]),
            &self.subject_der,
            &self.spki_der,
            &extensions,
        ])
    }

    /// The certificate signed by `issuer_key`.
    pub fn sign(&self, issuer_key: &SigningKey) -> Vec<u8> {
        let tbs = self.tbs();
        let prehash = DigestAlgorithm::Streebog256.digest(&tbs);
        let signature = issuer_key.sign_prehash_with_rng(&prehash).unwrap().to_cms_bytes();
        self.wrap(&tbs, &signature)
    }

    /// The certificate with a signature value that is not a signature (for decoys whose own
    /// signature is never checked).
    pub fn unsigned(&self, filler: u8) -> Vec<u8> {
        self.wrap(&self.tbs(), &[filler; 64])
    }

    fn wrap(&self, tbs: &[u8], signature: &[u8]) -> Vec<u8> {
        seq(&[tbs, &seq(&[&oid_der(OID_GOST2012_256_SIGNATURE)]), &tlv(0x03, &cat(&[&[0], signature]))])
    }
}

/// Parses a DER certificate built in the test.
pub fn parse_cert(der: &[u8]) -> Certificate {
    Certificate::from_der(der).unwrap()
}

/// A certificate of the TBSCertificate `tbs` (as received) signed by `key` with GOST R
/// 34.10-2012 256 and Streebog-256.
pub fn sign_tbs(tbs: &[u8], key: &SigningKey) -> Vec<u8> {
    let prehash = DigestAlgorithm::Streebog256.digest(tbs);
    let signature = key.sign_prehash_with_rng(&prehash).unwrap().to_cms_bytes();
    seq(&[tbs, &seq(&[&oid_der(OID_GOST2012_256_SIGNATURE)]), &tlv(0x03, &cat(&[&[0], &signature]))])
}

/// The CMS with its SignerInfo set replaced by `n` copies of the first SignerInfo.
pub fn with_copies_of_signer(cms_der: &[u8], n: usize) -> Vec<u8> {
    let ci = elements(cms_der)[0].2;
    let sd = elements(elements(ci)[1].2)[0].2;
    let mut parts: Vec<Vec<u8>> = elements(sd).iter().map(|(_, raw, _)| raw.to_vec()).collect();
    let infos = parts.pop().unwrap();
    let first = elements(elements(&infos)[0].2)[0].1.to_vec();
    let copies: Vec<&[u8]> = (0..n).map(|_| first.as_slice()).collect();
    parts.push(set(&copies));
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    content_info(&seq(&refs))
}
