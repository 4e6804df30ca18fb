//! Labour Code art. 22.3: which kinds of electronic signature each party may use for each
//! document type, in the employer's own system and on the portal «Работа России».
//!
//! The matrix, as the law and the sources read:
//!
//! | channel | party | documents | allowed |
//! |---|---|---|---|
//! | own system | employer | employment, liability, apprenticeship and education agreements and their amendments, disciplinary orders, notices of a change to the agreed terms (art. 22.3 part 1) | УКЭП |
//! | own system | employer | every other document | УКЭП, УНЭП (ЕСИА), УНЭП (по соглашению) |
//! | own system | employee | the same agreements and amendments, acknowledging a disciplinary order or a notice of a change, consent to a transfer, resignation letter and its withdrawal (and, our choice, a termination agreement) | УКЭП, УНЭП (ЕСИА), УНЭП (по соглашению) |
//! | own system | employee | every other document | all five kinds |
//! | portal | employer | every document | УКЭП, УНЭП (ЕСИА) |
//! | portal | employee | every document | УКЭП, УНЭП (ЕСИА), ПЭП (Госуслуги) |
//!
//! Documents that stay on paper (art. 22.1) have no cell: [`allowed`] refuses them with
//! `POLICY_PAPER_ONLY`. A party that does not sign a type gets `POLICY_EMPLOYER_NOT_SIGNER` or
//! `POLICY_EMPLOYEE_NOT_SIGNER`. `tests/data/policy/tk223-table.txt` quotes the source of every
//! cell and `tests/policy.rs` compares it with this code.

use serde::{Deserialize, Serialize};

use crate::error::{Code, Finding};
use crate::policy::catalogue::{DocumentType, Form, WORK_RECORD_INFO_NAME_RU};
use crate::report::Kind;

/// A party to the labour relation.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash, Serialize, Deserialize)]
pub enum Party {
    /// Работодатель (its representative signs).
    #[serde(rename = "employer")]
    Employer,
    /// Работник или лицо, поступающее на работу (employee or applicant, art. 22.2).
    #[serde(rename = "employee", alias = "employee_or_applicant", alias = "applicant")]
    Employee,
}

impl Party {
    /// Both parties, employer first.
    pub const ALL: &'static [Party] = &[Party::Employer, Party::Employee];

    /// `"employer"` or `"employee"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Party::Employer => "employer",
            Party::Employee => "employee",
        }
    }

    /// The Russian name: «работодатель», «работник».
    pub const fn name_ru(self) -> &'static str {
        match self {
            Party::Employer => "работодатель",
            Party::Employee => "работник",
        }
    }

    /// The English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Party::Employer => "employer",
            Party::Employee => "employee or applicant",
        }
    }
}

/// Where the parties exchange and sign the document.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// The digital platform «Работа в России» (the portal «Работа России»): the employee signs in
    /// the portal.
    #[serde(rename = "portal")]
    Portal,
    /// The employer's own information system; the signed document is then uploaded to the portal.
    #[serde(rename = "own", alias = "own_system")]
    Own,
}

impl Channel {
    /// Both channels.
    pub const ALL: &'static [Channel] = &[Channel::Own, Channel::Portal];

    /// `"portal"` or `"own"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Own => "own",
        }
    }

    /// The Russian name.
    pub const fn name_ru(self) -> &'static str {
        match self {
            Channel::Portal => "портал «Работа России»",
            Channel::Own => "информационная система работодателя",
        }
    }

    /// The English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Channel::Portal => "the «Работа России» portal",
            Channel::Own => "the employer's own system",
        }
    }
}

/// A kind of electronic signature as Labour Code art. 22.3 distinguishes them.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureKind {
    /// УКЭП: усиленная квалифицированная электронная подпись.
    Ukep,
    /// УНЭП whose certificate was issued and is used in the e-government infrastructure
    /// (ЕСИА: «инфраструктура, обеспечивающая информационно-технологическое взаимодействие
    /// информационных систем, используемых для предоставления государственных услуг»).
    UnepEgov,
    /// УНЭП whose verification the parties agreed (a local act or the employment contract).
    UnepAgreement,
    /// ПЭП via Госуслуги: a simple signature whose key was obtained in person for public services.
    PepGosuslugi,
    /// ПЭП by agreement of the parties.
    PepAgreement,
}

