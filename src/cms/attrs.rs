//! Signed and unsigned attributes of a SignerInfo (RFC 5652 §5.3, §11), the ESS signing
//! certificate attributes (RFC 2634 §5.4, RFC 5035 §3) and signature time-stamps (RFC 3161,
//! ETSI EN 319 122-1 §5.3).
//!
//! ```text
//! SignedAttributes ::= SET SIZE (1..MAX) OF Attribute
//! Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF AttributeValue }
//!
//! SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2,
//!                                     policies SEQUENCE OF PolicyInformation OPTIONAL }
//! ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT {algorithm id-sha256},
//!                            certHash Hash, issuerSerial IssuerSerial OPTIONAL }
//! ESSCertID ::= SEQUENCE { certHash Hash (SHA-1), issuerSerial IssuerSerial OPTIONAL }
//! IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }
//!
//! TSTInfo ::= SEQUENCE { version INTEGER, policy TSAPolicyId, messageImprint MessageImprint,
//!     serialNumber INTEGER, genTime GeneralizedTime, accuracy Accuracy OPTIONAL,
//!     ordering BOOLEAN DEFAULT FALSE, nonce INTEGER OPTIONAL, tsa [0] GeneralName OPTIONAL,
//!     extensions [1] IMPLICIT Extensions OPTIONAL }
//! ```

use const_oid::ObjectIdentifier;
use sha2::Digest;

use crate::cms::ber::{self, universal, Class, Ctx, Reader, Tag, Tlv};
use crate::cms::certificate::{directory_name, same_serial, Certificate, Name};
use crate::cms::oid;
use crate::cms::signed_data::{parse_content_info, AlgorithmId, ParsedSignature};
use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::time::Time;

/// The most attributes in one signed or unsigned set; CAdES-A signatures carry a few dozen.
pub const MAX_ATTRIBUTES: usize = 256;
/// The most attribute values in one set, all attributes together (nearly every attribute has
/// one value; a counter-signature or time-stamp attribute may have a few).
pub const MAX_ATTRIBUTE_VALUES: usize = 256;

/// One attribute, its values as received.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Attribute {
    /// attrType.
    pub oid: ObjectIdentifier,
    /// Its name (`"signing-time"`, `"resource-name"`, ...) when known.
    pub name: Option<&'static str>,
    /// Each AttributeValue element as received.
    pub values_der: Vec<Vec<u8>>,
}

impl Attribute {
    /// The name, or the dotted OID when the attribute is not known.
    pub fn label(&self) -> String {
        self.name.map_or_else(|| self.oid.to_string(), str::to_owned)
    }

    /// The first value as text, when it is a string type (or an OCTET STRING of UTF-8), as the
    /// vendor attributes (file name, comment) are written.
    pub fn text(&self) -> Option<String> {
        let value = self.values_der.first()?;
        let tlv = Reader::new(value, usize::from(Limits::default().max_nesting)).read().ok()?;
        if tlv.is(Class::Universal, universal::OCTET_STRING) {
            return tlv.octets().ok().map(|b| String::from_utf8_lossy(&b).into_owned());
        }
        tlv.text().ok().flatten()
    }
}

/// The signed attributes of one SignerInfo.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SignedAttrs {
    /// The `[0] IMPLICIT` element exactly as received (tag `A0`), BER included.
    pub received: Vec<u8>,
    /// The received encoding is DER (definite minimal lengths, primitive strings), as RFC 5652
    /// §5.3 requires.
    pub is_der: bool,
    /// content-type (RFC 5652 §11.1).
    pub content_type: Option<ObjectIdentifier>,
    /// message-digest (RFC 5652 §11.2).
    pub message_digest: Option<Vec<u8>>,
    /// signing-time (RFC 5652 §11.3).
    pub signing_time: Option<Time>,
    /// signing-certificate-v2 (RFC 5035), its ESSCertIDv2 list; the first names the signer's
    /// certificate.
    pub signing_certificate_v2: Option<Vec<EssCertIdV2>>,
    /// signing-certificate (RFC 2634 §5.4), with `hash_algorithm` = SHA-1.
    pub signing_certificate_v1: Option<Vec<EssCertIdV2>>,
    /// Every attribute, in the order received.
    pub attributes: Vec<Attribute>,
}

