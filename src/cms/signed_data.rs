//! CMS SignedData (RFC 5652 §5) read from BER or DER, keeping signed bytes as received.
//!
//! ```text
//! ContentInfo ::= SEQUENCE { contentType ContentType, content [0] EXPLICIT ANY DEFINED BY contentType }
//!
//! SignedData ::= SEQUENCE {
//!   version CMSVersion,
//!   digestAlgorithms DigestAlgorithmIdentifiers,
//!   encapContentInfo EncapsulatedContentInfo,
//!   certificates [0] IMPLICIT CertificateSet OPTIONAL,
//!   crls [1] IMPLICIT RevocationInfoChoices OPTIONAL,
//!   signerInfos SignerInfos }
//!
//! EncapsulatedContentInfo ::= SEQUENCE {
//!   eContentType ContentType,
//!   eContent [0] EXPLICIT OCTET STRING OPTIONAL }
//!
//! SignerInfo ::= SEQUENCE {
//!   version CMSVersion,
//!   sid SignerIdentifier,
//!   digestAlgorithm DigestAlgorithmIdentifier,
//!   signedAttrs [0] IMPLICIT SignedAttributes OPTIONAL,
//!   signatureAlgorithm SignatureAlgorithmIdentifier,
//!   signature SignatureValue,
//!   unsignedAttrs [1] IMPLICIT UnsignedAttributes OPTIONAL }
//!
//! SignerIdentifier ::= CHOICE {
//!   issuerAndSerialNumber IssuerAndSerialNumber,
//!   subjectKeyIdentifier [0] SubjectKeyIdentifier }
//! ```

use const_oid::ObjectIdentifier;

use crate::cms::attrs::{self, same_name, Attribute, SignedAttrs, TimeStamp};
use crate::cms::ber::{self, universal, Class, Ctx, Reader, Tag, Tlv};
use crate::cms::certificate::{same_serial, Certificate};
use crate::cms::input::{self, Encoding};
use crate::cms::oid;
use crate::error::{Code, Finding};
use crate::limits::Limits;

/// The most digestAlgorithms entries; one or two in practice.
pub const MAX_DIGEST_ALGORITHMS: usize = 64;

/// An AlgorithmIdentifier (RFC 5280 §4.1.1.2).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct AlgorithmId {
    /// algorithm.
    pub oid: ObjectIdentifier,
    /// parameters, the element as received (`05 00` for NULL); `None` when absent.
    pub params_der: Option<Vec<u8>>,
}

impl AlgorithmId {
    pub(crate) fn from_tlv(tlv: &Tlv<'_>) -> Result<AlgorithmId, Finding> {
        let seq = tlv.expect(Tag::universal(universal::SEQUENCE, true), "an AlgorithmIdentifier (SEQUENCE)")?;
        let mut f = seq.reader()?;
        let oid = f.read()?.oid()?;
        let params_der = if f.is_empty() { None } else { Some(f.read()?.raw.to_vec()) };
        f.finish("an AlgorithmIdentifier")?;
        Ok(AlgorithmId { oid, params_der })
    }
}

/// A signature file, parsed.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ParsedSignature {
    /// How the file was encoded.
    pub encoding: Encoding,
    /// The binary form uses BER (also under PEM or base64).
    pub ber: bool,
    /// SignedData version.
    pub version: u8,
    /// eContentType, dotted (`1.2.840.113549.1.7.1` for id-data).
    pub content_type: String,
    /// The attached eContent (segments concatenated); `None` for a detached signature.
    pub content: Option<Vec<u8>>,
    /// digestAlgorithms, dotted OIDs.
    pub digest_algorithms: Vec<String>,
    /// The certificates carried (CertificateChoices other than a certificate are skipped).
    pub certificates: Vec<Certificate>,
    /// The CRLs carried (CertificateList elements as received).
    pub crls: Vec<Vec<u8>>,
    /// The signers, in order.
    pub signers: Vec<SignerInfo>,
    /// Findings on the file: trailing data, certificates that could not be read.
    pub findings: Vec<Finding>,
}

/// How a SignerInfo names its certificate.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum SignerId {
    /// issuerAndSerialNumber: the issuer Name as received and the serial's contents.
    IssuerSerial {
        /// The issuer Name element as received.
        issuer_der: Vec<u8>,
        /// The serialNumber INTEGER's contents.
        serial: Vec<u8>,
    },
    /// subjectKeyIdentifier.
    SubjectKeyId(Vec<u8>),
}

