//! The list of accredited CAs that Минцифры publishes (`TSLExt.xml`, `tsl.xml` from
//! e-trust.gosuslugi.ru): parsed as a stream, indexed for look-ups by key identifier,
//! thumbprint, subject name and serial.
//!
//! The list is the official answer to «is this CA accredited?» (63-ФЗ art. 16): a signature is
//! УКЭП only if the issuing CA's key is listed under a CA whose accreditation was in force
//! (`Действует`) at the time that matters.
//!
//! ```text
//! АккредитованныеУдостоверяющиеЦентры
//!   Версия, Дата
//!   УдостоверяющийЦентр*
//!     Название, КраткоеНазвание, ИНН, ОГРН, РеестровыйНомер
//!     СтатусАккредитации { Статус, ДействуетС, ДействуетДо? }
//!     ИсторияСтатусовАккредитации { СтатусАккредитации* }
//!     ПрограммноАппаратныеКомплексы / ПрограммноАппаратныйКомплекс*
//!       КлючиУполномоченныхЛиц / Ключ*
//!         ИдентификаторКлюча, АдресаСписковОтзыва / Адрес*
//!         Сертификаты / ДанныеСертификата* { Отпечаток, КемВыдан, КомуВыдан, СерийныйНомер,
//!                                           ПериодДействияС, ПериодДействияДо, Данные }
//! ```
//!
//! Quirks of the published list that the parser accepts:
//! - dates with an offset (`2021-12-20T12:23:02+03:00`), with `Z`, with fractions of any length
//!   (`.9541545`, as .NET writes them), and without any zone: those are Moscow time (+03:00);
//! - elements it does not use (addresses, e-mail, `ПолномочияПереданыУЦсОГРН`, the enveloped
//!   XMLDSig `Signature`), namespace prefixes and empty or `xsi:nil` elements;
//! - base64 with line breaks and with or without padding; hex in either case, with spaces;
//! - `КлючиУполномоченныхЛиц` directly under `УдостоверяющийЦентр` as well as under a complex;
//! - statuses `Действует`, `Приостановлена`, `Прекращена`, `Аннулирована` and any other text
//!   (which never counts as accredited).
//!
//! The index is built once and is read-only: share one [`TrustList`] between checks (it is
//! `Send + Sync`; wrap it in `Arc` to share it between threads or owners). `Clone` copies every
//! certificate and is as costly as the list is large.

use std::ops::Range;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use quick_xml::events::{BytesRef, Event};
use quick_xml::Reader;
use sha1::{Digest, Sha1};

use super::asn1;
use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::report::TrustListSummary;
use crate::time::Time;

/// The root element of the list.
pub const ROOT: &str = "АккредитованныеУдостоверяющиеЦентры";

/// Standard base64 that accepts a missing or present padding.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The Moscow offset assumed for dates written without a zone.
const MOSCOW_OFFSET: &str = "+03:00";

/// A CA's accreditation status (`СтатусАккредитации/Статус`).
#[derive(Clone, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum AccreditationStatus {
    /// «Действует»: accredited.
    Active,
    /// «Приостановлена»: suspended; not accredited while it lasts.
    Suspended,
    /// «Прекращена»: terminated.
    Terminated,
    /// «Аннулирована»: annulled.
    Annulled,
    /// Any other text, as written (empty when the list gives none); never accredited.
    Other(String),
}

impl AccreditationStatus {
    /// The status named by `text` (case and surrounding spaces ignored).
    pub fn from_text(text: &str) -> Self {
        let norm = text.trim().to_lowercase().replace('ё', "е");
        match norm.as_str() {
            "действует" => AccreditationStatus::Active,
            "приостановлена" => AccreditationStatus::Suspended,
            "прекращена" => AccreditationStatus::Terminated,
            "аннулирована" => AccreditationStatus::Annulled,
            _ => AccreditationStatus::Other(text.trim().to_owned()),
        }
    }

    /// The status as the list writes it.
    pub fn as_str(&self) -> &str {
        match self {
            AccreditationStatus::Active => "Действует",
            AccreditationStatus::Suspended => "Приостановлена",
            AccreditationStatus::Terminated => "Прекращена",
            AccreditationStatus::Annulled => "Аннулирована",
            AccreditationStatus::Other(text) => text,
        }
    }

    /// Only «Действует» counts as accredited.
    pub fn is_accredited(&self) -> bool {
        *self == AccreditationStatus::Active
    }
}

/// One status with the time it took effect (`ДействуетС`) and, when written, ended
/// (`ДействуетДо`).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct StatusPeriod {
    /// The status.
    pub status: AccreditationStatus,
    /// `ДействуетС`.
    pub from: Time,
    /// `ДействуетДо`, when the list gives one.
    pub to: Option<Time>,
}

/// One accredited (or formerly accredited) CA, `УдостоверяющийЦентр`.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Authority {
    /// `Название`.
    pub name: String,
    /// `КраткоеНазвание`.
    pub short_name: Option<String>,
    /// `ИНН`.
    pub inn: Option<String>,
    /// `ОГРН`.
    pub ogrn: Option<String>,
    /// `РеестровыйНомер`.
    pub registry_number: Option<String>,
    /// The current status, `СтатусАккредитации/Статус` (`Other("")` when missing).
    pub status: AccreditationStatus,
    /// When the current status took effect, `СтатусАккредитации/ДействуетС`.
    pub status_since: Option<Time>,
    /// Every status with its start, oldest first: `ИсторияСтатусовАккредитации` with the current
    /// status added when the history lacks it. Entries without `ДействуетС` are left out.
    pub history: Vec<StatusPeriod>,
    /// The keys of the CA's authorised persons, `Ключ`, in list order.
    pub keys: Vec<AuthorityKey>,
}

impl Authority {
    /// Whether the CA was accredited at `t`: the status in force at `t` is the last history entry
    /// whose `ДействуетС` is not after `t` (and whose `ДействуетДо`, if any, is after `t`), and
    /// only «Действует» counts. Before the first entry the CA was not accredited.
    pub fn accredited_at(&self, t: Time) -> bool {
        let index = self.history.partition_point(|p| p.from <= t);
        let Some(period) = index.checked_sub(1).and_then(|i| self.history.get(i)) else {
            return false;
        };
        if period.to.is_some_and(|to| t >= to) {
            return false;
        }
        period.status.is_accredited()
    }
}

