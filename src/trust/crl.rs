//! X.509 certificate revocation lists, RFC 5280 §5.
//!
//! ```text
//! CertificateList  ::=  SEQUENCE  {
//!      tbsCertList          TBSCertList,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//!
//! TBSCertList  ::=  SEQUENCE  {
//!      version                 Version OPTIONAL,  -- if present, MUST be v2
//!      signature               AlgorithmIdentifier,
//!      issuer                  Name,
//!      thisUpdate              Time,
//!      nextUpdate              Time OPTIONAL,
//!      revokedCertificates     SEQUENCE OF SEQUENCE  {
//!           userCertificate         CertificateSerialNumber,
//!           revocationDate          Time,
//!           crlEntryExtensions      Extensions OPTIONAL  } OPTIONAL,
//!      crlExtensions           [0]  EXPLICIT Extensions OPTIONAL  }
//! ```
//!
//! The parser keeps the signed bytes (`tbsCertList`) exactly as received, with the signature
//! algorithm and value, so the signature can be verified by the crypto module against the
//! issuing CA's key; it does not verify anything itself. A CRL with an unrecognised critical
//! extension is refused (§5.2), as are entries with one (§5.3).

use std::ops::Range;

use base64::Engine as _;

use super::asn1::{self, tag, DerError, Tlv};
use crate::error::{Code, Finding};
use crate::time::Time;

/// The reason a certificate was revoked, `CRLReason` (RFC 5280 §5.3.1).
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum RevocationReason {
    /// unspecified (0).
    Unspecified,
    /// keyCompromise (1).
    KeyCompromise,
    /// cACompromise (2).
    CaCompromise,
    /// affiliationChanged (3).
    AffiliationChanged,
    /// superseded (4).
    Superseded,
    /// cessationOfOperation (5).
    CessationOfOperation,
    /// certificateHold (6): suspended; still revoked while it lasts.
    CertificateHold,
    /// removeFromCRL (8): only in delta CRLs; the certificate is no longer revoked.
    RemoveFromCrl,
    /// privilegeWithdrawn (9).
    PrivilegeWithdrawn,
    /// aACompromise (10).
    AaCompromise,
}

impl RevocationReason {
    /// The reason with this `CRLReason` value; 7 and values above 10 are not defined.
    pub const fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0 => RevocationReason::Unspecified,
            1 => RevocationReason::KeyCompromise,
            2 => RevocationReason::CaCompromise,
            3 => RevocationReason::AffiliationChanged,
            4 => RevocationReason::Superseded,
            5 => RevocationReason::CessationOfOperation,
            6 => RevocationReason::CertificateHold,
            8 => RevocationReason::RemoveFromCrl,
            9 => RevocationReason::PrivilegeWithdrawn,
            10 => RevocationReason::AaCompromise,
            _ => return None,
        })
    }

    /// The `CRLReason` value.
    pub const fn code(self) -> u8 {
        match self {
            RevocationReason::Unspecified => 0,
            RevocationReason::KeyCompromise => 1,
            RevocationReason::CaCompromise => 2,
            RevocationReason::AffiliationChanged => 3,
            RevocationReason::Superseded => 4,
            RevocationReason::CessationOfOperation => 5,
            RevocationReason::CertificateHold => 6,
            RevocationReason::RemoveFromCrl => 8,
            RevocationReason::PrivilegeWithdrawn => 9,
            RevocationReason::AaCompromise => 10,
        }
    }

    /// The ASN.1 name, such as `"keyCompromise"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RevocationReason::Unspecified => "unspecified",
            RevocationReason::KeyCompromise => "keyCompromise",
            RevocationReason::CaCompromise => "cACompromise",
            RevocationReason::AffiliationChanged => "affiliationChanged",
            RevocationReason::Superseded => "superseded",
            RevocationReason::CessationOfOperation => "cessationOfOperation",
            RevocationReason::CertificateHold => "certificateHold",
            RevocationReason::RemoveFromCrl => "removeFromCRL",
            RevocationReason::PrivilegeWithdrawn => "privilegeWithdrawn",
            RevocationReason::AaCompromise => "aACompromise",
        }
    }
}

