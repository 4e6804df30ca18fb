//! The personnel document types ekdo-check knows, with stable ids.
//!
//! Each type has its Russian name (the «Подтип» of the portal's file name), the document group of
//! the portal «Работа России» (exactly one of the ten the portal lists), the Минтруд codifier,
//! which parties sign it, and whether it may be electronic at all.
//!
//! Sources: the portal's API description (document groups, codifier 12.999 «Иные документы») and
//! Labour Code art. 22.1 (the documents that stay on paper). Where the sources say nothing (the
//! group of a type, who signs it) the choice and its reason are in `docs/policy.md`.

use serde::Serialize;

use crate::policy::tk223::{Channel, Party};

/// A personnel document type. The id ([`DocumentType::id`]) is stable: a released id never
/// changes meaning.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum DocumentType {
    /// Трудовой договор.
    EmploymentContract,
    /// Дополнительное соглашение к трудовому договору.
    EmploymentContractAmendment,
    /// Договор о материальной ответственности (and its amendments).
    LiabilityAgreement,
    /// Ученический договор (and its amendments).
    ApprenticeshipAgreement,
    /// Договор на получение образования без отрыва или с отрывом от работы (and its amendments).
    EducationAgreement,
    /// Приказ (распоряжение) о применении дисциплинарного взыскания.
    DisciplinaryOrder,
    /// Ознакомление с приказом о применении дисциплинарного взыскания (a separate sheet).
    DisciplinaryOrderAcknowledgement,
    /// Уведомление об изменении определённых сторонами условий трудового договора.
    TermsChangeNotice,
    /// Согласие на перевод на другую работу.
    TransferConsent,
    /// Заявление об увольнении по собственному желанию.
    ResignationLetter,
    /// Отзыв заявления об увольнении.
    ResignationWithdrawal,
    /// Приказ о приёме на работу.
    HiringOrder,
    /// Заявление на отпуск.
    VacationApplication,
    /// Приказ о предоставлении отпуска.
    VacationOrder,
    /// Приказ о переводе на другую работу.
    TransferOrder,
    /// Приказ о премировании.
    BonusOrder,
    /// Приказ о направлении в командировку.
    BusinessTripOrder,
    /// Заявление о выдаче справки о доходах.
    IncomeCertificateRequest,
    /// Объяснительная записка.
    ExplanatoryNote,
    /// Ознакомление с локальным нормативным актом.
    LocalActAcknowledgement,
    /// Соглашение о расторжении трудового договора.
    TerminationAgreement,
    /// Иной кадровый документ.
    Other,
    /// Трудовая книжка: on paper unless the employee refused it (art. 66.1).
    WorkRecordBook,
    /// Акт о несчастном случае на производстве: paper only.
    AccidentReport,
    /// Приказ (распоряжение) об увольнении: paper only.
    DismissalOrder,
    /// Документ о прохождении инструктажа по охране труда: paper only.
    SafetyBriefingRecord,
}

