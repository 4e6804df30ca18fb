//! The document metadata an HR system gives, and the upload manifest for «Работа России».
//!
//! The portal's API takes the document first (`POST /docs`, PDF/A-1, at most 15 Мб), then each
//! detached signature with its type. [`evaluate`] checks the signatures against Labour Code
//! art. 22.3 ([`crate::policy::tk223`]), makes the portal's file name
//! ([`crate::policy::file_name`]), picks the group and codifier ([`crate::policy::catalogue`]),
//! and lists the upload steps and what blocks them.
//!
//! The type declared for a signature is what the checker proved: `УКЭП` for a qualified
//! signature, `УНЭП` for an unqualified one. An «УКЭП?» (qualified profile, CA accreditation not
//! checked because no trust list was given) is declared `УКЭП` only when the caller sets
//! [`DocumentMeta::accept_unconfirmed`]; otherwise it blocks the upload, since declaring a type
//! the file does not prove would put a wrong fact into the portal's record.

use serde::Deserialize;

use crate::error::{Code, Finding, Message};
use crate::policy::catalogue::{DocumentType, Signers, WORK_RECORD_INFO_NAME_RU};
use crate::policy::file_name::{document_file_name, signature_file_name, SignatureSuffix, MAX_FILE_NAME_BYTES};
use crate::policy::tk223::{allowed_with, kind_allowed, Channel, Facts, Party};
use crate::report::{Kind, PolicyReport, PolicySignature, UploadReport, UploadStep};

/// The most characters of a metadata value quoted back in a message.
const MAX_QUOTED_CHARS: usize = 64;

/// What the HR system says about the document. JSON with snake_case fields; unknown fields are
/// refused.
///
/// ```
/// use ekdo_check::policy::{Channel, DocumentMeta};
/// let meta = DocumentMeta::from_json(r#"{"document_type": "employment_contract", "channel": "own",
///     "number": "12-к", "date": "2026-11-25", "employee": "Иванов Иван Иванович"}"#).unwrap();
/// assert_eq!(meta.channel, Channel::Own);
/// ```
#[derive(Clone, Debug, Deserialize, Eq, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// The document type id from the catalogue, such as `"employment_contract"`.
    pub document_type: String,
    /// The document number («№ документа»).
    #[serde(default)]
    pub number: Option<String>,
    /// The document date, RFC 3339 or `DD.MM.YYYY`.
    #[serde(default)]
    pub date: Option<String>,
    /// The employee's full name («ФИО работника»); when absent, the subject CN of the employee's
    /// signature is used for the file name.
    #[serde(default)]
    pub employee: Option<String>,
    /// Where the document is signed: `"own"` (the employer's system) or `"portal"`. Required:
    /// the rules differ.
    pub channel: Channel,
    /// The party of each signature file, in order (`"employer"`, `"employee"`); when empty, the
    /// type's signers in order, employer first.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// The subtype written in the file name instead of the type's Russian name, such as
    /// «Дополнительное соглашение № 2 к трудовому договору».
    #[serde(default)]
    pub title: Option<String>,
    /// Declare an «УКЭП?» signature (qualified profile, CA accreditation not checked) as УКЭП.
    #[serde(default)]
    pub accept_unconfirmed: bool,
    /// The employee refused the paper work record book (art. 66.1).
    #[serde(default)]
    pub work_book_refused: bool,
}

impl DocumentMeta {
    /// Metadata with only the type and the channel.
    pub fn new(document_type: DocumentType, channel: Channel) -> Self {
        DocumentMeta {
            document_type: document_type.id().to_owned(),
            number: None,
            date: None,
            employee: None,
            channel,
            parties: Vec::new(),
            title: None,
            accept_unconfirmed: false,
            work_book_refused: false,
        }
    }

    /// Parses the metadata from JSON.
    ///
    /// # Errors
    /// `OPTIONS_INVALID` with serde's message when the JSON is malformed, a field is unknown or a
    /// value is of the wrong kind.
    pub fn from_json(text: &str) -> Result<Self, Finding> {
        serde_json::from_str(text).map_err(|e| Finding::new(Code::OptionsInvalid).arg("detail", e))
    }
}

