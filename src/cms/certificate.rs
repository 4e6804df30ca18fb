//! X.509 certificates (RFC 5280 §4.1) with the Russian qualified-certificate extensions of FSB
//! order 795, read with our own BER reader so that the certificate's bytes and its
//! TBSCertificate bytes are kept exactly as received (the issuer signed those).
//!
//! ```text
//! Certificate  ::=  SEQUENCE  {
//!      tbsCertificate       TBSCertificate,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//!
//! TBSCertificate  ::=  SEQUENCE  {
//!      version         [0]  EXPLICIT Version DEFAULT v1,
//!      serialNumber         CertificateSerialNumber,
//!      signature            AlgorithmIdentifier,
//!      issuer               Name,
//!      validity             Validity,
//!      subject              Name,
//!      subjectPublicKeyInfo SubjectPublicKeyInfo,
//!      issuerUniqueID  [1]  IMPLICIT UniqueIdentifier OPTIONAL,
//!      subjectUniqueID [2]  IMPLICIT UniqueIdentifier OPTIONAL,
//!      extensions      [3]  EXPLICIT Extensions OPTIONAL }
//! ```

use std::fmt::Write;

use const_oid::ObjectIdentifier;
use sha1::{Digest, Sha1};

use crate::cms::ber::{universal, Class, Reader, Tag, Tlv};
use crate::cms::oid;
use crate::cms::signed_data::AlgorithmId;
use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::time::Time;

/// The most attributes one Name may have; real names have 5 to 20.
pub const MAX_NAME_ATTRIBUTES: usize = 256;
/// The most extensions, or entries of one list extension (policies, URLs), per certificate.
pub const MAX_EXTENSION_ENTRIES: usize = 256;

/// A parsed certificate. Byte fields are as received.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Certificate {
    /// The whole certificate as received.
    pub der: Vec<u8>,
    /// The TBSCertificate as received: the bytes the issuer signed.
    pub tbs: Vec<u8>,
    /// 1, 2 or 3.
    pub version: u8,
    /// serialNumber: the INTEGER's contents (two's complement, big-endian) as received.
    pub serial: Vec<u8>,
    /// The `signature` field inside the TBSCertificate (RFC 5280 §4.1.2.3).
    pub tbs_signature_algorithm: AlgorithmId,
    /// The issuer's name.
    pub issuer: Name,
    /// The issuer Name element as received.
    pub issuer_der: Vec<u8>,
    /// notBefore.
    pub not_before: Time,
    /// notAfter.
    pub not_after: Time,
    /// The subject's name.
    pub subject: Name,
    /// The subject Name element as received.
    pub subject_der: Vec<u8>,
    /// The whole SubjectPublicKeyInfo as received.
    pub spki_der: Vec<u8>,
    /// The public key algorithm and its parameters.
    pub key_algorithm: AlgorithmId,
    /// The OIDs in the key parameters: the GOST parameter sets (public key, digest, cipher,
    /// RFC 4491 §2.3.1 / RFC 9215 §3) or the EC named curve (RFC 5480 §2.1.1).
    pub key_param_oids: Vec<ObjectIdentifier>,
    /// The subjectPublicKey BIT STRING's bytes (for GOST, an OCTET STRING inside, RFC 9215 §3).
    pub public_key: Vec<u8>,
    /// Every extension, in order.
    pub extensions: Vec<Extension>,
    /// subjectKeyIdentifier (RFC 5280 §4.2.1.2).
    pub subject_key_id: Option<Vec<u8>>,
    /// authorityKeyIdentifier (RFC 5280 §4.2.1.1).
    pub authority_key_id: Option<AuthorityKeyId>,
    /// keyUsage bit names (RFC 5280 §4.2.1.3); `None` without the extension.
    pub key_usage: Option<Vec<&'static str>>,
    /// extendedKeyUsage purposes (RFC 5280 §4.2.1.12).
    pub extended_key_usage: Vec<ObjectIdentifier>,
    /// certificatePolicies policy OIDs (RFC 5280 §4.2.1.4); classes КС1..КА1 among them.
    pub certificate_policies: Vec<ObjectIdentifier>,
    /// subjectSignTool 1.2.643.100.111 (FSB order 795 §3).
    pub subject_sign_tool: Option<String>,
    /// issuerSignTool 1.2.643.100.112, its four strings (FSB order 795 §4).
    pub issuer_sign_tool: Option<Vec<String>>,
    /// IdentificationKind 1.2.643.100.114 (FSB order 795 §7).
    pub identification_kind: Option<i64>,
    /// CRL distribution point URLs (RFC 5280 §4.2.1.13).
    pub crl_distribution_points: Vec<String>,
    /// authorityInfoAccess entries with a URL (RFC 5280 §4.2.2.1).
    pub authority_info_access: Vec<AccessDescription>,
    /// basicConstraints: (cA, pathLenConstraint); `None` without the extension (old roots).
    pub basic_constraints: Option<(bool, Option<u32>)>,
    /// privateKeyUsagePeriod (notBefore, notAfter) (RFC 3280 §4.2.1.4).
    pub private_key_usage_period: Option<(Option<Time>, Option<Time>)>,
    /// Critical extensions this reader does not know.
    pub unknown_critical_extensions: Vec<ObjectIdentifier>,
    /// Extensions that appear more than once (RFC 5280 §4.2).
    pub duplicate_extensions: Vec<ObjectIdentifier>,
    /// The outer signatureAlgorithm.
    pub signature_algorithm: AlgorithmId,
    /// The signatureValue BIT STRING's bytes.
    pub signature: Vec<u8>,
}