/// One key of a CA (`Ключ`): its identifier, CRL addresses and certificates.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct AuthorityKey {
    /// `ИдентификаторКлюча`: the subjectKeyIdentifier of the CA certificates, which the
    /// authorityKeyIdentifier of the certificates it issued repeats.
    pub key_id: Vec<u8>,
    /// `АдресаСписковОтзыва/Адрес`.
    pub crl_urls: Vec<String>,
    /// `Сертификаты/ДанныеСертификата`.
    pub certificates: Vec<CaCertificate>,
}

/// One CA certificate, `ДанныеСертификата`.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct CaCertificate {
    /// SHA-1 of `der` (of the written `Отпечаток` when the list gives no `Данные`).
    pub thumbprint: Vec<u8>,
    /// `Отпечаток` as written, when written.
    pub written_thumbprint: Option<Vec<u8>>,
    /// The serial, unsigned big-endian without leading zero bytes: from the certificate, else
    /// from `СерийныйНомер`.
    pub serial: Vec<u8>,
    /// `serial` as lowercase hex.
    pub serial_hex: String,
    /// `КемВыдан`, as written.
    pub issuer: String,
    /// `КомуВыдан`, as written.
    pub subject: String,
    /// `ПериодДействияС`, else the certificate's notBefore.
    pub not_before: Option<Time>,
    /// `ПериодДействияДо`, else the certificate's notAfter.
    pub not_after: Option<Time>,
    /// `Данные`: the certificate, DER (empty when the list gives none).
    pub der: Vec<u8>,
    /// The certificate's subjectKeyIdentifier, when it could be read.
    pub subject_key_id: Option<Vec<u8>>,
    /// Where the issuer and subject Names are in `der`, when the certificate could be read.
    names: Option<(Range<usize>, Range<usize>)>,
}

impl CaCertificate {
    /// The subject Name as DER, when the certificate could be read.
    pub fn subject_der(&self) -> Option<&[u8]> {
        self.names.as_ref().and_then(|(_, subject)| self.der.get(subject.clone()))
    }

    /// The issuer Name as DER, when the certificate could be read.
    pub fn issuer_der(&self) -> Option<&[u8]> {
        self.names.as_ref().and_then(|(issuer, _)| self.der.get(issuer.clone()))
    }

    /// The thumbprint as lowercase hex, as the report writes it.
    pub fn thumbprint_hex(&self) -> String {
        asn1::hex(&self.thumbprint)
    }
}

/// Where an entry sits in the list.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd)]
struct Loc {
    authority: usize,
    key: usize,
    certificate: Option<usize>,
}

/// A look-up hit: the CA, its key and, for certificate look-ups, the certificate.
#[derive(Clone, Copy, Debug)]
pub struct KeyMatch<'a> {
    /// The CA.
    pub authority: &'a Authority,
    /// The CA key.
    pub key: &'a AuthorityKey,
    /// The certificate found, for look-ups by certificate (thumbprint, subject, serial, DER).
    pub certificate: Option<&'a CaCertificate>,
}

/// The hits of one look-up, in list order.
#[derive(Clone, Debug)]
pub struct Matches<'a> {
    list: &'a TrustList,
    locs: std::vec::IntoIter<Loc>,
}

impl<'a> Iterator for Matches<'a> {
    type Item = KeyMatch<'a>;

    fn next(&mut self) -> Option<KeyMatch<'a>> {
        for loc in self.locs.by_ref() {
            if let Some(m) = self.list.resolve(loc) {
                return Some(m);
            }
        }
        None
    }
}

/// The parsed and indexed list of accredited CAs.
#[derive(Clone, Debug)]
pub struct TrustList {
    version: Option<String>,
    date: Option<Time>,
    authorities: Vec<Authority>,
    warnings: Vec<Finding>,
    /// Key identifiers (`ИдентификаторКлюча`, and each certificate's own subjectKeyIdentifier
    /// where it differs), sorted.
    by_key_id: Vec<(Vec<u8>, Loc)>,
    /// SHA-1 thumbprints (computed, and the written ones where they differ), sorted.
    by_thumbprint: Vec<(Vec<u8>, Loc)>,
    /// Serials, sorted.
    by_serial: Vec<(Vec<u8>, Loc)>,
    /// Certificates sorted by their subject Name DER.
    by_subject: Vec<Loc>,
}

impl TrustList {
    /// Parses the list (UTF-8 XML) and builds its index.
    ///
    /// # Errors
    /// `TSL_TOO_LARGE` when the file, an element's text, the nesting or the number of entries
    /// exceeds `limits`; `TSL_NOT_XML` for malformed XML (or a DOCTYPE, or an encoding other
    /// than UTF-8); `TSL_TRUNCATED` when the file ends inside an element; `TSL_WRONG_ROOT` when
    /// the root element is not `АккредитованныеУдостоверяющиеЦентры`; `TSL_BAD_BASE64`,
    /// `TSL_BAD_DATE`, `TSL_BAD_HEX` for malformed values.
    pub fn parse(xml: &[u8], limits: &Limits) -> Result<TrustList, Finding> {
        let size = u64::try_from(xml.len()).unwrap_or(u64::MAX);
        if size > limits.max_tsl_bytes {
            return Err(too_large(format!("file size {size} bytes"), limits.max_tsl_bytes));
        }
        let parsed = Parser::new(xml, limits).run()?;
        Ok(TrustList::index(parsed))
    }

    /// `Версия`.
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// `Дата`.
    pub fn date(&self) -> Option<Time> {
        self.date
    }

    /// The CAs, in list order.
    pub fn authorities(&self) -> &[Authority] {
        &self.authorities
    }

    /// Things noticed while parsing that do not make the list unusable
    /// (`TSL_THUMBPRINT_MISMATCH`, `TSL_CERTIFICATE_UNREADABLE`).
    pub fn warnings(&self) -> &[Finding] {
        &self.warnings
    }