impl DocumentType {
    /// Every type, in catalogue order (electronic types first, then the paper-only ones).
    pub const ALL: &'static [DocumentType] = &[
        DocumentType::EmploymentContract,
        DocumentType::EmploymentContractAmendment,
        DocumentType::LiabilityAgreement,
        DocumentType::ApprenticeshipAgreement,
        DocumentType::EducationAgreement,
        DocumentType::DisciplinaryOrder,
        DocumentType::DisciplinaryOrderAcknowledgement,
        DocumentType::TermsChangeNotice,
        DocumentType::TransferConsent,
        DocumentType::ResignationLetter,
        DocumentType::ResignationWithdrawal,
        DocumentType::HiringOrder,
        DocumentType::VacationApplication,
        DocumentType::VacationOrder,
        DocumentType::TransferOrder,
        DocumentType::BonusOrder,
        DocumentType::BusinessTripOrder,
        DocumentType::IncomeCertificateRequest,
        DocumentType::ExplanatoryNote,
        DocumentType::LocalActAcknowledgement,
        DocumentType::TerminationAgreement,
        DocumentType::Other,
        DocumentType::WorkRecordBook,
        DocumentType::AccidentReport,
        DocumentType::DismissalOrder,
        DocumentType::SafetyBriefingRecord,
    ];

    /// The stable id, snake_case English, such as `"employment_contract"`.
    pub const fn id(self) -> &'static str {
        self.info().id
    }

    /// The type with this id.
    pub fn from_id(id: &str) -> Option<DocumentType> {
        DocumentType::ALL.iter().copied().find(|t| t.id() == id)
    }

    /// Everything the catalogue says about this type.
    pub const fn info(self) -> &'static DocumentInfo {
        match self {
            DocumentType::EmploymentContract => &EMPLOYMENT_CONTRACT,
            DocumentType::EmploymentContractAmendment => &EMPLOYMENT_CONTRACT_AMENDMENT,
            DocumentType::LiabilityAgreement => &LIABILITY_AGREEMENT,
            DocumentType::ApprenticeshipAgreement => &APPRENTICESHIP_AGREEMENT,
            DocumentType::EducationAgreement => &EDUCATION_AGREEMENT,
            DocumentType::DisciplinaryOrder => &DISCIPLINARY_ORDER,
            DocumentType::DisciplinaryOrderAcknowledgement => &DISCIPLINARY_ORDER_ACKNOWLEDGEMENT,
            DocumentType::TermsChangeNotice => &TERMS_CHANGE_NOTICE,
            DocumentType::TransferConsent => &TRANSFER_CONSENT,
            DocumentType::ResignationLetter => &RESIGNATION_LETTER,
            DocumentType::ResignationWithdrawal => &RESIGNATION_WITHDRAWAL,
            DocumentType::HiringOrder => &HIRING_ORDER,
            DocumentType::VacationApplication => &VACATION_APPLICATION,
            DocumentType::VacationOrder => &VACATION_ORDER,
            DocumentType::TransferOrder => &TRANSFER_ORDER,
            DocumentType::BonusOrder => &BONUS_ORDER,
            DocumentType::BusinessTripOrder => &BUSINESS_TRIP_ORDER,
            DocumentType::IncomeCertificateRequest => &INCOME_CERTIFICATE_REQUEST,
            DocumentType::ExplanatoryNote => &EXPLANATORY_NOTE,
            DocumentType::LocalActAcknowledgement => &LOCAL_ACT_ACKNOWLEDGEMENT,
            DocumentType::TerminationAgreement => &TERMINATION_AGREEMENT,
            DocumentType::Other => &OTHER,
            DocumentType::WorkRecordBook => &WORK_RECORD_BOOK,
            DocumentType::AccidentReport => &ACCIDENT_REPORT,
            DocumentType::DismissalOrder => &DISMISSAL_ORDER,
            DocumentType::SafetyBriefingRecord => &SAFETY_BRIEFING_RECORD,
        }
    }
}

/// What the catalogue says about one document type.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct DocumentInfo {
    /// The stable id.
    pub id: &'static str,
    /// The Russian name: the «Подтип» in the portal's file name.
    pub name_ru: &'static str,
    /// The English name.
    pub name_en: &'static str,
    /// The portal's document group.
    pub group: PortalGroup,
    /// The Минтруд codifier.
    pub codifier: Codifier,
    /// Who signs it.
    pub signers: Signers,
    /// Whether it may be electronic.
    pub form: Form,
}

/// The ten document groups of the portal «Работа России», as its API description lists them.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum PortalGroup {
    /// «Другие документы».
    Other,
    /// «Изменение условий трудового договора».
    TermsChange,
    /// «Квалификация работника. Подготовка и дополнительное профессиональное образование работника».
    Qualification,
    /// «Оплата труда, гарантии и компенсации».
    Pay,
    /// «Ответственность работников».
    Liability,
    /// «Охрана труда».
    Safety,
    /// «Прекращение трудовых отношений».
    Termination,
    /// «Прием на работу».
    Hiring,
    /// «Рабочее время и время отдыха».
    WorkingTime,
    /// «Электронные трудовые договоры».
    ElectronicContracts,
}

