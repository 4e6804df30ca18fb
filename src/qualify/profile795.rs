//! The qualified certificate profile: FSB order № 795 of 27.12.2011 «Об утверждении Требований к
//! форме квалифицированного сертификата ключа проверки электронной подписи», as amended by FSB
//! order № 31 of 29.01.2021 (in force from 1.09.2021), and 63-ФЗ art. 17 part 2.
//!
//! What the order asks of a qualified certificate, and what is checked here:
//! - the owner's identifiers in the subject Name: surname (SN), given names (GN) and common
//!   name (CN); СНИЛС (1.2.643.100.3, 11 digits); for an organisation's representative also the
//!   organisation's name (O), ОГРН (1.2.643.100.1, 13 digits) and ИНН ЮЛ (1.2.643.100.4, 10
//!   digits; before 1.09.2021 written as 12 digits `00`+ИНН ЮЛ in 1.2.643.3.131.1.1); for an
//!   individual entrepreneur ОГРНИП (1.2.643.100.5, 15 digits). Each number's check digits are
//!   verified;
//! - the signature tools: subjectSignTool (1.2.643.100.111) and issuerSignTool
//!   (1.2.643.100.112, a SEQUENCE of four UTF8Strings: the owner's tool, the CA's tool and their
//!   two conformity certificates);
//! - the class of the owner's tool as a certificatePolicies OID 1.2.643.100.113.1–6 (КС1, КС2,
//!   КС3, КВ1, КВ2, КА1);
//! - a keyUsage that allows signing (digitalSignature or nonRepudiation).
//!
//! The owner's ИНН ФЛ (1.2.643.3.131.1.1, 12 digits) and IdentificationKind (1.2.643.100.114,
//! how the owner was identified: 0 in person, 1 remotely with a qualified signature, 2 with a
//! biometric passport, 3 with the ЕСИА and ЕБС) are reported as advisories: they do not decide the
//! profile, but a ИНН that is written must be valid.
//!
//! The key algorithm is not part of the profile: whether a GOST R 34.10-2012 key makes the
//! signature УКЭП is decided by the classifier.
//!
//! The input is a plain [`ProfileInput`], so this module does not depend on the CMS parser.

use serde::Serialize;

use crate::error::{Code, Finding};

/// commonName.
const CN: &str = "2.5.4.3";
/// surname.
const SN: &str = "2.5.4.4";
/// givenName.
const GN: &str = "2.5.4.42";
/// organizationName.
const O: &str = "2.5.4.10";
/// СНИЛС, FSB order 795.
const SNILS: &str = "1.2.643.100.3";
/// ИНН (of a natural person since 1.09.2021), FSB order 795.
const INN: &str = "1.2.643.3.131.1.1";
/// ИНН ЮЛ, FSB order 795 as amended by order 31.
const INNLE: &str = "1.2.643.100.4";
/// ОГРН, FSB order 795.
const OGRN: &str = "1.2.643.100.1";
/// ОГРНИП, FSB order 795.
const OGRNIP: &str = "1.2.643.100.5";
/// The prefix of the signature tool class policies КС1..КА1, FSB order 795.
const CLASS_PREFIX: &str = "1.2.643.100.113.";

/// Everything the profile check needs, read from the certificate by the caller.
#[derive(Clone, Copy, Debug)]
pub struct ProfileInput<'a> {
    /// The subject's attributes as (dotted OID, value), in certificate order.
    pub subject_attrs: &'a [(String, String)],
    /// subjectSignTool (1.2.643.100.111) is present.
    pub has_subject_sign_tool: bool,
    /// The number of strings in issuerSignTool (1.2.643.100.112); 0 when absent.
    pub issuer_sign_tool_count: usize,
    /// The certificatePolicies OIDs, dotted.
    pub policy_oids: &'a [String],
    /// The keyUsage bit names (`digitalSignature`, `nonRepudiation` or `contentCommitment`, …);
    /// empty when the extension is absent.
    pub key_usage: &'a [String],
    /// IdentificationKind (1.2.643.100.114), when present.
    pub identification_kind: Option<i64>,
}

/// Whose certificate it is, as the subject's identifiers tell.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// A natural person (физическое лицо): СНИЛС, no ОГРН or ОГРНИП.
    Person,
    /// A person acting for an organisation (представитель юридического лица): ОГРН.
    Representative,
    /// An individual entrepreneur (индивидуальный предприниматель): ОГРНИП.
    Entrepreneur,
    /// Nothing identifies the owner.
    Unknown,
}

/// The verdict on one certificate.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ProfileVerdict {
    /// Every required condition held: the certificate has the qualified profile.
    pub qualified_profile: bool,
    /// Whose certificate it is.
    pub subject_kind: SubjectKind,
    /// The required conditions, in a fixed order: held (`true`) or not, with a coded message.
    pub reasons: Vec<(bool, Finding)>,
    /// Conditions checked that do not decide the profile (ИНН ФЛ absent, IdentificationKind).
    pub advisories: Vec<(bool, Finding)>,
    /// The signature tool classes named by the policies, such as `["КС1", "КС2"]`.
    pub classes: Vec<&'static str>,
}