/// One signer.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SignerInfo {
    /// CMSVersion (1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier).
    pub version: u8,
    /// The signer's certificate identifier.
    pub sid: SignerId,
    /// digestAlgorithm.
    pub digest_algorithm: AlgorithmId,
    /// signedAttrs; `None` for a plain signature over the content (`openssl cms -noattr`).
    pub signed_attrs: Option<SignedAttrs>,
    /// signatureAlgorithm.
    pub signature_algorithm: AlgorithmId,
    /// The signature value (OCTET STRING contents).
    pub signature: Vec<u8>,
    /// unsignedAttrs, in order.
    pub unsigned_attrs: Vec<Attribute>,
    /// The signature time-stamps among the unsigned attributes, read.
    pub timestamps: Vec<TimeStamp>,
    /// Findings on this signer: attribute duplicates, missing or mismatched attributes,
    /// non-DER signed attributes, unreadable time-stamps.
    pub findings: Vec<Finding>,
}

impl SignerInfo {
    /// The signer's certificate among `certs`: issuer and serial number match (the issuer as
    /// the same bytes or the same attribute values), or the subjectKeyIdentifier matches.
    pub fn certificate<'a>(&self, certs: &'a [Certificate]) -> Option<&'a Certificate> {
        match &self.sid {
            SignerId::IssuerSerial { issuer_der, serial } => {
                certs.iter().find(|c| same_serial(&c.serial, serial) && same_name(issuer_der, c))
            }
            SignerId::SubjectKeyId(id) => certs.iter().find(|c| c.subject_key_id.as_deref() == Some(id.as_slice())),
        }
    }

    /// `"issuer_serial"` or `"subject_key_id"`, as the report writes it.
    pub fn signer_id_kind(&self) -> &'static str {
        match self.sid {
            SignerId::IssuerSerial { .. } => "issuer_serial",
            SignerId::SubjectKeyId(_) => "subject_key_id",
        }
    }

    /// The report's digest name (`streebog256`, `sha256`, ...).
    pub fn digest_algorithm_name(&self) -> Option<&'static str> {
        oid::digest_algorithm_name(&self.digest_algorithm.oid)
    }

    /// The first ESS certificate identifier: signing-certificate-v2, else signing-certificate.
    pub fn ess_cert_id(&self) -> Option<&attrs::EssCertIdV2> {
        let signed = self.signed_attrs.as_ref()?;
        signed
            .signing_certificate_v2
            .as_ref()
            .and_then(|v| v.first())
            .or_else(|| signed.signing_certificate_v1.as_ref().and_then(|v| v.first()))
    }

    /// Whether the ESS signing-certificate(-v2) attribute names `cert` (its hash over the
    /// embedded certificate bytes, and issuerSerial when present). `None` without the attribute
    /// or when its hash is not SHA-1/SHA-2: then use [`SignerInfo::signing_certificate_matches_with`]
    /// and a GOST R 34.11 digest.
    pub fn signing_certificate_matches(&self, cert: &Certificate) -> Option<bool> {
        self.ess_cert_id()?.matches(cert)
    }

    /// [`SignerInfo::signing_certificate_matches`] with the caller's digest function.
    pub fn signing_certificate_matches_with(&self, cert: &Certificate, digest: &attrs::DigestFn) -> Option<bool> {
        self.ess_cert_id()?.matches_with(cert, digest)
    }
}

/// Parses a signature file in any supported encoding: sniffs it (`input::decode`), then reads
/// ContentInfo / SignedData.
///
/// # Errors
/// The input codes of [`input::decode`]; `CMS_CERTIFICATE_NOT_SIGNATURE` for a bare
/// certificate; `CMS_NOT_SIGNED_DATA` for another content type; `CMS_NO_SIGNERS`; the structural
/// codes (`CMS_MALFORMED`, `CMS_TRUNCATED`, `CMS_BER_UNTERMINATED`); `LIMIT_CMS_NESTING`,
/// `LIMIT_CMS_CERTIFICATES`, `LIMIT_CMS_SIGNERS`, `LIMIT_CMS_ELEMENTS`.
pub fn parse(input: &[u8], limits: &Limits) -> Result<ParsedSignature, Finding> {
    let decoded = input::decode(input, limits)?;
    let mut reader = Reader::new(&decoded.bytes, usize::from(limits.max_nesting));
    let top = reader.read()?;
    let mut parsed = parse_content_info(&top, limits, true, Some(decoded.ber))?;
    parsed.encoding = decoded.encoding;
    parsed.ber = decoded.ber;
    if let Some(trailing) = decoded.trailing {
        parsed.findings.insert(0, trailing);
    }
    Ok(parsed)
}