/// The labour-law verdict and the upload manifest for one document.
#[derive(Clone, Debug)]
pub struct PolicyOutcome {
    /// The report's `policy` part.
    pub report: PolicyReport,
    /// The portal's file name, when the metadata has everything it needs.
    pub file_name: Option<String>,
    /// The portal's document group.
    pub group: Option<String>,
    /// The Минтруд codifier code.
    pub codifier: Option<String>,
    /// The codifier's name.
    pub codifier_name: Option<String>,
    /// Findings that do not block the upload (conditions, notes, file-name problems).
    pub findings: Vec<Finding>,
    /// Findings that block the upload.
    pub blockers: Vec<Finding>,
    /// The upload calls in order: the document, then each signature with its declared type
    /// (employer's first).
    pub steps: Vec<UploadStep>,
}

impl PolicyOutcome {
    /// Nothing in labour law blocks the upload.
    pub fn ok(&self) -> bool {
        self.blockers.is_empty()
    }

    /// Fills the manifest parts of the report's upload section: file name, group, codifier, the
    /// signature steps with their declared type and party (the document step keeps its file
    /// unless a portal file name was made), the blockers, and `ready`.
    pub fn apply(&self, upload: &mut UploadReport) {
        upload.file_name.clone_from(&self.file_name);
        upload.group.clone_from(&self.group);
        upload.codifier.clone_from(&self.codifier);
        upload.codifier_name.clone_from(&self.codifier_name);
        let given = upload.steps.iter().find(|s| s.part == "document").cloned();
        let ours = self.steps.iter().find(|s| s.part == "document").cloned();
        let mut steps = Vec::with_capacity(self.steps.len());
        match (given, &self.file_name) {
            (Some(mut step), Some(name)) => {
                step.file.clone_from(name);
                steps.push(step);
            }
            (Some(step), None) => steps.push(step),
            (None, _) => steps.extend(ours),
        }
        steps.extend(self.steps.iter().filter(|s| s.part == "signature").cloned());
        upload.steps = steps;
        upload.blockers.extend(self.blockers.iter().map(Finding::to_message));
        upload.ready = upload.ready && self.blockers.is_empty();
    }
}

/// The signature type to declare to the portal for a verdict: `УКЭП` or `УНЭП`; an «УКЭП?»
/// only when accepted; nothing for an invalid signature.
pub fn declared_type(kind: Kind, accept_unconfirmed: bool) -> Option<&'static str> {
    match kind {
        Kind::Qualified => Some("УКЭП"),
        Kind::QualifiedUnconfirmed if accept_unconfirmed => Some("УКЭП"),
        Kind::Unqualified => Some("УНЭП"),
        Kind::QualifiedUnconfirmed | Kind::Invalid => None,
    }
}