/// One revoked certificate (RFC 5280 §5.1.2.6, §5.3).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct RevokedEntry {
    /// The serial, unsigned big-endian without leading zero bytes.
    pub serial: Vec<u8>,
    /// revocationDate.
    pub revocation_date: Time,
    /// reasonCode (2.5.29.21), when given.
    pub reason: Option<RevocationReason>,
    /// invalidityDate (2.5.29.24), when given.
    pub invalidity_date: Option<Time>,
    /// certificateIssuer (2.5.29.29) in force for this entry (indirect CRLs, §5.3.3), as the
    /// raw `GeneralNames` DER; `None` for entries of the CRL issuer itself.
    pub certificate_issuer: Option<Vec<u8>>,
}

impl RevokedEntry {
    /// From when the certificate counts as revoked: the invalidityDate when it is earlier than
    /// the revocationDate (the key was known or suspected compromised before the CA revoked
    /// the certificate, RFC 5280 §5.3.2: a signature made after it is not trusted), else the
    /// revocationDate.
    pub fn invalid_from(&self) -> Time {
        self.invalidity_date.map_or(self.revocation_date, |date| date.min(self.revocation_date))
    }

    /// The serial as lowercase hex.
    pub fn serial_hex(&self) -> String {
        asn1::hex(&self.serial)
    }
}

/// A parsed CRL. Signed parts are kept as received.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Crl {
    der: Vec<u8>,
    tbs: Range<usize>,
    issuer: Range<usize>,
    signature_algorithm_der: Range<usize>,
    by_serial: Vec<usize>,
    /// 1 for a v1 CRL (no version field), 2 for v2.
    pub version: u8,
    /// signatureAlgorithm, dotted OID.
    pub signature_algorithm: String,
    /// signatureAlgorithm parameters as DER, when present.
    pub signature_parameters: Option<Vec<u8>>,
    /// signatureValue, the BIT STRING's bytes (the unused-bits octet removed).
    pub signature: Vec<u8>,
    /// thisUpdate.
    pub this_update: Time,
    /// nextUpdate.
    pub next_update: Option<Time>,
    /// revokedCertificates, in CRL order.
    pub revoked: Vec<RevokedEntry>,
    /// authorityKeyIdentifier keyIdentifier (2.5.29.35).
    pub authority_key_id: Option<Vec<u8>>,
    /// cRLNumber (2.5.29.20), unsigned big-endian.
    pub crl_number: Option<Vec<u8>>,
    /// deltaCRLIndicator (2.5.29.27): the base CRL number, when this is a delta CRL.
    pub delta_base: Option<Vec<u8>>,
    /// issuingDistributionPoint (2.5.29.28), its DER value, when present.
    pub issuing_distribution_point: Option<Vec<u8>>,
}

impl Crl {
    /// Parses a DER CRL.
    ///
    /// # Errors
    /// `CHAIN_CRL_MALFORMED` for malformed DER or structure, `CHAIN_CRL_CRITICAL_EXTENSION` for
    /// an unrecognised critical extension of the CRL or of an entry.
    pub fn from_der(der: &[u8]) -> Result<Crl, Finding> {
        parse(der).map_err(|e| match e {
            Failure::Der(e) => malformed(e),
            Failure::Critical(oid) => Finding::new(Code::ChainCrlCriticalExtension).arg("oid", oid),
        })
    }

    /// Parses a CRL in DER, in PEM (`-----BEGIN X509 CRL-----`) or as bare base64.
    ///
    /// # Errors
    /// `CHAIN_CRL_ENCODING` when the input is none of these, else as [`Crl::from_der`].
    pub fn from_pem_or_der(input: &[u8]) -> Result<Crl, Finding> {
        let trimmed = input.trim_ascii_start();
        if trimmed.first() == Some(&tag::SEQUENCE) {
            return Crl::from_der(trimmed);
        }
        let encoding = |detail: &str| Finding::new(Code::ChainCrlEncoding).arg("detail", detail);
        let text = std::str::from_utf8(trimmed).map_err(|_| encoding("neither DER nor text"))?;
        let body = match text.find("-----BEGIN ") {
            Some(start) => {
                let after = text.get(start..).unwrap_or_default();
                let label_end = after.get(11..).and_then(|s| s.find("-----")).ok_or_else(|| encoding("PEM header"))?;
                let label = after.get(11..label_end.saturating_add(11)).unwrap_or_default();
                if label != "X509 CRL" {
                    return Err(encoding(&format!(
                        "PEM label «{}», not «X509 CRL»",
                        label.chars().take(40).collect::<String>()
                    )));
                }
                let body_start = label_end.saturating_add(16);
                let rest = after.get(body_start..).unwrap_or_default();
                let end = rest.find("-----END X509 CRL-----").ok_or_else(|| encoding("no PEM footer"))?;
                rest.get(..end).unwrap_or_default()
            }
            None => text,
        };
        let compact: Vec<u8> = body.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(&compact)
            .map_err(|_| encoding("the base64 body is malformed"))?;
        Crl::from_der(&der)
    }