    /// The keys whose identifier is `key_id` (an authorityKeyIdentifier), with their CAs.
    pub fn find_by_key_id(&self, key_id: &[u8]) -> Matches<'_> {
        self.matches(lookup(&self.by_key_id, key_id))
    }

    /// The certificates whose SHA-1 thumbprint is `sha1` (20 bytes).
    pub fn find_by_thumbprint(&self, sha1: &[u8]) -> Matches<'_> {
        self.matches(lookup(&self.by_thumbprint, sha1))
    }

    /// The certificates whose thumbprint is `hex` (either case, spaces and colons ignored);
    /// nothing when `hex` is not hexadecimal.
    pub fn find_by_thumbprint_hex(&self, hex: &str) -> Matches<'_> {
        match parse_hex(hex) {
            Some(bytes) => self.find_by_thumbprint(&bytes),
            None => self.matches(Vec::new()),
        }
    }

    /// The listed certificate whose DER is exactly `der`.
    pub fn find_by_certificate_der(&self, der: &[u8]) -> Option<KeyMatch<'_>> {
        let sha1 = Sha1::digest(der);
        self.find_by_thumbprint(&sha1).find(|m| m.certificate.is_some_and(|c| c.der == der))
    }

    /// The certificates whose subject Name is `name_der` byte for byte (the issuer Name of a
    /// certificate they may have issued).
    pub fn find_by_subject(&self, name_der: &[u8]) -> Matches<'_> {
        let start = self.by_subject.partition_point(|loc| self.subject_of(*loc) < Some(name_der));
        let locs = self
            .by_subject
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|loc| self.subject_of(**loc) == Some(name_der))
            .copied()
            .collect();
        self.matches(locs)
    }

    /// The certificates with this serial (big-endian; leading zero bytes ignored).
    pub fn find_by_serial(&self, serial: &[u8]) -> Matches<'_> {
        self.matches(lookup(&self.by_serial, asn1::strip_leading_zeros(serial)))
    }

    /// The listed CA key that issued a certificate, provided its CA was accredited at `at`:
    /// looked up by the certificate's authorityKeyIdentifier, then by its issuer Name (DER).
    /// `None` when the issuer is not listed or its CA was not accredited then. The match says
    /// nothing about the signature: the chain builder verifies it against the CA certificate.
    pub fn accredited_issuer_at(
        &self,
        authority_key_id: Option<&[u8]>,
        issuer_der: Option<&[u8]>,
        at: Time,
    ) -> Option<KeyMatch<'_>> {
        let by_key = authority_key_id.map(|id| self.find_by_key_id(id)).into_iter().flatten();
        let by_name = issuer_der.map(|name| self.find_by_subject(name)).into_iter().flatten();
        by_key.chain(by_name).find(|m| m.authority.accredited_at(at))
    }

    /// Every listed CA certificate as DER, in list order: the trust anchors and intermediates
    /// for the chain builder.
    pub fn ca_certificates(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.authorities
            .iter()
            .flat_map(|a| a.keys.iter())
            .flat_map(|k| k.certificates.iter())
            .filter(|c| !c.der.is_empty())
            .map(|c| c.der.as_slice())
    }

    /// What the report says about the list.
    pub fn summary(&self) -> TrustListSummary {
        let keys: usize = self.authorities.iter().map(|a| a.keys.len()).sum();
        TrustListSummary {
            version: self.version.clone(),
            date: self.date.map(|d| d.to_string()),
            authorities: u32::try_from(self.authorities.len()).unwrap_or(u32::MAX),
            keys: u32::try_from(keys).unwrap_or(u32::MAX),
        }
    }

    fn matches(&self, locs: Vec<Loc>) -> Matches<'_> {
        Matches { list: self, locs: locs.into_iter() }
    }

    fn resolve(&self, loc: Loc) -> Option<KeyMatch<'_>> {
        let authority = self.authorities.get(loc.authority)?;
        let key = authority.keys.get(loc.key)?;
        let certificate = match loc.certificate {
            Some(i) => Some(key.certificates.get(i)?),
            None => None,
        };
        Some(KeyMatch { authority, key, certificate })
    }

    fn certificate(&self, loc: Loc) -> Option<&CaCertificate> {
        self.authorities.get(loc.authority)?.keys.get(loc.key)?.certificates.get(loc.certificate?)
    }

    fn subject_of(&self, loc: Loc) -> Option<&[u8]> {
        self.certificate(loc)?.subject_der()
    }

    fn index(parsed: Parsed) -> TrustList {
        let mut list = TrustList {
            version: parsed.version,
            date: parsed.date,
            authorities: parsed.authorities,
            warnings: parsed.warnings,
            by_key_id: Vec::new(),
            by_thumbprint: Vec::new(),
            by_serial: Vec::new(),
            by_subject: Vec::new(),
        };
        for (ai, authority) in list.authorities.iter().enumerate() {
            for (ki, key) in authority.keys.iter().enumerate() {
                let key_loc = Loc { authority: ai, key: ki, certificate: None };
                if !key.key_id.is_empty() {
                    list.by_key_id.push((key.key_id.clone(), key_loc));
                }
                for (ci, cert) in key.certificates.iter().enumerate() {
                    let loc = Loc { certificate: Some(ci), ..key_loc };
                    if let Some(ski) = &cert.subject_key_id {
                        if *ski != key.key_id && !ski.is_empty() {
                            list.by_key_id.push((ski.clone(), loc));
                        }
                    }
                    if !cert.thumbprint.is_empty() {
                        list.by_thumbprint.push((cert.thumbprint.clone(), loc));
                    }
                    if let Some(written) = &cert.written_thumbprint {
                        if *written != cert.thumbprint && !written.is_empty() {
                            list.by_thumbprint.push((written.clone(), loc));
                        }
                    }
                    if !cert.serial.is_empty() {
                        list.by_serial.push((cert.serial.clone(), loc));
                    }
                    if cert.subject_der().is_some() {
                        list.by_subject.push(loc);
                    }
                }
            }
        }
        list.by_key_id.sort_unstable();
        list.by_key_id.dedup();
        list.by_thumbprint.sort_unstable();
        list.by_thumbprint.dedup();
        list.by_serial.sort_unstable();
        let mut by_subject = std::mem::take(&mut list.by_subject);
        by_subject.sort_by(|a, b| list.subject_of(*a).cmp(&list.subject_of(*b)).then(a.cmp(b)));
        list.by_subject = by_subject;
        list
    }
}