impl SignedAttrs {
    /// The bytes the signature is computed over (RFC 5652 §5.4): the attributes with the
    /// EXPLICIT SET OF tag (`0x31`) in place of the IMPLICIT `[0]` tag, length and contents
    /// unchanged.
    ///
    /// §5.4 speaks of "the DER encoding of the SET OF"; §5.3 requires signedAttrs to be DER
    /// "even if the rest of the structure is BER". When a signer sent them as BER anyway
    /// ([`SignedAttrs::is_der`] false, reported as `CMS_SIGNED_ATTRS_NOT_DER`), the bytes to
    /// hash are what was received with only the tag octet replaced: that is what the signer's
    /// software hashed (re-encoding would change the hash), and it is what OpenSSL verifies.
    pub fn to_be_signed(&self) -> Vec<u8> {
        let mut bytes = self.received.clone();
        if let Some(tag) = bytes.first_mut() {
            *tag = 0x31;
        }
        bytes
    }

    /// The names (or OIDs) of the attributes, in order.
    pub fn labels(&self) -> Vec<String> {
        self.attributes.iter().map(Attribute::label).collect()
    }

    /// The first attribute with this OID.
    pub fn get(&self, oid: &ObjectIdentifier) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.oid == *oid)
    }
}

/// One certificate identifier of signing-certificate(-v2) (RFC 5035 §4, RFC 2634 §5.4.1).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct EssCertIdV2 {
    /// hashAlgorithm (SHA-256 when absent; SHA-1 for signing-certificate v1).
    pub hash_algorithm: ObjectIdentifier,
    /// certHash: the hash of the whole certificate encoding.
    pub cert_hash: Vec<u8>,
    /// issuerSerial: the issuer's directoryName as received and the serial's contents.
    pub issuer_serial: Option<(Vec<u8>, Vec<u8>)>,
}

impl EssCertIdV2 {
    /// Whether this identifier names `cert`: `certHash` equals the hash of the certificate's
    /// bytes as embedded, and issuerSerial (when present) matches. `None` when `digest` cannot
    /// compute `hash_algorithm` (pass `crypto::digest` for GOST R 34.11).
    pub fn matches_with(&self, cert: &Certificate, digest: &DigestFn) -> Option<bool> {
        let hash = digest(&self.hash_algorithm, &cert.der)?;
        let serial_ok = match &self.issuer_serial {
            Some((issuer, serial)) => same_serial(serial, &cert.serial) && same_name(issuer, cert),
            None => true,
        };
        Some(hash == self.cert_hash && serial_ok)
    }

    /// [`EssCertIdV2::matches_with`] with the SHA family ([`sha_digest`]); `None` for a GOST hash.
    pub fn matches(&self, cert: &Certificate) -> Option<bool> {
        self.matches_with(cert, &sha_digest)
    }
}

/// A digest by algorithm OID: `None` when the algorithm is not computed (`crypto::digest` fits).
pub type DigestFn = dyn Fn(&ObjectIdentifier, &[u8]) -> Option<Vec<u8>>;

/// SHA-1, SHA-256, SHA-384 or SHA-512 of `data` by OID; `None` for any other algorithm.
pub fn sha_digest(algorithm: &ObjectIdentifier, data: &[u8]) -> Option<Vec<u8>> {
    if *algorithm == oid::SHA1 {
        Some(sha1::Sha1::digest(data).to_vec())
    } else if *algorithm == oid::SHA256 {
        Some(sha2::Sha256::digest(data).to_vec())
    } else if *algorithm == oid::SHA384 {
        Some(sha2::Sha384::digest(data).to_vec())
    } else if *algorithm == oid::SHA512 {
        Some(sha2::Sha512::digest(data).to_vec())
    } else {
        None
    }
}