impl SignatureKind {
    /// The five kinds, strongest first.
    pub const ALL: &'static [SignatureKind] = &[
        SignatureKind::Ukep,
        SignatureKind::UnepEgov,
        SignatureKind::UnepAgreement,
        SignatureKind::PepGosuslugi,
        SignatureKind::PepAgreement,
    ];

    /// The stable id, such as `"unep_egov"`.
    pub const fn id(self) -> &'static str {
        match self {
            SignatureKind::Ukep => "ukep",
            SignatureKind::UnepEgov => "unep_egov",
            SignatureKind::UnepAgreement => "unep_agreement",
            SignatureKind::PepGosuslugi => "pep_gosuslugi",
            SignatureKind::PepAgreement => "pep_agreement",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<SignatureKind> {
        SignatureKind::ALL.iter().copied().find(|k| k.id() == id)
    }

    /// The label: УКЭП, УНЭП (ЕСИА), УНЭП (по соглашению), ПЭП (Госуслуги), ПЭП (по соглашению).
    pub const fn label(self) -> &'static str {
        match self {
            SignatureKind::Ukep => "УКЭП",
            SignatureKind::UnepEgov => "УНЭП (ЕСИА)",
            SignatureKind::UnepAgreement => "УНЭП (по соглашению)",
            SignatureKind::PepGosuslugi => "ПЭП (Госуслуги)",
            SignatureKind::PepAgreement => "ПЭП (по соглашению)",
        }
    }

    /// What the kind is, in Russian.
    pub const fn description_ru(self) -> &'static str {
        match self {
            SignatureKind::Ukep => "усиленная квалифицированная электронная подпись",
            SignatureKind::UnepEgov => {
                "усиленная неквалифицированная подпись, сертификат которой создан и используется в инфраструктуре \
                 электронного правительства (ЕСИА)"
            }
            SignatureKind::UnepAgreement => {
                "усиленная неквалифицированная подпись, порядок проверки которой установлен соглашением сторон"
            }
            SignatureKind::PepGosuslugi => {
                "простая электронная подпись, ключ которой получен при личной явке для госуслуг (Госуслуги)"
            }
            SignatureKind::PepAgreement => "простая электронная подпись по соглашению сторон",
        }
    }

    /// What the kind is, in English.
    pub const fn description_en(self) -> &'static str {
        match self {
            SignatureKind::Ukep => "qualified electronic signature",
            SignatureKind::UnepEgov => {
                "advanced (non-qualified) signature whose certificate was issued in the e-government \
                 infrastructure (ЕСИА)"
            }
            SignatureKind::UnepAgreement => "advanced (non-qualified) signature verified as the parties agreed",
            SignatureKind::PepGosuslugi => {
                "simple electronic signature whose key was obtained in person for public services (Госуслуги)"
            }
            SignatureKind::PepAgreement => "simple electronic signature by agreement of the parties",
        }
    }

    /// An enhanced (УКЭП or УНЭП) kind: one a detached CMS signature can be.
    pub const fn is_enhanced(self) -> bool {
        matches!(self, SignatureKind::Ukep | SignatureKind::UnepEgov | SignatureKind::UnepAgreement)
    }
}

/// Facts about the employee that change the rules and that no file shows.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct Facts {
    /// The employee refused the paper work record book (art. 66.1): the information on work
    /// history is then issued electronically, signed with the employer's УКЭП.
    pub work_book_refused: bool,
}

/// The signature kinds one party may use for one document type on one channel, and why.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct Allowed {
    /// The document type.
    #[serde(serialize_with = "serialize_type")]
    pub document: DocumentType,
    /// The document's Russian name, as messages write it.
    pub document_ru: &'static str,
    /// The party.
    pub party: Party,
    /// The channel.
    pub channel: Channel,
    /// The allowed kinds, strongest first.
    pub kinds: Vec<SignatureKind>,
    /// The legal basis, in Russian.
    pub basis_ru: &'static str,
    /// The legal basis, in English.
    pub basis_en: &'static str,
}