/// Evaluates the document metadata and the signatures' verdicts: `(file name, signer CN, kind)`
/// of each detached signature file, in the order given.
///
/// ```
/// use ekdo_check::policy::{evaluate, Channel, DocumentMeta, DocumentType};
/// use ekdo_check::Kind;
/// let mut meta = DocumentMeta::new(DocumentType::EmploymentContract, Channel::Own);
/// meta.number = Some("12-к".into());
/// meta.date = Some("25.11.2026".into());
/// meta.employee = Some("Иванов Иван Иванович".into());
/// let out = evaluate(&meta, &[("employer.sig", None, Kind::Qualified), ("employee.sig", None, Kind::Unqualified)]);
/// assert!(out.ok());
/// assert_eq!(out.file_name.as_deref(), Some("Иванов Иван Иванович Трудовой договор № 12-к от 25.11.2026.pdf"));
/// ```
pub fn evaluate(meta: &DocumentMeta, signatures: &[(&str, Option<&str>, Kind)]) -> PolicyOutcome {
    let mut blockers: Vec<Finding> = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    let channel = meta.channel;

    let Some(doc) = DocumentType::from_id(meta.document_type.trim()) else {
        blockers.push(Finding::new(Code::PolicyDocumentTypeUnknown).arg("value", quoted(&meta.document_type)));
        return unknown_type(meta, signatures, blockers);
    };
    let info = doc.info();
    let facts = Facts { work_book_refused: meta.work_book_refused };
    let refused_book = doc == DocumentType::WorkRecordBook && meta.work_book_refused;
    let name_ru = if refused_book { WORK_RECORD_INFO_NAME_RU } else { info.name_ru };
    let electronic = info.form.electronic(meta.work_book_refused);

    // Parties of the signature files.
    let parties = assign_parties(meta, info.signers, signatures, &mut blockers);

    // Each signature against the matrix.
    let mut entries: Vec<PolicySignature> = Vec::with_capacity(signatures.len());
    if !electronic {
        if let Err(paper) = allowed_with(doc, Party::Employer, channel, &facts) {
            blockers.push(paper);
        }
    }
    for (&(file, signer, kind), party) in signatures.iter().zip(parties.iter().copied()) {
        let mut entry = PolicySignature {
            file: file.to_owned(),
            signer: signer.map(str::to_owned),
            party: party.map_or("unknown", Party::as_str).to_owned(),
            kind: Some(kind),
            allowed: Vec::new(),
            basis_ru: None,
            basis_en: None,
            ok: false,
            conditional: false,
            declared_type: None,
            upload_name: None,
            finding: None,
        };
        let Some(party) = party else {
            entries.push(entry);
            continue;
        };
        if !electronic {
            entries.push(entry);
            continue;
        }
        let allowed = match allowed_with(doc, party, channel, &facts) {
            Ok(allowed) => allowed,
            Err(finding) => {
                let finding = finding.arg("file", file).arg("party", party.as_str());
                entry.finding = Some(finding.to_message());
                blockers.push(finding);
                entries.push(entry);
                continue;
            }
        };
        entry.allowed = allowed.kinds.iter().map(|k| k.label().to_owned()).collect();
        entry.basis_ru = Some(allowed.basis_ru.to_owned());
        entry.basis_en = Some(allowed.basis_en.to_owned());
        let decision = kind_allowed(kind, &allowed);
        let finding = decision.finding.map(|f| f.arg("file", file).arg("party", party.as_str()));
        entry.finding = finding.as_ref().map(Finding::to_message);
        match decision.ok {
            Some(true) => {
                entry.ok = true;
                entry.declared_type = declared_type(kind, false).map(str::to_owned);
            }
            Some(false) => blockers.extend(finding),
            None => {
                entry.conditional = true;
                let declared = declared_type(kind, meta.accept_unconfirmed);
                if kind == Kind::QualifiedUnconfirmed && meta.accept_unconfirmed {
                    let accepted = Finding::new(Code::PolicyKindUnconfirmedAccepted)
                        .arg("file", file)
                        .arg("party", party.as_str());
                    entry.finding = Some(accepted.to_message());
                    findings.push(accepted);
                } else if declared.is_some() {
                    findings.extend(finding);
                } else {
                    blockers.extend(finding);
                }
                entry.ok = declared.is_some();
                entry.declared_type = declared.map(str::to_owned);
            }
        }
        entries.push(entry);
    }

    // Signatures that must come with the upload.
    if electronic {
        required_signatures(doc, name_ru, info.signers, channel, &facts, &parties, &mut blockers, &mut findings);
    }

    // The portal's file name.
    let file_name = make_file_name(meta, name_ru, signatures, &parties, &mut findings);

    // Upload steps: the document, then the signatures, employer's first.
    let steps = make_steps(file_name.as_deref(), electronic, &mut entries);

    let paper = info.form.paper_reason().filter(|_| !electronic);
    let report = PolicyReport {
        document_type: info.id.to_owned(),
        document_type_ru: name_ru.to_owned(),
        channel: channel.as_str().to_owned(),
        signers: info.signers.as_str().to_owned(),
        electronic_allowed: electronic,
        paper_reason_ru: paper.map(|(_, ru, _)| ru.to_owned()),
        paper_reason_en: paper.map(|(_, _, en)| en.to_owned()),
        signatures: entries,
        ok: blockers.is_empty(),
        findings: blockers.iter().map(Finding::to_message).collect(),
        warnings: findings.iter().map(Finding::to_message).collect(),
    };
    PolicyOutcome {
        report,
        file_name,
        group: Some(info.group.label().to_owned()),
        codifier: Some(info.codifier.code.to_owned()),
        codifier_name: Some(info.codifier.name.to_owned()),
        findings,
        blockers,
        steps,
    }
}

/// The party of each signature file: as the metadata says, or the type's signers in order.
fn assign_parties(
    meta: &DocumentMeta,
    signers: Signers,
    signatures: &[(&str, Option<&str>, Kind)],
    blockers: &mut Vec<Finding>,
) -> Vec<Option<Party>> {
    let given = !meta.parties.is_empty();
    if given && meta.parties.len() != signatures.len() {
        blockers.push(
            Finding::new(Code::PolicyPartiesMismatch)
                .arg("parties", meta.parties.len())
                .arg("signatures", signatures.len()),
        );
    }
    let defaults = signers.order();
    signatures
        .iter()
        .enumerate()
        .map(|(i, (file, _, _))| {
            let party = if given { meta.parties.get(i) } else { defaults.get(i) }.copied();
            if party.is_none() {
                blockers.push(Finding::new(Code::PolicyPartyUnknown).arg("file", file));
            }
            party
        })
        .collect()
}

