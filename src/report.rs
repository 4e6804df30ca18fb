//! Report v1: the one type every surface returns (Rust, JS, CLI, demo page).
//!
//! Plain serde structs with snake_case fields; lists are `Vec`s in a deterministic order; bytes
//! are lowercase hex; times are RFC 3339 UTC strings. The JSON Schema is
//! `schema/report-v1.schema.json`; `tests/report_schema.rs` checks reports against it.

use serde::Serialize;

use crate::error::Message;
use crate::time::Time;

/// The schema identifier every report carries.
pub const SCHEMA_ID: &str = "ekdo-check/report/v1";

/// The whole verdict on one upload: a document and its detached signatures.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Always [`SCHEMA_ID`].
    pub schema: &'static str,
    /// The version of ekdo-check that wrote the report.
    pub checker_version: &'static str,
    /// The time the check was made at (the `at` option).
    pub checked_at: Time,
    /// The portal would accept this upload as it is: document and signatures.
    pub ready: bool,
    /// The document.
    pub document: DocumentReport,
    /// One entry per signature file, in the order given.
    pub signatures: Vec<SignatureReport>,
    /// The weakest signer's kind over all files; `None` without signatures.
    pub kind: Option<Kind>,
    /// The trust list used, when one was given.
    pub trust_list: Option<TrustListSummary>,
    /// The labour-law verdict, when document metadata was given.
    pub policy: Option<PolicyReport>,
    /// What to send to the portal, and what blocks it.
    pub upload: UploadReport,
    /// Errors that stop the upload.
    pub errors: Vec<Message>,
    /// Things worth knowing that do not stop the upload.
    pub warnings: Vec<Message>,
}

/// The document: size, hash and PDF/A-1 verdict.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentReport {
    /// The document's name, when known.
    pub file: Option<String>,
    /// Size in bytes.
    pub size: u64,
    /// The portal's limit in bytes (15 MiB).
    pub size_limit: u64,
    /// `size <= size_limit`.
    pub size_ok: bool,
    /// SHA-256 of the document, lowercase hex.
    pub sha256: String,
    /// The PDF/A-1 verdict.
    pub pdfa: PdfaReport,
}

/// The PDF/A-1 identification and the rules checked.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PdfaReport {
    /// The claimed level from XMP, such as `"1B"`; `None` when PDF/A-1 is not claimed.
    pub claimed: Option<String>,
    /// `pdfaid:part` as written, when present (any part).
    pub part: Option<String>,
    /// `pdfaid:conformance` as written, when present.
    pub conformance: Option<String>,
    /// The version in the header (`%PDF-1.4` gives `"1.4"`).
    pub header_version: Option<String>,
    /// The verdict.
    pub verdict: PdfaVerdict,
    /// The profile checked: `"PDF/A-1B"` or `"PDF/A-1A"`.
    pub profile: String,
    /// Number of rules evaluated.
    pub rules_checked: u32,
    /// Failed rules and rules that could not be decided, by rule id.
    pub violations: Vec<Violation>,
}

/// The PDF/A verdict.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PdfaVerdict {
    /// Every checked rule passed and PDF/A-1 is claimed.
    Conforming,
    /// At least one rule failed, or PDF/A-1 is not claimed.
    #[default]
    NotConforming,
    /// The file is not a PDF at all.
    NotPdf,
    /// A work limit ran out before the rules were all checked.
    Undecided,
}

/// Whether a rule failed or could not be decided.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleStatus {
    /// The rule was checked and failed.
    Failed,
    /// The checker could not decide the rule; never counted as passed.
    NotChecked,
}

/// One failed (or undecided) PDF/A rule, as veraPDF names it.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct Violation {
    /// The rule id, clause-test, such as `"6.1.3-1"`.
    pub rule: String,
    /// The ISO 19005-1 clause, such as `"6.1.3"`.
    pub clause: String,
    /// Failed or not checked.
    pub status: RuleStatus,
    /// Russian text.
    pub message_ru: String,
    /// English text.
    pub message_en: String,
    /// Where, in veraPDF's path form, of the first occurrence.
    pub context: Option<String>,
    /// The first object concerned, as `"12 0"`.
    pub object: Option<String>,
    /// The first page concerned, 1-based.
    pub page: Option<u32>,
    /// How many times the rule failed.
    pub count: u32,
    /// The first occurrences (at most `Limits::max_occurrences_per_rule`).
    pub occurrences: Vec<Occurrence>,
}