impl Allowed {
    /// The kind is allowed.
    pub fn contains(&self, kind: SignatureKind) -> bool {
        self.kinds.contains(&kind)
    }

    /// The allowed kinds' labels, comma-separated: `"УКЭП, УНЭП (ЕСИА)"`.
    pub fn labels(&self) -> String {
        labels(&self.kinds)
    }
}

/// Labels of kinds, comma-separated.
pub(crate) fn labels(kinds: &[SignatureKind]) -> String {
    kinds.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ")
}

fn serialize_type<S: serde::Serializer>(document: &DocumentType, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(document.id())
}

/// Whether a verdict of the signature checker satisfies the allowed kinds.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct KindDecision {
    /// `Some(true)`: allowed; `Some(false)`: not allowed; `None`: it depends on facts the
    /// signature file cannot show (whether an УНЭП was issued in the e-government infrastructure
    /// or its verification agreed; whether the CA of an «УКЭП?» is accredited). The finding says
    /// which.
    pub ok: Option<bool>,
    /// Why not, or on what condition; `None` when plainly allowed.
    pub finding: Option<Finding>,
}

/// A legal basis in both languages.
struct Basis {
    ru: &'static str,
    en: &'static str,
}

const EMPLOYER_OWN_LIST: Basis = Basis {
    ru: "ч. 1 ст. 22.3 ТК РФ: трудовые договоры, договоры о материальной ответственности, ученические договоры, \
         договоры на получение образования и изменения к ним, приказы о применении дисциплинарного взыскания и \
         уведомления об изменении определённых сторонами условий трудового договора работодатель в своей \
         информационной системе подписывает только УКЭП",
    en: "Labour Code art. 22.3 part 1: in its own system the employer signs employment, liability, apprenticeship \
         and education agreements and their amendments, disciplinary orders and notices of a change to the agreed \
         terms of the employment contract with a qualified signature (УКЭП) only",
};

const EMPLOYER_OWN_OTHER: Basis = Basis {
    ru: "ст. 22.3 ТК РФ: прочие документы работодатель в своей информационной системе подписывает УКЭП или УНЭП \
         (сертификат которой создан в инфраструктуре электронного правительства либо порядок проверки которой \
         установлен соглашением)",
    en: "Labour Code art. 22.3: in its own system the employer signs other documents with a qualified signature \
         (УКЭП) or an advanced one (УНЭП) issued in the e-government infrastructure or verified as agreed",
};

const EMPLOYEE_OWN_LIST: Basis = Basis {
    ru: "ст. 22.3 ТК РФ: трудовой договор, договоры о материальной ответственности, ученический, на получение \
         образования и изменения к ним, ознакомление с приказом о дисциплинарном взыскании и с уведомлением об \
         изменении условий трудового договора, согласие на перевод, заявление об увольнении и его отзыв работник в \
         информационной системе работодателя подписывает только усиленной подписью (УКЭП или УНЭП)",
    en: "Labour Code art. 22.3: in the employer's system the employee signs employment, liability, apprenticeship \
         and education agreements and their amendments, acknowledges a disciplinary order or a notice of a change \
         to the terms, consents to a transfer, resigns or withdraws a resignation with an enhanced signature \
         (УКЭП or УНЭП) only",
};

const EMPLOYEE_OWN_TERMINATION: Basis = Basis {
    ru: "выбор ekdo-check: соглашение о расторжении трудового договора в перечне ст. 22.3 ТК РФ прямо не названо, \
         но это договор сторон о прекращении трудовых отношений, и дистанционный работник подписывает его УКЭП или \
         УНЭП; требуем от работника усиленную подпись, как для заявления об увольнении",
    en: "ekdo-check's choice: Labour Code art. 22.3 does not name a termination agreement, but it is an agreement \
         ending the employment and a remote employee signs it with УКЭП or УНЭП; we require an enhanced signature \
         from the employee, as for a resignation letter",
};