    /// The whole CRL, DER, as received.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// tbsCertList as received: the bytes the signature covers.
    pub fn tbs(&self) -> &[u8] {
        self.der.get(self.tbs.clone()).unwrap_or_default()
    }

    /// The issuer Name, DER as received.
    pub fn issuer_der(&self) -> &[u8] {
        self.der.get(self.issuer.clone()).unwrap_or_default()
    }

    /// The outer signatureAlgorithm AlgorithmIdentifier, DER as received.
    pub fn signature_algorithm_der(&self) -> &[u8] {
        self.der.get(self.signature_algorithm_der.clone()).unwrap_or_default()
    }

    /// The cRLNumber as lowercase hex.
    pub fn crl_number_hex(&self) -> Option<String> {
        self.crl_number.as_deref().map(asn1::hex)
    }

    /// A delta CRL (deltaCRLIndicator present).
    pub fn is_delta(&self) -> bool {
        self.delta_base.is_some()
    }

    /// thisUpdate ≤ `t` and, when there is a nextUpdate, `t` < nextUpdate.
    pub fn is_current_at(&self, t: Time) -> bool {
        self.this_update <= t && self.next_update.is_none_or(|next| t < next)
    }

    /// The entry that had revoked the certificate with this serial (big-endian, leading zeros
    /// ignored) at `t`: its [`invalid_from`](RevokedEntry::invalid_from) (revocationDate, or
    /// an earlier invalidityDate) is not after `t`. Entries of other issuers (indirect CRLs)
    /// and removeFromCRL entries do not count.
    pub fn is_revoked(&self, serial: &[u8], at: Time) -> Option<RevokedEntry> {
        let serial = asn1::strip_leading_zeros(serial);
        let key = |i: &usize| self.revoked.get(*i).map(|e| e.serial.as_slice());
        let start = self.by_serial.partition_point(|i| key(i) < Some(serial));
        self.by_serial
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|i| key(i) == Some(serial))
            .filter_map(|i| self.revoked.get(*i))
            .filter(|e| e.certificate_issuer.is_none())
            .filter(|e| e.reason != Some(RevocationReason::RemoveFromCrl))
            .filter(|e| e.invalid_from() <= at)
            .min_by_key(|e| e.invalid_from())
            .cloned()
    }
}

fn malformed(e: DerError) -> Finding {
    Finding::new(Code::ChainCrlMalformed).arg("offset", e.offset).arg("detail", e.detail)
}

enum Failure {
    Der(DerError),
    Critical(String),
}

impl From<DerError> for Failure {
    fn from(e: DerError) -> Self {
        Failure::Der(e)
    }
}

const AUTHORITY_KEY_ID: &[u8] = &[0x55, 0x1D, 0x23];
const CRL_NUMBER: &[u8] = &[0x55, 0x1D, 0x14];
const DELTA_CRL_INDICATOR: &[u8] = &[0x55, 0x1D, 0x1B];
const ISSUING_DISTRIBUTION_POINT: &[u8] = &[0x55, 0x1D, 0x1C];
const FRESHEST_CRL: &[u8] = &[0x55, 0x1D, 0x2E];
const ISSUER_ALT_NAME: &[u8] = &[0x55, 0x1D, 0x12];
const AUTHORITY_INFO_ACCESS: &[u8] = &[0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01];
const REASON_CODE: &[u8] = &[0x55, 0x1D, 0x15];
const HOLD_INSTRUCTION_CODE: &[u8] = &[0x55, 0x1D, 0x17];
const INVALIDITY_DATE: &[u8] = &[0x55, 0x1D, 0x18];
const CERTIFICATE_ISSUER: &[u8] = &[0x55, 0x1D, 0x1D];

/// One extension: its OID contents, criticality and the extnValue contents.
struct Extension<'a> {
    oid: Tlv<'a>,
    critical: bool,
    value: Tlv<'a>,
}