/// Blocks when a party whose signature must come with the upload has none; notes the employee's
/// later signature on the portal.
#[allow(clippy::too_many_arguments)]
fn required_signatures(
    doc: DocumentType,
    name_ru: &str,
    signers: Signers,
    channel: Channel,
    facts: &Facts,
    parties: &[Option<Party>],
    blockers: &mut Vec<Finding>,
    findings: &mut Vec<Finding>,
) {
    let has = |p: Party| parties.contains(&Some(p));
    let labels = |p: Party| allowed_with(doc, p, channel, facts).map(|a| a.labels()).unwrap_or_default();
    for &party in signers.required(channel) {
        if !has(party) {
            let code = match party {
                Party::Employer => Code::PolicyEmployerSignatureMissing,
                Party::Employee => Code::PolicyEmployeeSignatureMissing,
            };
            blockers.push(Finding::new(code).arg("document", name_ru).arg("allowed", labels(party)));
        }
    }
    if signers == Signers::Either && parties.is_empty() {
        blockers.push(Finding::new(Code::PolicyNoSignatures).arg("document", name_ru));
    }
    let acknowledged_later = matches!(signers, Signers::Both | Signers::EmployerAcknowledged);
    if channel == Channel::Portal && acknowledged_later && !has(Party::Employee) {
        findings.push(
            Finding::new(Code::PolicyEmployeeSignsOnPortal)
                .arg("document", name_ru)
                .arg("allowed", labels(Party::Employee)),
        );
    }
}

/// The portal's file name from the metadata (the employee's name falls back to the CN of the
/// employee's signature).
fn make_file_name(
    meta: &DocumentMeta,
    name_ru: &str,
    signatures: &[(&str, Option<&str>, Kind)],
    parties: &[Option<Party>],
    findings: &mut Vec<Finding>,
) -> Option<String> {
    let present = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let employee = present(&meta.employee).or_else(|| {
        signatures
            .iter()
            .zip(parties)
            .find(|(_, p)| **p == Some(Party::Employee))
            .and_then(|((_, cn, _), _)| cn.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned))
    });
    let subtype = present(&meta.title).unwrap_or_else(|| name_ru.to_owned());
    let number = present(&meta.number);
    let date = present(&meta.date);
    let (Some(employee), Some(number), Some(date)) = (&employee, &number, &date) else {
        let missing: Vec<&str> =
            [("employee", employee.is_none()), ("number", number.is_none()), ("date", date.is_none())]
                .iter()
                .filter(|(_, m)| *m)
                .map(|(f, _)| *f)
                .collect();
        findings.push(Finding::new(Code::PolicyFileNameIncomplete).arg("fields", missing.join(", ")));
        return None;
    };
    match document_file_name(employee, &subtype, number, date) {
        Ok(name) => {
            if name.shortened {
                findings.push(Finding::new(Code::PolicyFileNameShortened).arg("limit", MAX_FILE_NAME_BYTES));
            }
            Some(name.name)
        }
        Err(finding) => {
            findings.push(finding);
            None
        }
    }
}

/// The document step, then one step per signature file, employer's first (stable), with the
/// declared type and the upload name.
fn make_steps(file_name: Option<&str>, electronic: bool, entries: &mut [PolicySignature]) -> Vec<UploadStep> {
    let mut steps = vec![UploadStep {
        part: "document".to_owned(),
        file: file_name.unwrap_or("document.pdf").to_owned(),
        signature_type: None,
        party: None,
    }];
    if !electronic {
        return steps;
    }
    let rank = |party: &str| match party {
        "employer" => 0,
        "employee" => 1,
        _ => 2,
    };
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| entries.get(i).map_or(3, |e| rank(&e.party)));
    let count = order.len();
    for (n, &i) in order.iter().enumerate() {
        let Some(entry) = entries.get_mut(i) else { continue };
        let index = (count > 1).then_some(n + 1);
        let upload_name = file_name.map(|name| signature_file_name(name, SignatureSuffix::Appended, index));
        entry.upload_name.clone_from(&upload_name);
        steps.push(UploadStep {
            part: "signature".to_owned(),
            file: upload_name.unwrap_or_else(|| entry.file.clone()),
            signature_type: entry.declared_type.clone(),
            party: (entry.party != "unknown").then(|| entry.party.clone()),
        });
    }
    steps
}