impl PortalGroup {
    /// The ten groups, in the portal's (alphabetical) order.
    pub const ALL: &'static [PortalGroup] = &[
        PortalGroup::Other,
        PortalGroup::TermsChange,
        PortalGroup::Qualification,
        PortalGroup::Pay,
        PortalGroup::Liability,
        PortalGroup::Safety,
        PortalGroup::Termination,
        PortalGroup::Hiring,
        PortalGroup::WorkingTime,
        PortalGroup::ElectronicContracts,
    ];

    /// The group's name exactly as the portal writes it.
    pub const fn label(self) -> &'static str {
        match self {
            PortalGroup::Other => "Другие документы",
            PortalGroup::TermsChange => "Изменение условий трудового договора",
            PortalGroup::Qualification => {
                "Квалификация работника. Подготовка и дополнительное профессиональное образование работника"
            }
            PortalGroup::Pay => "Оплата труда, гарантии и компенсации",
            PortalGroup::Liability => "Ответственность работников",
            PortalGroup::Safety => "Охрана труда",
            PortalGroup::Termination => "Прекращение трудовых отношений",
            PortalGroup::Hiring => "Прием на работу",
            PortalGroup::WorkingTime => "Рабочее время и время отдыха",
            PortalGroup::ElectronicContracts => "Электронные трудовые договоры",
        }
    }
}

impl Serialize for PortalGroup {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

/// A code of the Минтруд codifier of document kinds, with its name.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
pub struct Codifier {
    /// The code, such as `"12.999"`.
    pub code: &'static str,
    /// The name, such as `"Иные документы"`.
    pub name: &'static str,
}

/// 12.999 «Иные документы»: the code the portal's API description shows, and the default.
pub const OTHER_DOCUMENTS: Codifier = Codifier { code: "12.999", name: "Иные документы" };

/// Who signs a document type.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signers {
    /// Only the employer (an act, a record).
    Employer,
    /// Only the employee or applicant (an application, a consent, an acknowledgement sheet).
    Employee,
    /// Both parties: a contract or agreement, which exists only once both have signed.
    Both,
    /// The employer signs; the employee acknowledges it under signature (an order, a notice),
    /// possibly later than the employer signs, so the employee's signature is not required at
    /// upload.
    EmployerAcknowledged,
    /// Either party or both (a document of unknown shape): at least one signature.
    Either,
}

impl Signers {
    /// The stable name, such as `"both"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Signers::Employer => "employer",
            Signers::Employee => "employee",
            Signers::Both => "both",
            Signers::EmployerAcknowledged => "employer_acknowledged",
            Signers::Either => "either",
        }
    }

    /// The party signs (or acknowledges) this type at all.
    pub const fn includes(self, party: Party) -> bool {
        !matches!((self, party), (Signers::Employer, Party::Employee) | (Signers::Employee, Party::Employer))
    }

    /// The parties that sign, employer first: the default party of each signature file.
    pub fn order(self) -> &'static [Party] {
        match self {
            Signers::Employer => &[Party::Employer],
            Signers::Employee => &[Party::Employee],
            Signers::Both | Signers::EmployerAcknowledged | Signers::Either => &[Party::Employer, Party::Employee],
        }
    }

    /// The parties whose signature must come with the upload on this channel.
    ///
    /// In the employer's own system both parties of an agreement have signed before upload. On the
    /// portal the employer uploads the document with its signature, and the employee signs or
    /// acknowledges it later in the portal; a document only the employee signs comes with the
    /// employee's signature. [`Signers::Either`] needs at least one signature of any party, which
    /// this list cannot express: it is empty.
    pub fn required(self, channel: Channel) -> &'static [Party] {
        match (self, channel) {
            (Signers::Employer | Signers::EmployerAcknowledged, _) | (Signers::Both, Channel::Portal) => {
                &[Party::Employer]
            }
            (Signers::Employee, _) => &[Party::Employee],
            (Signers::Both, Channel::Own) => &[Party::Employer, Party::Employee],
            (Signers::Either, _) => &[],
        }
    }
}