/// An issuer named in a CMS structure is the certificate's issuer: the same bytes, or the same
/// attribute values.
pub(crate) fn same_name(issuer_der: &[u8], cert: &Certificate) -> bool {
    issuer_der == cert.issuer_der.as_slice() || Name::from_der(issuer_der).is_ok_and(|n| n.same_as(&cert.issuer))
}

/// A signature time-stamp (RFC 3161 TimeStampToken in the unsigned attribute
/// id-aa-signatureTimeStampToken).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct TimeStamp {
    /// genTime.
    pub gen_time: Time,
    /// The TSA's policy.
    pub policy: ObjectIdentifier,
    /// messageImprint hashAlgorithm.
    pub imprint_algorithm: AlgorithmId,
    /// messageImprint hashedMessage: the hash of the signature value it stamps.
    pub imprint: Vec<u8>,
    /// serialNumber's contents.
    pub serial: Vec<u8>,
    /// The `tsa` field (a directoryName displayed, or a URI / e-mail / DNS name).
    pub tsa_name: Option<String>,
    /// The subject of the certificate that signed the token, when the token carries it.
    pub signer_name: Option<String>,
    /// The token itself (a SignedData over TSTInfo), for verification.
    pub token: Box<ParsedSignature>,
}

/// An attribute as read, its values still borrowed.
pub(crate) struct RawAttribute<'a> {
    pub(crate) oid: ObjectIdentifier,
    pub(crate) values: Vec<Tlv<'a>>,
}

impl RawAttribute<'_> {
    fn to_attribute(&self) -> Attribute {
        Attribute {
            oid: self.oid,
            name: oid::attribute_name(&self.oid),
            values_der: self.values.iter().map(|v| v.raw.to_vec()).collect(),
        }
    }
}

/// Reads a SET OF Attribute (signed `[0]` or unsigned `[1]`).
pub(crate) fn read_attributes<'a>(set: &Tlv<'a>) -> Result<Vec<RawAttribute<'a>>, Finding> {
    let mut out = Vec::new();
    let mut values_total = 0usize;
    let mut items = set.reader()?;
    while !items.is_empty() {
        if out.len() >= MAX_ATTRIBUTES {
            return Err(limit("attributes", MAX_ATTRIBUTES));
        }
        let attr = items.sequence("an Attribute (SEQUENCE)")?;
        let mut f = attr.reader()?;
        let oid = f.read()?.oid()?;
        let values_set = f.expect(Tag::universal(universal::SET, true), "attribute values (SET)")?;
        f.finish("an Attribute")?;
        let mut values = Vec::new();
        let mut vr = values_set.reader()?;
        while !vr.is_empty() {
            if values_total >= MAX_ATTRIBUTE_VALUES {
                return Err(limit("attribute values", MAX_ATTRIBUTE_VALUES));
            }
            values_total = values_total.saturating_add(1);
            values.push(vr.read()?);
        }
        out.push(RawAttribute { oid, values });
    }
    Ok(out)
}

fn limit(what: &'static str, max: usize) -> Finding {
    Finding::new(Code::LimitCmsElements).arg("what", what).arg("limit", max)
}