/// One extension as received.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Extension {
    /// extnID.
    pub oid: ObjectIdentifier,
    /// critical.
    pub critical: bool,
    /// The contents of extnValue (the DER of the extension's value).
    pub value: Vec<u8>,
}

/// authorityKeyIdentifier (RFC 5280 §4.2.1.1).
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct AuthorityKeyId {
    /// keyIdentifier.
    pub key_id: Option<Vec<u8>>,
    /// The directoryName of authorityCertIssuer, as received.
    pub issuer_der: Option<Vec<u8>>,
    /// authorityCertSerialNumber, the INTEGER's contents.
    pub serial: Option<Vec<u8>>,
}

/// One authorityInfoAccess entry with a URL.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct AccessDescription {
    /// id-ad-ocsp, id-ad-caIssuers, ...
    pub method: ObjectIdentifier,
    /// The uniformResourceIdentifier.
    pub url: String,
}

/// A distinguished name: RDNs in the order received, each with its attributes.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Name {
    /// The relative distinguished names, in order.
    pub rdns: Vec<Vec<NameAttribute>>,
}

/// One attribute of a name.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct NameAttribute {
    /// The attribute type.
    pub oid: ObjectIdentifier,
    /// The decoded text (UTF8String, PrintableString, IA5String, NumericString, BMPString as
    /// UTF-16BE, TeletexString as Latin-1, UniversalString as UTF-32BE); for a value of another
    /// type, `#` and the hex of its encoding (RFC 4514 §2.4).
    pub value: String,
    /// The universal tag number of the value's type (12 UTF8String, 19 PrintableString, ...).
    pub tag: u32,
}

impl Name {
    /// Parses a Name element (RFC 5280 §4.1.2.4), BER or DER.
    ///
    /// # Errors
    /// `CERT_MALFORMED` when it is not a Name.
    pub fn from_der(der: &[u8]) -> Result<Name, Finding> {
        let mut reader = Reader::new(der, usize::from(Limits::default().max_nesting));
        let name = reader.read().and_then(|tlv| Name::from_tlv(&tlv)).map_err(as_cert_error)?;
        reader.finish("the name").map_err(as_cert_error)?;
        Ok(name)
    }

    pub(crate) fn from_tlv(tlv: &Tlv<'_>) -> Result<Name, Finding> {
        let tlv = tlv.expect(Tag::universal(universal::SEQUENCE, true), "a Name (SEQUENCE)")?;
        let mut rdns = Vec::new();
        let mut count = 0usize;
        let mut seq = tlv.reader()?;
        while !seq.is_empty() {
            let set = seq.expect(Tag::universal(universal::SET, true), "a relative distinguished name (SET)")?;
            let mut rdn = Vec::new();
            let mut atvs = set.reader()?;
            while !atvs.is_empty() {
                count = count.saturating_add(1);
                if count > MAX_NAME_ATTRIBUTES {
                    return Err(Finding::new(Code::LimitCmsElements)
                        .arg("what", "name attributes")
                        .arg("limit", MAX_NAME_ATTRIBUTES));
                }
                let atv = atvs.sequence("an attribute (SEQUENCE)")?;
                let mut fields = atv.reader()?;
                let oid = fields.read()?.oid()?;
                let value = fields.read()?;
                fields.finish("an attribute")?;
                let (text, tag) = match value.text()? {
                    Some(text) => (text, value.tag.number),
                    None => (format!("#{}", hex(value.raw)), 0),
                };
                rdn.push(NameAttribute { oid, value: text, tag });
            }
            rdns.push(rdn);
        }
        Ok(Name { rdns })
    }

    /// Every attribute, in order.
    pub fn attributes(&self) -> impl Iterator<Item = &NameAttribute> {
        self.rdns.iter().flatten()
    }

    /// The first value of an attribute type.
    pub fn get(&self, oid: &ObjectIdentifier) -> Option<&str> {
        self.attributes().find(|a| a.oid == *oid).map(|a| a.value.as_str())
    }