/// Checks a certificate against the qualified profile of FSB order 795.
pub fn check_profile(input: &ProfileInput<'_>) -> ProfileVerdict {
    let mut reasons: Vec<(bool, Finding)> = Vec::new();
    let mut advisories: Vec<(bool, Finding)> = Vec::new();

    let mut attr = |oid: &'static str| -> String {
        let mut values = input
            .subject_attrs
            .iter()
            .filter(|(o, _)| o == oid)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>();
        values.sort_unstable();
        values.dedup();
        if values.len() > 1 {
            reasons.push((false, Finding::new(Code::QualDuplicateAttribute).arg("oid", oid)));
        }
        input
            .subject_attrs
            .iter()
            .find(|(o, v)| o == oid && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let cn = attr(CN);
    let sn = attr(SN);
    let gn = attr(GN);
    let o = attr(O);
    let snils = attr(SNILS);
    let inn = attr(INN);
    let innle = attr(INNLE);
    let ogrn = attr(OGRN);
    let ogrnip = attr(OGRNIP);

    let subject_kind = if !ogrn.is_empty() {
        SubjectKind::Representative
    } else if !ogrnip.is_empty() {
        SubjectKind::Entrepreneur
    } else if !snils.is_empty() || !sn.is_empty() || !gn.is_empty() || !inn.is_empty() {
        SubjectKind::Person
    } else {
        SubjectKind::Unknown
    };

    let classes: Vec<&'static str> = input.policy_oids.iter().filter_map(|p| class_name(p)).collect();
    let mut classes_sorted = classes.clone();
    classes_sorted.sort_unstable();
    classes_sorted.dedup();

    let dash = |s: &str| if s.is_empty() { "—".to_owned() } else { s.to_owned() };

    reasons.push((
        input.has_subject_sign_tool,
        Finding::new(Code::QualSubjectSignTool)
            .arg("found", if input.has_subject_sign_tool { "1.2.643.100.111" } else { "—" }),
    ));
    reasons.push((
        input.issuer_sign_tool_count == 4,
        Finding::new(Code::QualIssuerSignTool).arg("count", input.issuer_sign_tool_count),
    ));
    reasons.push((
        !classes_sorted.is_empty(),
        Finding::new(Code::QualClassPolicy).arg("found", dash(&classes_sorted.join(", "))),
    ));
    let usage: Vec<String> = input.key_usage.iter().map(|u| normalize_usage(u)).collect();
    let can_sign =
        usage.iter().any(|u| matches!(u.as_str(), "digitalsignature" | "nonrepudiation" | "contentcommitment"));
    reasons.push((can_sign, Finding::new(Code::QualKeyUsage).arg("found", dash(&input.key_usage.join(", ")))));
    reasons.push((!cn.is_empty(), Finding::new(Code::QualCommonName).arg("value", &cn)));
    reasons.push((
        !sn.is_empty() && !gn.is_empty(),
        Finding::new(Code::QualName).arg("surname", &sn).arg("given_name", &gn),
    ));
    reasons.push((snils_valid(&snils), Finding::new(Code::QualSnils).arg("value", &snils)));

    // Before 1.09.2021 an organisation's ИНН was written as `00` + 10 digits in the INN attribute.
    let legacy_innle = (innle.is_empty() && inn.len() == 12 && inn.starts_with("00"))
        .then(|| inn.get(2..).unwrap_or_default().to_owned())
        .filter(|v| inn_valid(v));
    match subject_kind {
        SubjectKind::Representative => {
            reasons.push((!o.is_empty(), Finding::new(Code::QualOrganization).arg("value", &o)));
            reasons.push((ogrn_valid(&ogrn), Finding::new(Code::QualOgrn).arg("value", &ogrn)));
            let innle_value = legacy_innle.clone().unwrap_or_else(|| innle.clone());
            reasons.push((
                innle_value.len() == 10 && inn_valid(&innle_value),
                Finding::new(Code::QualInnle).arg("value", &innle_value),
            ));
        }
        SubjectKind::Entrepreneur => {
            reasons.push((ogrnip_valid(&ogrnip), Finding::new(Code::QualOgrnip).arg("value", &ogrnip)));
        }
        SubjectKind::Person | SubjectKind::Unknown => {}
    }
    if !innle.is_empty() && subject_kind != SubjectKind::Representative {
        reasons.push((innle.len() == 10 && inn_valid(&innle), Finding::new(Code::QualInnle).arg("value", &innle)));
    }

    // The owner's ИНН ФЛ: advisory when absent, a defect when written wrong.
    if inn.is_empty() || legacy_innle.is_some() {
        advisories.push((false, Finding::new(Code::QualInn).arg("value", &inn)));
    } else {
        let ok = inn.len() == 12 && inn_valid(&inn);
        reasons.push((ok, Finding::new(Code::QualInn).arg("value", &inn)));
    }
    let kind_ok = input.identification_kind.is_some_and(|k| (0..=3).contains(&k));
    let kind_text = input.identification_kind.map_or_else(|| "—".to_owned(), |k| k.to_string());
    advisories.push((kind_ok, Finding::new(Code::QualIdentificationKind).arg("value", kind_text)));

    let qualified_profile = subject_kind != SubjectKind::Unknown && reasons.iter().all(|(ok, _)| *ok);
    ProfileVerdict { qualified_profile, subject_kind, reasons, advisories, classes: classes_sorted }
}

/// The class of a signature tool policy OID: `"КС1"` for 1.2.643.100.113.1 … `"КА1"` for .6.
pub fn class_name(policy_oid: &str) -> Option<&'static str> {
    match policy_oid.strip_prefix(CLASS_PREFIX)? {
        "1" => Some("КС1"),
        "2" => Some("КС2"),
        "3" => Some("КС3"),
        "4" => Some("КВ1"),
        "5" => Some("КВ2"),
        "6" => Some("КА1"),
        _ => None,
    }
}