/// Reads a ContentInfo holding SignedData. `time_stamps` says whether to read signature
/// time-stamp tokens among the unsigned attributes (not inside a token: one level only);
/// `known_ber` whether the element uses BER, when the caller knows (else it is scanned).
pub(crate) fn parse_content_info(
    tlv: &Tlv<'_>,
    limits: &Limits,
    time_stamps: bool,
    known_ber: Option<bool>,
) -> Result<ParsedSignature, Finding> {
    if !tlv.is(Class::Universal, universal::SEQUENCE) || !tlv.tag.constructed {
        return Err(Finding::new(Code::CmsNotSignedData).arg("oid", "—"));
    }
    let mut f = tlv.reader()?;
    let first = f.read()?;
    if first.is(Class::Universal, universal::SEQUENCE) {
        return Err(match Certificate::from_tlv(tlv) {
            Ok(_) => Finding::new(Code::CmsCertificateNotSignature),
            Err(_) => Finding::new(Code::CmsNotSignedData).arg("oid", "—"),
        });
    }
    let content_type = first.oid()?;
    if content_type != oid::SIGNED_DATA {
        return Err(Finding::new(Code::CmsNotSignedData).arg("oid", content_type));
    }
    let explicit =
        f.read_if(Class::Context, 0)?.ok_or_else(|| ber::malformed(f.offset(), "the SignedData content is missing"))?;
    f.finish("the ContentInfo")?;
    let mut inner = explicit.reader()?;
    let signed_data = inner.sequence("SignedData (SEQUENCE)")?;
    inner.finish("the ContentInfo content")?;
    let mut parsed = parse_signed_data(&signed_data, limits, time_stamps)?;
    let ber = match known_ber {
        Some(ber) => ber,
        None => ber::scan(tlv.raw, Ctx { base: tlv.offset, truncatable: false }, tlv.depth_left)?.1,
    };
    parsed.ber = ber;
    parsed.encoding = if ber { Encoding::Ber } else { Encoding::Der };
    Ok(parsed)
}

fn parse_signed_data(sd: &Tlv<'_>, limits: &Limits, time_stamps: bool) -> Result<ParsedSignature, Finding> {
    let mut f = sd.reader()?;
    let version_tlv = f.expect(Tag::universal(universal::INTEGER, false), "the SignedData version")?;
    let version = version_tlv.version("bad SignedData version")?;

    let digest_set = f.expect(Tag::universal(universal::SET, true), "digestAlgorithms (SET)")?;
    let mut digest_algorithms = Vec::new();
    let mut items = digest_set.reader()?;
    while !items.is_empty() {
        if digest_algorithms.len() >= MAX_DIGEST_ALGORITHMS {
            return Err(Finding::new(Code::LimitCmsElements)
                .arg("what", "digest algorithms")
                .arg("limit", MAX_DIGEST_ALGORITHMS));
        }
        digest_algorithms.push(AlgorithmId::from_tlv(&items.read()?)?.oid.to_string());
    }

    let encap = f.sequence("encapContentInfo (SEQUENCE)")?;
    let mut e = encap.reader()?;
    let econtent_type = e.read()?.oid()?;
    let content = match e.read_if(Class::Context, 0)? {
        Some(explicit) => {
            let mut inner = explicit.reader()?;
            let value = inner.read()?;
            inner.finish("eContent")?;
            if value.is(Class::Universal, universal::OCTET_STRING) {
                Some(value.octets()?.into_owned())
            } else {
                // PKCS #7 v1.5 (RFC 2315 §9.1) allows any type here; its contents octets are
                // what was digested (RFC 5652 §5.4 keeps that rule for such old signatures).
                Some(value.content.to_vec())
            }
        }
        None => None,
    };
    e.finish("encapContentInfo")?;

    let mut findings = Vec::new();
    let max_certificates = usize::from(limits.max_certificates);
    let mut certificates = Vec::new();
    if let Some(set) = f.read_if(Class::Context, 0)? {
        // Count first, so a huge SET stops before any work is spent on its members.
        let items = bounded_members(&set, max_certificates, || {
            Finding::new(Code::LimitCmsCertificates).arg("limit", max_certificates)
        })?;
        for item in items {
            if !item.is(Class::Universal, universal::SEQUENCE) {
                continue; // attribute certificates and other formats (RFC 5652 §10.2.2)
            }
            match Certificate::from_tlv(&item) {
                Ok(cert) => certificates.push(cert),
                Err(e) if e.code == Code::CertMalformed => findings.push(e),
                Err(e) => return Err(e),
            }
        }
    }
    let mut crls = Vec::new();
    if let Some(set) = f.read_if(Class::Context, 1)? {
        let items = bounded_members(&set, max_certificates, || {
            Finding::new(Code::LimitCmsElements).arg("what", "CRLs").arg("limit", max_certificates)
        })?;
        crls = items.iter().filter(|i| i.is(Class::Universal, universal::SEQUENCE)).map(|i| i.raw.to_vec()).collect();
    }

    let signer_set = f.expect(Tag::universal(universal::SET, true), "signerInfos (SET)")?;
    f.finish("SignedData")?;
    let max_signers = usize::from(limits.max_signers);
    let items =
        bounded_members(&signer_set, max_signers, || Finding::new(Code::LimitCmsSigners).arg("limit", max_signers))?;
    let mut signers = Vec::with_capacity(items.len());
    for item in items {
        let item = item.expect(Tag::universal(universal::SEQUENCE, true), "a SignerInfo (SEQUENCE)")?;
        signers.push(parse_signer_info(&item, &econtent_type, limits, time_stamps)?);
    }
    if signers.is_empty() {
        return Err(Finding::new(Code::CmsNoSigners));
    }
    Ok(ParsedSignature {
        encoding: Encoding::Der,
        ber: false,
        version,
        content_type: econtent_type.to_string(),
        content,
        digest_algorithms,
        certificates,
        crls,
        signers,
        findings,
    })
}