    /// Every value of an attribute type, in order.
    pub fn get_all<'s>(&'s self, oid: &'s ObjectIdentifier) -> impl Iterator<Item = &'s str> + 's {
        self.attributes().filter(move |a| a.oid == *oid).map(|a| a.value.as_str())
    }

    /// The commonName.
    pub fn common_name(&self) -> Option<&str> {
        self.get(&oid::AT_COMMON_NAME)
    }

    /// No attributes at all.
    pub fn is_empty(&self) -> bool {
        self.attributes().next().is_none()
    }

    /// The name as the trust list (`КемВыдан`, `КомуВыдан`) and CryptoPro write it: attributes
    /// in the order received, `, ` between them, ` + ` inside a multi-valued RDN, Russian short
    /// names (`ОГРН`, `ИНН`, `ИНН ЮЛ`, `СНИЛС`, `ОГРНИП`, `S` for the region, `G`, `T`, `E`,
    /// `STREET`) and the dotted OID for the rest; values unescaped.
    pub fn display(&self) -> String {
        let mut out = String::new();
        for (i, rdn) in self.rdns.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            for (j, attr) in rdn.iter().enumerate() {
                if j > 0 {
                    out.push_str(" + ");
                }
                match oid::name_attribute_short(&attr.oid) {
                    Some(short) => out.push_str(short),
                    None => {
                        let _ = write!(out, "{}", attr.oid);
                    }
                }
                out.push('=');
                out.push_str(&attr.value);
            }
        }
        out
    }

    /// The same attribute types and values in the same order, whatever string types carried
    /// them (a looser test than comparing the encodings byte for byte).
    pub fn same_as(&self, other: &Name) -> bool {
        self.rdns.len() == other.rdns.len()
            && self
                .rdns
                .iter()
                .zip(&other.rdns)
                .all(|(a, b)| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.oid == y.oid && x.value == y.value))
    }
}

/// Key usage bit names, bit 0 first (RFC 5280 §4.2.1.3).
const KEY_USAGE_BITS: [&str; 9] = [
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly",
];

/// Extensions this reader understands (a critical one of these is not "unknown").
const KNOWN_EXTENSIONS: [ObjectIdentifier; 15] = [
    oid::EXT_SUBJECT_KEY_ID,
    oid::EXT_KEY_USAGE,
    oid::EXT_PRIVATE_KEY_USAGE_PERIOD,
    oid::EXT_SUBJECT_ALT_NAME,
    oid::EXT_ISSUER_ALT_NAME,
    oid::EXT_BASIC_CONSTRAINTS,
    oid::EXT_CRL_DISTRIBUTION_POINTS,
    oid::EXT_CERTIFICATE_POLICIES,
    oid::EXT_AUTHORITY_KEY_ID,
    oid::EXT_EXTENDED_KEY_USAGE,
    oid::EXT_AUTHORITY_INFO_ACCESS,
    oid::EXT_SUBJECT_SIGN_TOOL,
    oid::EXT_ISSUER_SIGN_TOOL,
    oid::EXT_IDENTIFICATION_KIND,
    oid::EXT_FRESHEST_CRL,
];

impl Certificate {
    /// Parses one certificate, DER (or BER: the bytes are kept as received either way).
    ///
    /// # Errors
    /// `CERT_MALFORMED` when the bytes are not one certificate; `LIMIT_CMS_NESTING` or
    /// `LIMIT_CMS_ELEMENTS` when a bound is exceeded.
    pub fn from_der(der: &[u8]) -> Result<Certificate, Finding> {
        let mut reader = Reader::new(der, usize::from(Limits::default().max_nesting));
        let tlv = reader.read().map_err(as_cert_error)?;
        reader.finish("the certificate").map_err(as_cert_error)?;
        Certificate::from_tlv(&tlv)
    }

    /// Parses the certificate element `tlv`; errors are `CERT_MALFORMED` or `LIMIT_*`.
    pub(crate) fn from_tlv(tlv: &Tlv<'_>) -> Result<Certificate, Finding> {
        Certificate::parse(tlv).map_err(as_cert_error)
    }