const EMPLOYEE_OWN_OTHER: Basis = Basis {
    ru: "ст. 22.3 ТК РФ: прочие документы работник в информационной системе работодателя подписывает УКЭП, УНЭП \
         или простой электронной подписью — полученной при личной явке для госуслуг или установленной соглашением \
         сторон (трудовым договором)",
    en: "Labour Code art. 22.3: in the employer's system the employee signs other documents with УКЭП, УНЭП or a \
         simple signature: one obtained in person for public services (Госуслуги) or one the parties agreed in the \
         employment contract",
};

const EMPLOYER_PORTAL: Basis = Basis {
    ru: "ст. 22.3 ТК РФ: на цифровой платформе «Работа в России» работодатель подписывает любые документы УКЭП или \
         УНЭП, сертификат которой создан и используется в инфраструктуре электронного правительства",
    en: "Labour Code art. 22.3: on the «Работа в России» platform the employer signs every document with УКЭП or \
         an УНЭП whose certificate was issued and is used in the e-government infrastructure",
};

const EMPLOYEE_PORTAL: Basis = Basis {
    ru: "ст. 22.3 ТК РФ: на цифровой платформе «Работа в России» работник подписывает любые документы УКЭП, УНЭП \
         инфраструктуры электронного правительства или простой электронной подписью Госуслуг (ключ получен при \
         личной явке)",
    en: "Labour Code art. 22.3: on the «Работа в России» platform the employee signs every document with УКЭП, an \
         e-government УНЭП or the simple signature of Госуслуги (key obtained in person)",
};

const WORK_HISTORY_INFO: Basis = Basis {
    ru: "ст. 66.1 ТК РФ: сведения о трудовой деятельности работнику, отказавшемуся от бумажной трудовой книжки, \
         выдаются в форме электронного документа, подписанного УКЭП работодателя; ст. 22.1–22.3 к ним не \
         применяются",
    en: "Labour Code art. 66.1: an employee who refused the paper work record book receives the information on \
         work history as an electronic document signed with the employer's УКЭП; arts. 22.1–22.3 do not apply",
};

/// The kinds of art. 22.3 part 1 (employer, own system): only УКЭП.
fn employer_qualified_only(doc: DocumentType) -> bool {
    matches!(
        doc,
        DocumentType::EmploymentContract
            | DocumentType::EmploymentContractAmendment
            | DocumentType::LiabilityAgreement
            | DocumentType::ApprenticeshipAgreement
            | DocumentType::EducationAgreement
            | DocumentType::DisciplinaryOrder
            | DocumentType::TermsChangeNotice
    )
}

/// The employee's enhanced-only documents in the employer's system, with the basis.
fn employee_enhanced_only(doc: DocumentType) -> Option<&'static Basis> {
    match doc {
        DocumentType::EmploymentContract
        | DocumentType::EmploymentContractAmendment
        | DocumentType::LiabilityAgreement
        | DocumentType::ApprenticeshipAgreement
        | DocumentType::EducationAgreement
        | DocumentType::DisciplinaryOrder
        | DocumentType::DisciplinaryOrderAcknowledgement
        | DocumentType::TermsChangeNotice
        | DocumentType::TransferConsent
        | DocumentType::ResignationLetter
        | DocumentType::ResignationWithdrawal => Some(&EMPLOYEE_OWN_LIST),
        DocumentType::TerminationAgreement => Some(&EMPLOYEE_OWN_TERMINATION),
        _ => None,
    }
}

/// The signature kinds `party` may use for `doc` on `channel` (Labour Code art. 22.3), with the
/// legal basis. Same as [`allowed_with`] with no [`Facts`].
///
/// # Errors
/// `POLICY_PAPER_ONLY` for a document that stays on paper (art. 22.1), with the citation;
/// `POLICY_EMPLOYER_NOT_SIGNER` / `POLICY_EMPLOYEE_NOT_SIGNER` when the party does not sign it.
pub fn allowed(doc: DocumentType, party: Party, channel: Channel) -> Result<Allowed, Finding> {
    allowed_with(doc, party, channel, &Facts::default())
}