/// Reads signedAttrs; the findings are duplicates, missing required attributes, a content type
/// that differs from eContentType, and a non-DER encoding.
pub(crate) fn read_signed_attrs(
    tlv: &Tlv<'_>,
    econtent_type: &ObjectIdentifier,
) -> Result<(SignedAttrs, Vec<Finding>), Finding> {
    let raw = read_attributes(tlv)?;
    let mut findings = Vec::new();
    let (_, ber) = ber::scan(tlv.raw, Ctx { base: tlv.offset, truncatable: false }, tlv.depth_left)?;
    let mut attrs = SignedAttrs {
        received: tlv.raw.to_vec(),
        is_der: !ber,
        content_type: None,
        message_digest: None,
        signing_time: None,
        signing_certificate_v2: None,
        signing_certificate_v1: None,
        attributes: raw.iter().map(RawAttribute::to_attribute).collect(),
    };
    if ber {
        findings.push(Finding::new(Code::CmsSignedAttrsNotDer));
    }
    for (i, attr) in raw.iter().enumerate() {
        let label = attr.to_attribute().label();
        let earlier = raw.iter().take(i).filter(|a| a.oid == attr.oid).count();
        if earlier > 0 {
            // One finding per repeated type; the first occurrence is the one read.
            if earlier == 1 {
                findings.push(Finding::new(Code::CmsAttributeDuplicate).arg("name", &label));
            }
            continue;
        }
        let single = [
            oid::ATTR_CONTENT_TYPE,
            oid::ATTR_MESSAGE_DIGEST,
            oid::ATTR_SIGNING_TIME,
            oid::ATTR_SIGNING_CERTIFICATE,
            oid::ATTR_SIGNING_CERTIFICATE_V2,
        ]
        .contains(&attr.oid);
        if single && attr.values.len() != 1 {
            findings.push(Finding::new(Code::CmsAttributeDuplicate).arg("name", &label));
        }
        let Some(value) = attr.values.first() else {
            continue;
        };
        if attr.oid == oid::ATTR_CONTENT_TYPE {
            attrs.content_type = Some(value.oid()?);
        } else if attr.oid == oid::ATTR_MESSAGE_DIGEST {
            let v = value.expect(Tag::universal(universal::OCTET_STRING, false), "messageDigest (OCTET STRING)")?;
            attrs.message_digest = Some(v.octets()?.into_owned());
        } else if attr.oid == oid::ATTR_SIGNING_TIME {
            attrs.signing_time = Some(value.time()?);
        } else if attr.oid == oid::ATTR_SIGNING_CERTIFICATE_V2 {
            attrs.signing_certificate_v2 = Some(read_signing_certificate(value, true)?);
        } else if attr.oid == oid::ATTR_SIGNING_CERTIFICATE {
            attrs.signing_certificate_v1 = Some(read_signing_certificate(value, false)?);
        }
    }
    match &attrs.content_type {
        None => findings.push(Finding::new(Code::CmsAttributeMissing).arg("name", "content-type")),
        Some(ct) if ct != econtent_type => {
            findings.push(Finding::new(Code::CmsContentTypeMismatch).arg("attribute", ct).arg("content", econtent_type))
        }
        Some(_) => {}
    }
    if attrs.message_digest.is_none() {
        findings.push(Finding::new(Code::CmsAttributeMissing).arg("name", "message-digest"));
    }
    Ok((attrs, findings))
}

/// SigningCertificateV2 (`v2`) or SigningCertificate.
fn read_signing_certificate(value: &Tlv<'_>, v2: bool) -> Result<Vec<EssCertIdV2>, Finding> {
    let seq = value.expect(Tag::universal(universal::SEQUENCE, true), "SigningCertificate (SEQUENCE)")?;
    let mut f = seq.reader()?;
    let certs = f.sequence("the certs (SEQUENCE OF)")?;
    // `policies` may follow; it is not used.
    let mut ids = Vec::new();
    let mut items = certs.reader()?;
    while !items.is_empty() {
        if ids.len() >= MAX_ATTRIBUTE_VALUES {
            return Err(limit("ESS certificate identifiers", MAX_ATTRIBUTE_VALUES));
        }
        let id = items.sequence("an ESSCertID (SEQUENCE)")?;
        let mut g = id.reader()?;
        let hash_algorithm = if v2 && g.peek_tag() == Some(Tag::universal(universal::SEQUENCE, true)) {
            AlgorithmId::from_tlv(&g.read()?)?.oid
        } else if v2 {
            oid::SHA256
        } else {
            oid::SHA1
        };
        let cert_hash = g.expect(Tag::universal(universal::OCTET_STRING, false), "certHash")?.octets()?.into_owned();
        let issuer_serial = match g.read_if(Class::Universal, universal::SEQUENCE)? {
            Some(is) => {
                let mut h = is.reader()?;
                let names = h.sequence("GeneralNames")?;
                let serial = h.expect(Tag::universal(universal::INTEGER, false), "the serial number")?.integer()?;
                h.finish("IssuerSerial")?;
                directory_name(&names)?.map(|dn| (dn, serial.to_vec()))
            }
            None => None,
        };
        g.finish("an ESSCertID")?;
        ids.push(EssCertIdV2 { hash_algorithm, cert_hash, issuer_serial });
    }
    Ok(ids)
}