fn parse_signer_info(
    si: &Tlv<'_>,
    econtent_type: &ObjectIdentifier,
    limits: &Limits,
    time_stamps: bool,
) -> Result<SignerInfo, Finding> {
    let mut f = si.reader()?;
    let version_tlv = f.expect(Tag::universal(universal::INTEGER, false), "the SignerInfo version")?;
    let version = version_tlv.version("bad SignerInfo version")?;
    let sid_tlv = f.read()?;
    let sid = if sid_tlv.is(Class::Universal, universal::SEQUENCE) {
        let mut g = sid_tlv.reader()?;
        let issuer = g.sequence("the issuer Name")?;
        let serial = g.expect(Tag::universal(universal::INTEGER, false), "the serial number")?.integer()?;
        g.finish("issuerAndSerialNumber")?;
        SignerId::IssuerSerial { issuer_der: issuer.raw.to_vec(), serial: serial.to_vec() }
    } else if sid_tlv.is(Class::Context, 0) {
        SignerId::SubjectKeyId(sid_tlv.octets()?.into_owned())
    } else {
        return Err(sid_tlv.malformed("expected a SignerIdentifier"));
    };
    let digest_algorithm = AlgorithmId::from_tlv(&f.read()?)?;
    let mut findings = Vec::new();
    let signed_attrs = match f.read_if(Class::Context, 0)? {
        Some(set) => {
            let (signed, found) = attrs::read_signed_attrs(&set, econtent_type)?;
            findings.extend(found);
            Some(signed)
        }
        None => None,
    };
    let signature_algorithm = AlgorithmId::from_tlv(&f.read()?)?;
    let signature = f
        .expect(Tag::universal(universal::OCTET_STRING, false), "the signature value (OCTET STRING)")?
        .octets()?
        .into_owned();
    let mut unsigned_attrs = Vec::new();
    let mut timestamps = Vec::new();
    if let Some(set) = f.read_if(Class::Context, 1)? {
        for raw in attrs::read_attributes(&set)? {
            if time_stamps && raw.oid == oid::ATTR_SIGNATURE_TIME_STAMP {
                for value in &raw.values {
                    match attrs::read_time_stamp(value, limits) {
                        Ok(ts) => timestamps.push(ts),
                        Err(e) if is_limit(&e) => return Err(e),
                        Err(e) => findings.push(
                            Finding::new(Code::CmsMalformed)
                                .arg("offset", e.get("offset").unwrap_or("0"))
                                .arg("detail", format!("signature time-stamp: {}", e.message_en())),
                        ),
                    }
                }
            }
            unsigned_attrs.push(Attribute {
                oid: raw.oid,
                name: oid::attribute_name(&raw.oid),
                values_der: raw.values.iter().map(|v| v.raw.to_vec()).collect(),
            });
        }
    }
    f.finish("a SignerInfo")?;
    Ok(SignerInfo {
        version,
        sid,
        digest_algorithm,
        signed_attrs,
        signature_algorithm,
        signature,
        unsigned_attrs,
        timestamps,
        findings,
    })
}

/// The members of a SET, at most `max` of them (else the `limit` finding).
fn bounded_members<'a>(set: &Tlv<'a>, max: usize, limit: impl Fn() -> Finding) -> Result<Vec<Tlv<'a>>, Finding> {
    let mut items = set.reader()?;
    let mut out = Vec::new();
    while !items.is_empty() {
        if out.len() >= max {
            return Err(limit());
        }
        out.push(items.read()?);
    }
    Ok(out)
}

fn is_limit(f: &Finding) -> bool {
    f.code.as_str().starts_with("LIMIT_")
}