fn normalize_usage(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The digits of `s`, when it has exactly `len` ASCII digits and nothing else.
fn digits(s: &str, len: usize) -> Option<Vec<u32>> {
    if s.len() != len {
        return None;
    }
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// A weighted digit sum.
fn weighted(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

/// СНИЛС: 11 digits whose last two are the check number of the first nine (Pension Fund rule:
/// the sum of the digits weighted 9..1; below 100 it is the check number, 100 and 101 give 00,
/// above that the remainder mod 101 (100 again giving 00)). Numbers up to 001-001-998 carry no
/// check number.
pub fn snils_valid(snils: &str) -> bool {
    let Some(d) = digits(snils, 11) else {
        return false;
    };
    let number: u32 = d.iter().take(9).fold(0, |acc, x| acc * 10 + x);
    let check = d.iter().skip(9).fold(0, |acc, x| acc * 10 + x);
    if number <= 1_001_998 {
        return true;
    }
    let sum = weighted(d.get(..9).unwrap_or_default(), &[9, 8, 7, 6, 5, 4, 3, 2, 1]);
    let expected = match sum {
        s if s < 100 => s,
        100 | 101 => 0,
        s => (s % 101) % 100,
    };
    check == expected
}

/// ИНН: 10 digits (an organisation: one check digit) or 12 digits (a person: two check digits),
/// by the Federal Tax Service's weights.
pub fn inn_valid(inn: &str) -> bool {
    let check =
        |d: &[u32], weights: &[u32], at: usize| weighted(d, weights) % 11 % 10 == d.get(at).copied().unwrap_or(99);
    match inn.len() {
        10 => digits(inn, 10).is_some_and(|d| check(&d, &[2, 4, 10, 3, 5, 9, 4, 6, 8], 9)),
        12 => digits(inn, 12).is_some_and(|d| {
            check(&d, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10) && check(&d, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11)
        }),
        _ => false,
    }
}

/// ОГРН: 13 digits; the last is the first twelve, as a number, mod 11, mod 10.
pub fn ogrn_valid(ogrn: &str) -> bool {
    mod_check(ogrn, 13, 11)
}

/// ОГРНИП: 15 digits; the last is the first fourteen, as a number, mod 13, mod 10.
pub fn ogrnip_valid(ogrnip: &str) -> bool {
    mod_check(ogrnip, 15, 13)
}

fn mod_check(s: &str, len: usize, modulus: u64) -> bool {
    let Some(d) = digits(s, len) else {
        return false;
    };
    let Some((last, body)) = d.split_last() else {
        return false;
    };
    let number = body.iter().fold(0u64, |acc, x| acc * 10 + u64::from(*x));
    number % modulus % 10 == u64::from(*last)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        assert!(snils_valid("95987517203"));
        assert!(!snils_valid("95987517204"));
        assert!(snils_valid("00100199800"));
        assert!(!snils_valid("9598751720"));
        assert!(inn_valid("7834566565"));
        assert!(!inn_valid("7834566566"));
        assert!(inn_valid("781382931018"));
        assert!(!inn_valid("781382931019"));
        assert!(ogrn_valid("1057808333252"));
        assert!(!ogrn_valid("1057808333253"));
        assert!(!ogrnip_valid("123"));
        // 30450000000000 mod 13 = 9.
        assert!(ogrnip_valid("304500000000009"));
        assert!(!ogrnip_valid("304500000000000"));
        assert!(!inn_valid("78345665６5"));
    }

    #[test]
    fn classes() {
        assert_eq!(class_name("1.2.643.100.113.1"), Some("КС1"));
        assert_eq!(class_name("1.2.643.100.113.6"), Some("КА1"));
        assert_eq!(class_name("1.2.643.100.113.7"), None);
        assert_eq!(class_name("2.5.29.32.0"), None);
    }
}