    fn parse(tlv: &Tlv<'_>) -> Result<Certificate, Finding> {
        let cert = tlv.expect(Tag::universal(universal::SEQUENCE, true), "a Certificate (SEQUENCE)")?;
        let mut outer = cert.reader()?;
        let tbs = outer.sequence("a TBSCertificate (SEQUENCE)")?;
        let signature_algorithm = AlgorithmId::from_tlv(&outer.read()?)?;
        let (_, signature) =
            outer.expect(Tag::universal(universal::BIT_STRING, false), "a BIT STRING")?.bit_string()?;
        outer.finish("the certificate")?;

        let mut fields = tbs.reader()?;
        let version = match fields.read_if(Class::Context, 0)? {
            Some(explicit) => {
                let mut inner = explicit.reader()?;
                let v = inner.expect(Tag::universal(universal::INTEGER, false), "the version")?.small_integer()?;
                inner.finish("the version")?;
                u8::try_from(v).ok().filter(|v| *v <= 2).ok_or_else(|| explicit.malformed("unknown version"))? + 1
            }
            None => 1,
        };
        let serial = fields.expect(Tag::universal(universal::INTEGER, false), "the serial number")?.integer()?.to_vec();
        let tbs_signature_algorithm = AlgorithmId::from_tlv(&fields.read()?)?;
        let issuer_tlv = fields.read()?;
        let issuer = Name::from_tlv(&issuer_tlv)?;
        let validity = fields.sequence("the validity (SEQUENCE)")?;
        let mut times = validity.reader()?;
        let not_before = times.read()?.time()?;
        let not_after = times.read()?.time()?;
        times.finish("the validity")?;
        let subject_tlv = fields.read()?;
        let subject = Name::from_tlv(&subject_tlv)?;
        let spki = fields.sequence("the SubjectPublicKeyInfo (SEQUENCE)")?;
        let mut spki_fields = spki.reader()?;
        let key_algorithm = AlgorithmId::from_tlv(&spki_fields.read()?)?;
        let (_, public_key) =
            spki_fields.expect(Tag::universal(universal::BIT_STRING, false), "the public key")?.bit_string()?;
        spki_fields.finish("the SubjectPublicKeyInfo")?;
        let key_param_oids = key_param_oids(&key_algorithm, spki.depth_left)?;
        fields.read_if(Class::Context, 1)?;
        fields.read_if(Class::Context, 2)?;

        let mut cert = Certificate {
            der: tlv.raw.to_vec(),
            tbs: tbs.raw.to_vec(),
            version,
            serial,
            tbs_signature_algorithm,
            issuer,
            issuer_der: issuer_tlv.raw.to_vec(),
            not_before,
            not_after,
            subject,
            subject_der: subject_tlv.raw.to_vec(),
            spki_der: spki.raw.to_vec(),
            key_algorithm,
            key_param_oids,
            public_key,
            extensions: Vec::new(),
            subject_key_id: None,
            authority_key_id: None,
            key_usage: None,
            extended_key_usage: Vec::new(),
            certificate_policies: Vec::new(),
            subject_sign_tool: None,
            issuer_sign_tool: None,
            identification_kind: None,
            crl_distribution_points: Vec::new(),
            authority_info_access: Vec::new(),
            basic_constraints: None,
            private_key_usage_period: None,
            unknown_critical_extensions: Vec::new(),
            duplicate_extensions: Vec::new(),
            signature_algorithm,
            signature,
        };
        if let Some(explicit) = fields.read_if(Class::Context, 3)? {
            let mut inner = explicit.reader()?;
            let list = inner.sequence("the extensions (SEQUENCE)")?;
            inner.finish("the extensions")?;
            cert.read_extensions(&list)?;
        }
        fields.finish("the TBSCertificate")?;
        Ok(cert)
    }

    fn read_extensions(&mut self, list: &Tlv<'_>) -> Result<(), Finding> {
        let mut items = list.reader()?;
        while !items.is_empty() {
            if self.extensions.len() >= MAX_EXTENSION_ENTRIES {
                return Err(too_many("certificate extensions"));
            }
            let ext = items.sequence("an extension (SEQUENCE)")?;
            let mut f = ext.reader()?;
            let oid = f.read()?.oid()?;
            let critical = match f.read_if(Class::Universal, universal::BOOLEAN)? {
                Some(b) => b.boolean()?,
                None => false,
            };
            let value_tlv = f.expect(Tag::universal(universal::OCTET_STRING, false), "the extension value")?;
            f.finish("an extension")?;
            let value = value_tlv.octets()?.into_owned();
            if self.extensions.iter().any(|e| e.oid == oid) {
                if !self.duplicate_extensions.contains(&oid) {
                    self.duplicate_extensions.push(oid);
                }
            } else {
                let base = if value_tlv.tag.constructed { value_tlv.offset } else { value_tlv.content_offset };
                self.read_extension(&oid, &value, base, value_tlv.depth_left)?;
            }
            if critical && !KNOWN_EXTENSIONS.contains(&oid) && !self.unknown_critical_extensions.contains(&oid) {
                self.unknown_critical_extensions.push(oid);
            }
            self.extensions.push(Extension { oid, critical, value });
        }
        Ok(())
    }