/// The outcome for a type id the catalogue does not know.
fn unknown_type(
    meta: &DocumentMeta,
    signatures: &[(&str, Option<&str>, Kind)],
    blockers: Vec<Finding>,
) -> PolicyOutcome {
    let entries: Vec<PolicySignature> = signatures
        .iter()
        .enumerate()
        .map(|(i, &(file, signer, kind))| PolicySignature {
            file: file.to_owned(),
            signer: signer.map(str::to_owned),
            party: meta.parties.get(i).map_or("unknown", |p| p.as_str()).to_owned(),
            kind: Some(kind),
            allowed: Vec::new(),
            basis_ru: None,
            basis_en: None,
            ok: false,
            conditional: false,
            declared_type: None,
            upload_name: None,
            finding: None,
        })
        .collect();
    let report = PolicyReport {
        document_type: quoted(&meta.document_type),
        document_type_ru: String::new(),
        channel: meta.channel.as_str().to_owned(),
        signers: String::new(),
        electronic_allowed: false,
        paper_reason_ru: None,
        paper_reason_en: None,
        signatures: entries,
        ok: false,
        findings: blockers.iter().map(Finding::to_message).collect::<Vec<Message>>(),
        warnings: Vec::new(),
    };
    let steps = vec![UploadStep {
        part: "document".to_owned(),
        file: "document.pdf".to_owned(),
        signature_type: None,
        party: None,
    }];
    PolicyOutcome {
        report,
        file_name: None,
        group: None,
        codifier: None,
        codifier_name: None,
        findings: Vec::new(),
        blockers,
        steps,
    }
}

/// A metadata value as a message may quote it: at most [`MAX_QUOTED_CHARS`] characters.
fn quoted(text: &str) -> String {
    text.chars().take(MAX_QUOTED_CHARS).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn meta(doc: DocumentType, channel: Channel) -> DocumentMeta {
        DocumentMeta {
            number: Some("7".into()),
            date: Some("2026-11-25".into()),
            employee: Some("Петров Пётр Петрович".into()),
            ..DocumentMeta::new(doc, channel)
        }
    }

    fn codes(findings: &[Finding]) -> Vec<Code> {
        findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn unknown_fields_are_refused() {
        let e = DocumentMeta::from_json(r#"{"document_type":"other","channel":"own","colour":"red"}"#).unwrap_err();
        assert_eq!(e.code, Code::OptionsInvalid);
        let e = DocumentMeta::from_json(r#"{"document_type":"other"}"#).unwrap_err();
        assert_eq!(e.code, Code::OptionsInvalid, "the channel is required");
        let m =
            DocumentMeta::from_json(r#"{"document_type":"other","channel":"own","parties":["employee_or_applicant"]}"#)
                .unwrap();
        assert_eq!(m.parties, vec![Party::Employee]);
    }

    #[test]
    fn unconfirmed_blocks_unless_accepted() {
        let mut m = meta(DocumentType::HiringOrder, Channel::Own);
        let sigs = [("a.sig", None, Kind::QualifiedUnconfirmed)];
        let out = evaluate(&m, &sigs);
        assert_eq!(codes(&out.blockers), vec![Code::PolicyKindUnconfirmed]);
        assert_eq!(out.steps.get(1).and_then(|s| s.signature_type.clone()), None);
        m.accept_unconfirmed = true;
        let out = evaluate(&m, &sigs);
        assert!(out.ok(), "{:?}", out.blockers);
        assert_eq!(codes(&out.findings), vec![Code::PolicyKindUnconfirmedAccepted]);
        assert_eq!(out.steps.get(1).and_then(|s| s.signature_type.as_deref()), Some("УКЭП"));
    }

    #[test]
    fn parties_count_must_match() {
        let mut m = meta(DocumentType::EmploymentContract, Channel::Own);
        m.parties = vec![Party::Employer];
        let out = evaluate(&m, &[("a.sig", None, Kind::Qualified), ("b.sig", None, Kind::Qualified)]);
        assert!(codes(&out.blockers).contains(&Code::PolicyPartiesMismatch));
        assert!(codes(&out.blockers).contains(&Code::PolicyPartyUnknown));
    }

    #[test]
    fn either_needs_one_signature() {
        let out = evaluate(&meta(DocumentType::Other, Channel::Own), &[]);
        assert_eq!(codes(&out.blockers), vec![Code::PolicyNoSignatures]);
    }

    #[test]
    fn unknown_type_is_a_blocker() {
        let mut m = meta(DocumentType::Other, Channel::Own);
        m.document_type = "contract".into();
        let out = evaluate(&m, &[("a.sig", None, Kind::Qualified)]);
        assert_eq!(codes(&out.blockers), vec![Code::PolicyDocumentTypeUnknown]);
        assert!(!out.report.ok);
        assert_eq!(out.group, None);
    }
}