/// The locations under `key` in a sorted index, in list order.
fn lookup(index: &[(Vec<u8>, Loc)], key: &[u8]) -> Vec<Loc> {
    let start = index.partition_point(|(k, _)| k.as_slice() < key);
    index
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|(k, _)| k.as_slice() == key)
        .map(|(_, loc)| *loc)
        .collect()
}

fn too_large(what: String, limit: u64) -> Finding {
    Finding::new(Code::TslTooLarge).arg("what", what).arg("limit", limit)
}

/// What the parser hands to the indexer.
struct Parsed {
    version: Option<String>,
    date: Option<Time>,
    authorities: Vec<Authority>,
    warnings: Vec<Finding>,
}

/// The elements the parser tells apart; the kind of a child depends on its parent, so that
/// `Название` of a CA is not confused with `Регион/Название`, nor a CRL `Адрес` with a postal one.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Node {
    Root,
    Version,
    Date,
    Authority,
    Name,
    ShortName,
    Inn,
    Ogrn,
    RegistryNumber,
    Status,
    History,
    HistoryStatus,
    StatusValue,
    StatusFrom,
    StatusTo,
    Complexes,
    Complex,
    Keys,
    Key,
    KeyId,
    CrlUrls,
    CrlUrl,
    Certificates,
    Certificate,
    Thumbprint,
    IssuedBy,
    IssuedTo,
    Serial,
    ValidFrom,
    ValidTo,
    Data,
    /// Anything else, and everything inside it: skipped.
    Skip,
}

impl Node {
    /// The kind of a child element named `name` (local name, UTF-8) of `self`.
    fn child(self, name: &[u8]) -> Node {
        match self {
            Node::Root => match name {
                n if n == "Версия".as_bytes() => Node::Version,
                n if n == "Дата".as_bytes() => Node::Date,
                n if n == "УдостоверяющийЦентр".as_bytes() => Node::Authority,
                _ => Node::Skip,
            },
            Node::Authority => match name {
                n if n == "Название".as_bytes() => Node::Name,
                n if n == "КраткоеНазвание".as_bytes() => Node::ShortName,
                n if n == "ИНН".as_bytes() => Node::Inn,
                n if n == "ОГРН".as_bytes() => Node::Ogrn,
                n if n == "РеестровыйНомер".as_bytes() => Node::RegistryNumber,
                n if n == "СтатусАккредитации".as_bytes() => Node::Status,
                n if n == "ИсторияСтатусовАккредитации".as_bytes() => Node::History,
                n if n == "ПрограммноАппаратныеКомплексы".as_bytes() => Node::Complexes,
                n if n == "КлючиУполномоченныхЛиц".as_bytes() => Node::Keys,
                _ => Node::Skip,
            },
            Node::Status | Node::HistoryStatus => match name {
                n if n == "Статус".as_bytes() => Node::StatusValue,
                n if n == "ДействуетС".as_bytes() => Node::StatusFrom,
                n if n == "ДействуетДо".as_bytes() => Node::StatusTo,
                _ => Node::Skip,
            },
            Node::History if name == "СтатусАккредитации".as_bytes() => Node::HistoryStatus,
            Node::Complexes if name == "ПрограммноАппаратныйКомплекс".as_bytes() => {
                Node::Complex
            }
            Node::Complex if name == "КлючиУполномоченныхЛиц".as_bytes() => Node::Keys,
            Node::Keys if name == "Ключ".as_bytes() => Node::Key,
            Node::Key => match name {
                n if n == "ИдентификаторКлюча".as_bytes() => Node::KeyId,
                n if n == "АдресаСписковОтзыва".as_bytes() => Node::CrlUrls,
                n if n == "Сертификаты".as_bytes() => Node::Certificates,
                _ => Node::Skip,
            },
            Node::CrlUrls if name == "Адрес".as_bytes() => Node::CrlUrl,
            Node::Certificates if name == "ДанныеСертификата".as_bytes() => Node::Certificate,
            Node::Certificate => match name {
                n if n == "Отпечаток".as_bytes() => Node::Thumbprint,
                n if n == "КемВыдан".as_bytes() => Node::IssuedBy,
                n if n == "КомуВыдан".as_bytes() => Node::IssuedTo,
                n if n == "СерийныйНомер".as_bytes() => Node::Serial,
                n if n == "ПериодДействияС".as_bytes() => Node::ValidFrom,
                n if n == "ПериодДействияДо".as_bytes() => Node::ValidTo,
                n if n == "Данные".as_bytes() => Node::Data,
                _ => Node::Skip,
            },
            _ => Node::Skip,
        }
    }

    /// Elements whose text the parser keeps.
    fn is_leaf(self) -> bool {
        matches!(
            self,
            Node::Version
                | Node::Date
                | Node::Name
                | Node::ShortName
                | Node::Inn
                | Node::Ogrn
                | Node::RegistryNumber
                | Node::StatusValue
                | Node::StatusFrom
                | Node::StatusTo
                | Node::KeyId
                | Node::CrlUrl
                | Node::Thumbprint
                | Node::IssuedBy
                | Node::IssuedTo
                | Node::Serial
                | Node::ValidFrom
                | Node::ValidTo
                | Node::Data
        )
    }

    /// The element's name, for messages.
    fn element(self) -> &'static str {
        match self {
            Node::Root => ROOT,
            Node::Version => "Версия",
            Node::Date => "Дата",
            Node::Authority => "УдостоверяющийЦентр",
            Node::Name => "Название",
            Node::ShortName => "КраткоеНазвание",
            Node::Inn => "ИНН",
            Node::Ogrn => "ОГРН",
            Node::RegistryNumber => "РеестровыйНомер",
            Node::Status | Node::HistoryStatus => "СтатусАккредитации",
            Node::History => "ИсторияСтатусовАккредитации",
            Node::StatusValue => "Статус",
            Node::StatusFrom => "ДействуетС",
            Node::StatusTo => "ДействуетДо",
            Node::Complexes => "ПрограммноАппаратныеКомплексы",
            Node::Complex => "ПрограммноАппаратныйКомплекс",
            Node::Keys => "КлючиУполномоченныхЛиц",
            Node::Key => "Ключ",
            Node::KeyId => "ИдентификаторКлюча",
            Node::CrlUrls => "АдресаСписковОтзыва",
            Node::CrlUrl => "Адрес",
            Node::Certificates => "Сертификаты",
            Node::Certificate => "ДанныеСертификата",
            Node::Thumbprint => "Отпечаток",
            Node::IssuedBy => "КемВыдан",
            Node::IssuedTo => "КомуВыдан",
            Node::Serial => "СерийныйНомер",
            Node::ValidFrom => "ПериодДействияС",
            Node::ValidTo => "ПериодДействияДо",
            Node::Data => "Данные",
            Node::Skip => "?",
        }
    }
}