    /// Decodes the value of a known extension; unknown ones are kept only in `extensions`.
    fn read_extension(
        &mut self,
        oid: &ObjectIdentifier,
        value: &[u8],
        base: usize,
        depth: usize,
    ) -> Result<(), Finding> {
        let mut reader = Reader::nested(value, base, depth);
        if *oid == oid::EXT_SUBJECT_KEY_ID {
            self.subject_key_id = Some(reader.read()?.octets()?.into_owned());
        } else if *oid == oid::EXT_AUTHORITY_KEY_ID {
            self.authority_key_id = Some(read_authority_key_id(&reader.sequence("authorityKeyIdentifier")?)?);
        } else if *oid == oid::EXT_KEY_USAGE {
            let (_, bits) = reader.expect(Tag::universal(universal::BIT_STRING, false), "keyUsage")?.bit_string()?;
            let names = KEY_USAGE_BITS
                .iter()
                .enumerate()
                .filter(|(i, _)| bits.get(i / 8).is_some_and(|byte| byte & (0x80 >> (i % 8)) != 0))
                .map(|(_, name)| *name)
                .collect();
            self.key_usage = Some(names);
        } else if *oid == oid::EXT_EXTENDED_KEY_USAGE {
            let seq = reader.sequence("extKeyUsage")?;
            let mut items = seq.reader()?;
            while !items.is_empty() {
                push_bounded(&mut self.extended_key_usage, items.read()?.oid()?, "extended key usages")?;
            }
        } else if *oid == oid::EXT_CERTIFICATE_POLICIES {
            let seq = reader.sequence("certificatePolicies")?;
            let mut items = seq.reader()?;
            while !items.is_empty() {
                let info = items.sequence("PolicyInformation")?;
                let policy = info.reader()?.read()?.oid()?;
                push_bounded(&mut self.certificate_policies, policy, "certificate policies")?;
            }
        } else if *oid == oid::EXT_BASIC_CONSTRAINTS {
            let seq = reader.sequence("basicConstraints")?;
            let mut f = seq.reader()?;
            let ca = match f.read_if(Class::Universal, universal::BOOLEAN)? {
                Some(b) => b.boolean()?,
                None => false,
            };
            let path_len = match f.read_if(Class::Universal, universal::INTEGER)? {
                Some(i) => Some(u32::try_from(i.small_integer()?).map_err(|_| i.malformed("bad pathLenConstraint"))?),
                None => None,
            };
            f.finish("basicConstraints")?;
            self.basic_constraints = Some((ca, path_len));
        } else if *oid == oid::EXT_CRL_DISTRIBUTION_POINTS {
            let seq = reader.sequence("cRLDistributionPoints")?;
            let mut points = seq.reader()?;
            while !points.is_empty() {
                let point = points.sequence("DistributionPoint")?;
                let mut f = point.reader()?;
                if let Some(name) = f.read_if(Class::Context, 0)? {
                    let mut choice = name.reader()?;
                    if let Some(full) = choice.read_if(Class::Context, 0)? {
                        let mut names = full.reader()?;
                        while !names.is_empty() {
                            if let Some(url) = uri(&names.read()?)? {
                                push_bounded(&mut self.crl_distribution_points, url, "CRL distribution points")?;
                            }
                        }
                    }
                }
            }
        } else if *oid == oid::EXT_AUTHORITY_INFO_ACCESS {
            let seq = reader.sequence("authorityInfoAccess")?;
            let mut items = seq.reader()?;
            while !items.is_empty() {
                let desc = items.sequence("AccessDescription")?;
                let mut f = desc.reader()?;
                let method = f.read()?.oid()?;
                if let Some(url) = uri(&f.read()?)? {
                    push_bounded(&mut self.authority_info_access, AccessDescription { method, url }, "AIA entries")?;
                }
                f.finish("an AccessDescription")?;
            }
        } else if *oid == oid::EXT_SUBJECT_SIGN_TOOL {
            let t = reader.read()?;
            self.subject_sign_tool = Some(t.text()?.ok_or_else(|| t.malformed("subjectSignTool is not a string"))?);
        } else if *oid == oid::EXT_ISSUER_SIGN_TOOL {
            let seq = reader.sequence("issuerSignTool")?;
            let mut items = seq.reader()?;
            let mut tools = Vec::new();
            while !items.is_empty() {
                let t = items.read()?;
                let text = t.text()?.ok_or_else(|| t.malformed("issuerSignTool holds a non-string"))?;
                push_bounded(&mut tools, text, "issuerSignTool strings")?;
            }
            self.issuer_sign_tool = Some(tools);
        } else if *oid == oid::EXT_IDENTIFICATION_KIND {
            let i = reader.expect(Tag::universal(universal::INTEGER, false), "IdentificationKind")?;
            self.identification_kind = Some(i.small_integer()?);
        } else if *oid == oid::EXT_PRIVATE_KEY_USAGE_PERIOD {
            let seq = reader.sequence("privateKeyUsagePeriod")?;
            let mut f = seq.reader()?;
            let mut period = (None, None);
            if let Some(t) = f.read_if(Class::Context, 0)? {
                period.0 = Some(implicit_generalized_time(&t)?);
            }
            if let Some(t) = f.read_if(Class::Context, 1)? {
                period.1 = Some(implicit_generalized_time(&t)?);
            }
            f.finish("privateKeyUsagePeriod")?;
            self.private_key_usage_period = Some(period);
        } else {
            return Ok(());
        }
        reader.finish("an extension value")
    }

    /// Reads a certificate in DER, PEM (any `BEGIN` label) or bare base64.
    ///
    /// # Errors
    /// `CMS_UNKNOWN_ENCODING` when the bytes are none of these, else as [`Certificate::from_der`].
    pub fn from_pem_or_der(bytes: &[u8]) -> Result<Certificate, Finding> {
        let decoded = crate::cms::decode(bytes, &crate::limits::Limits::default())?;
        Certificate::from_der(&decoded.bytes)
    }

    /// The serial number as lowercase hex of its unsigned big-endian value, without leading
    /// zero bytes (`"00"` for zero).
    pub fn serial_hex(&self) -> String {
        serial_hex(&self.serial)
    }

    /// SHA-1 of the certificate as received: the trust list's `Отпечаток`.
    pub fn sha1_thumbprint(&self) -> [u8; 20] {
        Sha1::digest(&self.der).into()
    }

    /// [`Certificate::sha1_thumbprint`] as lowercase hex.
    pub fn sha1_hex(&self) -> String {
        hex(&self.sha1_thumbprint())
    }