/// [`allowed`], given facts about the employee.
///
/// # Errors
/// As [`allowed`].
pub fn allowed_with(doc: DocumentType, party: Party, channel: Channel, facts: &Facts) -> Result<Allowed, Finding> {
    let info = doc.info();
    let cell = |document_ru: &'static str, kinds: &[SignatureKind], basis: &Basis| Allowed {
        document: doc,
        document_ru,
        party,
        channel,
        kinds: kinds.to_vec(),
        basis_ru: basis.ru,
        basis_en: basis.en,
    };
    match info.form {
        Form::Electronic => {}
        Form::PaperUnlessRefused { .. } if facts.work_book_refused => {
            return match party {
                Party::Employer => Ok(cell(WORK_RECORD_INFO_NAME_RU, &[SignatureKind::Ukep], &WORK_HISTORY_INFO)),
                Party::Employee => Err(not_signer(party, WORK_RECORD_INFO_NAME_RU)),
            };
        }
        Form::PaperOnly { citation, .. } | Form::PaperUnlessRefused { citation, .. } => {
            return Err(Finding::new(Code::PolicyPaperOnly)
                .arg("document", info.name_ru)
                .arg("citation", citation)
                .arg("document_type", info.id));
        }
    }
    if !info.signers.includes(party) {
        return Err(not_signer(party, info.name_ru).arg("document_type", info.id));
    }
    use SignatureKind::{PepGosuslugi, Ukep, UnepAgreement, UnepEgov};
    let name = info.name_ru;
    Ok(match (channel, party) {
        (Channel::Portal, Party::Employer) => cell(name, &[Ukep, UnepEgov], &EMPLOYER_PORTAL),
        (Channel::Portal, Party::Employee) => cell(name, &[Ukep, UnepEgov, PepGosuslugi], &EMPLOYEE_PORTAL),
        (Channel::Own, Party::Employer) if employer_qualified_only(doc) => cell(name, &[Ukep], &EMPLOYER_OWN_LIST),
        (Channel::Own, Party::Employer) => cell(name, &[Ukep, UnepEgov, UnepAgreement], &EMPLOYER_OWN_OTHER),
        (Channel::Own, Party::Employee) => match employee_enhanced_only(doc) {
            Some(basis) => cell(name, &[Ukep, UnepEgov, UnepAgreement], basis),
            None => cell(name, SignatureKind::ALL, &EMPLOYEE_OWN_OTHER),
        },
    })
}

fn not_signer(party: Party, document_ru: &str) -> Finding {
    let code = match party {
        Party::Employer => Code::PolicyEmployerNotSigner,
        Party::Employee => Code::PolicyEmployeeNotSigner,
    };
    Finding::new(code).arg("document", document_ru)
}