/// A status being read.
#[derive(Default)]
struct StatusBuilder {
    status: Option<String>,
    from: Option<Time>,
    to: Option<Time>,
}

/// A CA being read.
#[derive(Default)]
struct AuthorityBuilder {
    name: String,
    short_name: Option<String>,
    inn: Option<String>,
    ogrn: Option<String>,
    registry_number: Option<String>,
    current: Option<StatusBuilder>,
    history: Vec<StatusBuilder>,
    keys: Vec<AuthorityKey>,
}

impl AuthorityBuilder {
    fn build(self) -> Authority {
        let mut history: Vec<StatusPeriod> = self
            .history
            .into_iter()
            .filter_map(|s| {
                Some(StatusPeriod {
                    status: AccreditationStatus::from_text(s.status.as_deref().unwrap_or_default()),
                    from: s.from?,
                    to: s.to,
                })
            })
            .collect();
        let (status, status_since) = match self.current {
            Some(current) => {
                let status = AccreditationStatus::from_text(current.status.as_deref().unwrap_or_default());
                if let Some(from) = current.from {
                    let period = StatusPeriod { status: status.clone(), from, to: current.to };
                    if !history.contains(&period) {
                        // Last among equal starts, so that it wins over an older entry.
                        history.push(period);
                    }
                }
                (status, current.from)
            }
            None => (AccreditationStatus::Other(String::new()), None),
        };
        history.sort_by_key(|p| p.from);
        Authority {
            name: self.name,
            short_name: self.short_name,
            inn: self.inn,
            ogrn: self.ogrn,
            registry_number: self.registry_number,
            status,
            status_since,
            history,
            keys: self.keys,
        }
    }
}

/// The streaming parser: a stack of [`Node`]s and the entry being read.
struct Parser<'x> {
    reader: Reader<&'x [u8]>,
    max_depth: usize,
    max_text: usize,
    max_entries: u64,
    entries: u64,
    stack: Vec<Node>,
    root_seen: bool,
    text: Vec<u8>,
    scratch: Vec<u8>,
    version: Option<String>,
    date: Option<Time>,
    authorities: Vec<Authority>,
    warnings: Vec<Finding>,
    authority: Option<AuthorityBuilder>,
    status: Option<StatusBuilder>,
    key: Option<AuthorityKey>,
    certificate: Option<CaCertificate>,
}

impl<'x> Parser<'x> {
    fn new(xml: &'x [u8], limits: &Limits) -> Self {
        let mut reader = Reader::from_reader(xml);
        reader.config_mut().check_end_names = true;
        Parser {
            reader,
            max_depth: usize::from(limits.max_nesting),
            max_text: usize::try_from(limits.max_tsl_text).unwrap_or(usize::MAX),
            max_entries: limits.max_tsl_entries,
            entries: 0,
            stack: Vec::with_capacity(16),
            root_seen: false,
            text: Vec::with_capacity(4096),
            scratch: Vec::with_capacity(4096),
            version: None,
            date: None,
            authorities: Vec::new(),
            warnings: Vec::new(),
            authority: None,
            status: None,
            key: None,
            certificate: None,
        }
    }

    fn offset(&self) -> u64 {
        self.reader.buffer_position()
    }

    fn not_xml(&self, detail: impl std::fmt::Display) -> Finding {
        Finding::new(Code::TslNotXml).arg("offset", self.offset()).arg("detail", detail)
    }