    /// The report's key algorithm name (`gost2012-256`, `rsa`, `ecdsa-p256`, ...).
    pub fn key_algorithm_name(&self) -> Option<&'static str> {
        oid::key_algorithm_name(&self.key_algorithm.oid, self.key_param_oids.first())
    }

    /// The signature-tool classes (`КС1`..`КА1`) among the policies, in policy order.
    pub fn classes(&self) -> Vec<&'static str> {
        self.certificate_policies.iter().filter_map(oid::policy_class).collect()
    }

    /// basicConstraints says cA.
    pub fn is_ca(&self) -> bool {
        self.basic_constraints.is_some_and(|(ca, _)| ca)
    }

    /// The subjectKeyIdentifier as lowercase hex.
    pub fn subject_key_id_hex(&self) -> Option<String> {
        self.subject_key_id.as_deref().map(hex)
    }

    /// The findings this certificate raises by itself: duplicate extensions and unknown critical
    /// extensions.
    pub fn findings(&self) -> Vec<Finding> {
        let duplicates =
            self.duplicate_extensions.iter().map(|o| Finding::new(Code::CertDuplicateExtension).arg("oid", o));
        let critical = self
            .unknown_critical_extensions
            .iter()
            .map(|o| Finding::new(Code::CertUnknownCriticalExtension).arg("oid", o));
        duplicates.chain(critical).collect()
    }
}

/// Lowercase hex of an INTEGER's unsigned value without leading zero bytes.
pub fn serial_hex(serial: &[u8]) -> String {
    let skip = serial.iter().take_while(|b| **b == 0).count();
    match serial.get(skip..) {
        Some(rest) if !rest.is_empty() => hex(rest),
        _ => "00".to_owned(),
    }
}

/// The same serial number, leading zero bytes ignored.
pub(crate) fn same_serial(a: &[u8], b: &[u8]) -> bool {
    let strip = |s: &[u8]| -> Vec<u8> { s.iter().copied().skip_while(|b| *b == 0).collect() };
    strip(a) == strip(b)
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len().saturating_mul(2));
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn too_many(what: &'static str) -> Finding {
    Finding::new(Code::LimitCmsElements).arg("what", what).arg("limit", MAX_EXTENSION_ENTRIES)
}

fn push_bounded<T>(list: &mut Vec<T>, item: T, what: &'static str) -> Result<(), Finding> {
    if list.len() >= MAX_EXTENSION_ENTRIES {
        return Err(too_many(what));
    }
    list.push(item);
    Ok(())
}

/// A GeneralName's uniformResourceIdentifier ([6] IMPLICIT IA5String), if it is one.
fn uri(name: &Tlv<'_>) -> Result<Option<String>, Finding> {
    if name.is(Class::Context, 6) {
        let bytes = name.string_bytes(universal::IA5_STRING)?;
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    } else {
        Ok(None)
    }
}

/// `[n] IMPLICIT GeneralizedTime`.
fn implicit_generalized_time(t: &Tlv<'_>) -> Result<Time, Finding> {
    let bytes = t.string_bytes(universal::GENERALIZED_TIME)?;
    crate::cms::ber::parse_generalized_time(&bytes).ok_or_else(|| t.malformed("bad GeneralizedTime"))
}

fn read_authority_key_id(seq: &Tlv<'_>) -> Result<AuthorityKeyId, Finding> {
    let mut f = seq.reader()?;
    let mut aki = AuthorityKeyId::default();
    if let Some(k) = f.read_if(Class::Context, 0)? {
        aki.key_id = Some(k.octets()?.into_owned());
    }
    if let Some(names) = f.read_if(Class::Context, 1)? {
        aki.issuer_der = directory_name(&names)?;
    }
    if let Some(serial) = f.read_if(Class::Context, 2)? {
        aki.serial = Some(serial.integer()?.to_vec());
    }
    f.finish("authorityKeyIdentifier")?;
    Ok(aki)
}

/// The first directoryName ([4] EXPLICIT Name) in a GeneralNames, as received.
pub(crate) fn directory_name(general_names: &Tlv<'_>) -> Result<Option<Vec<u8>>, Finding> {
    let mut names = general_names.reader()?;
    while !names.is_empty() {
        let name = names.read()?;
        if name.is(Class::Context, 4) {
            let mut inner = name.reader()?;
            let dn = inner.sequence("a directoryName")?;
            inner.finish("a directoryName")?;
            return Ok(Some(dn.raw.to_vec()));
        }
    }
    Ok(None)
}

/// The OIDs in a key's parameters: a SEQUENCE of OIDs (GOST) or one OID (EC named curve).
fn key_param_oids(algorithm: &AlgorithmId, depth: usize) -> Result<Vec<ObjectIdentifier>, Finding> {
    let Some(params) = &algorithm.params_der else {
        return Ok(Vec::new());
    };
    let mut reader = Reader::nested(params, 0, depth);
    let tlv = reader.read()?;
    let mut out = Vec::new();
    if tlv.is(Class::Universal, universal::OID) {
        out.push(tlv.oid()?);
    } else if tlv.is(Class::Universal, universal::SEQUENCE) {
        let mut items = tlv.reader()?;
        while !items.is_empty() {
            let item = items.read()?;
            if item.is(Class::Universal, universal::OID) {
                push_bounded(&mut out, item.oid()?, "key parameters")?;
            }
        }
    }
    Ok(out)
}