/// Whether a document type may be electronic (Labour Code art. 22.1).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Form {
    /// It may be created, signed and kept electronically.
    Electronic,
    /// It stays on paper whatever the parties agreed.
    PaperOnly {
        /// The legal reference, such as `"ст. 22.1 ТК РФ"`.
        citation: &'static str,
        /// Why, in Russian.
        reason_ru: &'static str,
        /// Why, in English.
        reason_en: &'static str,
    },
    /// It stays on paper unless the employee refused the paper form (the work record book,
    /// art. 66.1): then what replaces it is electronic.
    PaperUnlessRefused {
        /// The legal reference.
        citation: &'static str,
        /// Why, in Russian.
        reason_ru: &'static str,
        /// Why, in English.
        reason_en: &'static str,
    },
}

impl Form {
    /// The type may be electronic at all (with [`Form::PaperUnlessRefused`], only after a refusal).
    pub const fn electronic(self, refused: bool) -> bool {
        match self {
            Form::Electronic => true,
            Form::PaperOnly { .. } => false,
            Form::PaperUnlessRefused { .. } => refused,
        }
    }

    /// The legal reference and the reasons (ru, en) for a paper form; `None` for electronic.
    pub const fn paper_reason(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            Form::Electronic => None,
            Form::PaperOnly { citation, reason_ru, reason_en }
            | Form::PaperUnlessRefused { citation, reason_ru, reason_en } => Some((citation, reason_ru, reason_en)),
        }
    }
}

/// The name of what replaces the work record book once the employee refused the paper form.
pub const WORK_RECORD_INFO_NAME_RU: &str = "Сведения о трудовой деятельности";

/// The English name of [`WORK_RECORD_INFO_NAME_RU`].
pub const WORK_RECORD_INFO_NAME_EN: &str = "Information on work history (СТД-Р)";

const fn electronic(
    id: &'static str,
    name_ru: &'static str,
    name_en: &'static str,
    group: PortalGroup,
    signers: Signers,
) -> DocumentInfo {
    DocumentInfo { id, name_ru, name_en, group, codifier: OTHER_DOCUMENTS, signers, form: Form::Electronic }
}

const EMPLOYMENT_CONTRACT: DocumentInfo = electronic(
    "employment_contract",
    "Трудовой договор",
    "Employment contract",
    PortalGroup::ElectronicContracts,
    Signers::Both,
);
const EMPLOYMENT_CONTRACT_AMENDMENT: DocumentInfo = electronic(
    "employment_contract_amendment",
    "Дополнительное соглашение к трудовому договору",
    "Amendment to the employment contract",
    PortalGroup::TermsChange,
    Signers::Both,
);
const LIABILITY_AGREEMENT: DocumentInfo = electronic(
    "liability_agreement",
    "Договор о материальной ответственности",
    "Liability agreement",
    PortalGroup::Liability,
    Signers::Both,
);
const APPRENTICESHIP_AGREEMENT: DocumentInfo = electronic(
    "apprenticeship_agreement",
    "Ученический договор",
    "Apprenticeship agreement",
    PortalGroup::Qualification,
    Signers::Both,
);
const EDUCATION_AGREEMENT: DocumentInfo = electronic(
    "education_agreement",
    "Договор на получение образования",
    "Education agreement",
    PortalGroup::Qualification,
    Signers::Both,
);
const DISCIPLINARY_ORDER: DocumentInfo = electronic(
    "disciplinary_order",
    "Приказ о применении дисциплинарного взыскания",
    "Disciplinary order",
    PortalGroup::Liability,
    Signers::EmployerAcknowledged,
);
const DISCIPLINARY_ORDER_ACKNOWLEDGEMENT: DocumentInfo = electronic(
    "disciplinary_order_acknowledgement",
    "Ознакомление с приказом о применении дисциплинарного взыскания",
    "Acknowledgement of a disciplinary order",
    PortalGroup::Liability,
    Signers::Employee,
);
const TERMS_CHANGE_NOTICE: DocumentInfo = electronic(
    "terms_change_notice",
    "Уведомление об изменении условий трудового договора",
    "Notice of a change to the terms of the employment contract",
    PortalGroup::TermsChange,
    Signers::EmployerAcknowledged,
);
const TRANSFER_CONSENT: DocumentInfo = electronic(
    "transfer_consent",
    "Согласие на перевод",
    "Consent to a transfer",
    PortalGroup::TermsChange,
    Signers::Employee,
);
const RESIGNATION_LETTER: DocumentInfo = electronic(
    "resignation_letter",
    "Заявление об увольнении по собственному желанию",
    "Resignation letter",
    PortalGroup::Termination,
    Signers::Employee,
);
const RESIGNATION_WITHDRAWAL: DocumentInfo = electronic(
    "resignation_withdrawal",
    "Отзыв заявления об увольнении",
    "Withdrawal of a resignation letter",
    PortalGroup::Termination,
    Signers::Employee,
);
const HIRING_ORDER: DocumentInfo = electronic(
    "hiring_order",
    "Приказ о приёме на работу",
    "Hiring order",
    PortalGroup::Hiring,
    Signers::EmployerAcknowledged,
);
const VACATION_APPLICATION: DocumentInfo = electronic(
    "vacation_application",
    "Заявление на отпуск",
    "Vacation application",
    PortalGroup::WorkingTime,
    Signers::Employee,
);
const VACATION_ORDER: DocumentInfo = electronic(
    "vacation_order",
    "Приказ о предоставлении отпуска",
    "Vacation order",
    PortalGroup::WorkingTime,
    Signers::EmployerAcknowledged,
);
const TRANSFER_ORDER: DocumentInfo = electronic(
    "transfer_order",
    "Приказ о переводе на другую работу",
    "Transfer order",
    PortalGroup::TermsChange,
    Signers::EmployerAcknowledged,
);
const BONUS_ORDER: DocumentInfo =
    electronic("bonus_order", "Приказ о премировании", "Bonus order", PortalGroup::Pay, Signers::EmployerAcknowledged);