/// Reads a signature time-stamp token (one value of id-aa-signatureTimeStampToken). Time-stamps
/// inside the token are not read (one level only).
pub(crate) fn read_time_stamp(value: &Tlv<'_>, limits: &Limits) -> Result<TimeStamp, Finding> {
    let token = parse_content_info(value, limits, false, None)?;
    if token.content_type != oid::TST_INFO.to_string() {
        return Err(value.malformed("the time-stamp token does not hold a TSTInfo"));
    }
    let content = token.content.as_deref().ok_or_else(|| value.malformed("the time-stamp token has no TSTInfo"))?;
    let mut reader = Reader::nested(content, 0, usize::from(limits.max_nesting));
    let info = reader.sequence("TSTInfo (SEQUENCE)")?;
    reader.finish("TSTInfo")?;
    let mut f = info.reader()?;
    f.expect(Tag::universal(universal::INTEGER, false), "the TSTInfo version")?;
    let policy = f.read()?.oid()?;
    let imprint_seq = f.sequence("messageImprint (SEQUENCE)")?;
    let mut g = imprint_seq.reader()?;
    let imprint_algorithm = AlgorithmId::from_tlv(&g.read()?)?;
    let imprint = g.expect(Tag::universal(universal::OCTET_STRING, false), "hashedMessage")?.octets()?.into_owned();
    g.finish("messageImprint")?;
    let serial = f.expect(Tag::universal(universal::INTEGER, false), "the TSTInfo serial")?.integer()?.to_vec();
    let gen_time = f.expect(Tag::universal(universal::GENERALIZED_TIME, false), "genTime")?.time()?;
    f.read_if(Class::Universal, universal::SEQUENCE)?; // accuracy
    f.read_if(Class::Universal, universal::BOOLEAN)?; // ordering
    f.read_if(Class::Universal, universal::INTEGER)?; // nonce
    let tsa_name = match f.read_if(Class::Context, 0)? {
        Some(tsa) => {
            let mut inner = tsa.reader()?;
            general_name_text(&inner.read()?)?
        }
        None => None,
    };
    let signer_name =
        token.signers.first().and_then(|s| s.certificate(&token.certificates)).map(|c| c.subject.display());
    Ok(TimeStamp {
        gen_time,
        policy,
        imprint_algorithm,
        imprint,
        serial,
        tsa_name,
        signer_name,
        token: Box::new(token),
    })
}

/// A GeneralName as text: a directoryName displayed, a URI, e-mail or DNS name as written.
fn general_name_text(name: &Tlv<'_>) -> Result<Option<String>, Finding> {
    if name.is(Class::Context, 4) {
        let mut inner = name.reader()?;
        return Ok(Some(Name::from_tlv(&inner.read()?)?.display()));
    }
    if name.is(Class::Context, 1) || name.is(Class::Context, 2) || name.is(Class::Context, 6) {
        let bytes = name.string_bytes(universal::IA5_STRING)?;
        return Ok(Some(String::from_utf8_lossy(&bytes).into_owned()));
    }
    Ok(None)
}