    fn run(mut self) -> Result<Parsed, Finding> {
        loop {
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(error) => return Err(self.xml_error(&error)),
            };
            match event {
                Event::Start(start) => {
                    let name = start.local_name();
                    self.open(name.as_ref())?;
                }
                Event::Empty(start) => {
                    let name = start.local_name();
                    self.open(name.as_ref())?;
                    self.close()?;
                }
                Event::End(_) => self.close()?,
                Event::Text(text) => self.append(&text)?,
                Event::CData(data) => self.append(&data)?,
                Event::GeneralRef(reference) => self.reference(&reference)?,
                Event::Decl(decl) => {
                    if let Some(encoding) = decl.encoding() {
                        let encoding = encoding.map_err(|e| self.not_xml(e))?;
                        if !encoding.eq_ignore_ascii_case(b"utf-8") && !encoding.eq_ignore_ascii_case(b"utf8") {
                            let name = String::from_utf8_lossy(&encoding).into_owned();
                            return Err(self.not_xml(format!("encoding {name} is not supported (UTF-8 only)")));
                        }
                    }
                }
                Event::DocType(_) => return Err(self.not_xml("a DOCTYPE is not allowed")),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => break,
            }
        }
        if !self.root_seen {
            return Err(self.not_xml("no root element"));
        }
        if !self.stack.is_empty() {
            return Err(Finding::new(Code::TslTruncated).arg("offset", self.offset()));
        }
        Ok(Parsed { version: self.version, date: self.date, authorities: self.authorities, warnings: self.warnings })
    }

    fn xml_error(&self, error: &quick_xml::Error) -> Finding {
        use quick_xml::errors::SyntaxError;
        let offset = self.reader.error_position();
        match error {
            quick_xml::Error::Syntax(
                SyntaxError::UnclosedTag
                | SyntaxError::UnclosedCData
                | SyntaxError::UnclosedComment
                | SyntaxError::UnclosedDoctype
                | SyntaxError::UnclosedPIOrXmlDecl,
            ) => Finding::new(Code::TslTruncated).arg("offset", offset),
            other => Finding::new(Code::TslNotXml).arg("offset", offset).arg("detail", other),
        }
    }

    fn count_entry(&mut self, node: Node) -> Result<(), Finding> {
        self.entries = self.entries.saturating_add(1);
        if self.entries > self.max_entries {
            return Err(too_large(format!("the number of entries (at {})", node.element()), self.max_entries));
        }
        Ok(())
    }

    fn open(&mut self, name: &[u8]) -> Result<(), Finding> {
        if self.stack.len() >= self.max_depth {
            return Err(too_large("the nesting depth".to_owned(), u64::try_from(self.max_depth).unwrap_or(u64::MAX)));
        }
        let node = match self.stack.last() {
            Some(parent) => parent.child(name),
            None if self.root_seen => return Err(self.not_xml("a second root element")),
            None if name == ROOT.as_bytes() => {
                self.root_seen = true;
                Node::Root
            }
            None => {
                let name = String::from_utf8_lossy(name).chars().take(200).collect::<String>();
                return Err(Finding::new(Code::TslWrongRoot).arg("name", name));
            }
        };
        match node {
            Node::Authority => {
                self.count_entry(node)?;
                self.authority = Some(AuthorityBuilder::default());
            }
            Node::Status | Node::HistoryStatus => {
                self.count_entry(node)?;
                self.status = Some(StatusBuilder::default());
            }
            Node::Key => {
                self.count_entry(node)?;
                self.key = Some(AuthorityKey::default());
            }
            Node::Certificate => {
                self.count_entry(node)?;
                self.certificate = Some(CaCertificate::default());
            }
            Node::CrlUrl => self.count_entry(node)?,
            _ => {}
        }
        if node.is_leaf() {
            self.text.clear();
        }
        self.stack.push(node);
        Ok(())
    }

    fn append(&mut self, bytes: &[u8]) -> Result<(), Finding> {
        if !self.stack.last().is_some_and(|n| n.is_leaf()) {
            return Ok(());
        }
        if self.text.len().saturating_add(bytes.len()) > self.max_text {
            let element = self.stack.last().map_or("?", |n| n.element());
            return Err(too_large(format!("the text of {element}"), u64::try_from(self.max_text).unwrap_or(u64::MAX)));
        }
        self.text.extend_from_slice(bytes);
        Ok(())
    }

    fn reference(&mut self, reference: &BytesRef<'_>) -> Result<(), Finding> {
        let ch = match reference.resolve_char_ref() {
            Ok(Some(ch)) => ch,
            Ok(None) => match &**reference {
                b"amp" => '&',
                b"lt" => '<',
                b"gt" => '>',
                b"quot" => '"',
                b"apos" => '\'',
                other => {
                    let name = String::from_utf8_lossy(other).chars().take(50).collect::<String>();
                    return Err(self.not_xml(format!("unknown entity &{name};")));
                }
            },
            Err(error) => return Err(self.not_xml(error)),
        };
        let mut buf = [0u8; 4];
        self.append(ch.encode_utf8(&mut buf).as_bytes())
    }

    /// The kept text as a trimmed string.
    fn text(&self, node: Node) -> Result<String, Finding> {
        match std::str::from_utf8(&self.text) {
            Ok(text) => Ok(text.trim().to_owned()),
            Err(_) => Err(self.not_xml(format!("the text of {} is not UTF-8", node.element()))),
        }
    }

    fn optional_text(&self, node: Node) -> Result<Option<String>, Finding> {
        let text = self.text(node)?;
        Ok(if text.is_empty() { None } else { Some(text) })
    }

    fn date(&self, node: Node) -> Result<Option<Time>, Finding> {
        let text = self.text(node)?;
        if text.is_empty() {
            return Ok(None);
        }
        match parse_list_time(&text) {
            Some(t) => Ok(Some(t)),
            None => Err(Finding::new(Code::TslBadDate)
                .arg("element", node.element())
                .arg("value", text.chars().take(100).collect::<String>())
                .arg("offset", self.offset())),
        }
    }

    fn hex(&self, node: Node, odd_ok: bool) -> Result<Option<Vec<u8>>, Finding> {
        let text = self.text(node)?;
        if text.is_empty() {
            return Ok(None);
        }
        let parsed = if odd_ok { parse_hex_padded(&text) } else { parse_hex(&text) };
        match parsed {
            Some(bytes) => Ok(Some(bytes)),
            None => Err(Finding::new(Code::TslBadHex)
                .arg("element", node.element())
                .arg("value", text.chars().take(100).collect::<String>())
                .arg("offset", self.offset())),
        }
    }

    fn base64(&mut self, node: Node) -> Result<Vec<u8>, Finding> {
        self.scratch.clear();
        self.scratch.extend(self.text.iter().copied().filter(|b| !b.is_ascii_whitespace()));
        BASE64
            .decode(&self.scratch)
            .map_err(|_| Finding::new(Code::TslBadBase64).arg("element", node.element()).arg("offset", self.offset()))
    }

    fn close(&mut self) -> Result<(), Finding> {
        let Some(node) = self.stack.pop() else {
            return Err(self.not_xml("an end tag without a start tag"));
        };
        match node {
            Node::Version => self.version = self.optional_text(node)?,
            Node::Date => self.date = self.date(node)?,
            Node::Name => {
                let text = self.text(node)?;
                if let Some(a) = self.authority.as_mut() {
                    a.name = text;
                }
            }
            Node::ShortName => {
                let text = self.optional_text(node)?;
                if let Some(a) = self.authority.as_mut() {
                    a.short_name = text;
                }
            }
            Node::Inn => {
                let text = self.optional_text(node)?;
                if let Some(a) = self.authority.as_mut() {
                    a.inn = text;
                }
            }
            Node::Ogrn => {
                let text = self.optional_text(node)?;
                if let Some(a) = self.authority.as_mut() {
                    a.ogrn = text;
                }
            }
            Node::RegistryNumber => {
                let text = self.optional_text(node)?;
                if let Some(a) = self.authority.as_mut() {
                    a.registry_number = text;
                }
            }
            Node::StatusValue => {
                let text = self.optional_text(node)?;
                if let Some(s) = self.status.as_mut() {
                    s.status = text;
                }
            }
            Node::StatusFrom => {
                let date = self.date(node)?;
                if let Some(s) = self.status.as_mut() {
                    s.from = date;
                }
            }
            Node::StatusTo => {
                let date = self.date(node)?;
                if let Some(s) = self.status.as_mut() {
                    s.to = date;
                }
            }
            Node::Status => {
                if let (Some(a), Some(s)) = (self.authority.as_mut(), self.status.take()) {
                    a.current = Some(s);
                }
            }
            Node::HistoryStatus => {
                if let (Some(a), Some(s)) = (self.authority.as_mut(), self.status.take()) {
                    a.history.push(s);
                }
            }
            Node::KeyId => {
                let id = self.hex(node, false)?;
                if let Some(k) = self.key.as_mut() {
                    k.key_id = id.unwrap_or_default();
                }
            }
            Node::CrlUrl => {
                let url = self.optional_text(node)?;
                if let (Some(k), Some(url)) = (self.key.as_mut(), url) {
                    k.crl_urls.push(url);
                }
            }
            Node::Thumbprint => {
                let thumbprint = self.hex(node, false)?;
                if let Some(c) = self.certificate.as_mut() {
                    c.written_thumbprint = thumbprint;
                }
            }
            Node::IssuedBy => {
                let text = self.text(node)?;
                if let Some(c) = self.certificate.as_mut() {
                    c.issuer = text;
                }
            }
            Node::IssuedTo => {
                let text = self.text(node)?;
                if let Some(c) = self.certificate.as_mut() {
                    c.subject = text;
                }
            }
            Node::Serial => {
                let serial = self.hex(node, true)?;
                if let Some(c) = self.certificate.as_mut() {
                    c.serial = asn1::strip_leading_zeros(&serial.unwrap_or_default()).to_vec();
                }
            }
            Node::ValidFrom => {
                let date = self.date(node)?;
                if let Some(c) = self.certificate.as_mut() {
                    c.not_before = date;
                }
            }
            Node::ValidTo => {
                let date = self.date(node)?;
                if let Some(c) = self.certificate.as_mut() {
                    c.not_after = date;
                }
            }
            Node::Data => {
                let der = self.base64(node)?;
                if let Some(c) = self.certificate.as_mut() {
                    c.der = der;
                }
            }
            Node::Certificate => {
                if let Some(cert) = self.certificate.take() {
                    let name = self.authority.as_ref().map(|a| a.name.clone()).unwrap_or_default();
                    let cert = finish_certificate(cert, &name, &mut self.warnings);
                    if let Some(k) = self.key.as_mut() {
                        k.certificates.push(cert);
                    }
                }
            }
            Node::Key => {
                if let (Some(a), Some(k)) = (self.authority.as_mut(), self.key.take()) {
                    a.keys.push(k);
                }
            }
            Node::Authority => {
                if let Some(a) = self.authority.take() {
                    self.authorities.push(a.build());
                }
            }
            Node::Root
            | Node::History
            | Node::Complexes
            | Node::Complex
            | Node::Keys
            | Node::CrlUrls
            | Node::Certificates
            | Node::Skip => {}
        }
        Ok(())
    }
}