const BUSINESS_TRIP_ORDER: DocumentInfo = electronic(
    "business_trip_order",
    "Приказ о направлении в командировку",
    "Business trip order",
    PortalGroup::Pay,
    Signers::EmployerAcknowledged,
);
const INCOME_CERTIFICATE_REQUEST: DocumentInfo = electronic(
    "income_certificate_request",
    "Заявление о выдаче справки о доходах",
    "Request for an income certificate",
    PortalGroup::Other,
    Signers::Employee,
);
const EXPLANATORY_NOTE: DocumentInfo = electronic(
    "explanatory_note",
    "Объяснительная записка",
    "Explanatory note",
    PortalGroup::Liability,
    Signers::Employee,
);
const LOCAL_ACT_ACKNOWLEDGEMENT: DocumentInfo = electronic(
    "local_act_acknowledgement",
    "Ознакомление с локальным нормативным актом",
    "Acknowledgement of a local regulation",
    PortalGroup::Other,
    Signers::Employee,
);
const TERMINATION_AGREEMENT: DocumentInfo = electronic(
    "termination_agreement",
    "Соглашение о расторжении трудового договора",
    "Termination agreement",
    PortalGroup::Termination,
    Signers::Both,
);
const OTHER: DocumentInfo = electronic("other", "Иной документ", "Other document", PortalGroup::Other, Signers::Either);