/// One place where a rule failed.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct Occurrence {
    /// veraPDF-style path.
    pub context: Option<String>,
    /// Object, `"12 0"`.
    pub object: Option<String>,
    /// Page, 1-based.
    pub page: Option<u32>,
    /// Extra detail (a value found, a font name).
    pub detail: Option<String>,
}

/// The kind of an electronic signature.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Serialize)]
pub enum Kind {
    /// Not a valid signature: it does not verify or cannot be read.
    #[serde(rename = "invalid")]
    Invalid,
    /// УНЭП, усиленная неквалифицированная электронная подпись.
    #[serde(rename = "УНЭП")]
    Unqualified,
    /// УКЭП? — qualified, provided the issuing CA is accredited (checked without a trust list).
    #[serde(rename = "УКЭП?")]
    QualifiedUnconfirmed,
    /// УКЭП, усиленная квалифицированная электронная подпись.
    #[serde(rename = "УКЭП")]
    Qualified,
}

impl Kind {
    /// The label as the report and the portal write it.
    pub const fn label(self) -> &'static str {
        match self {
            Kind::Invalid => "invalid",
            Kind::Unqualified => "УНЭП",
            Kind::QualifiedUnconfirmed => "УКЭП?",
            Kind::Qualified => "УКЭП",
        }
    }
}

/// One signature file.
#[derive(Clone, Debug, Serialize)]
pub struct SignatureReport {
    /// The file name given.
    pub file: String,
    /// Size in bytes.
    pub size: u64,
    /// `"der"`, `"ber"`, `"pem"` or `"base64"`; `None` when not a signature at all.
    pub encoding: Option<String>,
    /// `"ok"` or `"error"`.
    pub parse: String,
    /// Why it could not be read.
    pub error: Option<Message>,
    /// The content is attached (not detached); then `content_matches` says if it is the document.
    pub content_attached: bool,
    /// For attached content: it equals the document.
    pub content_matches: Option<bool>,
    /// The signers, in SignerInfo order.
    pub signers: Vec<SignerReport>,
    /// What the parser noticed about the file as a whole (trailing bytes, a malformed extra
    /// certificate, signed attributes not in DER, ...): worth knowing, not a verdict.
    pub findings: Vec<Message>,
    /// The weakest signer's kind in this file.
    pub kind: Kind,
}

/// One signer, with the field names of the fixtures' `expected.json`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SignerReport {
    /// Subject CN.
    pub subject_cn: Option<String>,
    /// Subject SN (surname).
    pub surname: Option<String>,
    /// Subject GN (given name and patronymic).
    pub given_name: Option<String>,
    /// ИНН (1.2.643.3.131.1.1), 12 digits for a person.
    pub inn: Option<String>,
    /// ИНН ЮЛ (1.2.643.100.4), 10 digits.
    pub innle: Option<String>,
    /// СНИЛС (1.2.643.100.3), 11 digits.
    pub snils: Option<String>,
    /// ОГРН (1.2.643.100.1) or ОГРНИП (1.2.643.100.5).
    pub ogrn: Option<String>,
    /// O.
    pub organization: Option<String>,
    /// T (title).
    pub title: Option<String>,
    /// The certificate serial, lowercase hex without leading zero bytes.
    pub serial_hex: Option<String>,
    /// The issuer's CN.
    pub issuer_cn: Option<String>,
    /// `gost2012-256`, `gost2012-512`, `gost2001`, `rsa`, `ecdsa-p256`, `ecdsa-p384`.
    pub key_algorithm: Option<String>,
    /// `streebog256`, `streebog512`, `gostr3411-94`, `sha1`, `sha256`, `sha384`, `sha512`.
    pub digest_algorithm: Option<String>,
    /// The signature verifies and the message digest matches the document.
    pub signature_valid: bool,
    /// The certificate was valid at the signing time; `None` without a signing time.
    pub cert_valid_at_signing: Option<bool>,
    /// The certificate has the qualified profile of FSB order 795.
    pub qualified_profile: bool,
    /// The issuing CA is accredited in the trust list; `None` without a trust list.
    pub issuer_accredited: Option<bool>,
    /// The kind of this signature.
    pub kind: Option<Kind>,
    /// The party this signature is for (from the document metadata), when given.
    pub party: Option<String>,
    /// Everything else known about the signer.
    pub details: SignerDetails,
    /// The reasons for the kind: each condition checked, held or failed.
    pub reasons: Vec<Reason>,
}