/// Reads `Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension`, refusing duplicates.
fn extensions<'a>(list: &Tlv<'a>) -> Result<Vec<Extension<'a>>, DerError> {
    let mut out: Vec<Extension<'a>> = Vec::new();
    let mut r = list.reader();
    while !r.is_empty() {
        let ext = r.expect(tag::SEQUENCE, "an extension is a SEQUENCE")?;
        let mut e = ext.reader();
        let oid = e.expect(tag::OID, "extnID is an OBJECT IDENTIFIER")?;
        let critical = match e.optional(tag::BOOLEAN)? {
            Some(b) if b.value == [0xFF] => true,
            Some(b) if b.value == [0x00] => false,
            Some(b) => return Err(b.error("malformed BOOLEAN")),
            None => false,
        };
        let value = e.expect(tag::OCTET_STRING, "extnValue is an OCTET STRING")?;
        e.finish("data after extnValue")?;
        if out.iter().any(|x| x.oid.value == oid.value) {
            return Err(ext.error("duplicate extension"));
        }
        out.push(Extension { oid, critical, value });
    }
    Ok(out)
}

fn critical_unknown(ext: &Extension<'_>) -> Failure {
    match asn1::oid_string(&ext.oid) {
        Ok(oid) => Failure::Critical(oid),
        Err(e) => Failure::Der(e),
    }
}

fn integer_in(value: &Tlv<'_>) -> Result<Vec<u8>, DerError> {
    let int = asn1::single(value.value, value.value_offset, tag::INTEGER, "expected an INTEGER")?;
    asn1::unsigned_integer(&int)
}

fn parse(der: &[u8]) -> Result<Crl, Failure> {
    let outer = asn1::single(der, 0, tag::SEQUENCE, "a CRL is a SEQUENCE")?;
    let mut top = outer.reader();
    let tbs = top.expect(tag::SEQUENCE, "tbsCertList is a SEQUENCE")?;
    let algorithm = top.expect(tag::SEQUENCE, "signatureAlgorithm is an AlgorithmIdentifier")?;
    let signature = top.expect(tag::BIT_STRING, "signatureValue is a BIT STRING")?;
    top.finish("data after signatureValue")?;

    let mut alg = algorithm.reader();
    let oid = alg.expect(tag::OID, "the algorithm is an OBJECT IDENTIFIER")?;
    let signature_algorithm = asn1::oid_string(&oid)?;
    let signature_parameters = if alg.is_empty() { None } else { Some(alg.read()?.raw.to_vec()) };
    alg.finish("data after the algorithm parameters")?;
    let signature_bytes = match signature.value.split_first() {
        Some((0, bytes)) => bytes.to_vec(),
        _ => return Err(signature.error("the signature BIT STRING has unused bits").into()),
    };

    let mut r = tbs.reader();
    let version = match r.optional(tag::INTEGER)? {
        Some(v) if v.value == [1] => 2,
        Some(v) => return Err(v.error("unsupported CRL version (only v2 may be written)").into()),
        None => 1,
    };
    let inner_algorithm = r.expect(tag::SEQUENCE, "signature is an AlgorithmIdentifier")?;
    if inner_algorithm.raw != algorithm.raw {
        return Err(inner_algorithm.error("the two signature algorithms differ (RFC 5280 §5.1.1.2)").into());
    }
    let issuer = r.expect(tag::SEQUENCE, "issuer is a Name")?;
    let this_update = asn1::time(&r.read()?)?;
    let next_update = match r.peek_tag() {
        Some(tag::UTC_TIME | tag::GENERALIZED_TIME) => Some(asn1::time(&r.read()?)?),
        _ => None,
    };
    let mut revoked = Vec::new();
    if let Some(list) = r.optional(tag::SEQUENCE)? {
        let mut entries = list.reader();
        let mut issuer_in_force: Option<Vec<u8>> = None;
        while !entries.is_empty() {
            let entry = entries.expect(tag::SEQUENCE, "a revoked certificate is a SEQUENCE")?;
            revoked.push(revoked_entry(&entry, &mut issuer_in_force)?);
        }
    }
    let mut crl = Crl {
        der: der.to_vec(),
        tbs: tbs.offset..tbs.offset.saturating_add(tbs.raw.len()),
        issuer: issuer.offset..issuer.offset.saturating_add(issuer.raw.len()),
        signature_algorithm_der: algorithm.offset..algorithm.offset.saturating_add(algorithm.raw.len()),
        by_serial: Vec::new(),
        version,
        signature_algorithm,
        signature_parameters,
        signature: signature_bytes,
        this_update,
        next_update,
        revoked,
        authority_key_id: None,
        crl_number: None,
        delta_base: None,
        issuing_distribution_point: None,
    };
    if let Some(wrapper) = r.optional(tag::CONTEXT_0)? {
        let list = asn1::single(wrapper.value, wrapper.value_offset, tag::SEQUENCE, "crlExtensions is a SEQUENCE")?;
        for ext in extensions(&list)? {
            match ext.oid.value {
                AUTHORITY_KEY_ID => {
                    let aki = asn1::single(
                        ext.value.value,
                        ext.value.value_offset,
                        tag::SEQUENCE,
                        "AuthorityKeyIdentifier is a SEQUENCE",
                    )?;
                    let mut a = aki.reader();
                    if let Some(id) = a.optional(tag::CONTEXT_PRIMITIVE_0)? {
                        crl.authority_key_id = Some(id.value.to_vec());
                    }
                }
                CRL_NUMBER => crl.crl_number = Some(integer_in(&ext.value)?),
                DELTA_CRL_INDICATOR => crl.delta_base = Some(integer_in(&ext.value)?),
                ISSUING_DISTRIBUTION_POINT => crl.issuing_distribution_point = Some(ext.value.value.to_vec()),
                FRESHEST_CRL | ISSUER_ALT_NAME | AUTHORITY_INFO_ACCESS => {}
                _ if ext.critical => return Err(critical_unknown(&ext)),
                _ => {}
            }
        }
    }
    r.finish("data after crlExtensions")?;
    let mut by_serial: Vec<usize> = (0..crl.revoked.len()).collect();
    by_serial.sort_by(|a, b| {
        let serial = |i: &usize| crl.revoked.get(*i).map(|e| e.serial.as_slice());
        serial(a).cmp(&serial(b)).then(a.cmp(b))
    });
    crl.by_serial = by_serial;
    Ok(crl)
}