const WORK_RECORD_BOOK: DocumentInfo = DocumentInfo {
    id: "work_record_book",
    name_ru: "Трудовая книжка",
    name_en: "Work record book",
    group: PortalGroup::Other,
    codifier: OTHER_DOCUMENTS,
    signers: Signers::Employer,
    form: Form::PaperUnlessRefused {
        citation: "ст. 22.1, 66, 66.1 ТК РФ",
        reason_ru: "правила ст. 22.1–22.3 ТК РФ на трудовые книжки не распространяются: бумажная трудовая книжка \
                    ведётся по ст. 66, пока работник не отказался от неё в пользу сведений о трудовой деятельности \
                    в электронном виде (ст. 66.1)",
        reason_en: "Labour Code arts. 22.1–22.3 do not apply to work record books: the paper book is kept under \
                    art. 66 until the employee refuses it in favour of electronic information on work history \
                    (art. 66.1)",
    },
};
const ACCIDENT_REPORT: DocumentInfo = DocumentInfo {
    id: "accident_report",
    name_ru: "Акт о несчастном случае на производстве",
    name_en: "Industrial accident report",
    group: PortalGroup::Safety,
    codifier: OTHER_DOCUMENTS,
    signers: Signers::Employer,
    form: Form::PaperOnly {
        citation: "ст. 22.1 ТК РФ",
        reason_ru: "акты о несчастном случае на производстве оформляются только на бумаге (ст. 22.1 ТК РФ): их \
                    используют при расследовании и в спорах о нарушении трудовых прав",
        reason_en: "industrial accident reports are kept on paper only (Labour Code art. 22.1): they serve \
                    investigations and disputes over violated labour rights",
    },
};
const DISMISSAL_ORDER: DocumentInfo = DocumentInfo {
    id: "dismissal_order",
    name_ru: "Приказ об увольнении",
    name_en: "Dismissal order",
    group: PortalGroup::Termination,
    codifier: OTHER_DOCUMENTS,
    signers: Signers::EmployerAcknowledged,
    form: Form::PaperOnly {
        citation: "ст. 22.1 ТК РФ",
        reason_ru: "приказ (распоряжение) об увольнении оформляется только на бумаге (ст. 22.1 ТК РФ; письмо \
                    Минтруда России от 12.01.2023 № 14-6/ООГ-97): со дня вручения его копии идёт месячный срок \
                    обращения в суд по спору об увольнении (ст. 392 ТК РФ)",
        reason_en: "a dismissal order is kept on paper only (Labour Code art. 22.1; Ministry of Labour letter of \
                    12.01.2023 № 14-6/ООГ-97): the one-month term to sue over a dismissal runs from the day its \
                    copy is handed over (art. 392)",
    },
};
const SAFETY_BRIEFING_RECORD: DocumentInfo = DocumentInfo {
    id: "safety_briefing_record",
    name_ru: "Документ о прохождении инструктажа по охране труда",
    name_en: "Record of an occupational safety briefing",
    group: PortalGroup::Safety,
    codifier: OTHER_DOCUMENTS,
    signers: Signers::Both,
    form: Form::PaperOnly {
        citation: "ст. 22.1 ТК РФ",
        reason_ru: "документы, подтверждающие прохождение инструктажа по охране труда, оформляются только на \
                    бумаге (ст. 22.1 ТК РФ): их используют при расследовании несчастных случаев",
        reason_en: "records of occupational safety briefings are kept on paper only (Labour Code art. 22.1): \
                    they serve accident investigations",
    },
};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for t in DocumentType::ALL {
            let id = t.id();
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{id} is not snake_case");
            assert_eq!(DocumentType::from_id(id), Some(*t));
            assert!(!t.info().name_ru.is_empty() && !t.info().name_en.is_empty());
        }
        assert_eq!(DocumentType::from_id("Employment_Contract"), None);
    }

    #[test]
    fn ten_groups_as_the_portal_lists_them() {
        assert_eq!(PortalGroup::ALL.len(), 10);
        let labels: Vec<&str> = PortalGroup::ALL.iter().map(|g| g.label()).collect();
        let mut sorted = labels.clone();
        sorted.sort_unstable();
        assert_eq!(labels, sorted, "the portal lists its groups alphabetically");
    }

    #[test]
    fn paper_only_types_say_why() {
        for t in [DocumentType::AccidentReport, DocumentType::DismissalOrder, DocumentType::SafetyBriefingRecord] {
            assert!(matches!(t.info().form, Form::PaperOnly { .. }), "{t:?}");
            assert!(!t.info().form.electronic(true));
        }
        assert!(!DocumentType::WorkRecordBook.info().form.electronic(false));
        assert!(DocumentType::WorkRecordBook.info().form.electronic(true));
    }

    #[test]
    fn agreements_need_both_parties_in_own_system_and_the_employer_first_on_the_portal() {
        assert_eq!(Signers::Both.required(Channel::Own), &[Party::Employer, Party::Employee]);
        assert_eq!(Signers::Both.required(Channel::Portal), &[Party::Employer]);
        assert_eq!(Signers::Employee.required(Channel::Portal), &[Party::Employee]);
        assert!(!Signers::Employee.includes(Party::Employer));
        assert!(Signers::EmployerAcknowledged.includes(Party::Employee));
    }
}