/// The rest of what is known about a signer.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SignerDetails {
    /// How the SignerInfo names its certificate: `"issuer_serial"` or `"subject_key_id"`.
    pub signer_id: Option<String>,
    /// The signing time from the signedAttrs.
    pub signing_time: Option<Time>,
    /// The time validity was judged at, and where it came from.
    pub validity_time: Option<Time>,
    /// `"signing_time"`, `"timestamp"` or `"check_time"`.
    pub validity_time_source: Option<String>,
    /// The messageDigest attribute equals the document's digest (`None` without signedAttrs).
    pub digest_matches: Option<bool>,
    /// The signature value verifies.
    pub signature_verifies: Option<bool>,
    /// The signature algorithm OID as written in the SignerInfo.
    pub signature_algorithm_oid: Option<String>,
    /// The digest algorithm OID.
    pub digest_algorithm_oid: Option<String>,
    /// The key's parameter set OID (GOST), or curve OID.
    pub key_parameters_oid: Option<String>,
    /// The key's parameter set name, such as `"CryptoPro-A"`.
    pub key_parameters: Option<String>,
    /// Signed attributes present, by name or OID.
    pub signed_attributes: Vec<String>,
    /// Unsigned attributes present, by name or OID.
    pub unsigned_attributes: Vec<String>,
    /// ESS signingCertificate(V2) names the signer's certificate (`None` when absent).
    pub signing_certificate_matches: Option<bool>,
    /// The signature time-stamp, when present.
    pub timestamp: Option<Time>,
    /// The time-stamp authority's name.
    pub timestamp_authority: Option<String>,
    /// The signer's certificate.
    pub certificate: Option<CertificateSummary>,
    /// The certificate chain found, signer first.
    pub chain: Vec<CertificateSummary>,
    /// The chain verifies to a trusted CA at the validity time.
    pub chain_valid: Option<bool>,
    /// Revocation: `"not-checked"`, `"good"` or `"revoked"`.
    pub revocation: Option<String>,
    /// Findings on this signer (chain, attributes, profile).
    pub findings: Vec<Message>,
}

/// A certificate as the report shows it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CertificateSummary {
    /// Subject DN, RFC 4514 style with Russian attribute names where they have none.
    pub subject: String,
    /// Issuer DN.
    pub issuer: String,
    /// Serial, lowercase hex.
    pub serial_hex: String,
    /// notBefore.
    pub not_before: Option<Time>,
    /// notAfter.
    pub not_after: Option<Time>,
    /// SHA-1 thumbprint, lowercase hex (the trust list's `Отпечаток`).
    pub sha1: String,
    /// subjectKeyIdentifier, lowercase hex.
    pub subject_key_id: Option<String>,
    /// authorityKeyIdentifier keyIdentifier, lowercase hex.
    pub authority_key_id: Option<String>,
    /// Key algorithm name.
    pub key_algorithm: Option<String>,
    /// keyUsage bit names.
    pub key_usage: Vec<String>,
    /// extendedKeyUsage OIDs.
    pub extended_key_usage: Vec<String>,
    /// certificatePolicies OIDs.
    pub policies: Vec<String>,
    /// Signature-tool classes from the policies (`КС1`..`КА1`).
    pub classes: Vec<String>,
    /// subjectSignTool.
    pub subject_sign_tool: Option<String>,
    /// issuerSignTool, its four strings.
    pub issuer_sign_tool: Vec<String>,
    /// IdentificationKind (1.2.643.100.114).
    pub identification_kind: Option<i64>,
    /// CRL distribution points.
    pub crl_urls: Vec<String>,
    /// Authority information access URLs.
    pub aia_urls: Vec<String>,
    /// basicConstraints cA.
    pub is_ca: bool,
}