/// Computes the thumbprint, reads what the DER tells, and notes disagreements.
fn finish_certificate(mut cert: CaCertificate, authority: &str, warnings: &mut Vec<Finding>) -> CaCertificate {
    if cert.der.is_empty() {
        cert.thumbprint = cert.written_thumbprint.clone().unwrap_or_default();
    } else {
        cert.thumbprint = Sha1::digest(&cert.der).to_vec();
        if let Some(written) = &cert.written_thumbprint {
            if *written != cert.thumbprint {
                warnings.push(
                    Finding::new(Code::TslThumbprintMismatch)
                        .arg("authority", authority)
                        .arg("written", asn1::hex(written))
                        .arg("computed", asn1::hex(&cert.thumbprint)),
                );
            }
        }
        match asn1::certificate_fields(&cert.der) {
            Ok(fields) => {
                cert.serial = fields.serial;
                cert.not_before = cert.not_before.or(fields.not_before);
                cert.not_after = cert.not_after.or(fields.not_after);
                cert.subject_key_id = fields.subject_key_id;
                cert.names = Some((fields.issuer, fields.subject));
            }
            Err(error) => warnings.push(
                Finding::new(Code::TslCertificateUnreadable)
                    .arg("authority", authority)
                    .arg("detail", format!("{} at byte {}", error.detail, error.offset)),
            ),
        }
    }
    cert.serial_hex = asn1::hex(&cert.serial);
    cert
}

/// Parses a date of the list: RFC 3339 with `Z` or an offset (`+03:00` or `+0300`), any
/// fraction of a second, or no zone at all (Moscow time, +03:00); a bare date is its Moscow
/// midnight.
pub fn parse_list_time(text: &str) -> Option<Time> {
    let text = text.trim();
    if text.len() == 10 {
        return Time::parse_rfc3339(&format!("{text}T00:00:00{MOSCOW_OFFSET}")).ok();
    }
    // `YYYY-MM-DDTHH:MM:SS` is 19 bytes; what follows is a fraction and a zone.
    let head = text.get(..19)?;
    let mut rest = text.get(19..)?;
    let mut fraction = "";
    if rest.starts_with('.') {
        let end = rest.get(1..)?.find(|c: char| !c.is_ascii_digit()).map_or(rest.len(), |e| e.saturating_add(1));
        fraction = rest.get(..end)?;
        rest = rest.get(end..)?;
    }
    let zone = match rest {
        "" => MOSCOW_OFFSET.to_owned(),
        "Z" | "z" => "Z".to_owned(),
        z if z.len() == 5
            && (z.starts_with('+') || z.starts_with('-'))
            && z.bytes().skip(1).all(|b| b.is_ascii_digit()) =>
        {
            format!("{}:{}", z.get(..3)?, z.get(3..)?)
        }
        z => z.to_owned(),
    };
    Time::parse_rfc3339(&format!("{head}{fraction}{zone}")).ok()
}

/// Hex digits to bytes; whitespace and colons are ignored, either case is accepted.
fn parse_hex(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b':').collect();
    if digits.len() % 2 != 0 {
        return None;
    }
    digits.chunks_exact(2).map(|pair| Some((nibble(*pair.first()?)? << 4) | nibble(*pair.get(1)?)?)).collect()
}