/// Whether the checker's verdict on a detached signature satisfies the allowed kinds.
///
/// A detached CMS signature is never a ПЭП, so ПЭП kinds are never satisfied by it. УКЭП
/// satisfies any cell with УКЭП. УНЭП satisfies a cell with an УНЭП kind only on a condition the
/// file cannot show (`ok: None`): that it was issued in the e-government infrastructure, or that
/// its verification was agreed (in the employer's system). «УКЭП?» (qualified profile, CA
/// accreditation not checked) is `None` as well: qualified if the CA is accredited.
pub fn kind_allowed(kind: Kind, allowed: &Allowed) -> KindDecision {
    let has = |k| allowed.contains(k);
    let list = allowed.labels();
    let refused = || {
        let code = match allowed.party {
            Party::Employer => Code::PolicyEmployerKindNotAllowed,
            Party::Employee => Code::PolicyEmployeeKindNotAllowed,
        };
        KindDecision {
            ok: Some(false),
            finding: Some(
                Finding::new(code).arg("kind", kind.label()).arg("document", allowed.document_ru).arg("allowed", &list),
            ),
        }
    };
    match kind {
        Kind::Invalid => KindDecision { ok: Some(false), finding: Some(Finding::new(Code::PolicySignatureInvalid)) },
        Kind::Qualified if has(SignatureKind::Ukep) => KindDecision { ok: Some(true), finding: None },
        Kind::QualifiedUnconfirmed
            if has(SignatureKind::Ukep) || has(SignatureKind::UnepEgov) || has(SignatureKind::UnepAgreement) =>
        {
            KindDecision { ok: None, finding: Some(Finding::new(Code::PolicyKindUnconfirmed).arg("allowed", &list)) }
        }
        Kind::Unqualified if has(SignatureKind::UnepAgreement) => {
            KindDecision { ok: None, finding: Some(Finding::new(Code::PolicyKindUnepConditional)) }
        }
        Kind::Unqualified if has(SignatureKind::UnepEgov) => {
            KindDecision { ok: None, finding: Some(Finding::new(Code::PolicyKindUnepEgovRequired)) }
        }
        Kind::Qualified | Kind::QualifiedUnconfirmed | Kind::Unqualified => refused(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn employment_contract_in_own_system() {
        let a = allowed(DocumentType::EmploymentContract, Party::Employer, Channel::Own).unwrap();
        assert_eq!(a.kinds, vec![SignatureKind::Ukep]);
        assert!(a.basis_ru.starts_with("ч. 1 ст. 22.3"));
        let d = kind_allowed(Kind::Unqualified, &a);
        assert_eq!(d.ok, Some(false));
        assert_eq!(d.finding.unwrap().code, Code::PolicyEmployerKindNotAllowed);
        assert_eq!(kind_allowed(Kind::Qualified, &a).ok, Some(true));
        let d = kind_allowed(Kind::QualifiedUnconfirmed, &a);
        assert_eq!((d.ok, d.finding.map(|f| f.code)), (None, Some(Code::PolicyKindUnconfirmed)));
    }

    #[test]
    fn unep_depends_on_facts_the_file_cannot_show() {
        let own = allowed(DocumentType::HiringOrder, Party::Employer, Channel::Own).unwrap();
        let d = kind_allowed(Kind::Unqualified, &own);
        assert_eq!((d.ok, d.finding.map(|f| f.code)), (None, Some(Code::PolicyKindUnepConditional)));
        let portal = allowed(DocumentType::HiringOrder, Party::Employer, Channel::Portal).unwrap();
        let d = kind_allowed(Kind::Unqualified, &portal);
        assert_eq!((d.ok, d.finding.map(|f| f.code)), (None, Some(Code::PolicyKindUnepEgovRequired)));
    }

    #[test]
    fn invalid_never_satisfies() {
        for doc in DocumentType::ALL {
            for party in Party::ALL {
                for channel in Channel::ALL {
                    if let Ok(a) = allowed(*doc, *party, *channel) {
                        assert!(a.contains(SignatureKind::Ukep), "every cell takes УКЭП: {doc:?} {party:?}");
                        assert_eq!(kind_allowed(Kind::Invalid, &a).ok, Some(false));
                        assert_eq!(kind_allowed(Kind::Qualified, &a).ok, Some(true));
                    }
                }
            }
        }
    }

    #[test]
    fn pep_only_cell_refuses_a_cms_signature() {
        let a = Allowed {
            document: DocumentType::Other,
            document_ru: "Иной документ",
            party: Party::Employee,
            channel: Channel::Own,
            kinds: vec![SignatureKind::PepGosuslugi, SignatureKind::PepAgreement],
            basis_ru: "",
            basis_en: "",
        };
        for kind in [Kind::Qualified, Kind::QualifiedUnconfirmed, Kind::Unqualified, Kind::Invalid] {
            assert_eq!(kind_allowed(kind, &a).ok, Some(false), "{kind:?}");
        }
    }

    #[test]
    fn refused_work_book_is_signed_by_the_employer_with_ukep() {
        let facts = Facts { work_book_refused: true };
        let a = allowed_with(DocumentType::WorkRecordBook, Party::Employer, Channel::Portal, &facts).unwrap();
        assert_eq!(a.kinds, vec![SignatureKind::Ukep]);
        let e = allowed(DocumentType::WorkRecordBook, Party::Employer, Channel::Own).unwrap_err();
        assert_eq!(e.code, Code::PolicyPaperOnly);
    }
}