fn revoked_entry(entry: &Tlv<'_>, issuer_in_force: &mut Option<Vec<u8>>) -> Result<RevokedEntry, Failure> {
    let mut e = entry.reader();
    let serial = asn1::unsigned_integer(&e.expect(tag::INTEGER, "userCertificate is an INTEGER")?)?;
    let revocation_date = asn1::time(&e.read()?)?;
    let mut reason = None;
    let mut invalidity_date = None;
    if let Some(list) = e.optional(tag::SEQUENCE)? {
        for ext in extensions(&list)? {
            match ext.oid.value {
                REASON_CODE => {
                    let value = asn1::single(
                        ext.value.value,
                        ext.value.value_offset,
                        tag::ENUMERATED,
                        "reasonCode is ENUMERATED",
                    )?;
                    let code = match value.value {
                        [code] => RevocationReason::from_code(*code),
                        _ => None,
                    };
                    reason = Some(code.ok_or_else(|| value.error("undefined CRLReason"))?);
                }
                INVALIDITY_DATE => {
                    let value = asn1::single(
                        ext.value.value,
                        ext.value.value_offset,
                        tag::GENERALIZED_TIME,
                        "invalidityDate is a GeneralizedTime",
                    )?;
                    invalidity_date = Some(asn1::time(&value)?);
                }
                CERTIFICATE_ISSUER => *issuer_in_force = Some(ext.value.value.to_vec()),
                HOLD_INSTRUCTION_CODE => {}
                _ if ext.critical => return Err(critical_unknown(&ext)),
                _ => {}
            }
        }
    }
    e.finish("data after crlEntryExtensions")?;
    Ok(RevokedEntry { serial, revocation_date, reason, invalidity_date, certificate_issuer: issuer_in_force.clone() })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn reasons_round_trip() {
        for code in 0..=12u8 {
            match RevocationReason::from_code(code) {
                Some(reason) => assert_eq!(reason.code(), code),
                None => assert!(code == 7 || code > 10),
            }
        }
        assert_eq!(RevocationReason::KeyCompromise.as_str(), "keyCompromise");
    }

    #[test]
    fn refuses_garbage() {
        assert_eq!(Crl::from_der(&[]).unwrap_err().code, Code::ChainCrlMalformed);
        assert_eq!(Crl::from_der(&[0x30, 0x00]).unwrap_err().code, Code::ChainCrlMalformed);
        assert_eq!(Crl::from_pem_or_der(b"hello").unwrap_err().code, Code::ChainCrlEncoding);
        let pem = b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
        assert_eq!(Crl::from_pem_or_der(pem).unwrap_err().code, Code::ChainCrlEncoding);
    }
}