/// As [`parse_hex`], with an odd number of digits read as if a leading zero were written.
fn parse_hex_padded(text: &str) -> Option<Vec<u8>> {
    let count = text.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b':').count();
    if count % 2 == 0 {
        parse_hex(text)
    } else {
        parse_hex(&format!("0{text}"))
    }
}

fn nibble(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn list(body: &str) -> Result<TrustList, Finding> {
        let xml = format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><{ROOT}>{body}</{ROOT}>");
        TrustList::parse(xml.as_bytes(), &Limits::default())
    }

    #[test]
    fn dates_of_the_list() {
        let utc = |s: &str| parse_list_time(s).map(|t| t.to_string());
        assert_eq!(utc("2021-12-20T12:23:02+03:00").as_deref(), Some("2021-12-20T09:23:02Z"));
        assert_eq!(utc("2021-12-20T12:23:02").as_deref(), Some("2021-12-20T09:23:02Z"));
        assert_eq!(utc("2021-12-20T12:23:02.9541545+03:00").as_deref(), Some("2021-12-20T09:23:02Z"));
        assert_eq!(utc("2021-12-20T12:23:02.123").as_deref(), Some("2021-12-20T09:23:02Z"));
        assert_eq!(utc("2021-12-20T09:23:02Z").as_deref(), Some("2021-12-20T09:23:02Z"));
        assert_eq!(utc("2021-12-20T12:23:02+0300").as_deref(), Some("2021-12-20T09:23:02Z"));
        assert_eq!(utc("2021-12-20").as_deref(), Some("2021-12-19T21:00:00Z"));
        for bad in ["", "2021-13-20T00:00:00", "вчера", "2021-12-20T12:23:02+3", "2021-12-20T12:23:02.+03:00"] {
            assert_eq!(parse_list_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn hex_values() {
        assert_eq!(parse_hex("0A ff:10"), Some(vec![0x0A, 0xFF, 0x10]));
        assert_eq!(parse_hex("ABC"), None);
        assert_eq!(parse_hex("zz"), None);
        assert_eq!(parse_hex_padded("ABC"), Some(vec![0x0A, 0xBC]));
    }

    #[test]
    fn statuses() {
        assert_eq!(AccreditationStatus::from_text(" действует "), AccreditationStatus::Active);
        assert_eq!(AccreditationStatus::from_text("Прекращена"), AccreditationStatus::Terminated);
        assert_eq!(AccreditationStatus::from_text("Приостановлена"), AccreditationStatus::Suspended);
        assert_eq!(AccreditationStatus::from_text("Аннулирована"), AccreditationStatus::Annulled);
        let other = AccreditationStatus::from_text("Не действует");
        assert!(!other.is_accredited());
        assert_eq!(other.as_str(), "Не действует");
    }

    #[test]
    fn history_decides_accreditation() {
        let l = list(
            "<УдостоверяющийЦентр><Название>A &amp; B &#171;УЦ&#xBB;</Название>\
             <СтатусАккредитации><Статус>Действует</Статус><ДействуетС>2024-01-01T00:00:00Z</ДействуетС></СтатусАккредитации>\
             <ИсторияСтатусовАккредитации>\
               <СтатусАккредитации><Статус>Действует</Статус><ДействуетС>2020-01-01T00:00:00Z</ДействуетС></СтатусАккредитации>\
               <СтатусАккредитации><Статус>Приостановлена</Статус><ДействуетС>2022-01-01T00:00:00Z</ДействуетС>\
                 <ДействуетДо xsi:nil=\"true\"/></СтатусАккредитации>\
             </ИсторияСтатусовАккредитации></УдостоверяющийЦентр>",
        )
        .unwrap();
        let a = &l.authorities()[0];
        assert_eq!(a.name, "A & B «УЦ»");
        assert_eq!(a.history.len(), 3);
        let at = |s: &str| a.accredited_at(Time::parse_rfc3339(s).unwrap());
        assert!(!at("2019-12-31T23:59:59Z"));
        assert!(at("2020-01-01T00:00:00Z"));
        assert!(!at("2023-06-01T00:00:00Z"));
        assert!(at("2025-06-01T00:00:00Z"));
    }

    #[test]
    fn until_ends_a_period() {
        let l = list(
            "<УдостоверяющийЦентр><ИсторияСтатусовАккредитации><СтатусАккредитации><Статус>Действует</Статус>\
             <ДействуетС>2020-01-01T00:00:00Z</ДействуетС><ДействуетДо>2021-01-01T00:00:00Z</ДействуетДо>\
             </СтатусАккредитации></ИсторияСтатусовАккредитации></УдостоверяющийЦентр>",
        )
        .unwrap();
        let a = &l.authorities()[0];
        assert!(a.accredited_at(Time::parse_rfc3339("2020-06-01").unwrap()));
        assert!(!a.accredited_at(Time::parse_rfc3339("2021-06-01").unwrap()));
        assert_eq!(a.status, AccreditationStatus::Other(String::new()));
    }

    #[test]
    fn refuses_doctype_and_unknown_entities() {
        let xml = format!("<!DOCTYPE x [<!ENTITY a \"b\">]><{ROOT}/>");
        assert_eq!(TrustList::parse(xml.as_bytes(), &Limits::default()).unwrap_err().code, Code::TslNotXml);
        let err = list("<Версия>&a;</Версия>").unwrap_err();
        assert_eq!(err.code, Code::TslNotXml);
        let xml = format!("<?xml version=\"1.0\" encoding=\"windows-1251\"?><{ROOT}/>");
        assert_eq!(TrustList::parse(xml.as_bytes(), &Limits::default()).unwrap_err().code, Code::TslNotXml);
    }

    #[test]
    fn prefixes_and_skipped_elements() {
        let l = list(
            "<t:Версия xmlns:t=\"urn:x\">7</t:Версия><Лишнее><Версия>8</Версия></Лишнее>\
             <УдостоверяющийЦентр><КлючиУполномоченныхЛиц><Ключ><ИдентификаторКлюча>0a0B</ИдентификаторКлюча>\
             </Ключ></КлючиУполномоченныхЛиц></УдостоверяющийЦентр>",
        )
        .unwrap();
        assert_eq!(l.version(), Some("7"));
        assert_eq!(l.find_by_key_id(&[0x0A, 0x0B]).count(), 1);
        assert_eq!(l.summary().keys, 1);
    }
}