/// Turns a structural finding into `CERT_MALFORMED`, keeping its context; limits stay.
pub(crate) fn as_cert_error(f: Finding) -> Finding {
    match f.code {
        Code::CmsMalformed | Code::CmsTruncated | Code::CmsBerUnterminated => {
            let offset = f.get("offset").unwrap_or("0").to_owned();
            let detail = match f.code {
                Code::CmsTruncated => "truncated".to_owned(),
                Code::CmsBerUnterminated => "indefinite length never closed".to_owned(),
                _ => f.get("detail").unwrap_or("").to_owned(),
            };
            Finding::new(Code::CertMalformed).arg("offset", offset).arg("detail", detail)
        }
        _ => f,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const CA: &[u8] = include_bytes!("../../tests/data/signatures/ca/accredited-ca.der");

    #[test]
    fn reads_the_test_ca() {
        let ca = Certificate::from_der(CA).unwrap();
        assert_eq!(ca.version, 3);
        assert_eq!(ca.serial_hex(), "7fbb8b70a34533332320f0c8a95157df6ac8d8ac");
        assert_eq!(ca.sha1_hex(), "82564bbde99562c9cd13e5e639108fb06861bc2a");
        assert_eq!(
            ca.subject.display(),
            "CN=Тестовый УЦ «Северный ключ», O=АО «Северный ключ», C=RU, S=78 г. Санкт-Петербург, \
             L=г. Санкт-Петербург, STREET=Невский проспект, д. 28, лит. А, ОГРН=1057808333252, \
             ИНН ЮЛ=7834566565, E=uc@northkey.test"
        );
        assert_eq!(ca.issuer_der, ca.subject_der);
        assert_eq!(ca.subject_key_id_hex().as_deref(), Some("48c02d8644b4aed037bf311e6a0e4d35acb8460f"));
        assert_eq!(ca.basic_constraints, Some((true, None)));
        assert!(ca.is_ca());
        assert_eq!(ca.key_algorithm_name(), Some("gost2012-256"));
        assert_eq!(ca.classes(), ["КС1", "КС2"]);
        assert_eq!(ca.issuer_sign_tool.as_ref().map(Vec::len), Some(4));
        assert!(ca.subject_sign_tool.as_deref().unwrap().contains("КриптоТест"));
        assert_eq!(ca.not_before.to_string(), "2023-08-12T09:23:02Z");
        assert!(ca.findings().is_empty());
        assert_eq!(
            ca.key_usage.as_deref(),
            Some(&["digitalSignature", "nonRepudiation", "keyCertSign", "cRLSign"][..])
        );
        // The TBS is the first element inside the certificate, as received.
        assert_eq!(CA.get(4..4 + ca.tbs.len()), Some(&ca.tbs[..]));
    }

    #[test]
    fn rejects_broken_certificates() {
        for len in 0..CA.len() {
            let err = Certificate::from_der(&CA[..len]).unwrap_err();
            assert_eq!(err.code, Code::CertMalformed, "prefix {len}");
        }
        let mut trailing = CA.to_vec();
        trailing.push(0);
        assert_eq!(Certificate::from_der(&trailing).unwrap_err().code, Code::CertMalformed);
    }

    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let len = content.len();
        if len < 0x80 {
            out.push(u8::try_from(len).unwrap());
        } else {
            out.extend([0x82, u8::try_from(len >> 8).unwrap(), u8::try_from(len & 0xff).unwrap()]);
        }
        out.extend_from_slice(content);
        out
    }

    fn oid_tlv(oid: &ObjectIdentifier) -> Vec<u8> {
        tlv(0x06, oid.as_bytes())
    }

    fn ext(oid: &ObjectIdentifier, critical: bool, value: &[u8]) -> Vec<u8> {
        let flag = if critical { vec![0x01, 0x01, 0xff] } else { Vec::new() };
        tlv(0x30, &[oid_tlv(oid), flag, tlv(0x04, value)].concat())
    }

    /// A hand-made certificate with every extension this reader decodes, a duplicate and an
    /// unknown critical one.
    fn synthetic() -> Vec<u8> {
        let name = tlv(
            0x30,
            &tlv(0x31, &tlv(0x30, &[oid_tlv(&oid::AT_COMMON_NAME), tlv(0x1c, &[0, 0, 0x04, 0x10])].concat())),
        );
        let validity = tlv(0x30, &[tlv(0x17, b"260101000000Z"), tlv(0x18, b"20510101000000Z")].concat());
        let spki = tlv(
            0x30,
            &[tlv(0x30, &[oid_tlv(&oid::EC_PUBLIC_KEY), oid_tlv(&oid::SECP256R1)].concat()), tlv(0x03, &[0, 4, 1, 2])]
                .concat(),
        );
        let url = |u: &str| tlv(0x86, u.as_bytes());
        let gt = |t: &[u8]| t.to_vec();
        let extensions = [
            ext(&oid::EXT_BASIC_CONSTRAINTS, true, &tlv(0x30, &[tlv(0x01, &[0xff]), tlv(0x02, &[0])].concat())),
            ext(&oid::EXT_BASIC_CONSTRAINTS, true, &tlv(0x30, &[])),
            ext(&ObjectIdentifier::new_unwrap("1.2.3.4"), true, &[0x05, 0x00]),
            ext(&ObjectIdentifier::new_unwrap("1.2.3.5"), false, &[0x05, 0x00]),
            ext(
                &oid::EXT_PRIVATE_KEY_USAGE_PERIOD,
                false,
                &tlv(0x30, &[tlv(0x80, &gt(b"20260101000000Z")), tlv(0x81, &gt(b"20270101000000Z"))].concat()),
            ),
            ext(
                &oid::EXT_AUTHORITY_INFO_ACCESS,
                false,
                &tlv(0x30, &tlv(0x30, &[oid_tlv(&oid::AD_OCSP), url("http://ocsp.test/")].concat())),
            ),
            ext(
                &oid::EXT_CRL_DISTRIBUTION_POINTS,
                false,
                &tlv(0x30, &tlv(0x30, &tlv(0xa0, &tlv(0xa0, &url("http://crl.test/ca.crl"))))),
            ),
            ext(
                &oid::EXT_AUTHORITY_KEY_ID,
                false,
                &tlv(
                    0x30,
                    &[tlv(0x80, &[0xaa, 0xbb]), tlv(0xa1, &tlv(0xa4, &name)), tlv(0x82, &[0x01, 0x02])].concat(),
                ),
            ),
            ext(&oid::EXT_IDENTIFICATION_KIND, false, &[0x02, 0x01, 0x03]),
            ext(&oid::EXT_SUBJECT_SIGN_TOOL, false, &tlv(0x0c, "СКЗИ".as_bytes())),
            ext(&oid::EXT_EXTENDED_KEY_USAGE, false, &tlv(0x30, &oid_tlv(&oid::AD_OCSP))),
        ]
        .concat();
        let algorithm = tlv(0x30, &oid_tlv(&oid::ECDSA_WITH_SHA256));
        let tbs = tlv(
            0x30,
            &[
                tlv(0xa0, &[0x02, 0x01, 0x02]),
                tlv(0x02, &[0x05]),
                algorithm.clone(),
                name.clone(),
                validity,
                name,
                spki,
                tlv(0xa3, &tlv(0x30, &extensions)),
            ]
            .concat(),
        );
        tlv(0x30, &[tbs, algorithm, tlv(0x03, &[0, 0xab])].concat())
    }

    #[test]
    fn reads_every_extension() {
        let c = Certificate::from_der(&synthetic()).unwrap();
        assert_eq!(c.subject.common_name(), Some("А"), "UniversalString");
        assert_eq!(c.not_after.to_string(), "2051-01-01T00:00:00Z");
        assert_eq!(c.basic_constraints, Some((true, Some(0))));
        assert_eq!(c.duplicate_extensions, [oid::EXT_BASIC_CONSTRAINTS]);
        assert_eq!(c.unknown_critical_extensions, [ObjectIdentifier::new_unwrap("1.2.3.4")]);
        let codes: Vec<Code> = c.findings().iter().map(|f| f.code).collect();
        assert_eq!(codes, [Code::CertDuplicateExtension, Code::CertUnknownCriticalExtension]);
        let (from, to) = c.private_key_usage_period.unwrap();
        assert_eq!(
            (from.unwrap().to_string(), to.unwrap().to_string()),
            ("2026-01-01T00:00:00Z".into(), "2027-01-01T00:00:00Z".into())
        );
        assert_eq!(
            c.authority_info_access,
            [AccessDescription { method: oid::AD_OCSP, url: "http://ocsp.test/".into() }]
        );
        assert_eq!(c.crl_distribution_points, ["http://crl.test/ca.crl"]);
        let aki = c.authority_key_id.as_ref().unwrap();
        assert_eq!(aki.key_id.as_deref(), Some(&[0xaa, 0xbb][..]));
        assert_eq!(aki.issuer_der.as_deref(), Some(c.issuer_der.as_slice()));
        assert_eq!(aki.serial.as_deref(), Some(&[0x01, 0x02][..]));
        assert_eq!(c.identification_kind, Some(3));
        assert_eq!(c.subject_sign_tool.as_deref(), Some("СКЗИ"));
        assert_eq!(c.extended_key_usage, [oid::AD_OCSP]);
        assert_eq!(c.key_param_oids, [oid::SECP256R1]);
        assert_eq!(c.key_algorithm_name(), Some("ecdsa-p256"));
        assert_eq!(c.public_key, [4, 1, 2]);
        assert_eq!(c.signature, [0xab]);
        assert_eq!(c.extensions.len(), 11);
    }

    #[test]
    fn serials() {
        assert_eq!(serial_hex(&[0x00, 0x8f, 0x01]), "8f01");
        assert_eq!(serial_hex(&[0x00]), "00");
        assert!(same_serial(&[0x00, 0x8f], &[0x8f]));
    }
}