/// One condition behind a verdict.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct Reason {
    /// The condition held.
    pub ok: bool,
    /// The coded message.
    #[serde(flatten)]
    pub message: Message,
}

/// The trust list the check used.
#[derive(Clone, Debug, Serialize)]
pub struct TrustListSummary {
    /// `Версия`.
    pub version: Option<String>,
    /// `Дата`.
    pub date: Option<String>,
    /// Number of CAs.
    pub authorities: u32,
    /// Number of CA keys.
    pub keys: u32,
}

/// The labour-law verdict (Labour Code art. 22.3).
#[derive(Clone, Debug, Serialize)]
pub struct PolicyReport {
    /// The document type id.
    pub document_type: String,
    /// Its name in Russian.
    pub document_type_ru: String,
    /// `"portal"` or `"own"`.
    pub channel: String,
    /// Who signs the type: `"employer"`, `"employee"`, `"both"`, `"employer_acknowledged"`
    /// (the employer signs, the employee acknowledges) or `"either"`.
    pub signers: String,
    /// The document may be electronic at all.
    pub electronic_allowed: bool,
    /// Why the document stays on paper (Russian), when it does.
    pub paper_reason_ru: Option<String>,
    /// Why the document stays on paper (English), when it does.
    pub paper_reason_en: Option<String>,
    /// Each signature's party and whether its kind is allowed.
    pub signatures: Vec<PolicySignature>,
    /// Every party that must sign has a signature of an allowed kind.
    pub ok: bool,
    /// Why not: the labour-law blockers of the upload.
    pub findings: Vec<Message>,
    /// Conditions and notes that do not block the upload (an УНЭП allowed only if issued in the
    /// e-government infrastructure or agreed; the employee signs later on the portal).
    pub warnings: Vec<Message>,
}

/// One signer's labour-law check.
#[derive(Clone, Debug, Serialize)]
pub struct PolicySignature {
    /// The signature file.
    pub file: String,
    /// The signer, by CN.
    pub signer: Option<String>,
    /// `"employer"` or `"employee"`; `"unknown"` when the metadata does not say and it cannot be
    /// inferred.
    pub party: String,
    /// The signature's kind.
    pub kind: Option<Kind>,
    /// The kinds the law allows this party here, by label (`"УКЭП"`, `"УНЭП (ЕСИА)"` ...).
    pub allowed: Vec<String>,
    /// The legal basis of `allowed` (Russian).
    pub basis_ru: Option<String>,
    /// The legal basis of `allowed` (English).
    pub basis_en: Option<String>,
    /// The kind is allowed (when `conditional`, on the condition the finding states).
    pub ok: bool,
    /// Whether the kind is allowed depends on facts the signature file cannot show.
    pub conditional: bool,
    /// The signature type to declare to the portal (`"УКЭП"` or `"УНЭП"`), when one can be.
    pub declared_type: Option<String>,
    /// The file name to upload it under, derived from the document's portal file name.
    pub upload_name: Option<String>,
    /// Why not, or on what condition.
    pub finding: Option<Message>,
}

/// What to send to the portal: `POST /docs` with the document, then each detached signature
/// with its type.
#[derive(Clone, Debug, Default, Serialize)]
pub struct UploadReport {
    /// Ready to upload: no blockers.
    pub ready: bool,
    /// The file name by the portal's rule, when metadata was given.
    pub file_name: Option<String>,
    /// The portal's document group.
    pub group: Option<String>,
    /// The Минтруд codifier code, such as `"12.999"`.
    pub codifier: Option<String>,
    /// The codifier's name.
    pub codifier_name: Option<String>,
    /// Document size.
    pub size: u64,
    /// The PDF/A verdict.
    pub pdfa: PdfaVerdict,
    /// The upload steps, in order.
    pub steps: Vec<UploadStep>,
    /// What blocks the upload.
    pub blockers: Vec<Message>,
}

/// One upload call.
#[derive(Clone, Debug, Serialize)]
pub struct UploadStep {
    /// `"document"` or `"signature"`.
    pub part: String,
    /// The file to send.
    pub file: String,
    /// The signature type to declare (`"УКЭП"`, `"УНЭП"`), for a signature.
    pub signature_type: Option<String>,
    /// The party, for a signature.
    pub party: Option<String>,
}
