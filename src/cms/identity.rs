//! Who signed: the subject's identifiers as FSB order 795 §18 puts them in a qualified
//! certificate (СНИЛС, ИНН, ИНН ЮЛ, ОГРН, ОГРНИП, name, organisation, title, address), with
//! their check digits verified.
//!
//! Real-file quirk: before 2021 (FSB order 795 as amended by order 138 of 2020 introduced
//! ИНН ЮЛ 1.2.643.100.4) an organisation's 10-digit ИНН was written under the person's ИНН OID
//! 1.2.643.3.131.1.1 as 12 digits with two leading zeros, and certificates of the transition
//! carry both. When ИНН is `00` + 10 digits, [`Identity::inn`] is `None` (no person's ИНН begins
//! with 00) and [`Identity::innle`] takes the 10 digits unless ИНН ЮЛ is written;
//! [`Identity::inn_raw`] keeps what was written.

use crate::cms::certificate::Name;
use crate::cms::oid;

/// The subject of a certificate as a person or organisation.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Identity {
    /// CN.
    pub subject_cn: Option<String>,
    /// SN (2.5.4.4), the surname.
    pub surname: Option<String>,
    /// GN (2.5.4.42), given name and patronymic.
    pub given_name: Option<String>,
    /// ИНН of a person (12 digits), after the quirk above.
    pub inn: Option<String>,
    /// The value under 1.2.643.3.131.1.1 as written.
    pub inn_raw: Option<String>,
    /// ИНН ЮЛ (10 digits): 1.2.643.100.4, or the quirk above.
    pub innle: Option<String>,
    /// СНИЛС (11 digits).
    pub snils: Option<String>,
    /// ОГРН (13 digits).
    pub ogrn: Option<String>,
    /// ОГРНИП (15 digits).
    pub ogrnip: Option<String>,
    /// O.
    pub organization: Option<String>,
    /// OU.
    pub organizational_unit: Option<String>,
    /// T (title).
    pub title: Option<String>,
    /// STREET (2.5.4.9).
    pub street: Option<String>,
    /// L.
    pub locality: Option<String>,
    /// ST (the region, «S» in Russian tools).
    pub state: Option<String>,
    /// C.
    pub country: Option<String>,
    /// E (emailAddress).
    pub email: Option<String>,
    /// The check digits of `inn` hold (`None` when absent).
    pub inn_valid: Option<bool>,
    /// The check digit of `innle` holds.
    pub innle_valid: Option<bool>,
    /// The check number of `snils` holds.
    pub snils_valid: Option<bool>,
    /// The check digit of `ogrn` holds.
    pub ogrn_valid: Option<bool>,
    /// The check digit of `ogrnip` holds.
    pub ogrnip_valid: Option<bool>,
}

impl Identity {
    /// Reads the identifiers from a subject name (the first value of each type).
    pub fn from_name(name: &Name) -> Identity {
        let get = |o| name.get(&o).map(|v| v.trim().to_owned());
        let inn_raw = get(oid::AT_INN);
        let mut innle = get(oid::AT_INNLE);
        let mut inn = inn_raw.clone();
        if let Some(ten) = inn_raw.as_deref().and_then(|v| v.strip_prefix("00")) {
            // A person's ИНН begins with a tax-office region code, 01 and up: `00` + 10 digits is
            // always an organisation's. Certificates of the transition carry it next to ИНН ЮЛ.
            if ten.len() == 10 && all_digits(ten) {
                innle = innle.or_else(|| Some(ten.to_owned()));
                inn = None;
            }
        }
        let snils = get(oid::AT_SNILS);
        let ogrn = get(oid::AT_OGRN);
        let ogrnip = get(oid::AT_OGRNIP);
        Identity {
            subject_cn: get(oid::AT_COMMON_NAME),
            surname: get(oid::AT_SURNAME),
            given_name: get(oid::AT_GIVEN_NAME),
            inn_valid: inn.as_deref().map(valid_inn),
            innle_valid: innle.as_deref().map(|v| v.len() == 10 && valid_inn(v)),
            snils_valid: snils.as_deref().map(valid_snils),
            ogrn_valid: ogrn.as_deref().map(|v| v.len() == 13 && valid_ogrn(v)),
            ogrnip_valid: ogrnip.as_deref().map(valid_ogrnip),
            inn,
            inn_raw,
            innle,
            snils,
            ogrn,
            ogrnip,
            organization: get(oid::AT_ORGANIZATION),
            organizational_unit: get(oid::AT_ORGANIZATIONAL_UNIT),
            title: get(oid::AT_TITLE),
            street: get(oid::AT_STREET),
            locality: get(oid::AT_LOCALITY),
            state: get(oid::AT_STATE),
            country: get(oid::AT_COUNTRY),
            email: get(oid::AT_EMAIL),
        }
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn digits(s: &str) -> Option<Vec<u32>> {
    all_digits(s).then(|| s.bytes().map(|b| u32::from(b - b'0')).collect())
}

/// Σ dᵢ·wᵢ mod 11 mod 10 over the leading digits.
fn inn_check(d: &[u32], weights: &[u32]) -> Option<u32> {
    if d.len() < weights.len() {
        return None;
    }
    Some(d.iter().zip(weights).map(|(a, b)| a * b).sum::<u32>() % 11 % 10)
}

/// ИНН check digits (Order of the Federal Tax Service ММВ-7-6/435@ annex; 10 digits for an
/// organisation, 12 for a person).
pub fn valid_inn(inn: &str) -> bool {
    let Some(d) = digits(inn) else {
        return false;
    };
    match d.len() {
        10 => inn_check(&d, &[2, 4, 10, 3, 5, 9, 4, 6, 8]) == d.get(9).copied(),
        12 => {
            inn_check(&d, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d.get(10).copied()
                && inn_check(&d, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d.get(11).copied()
        }
        _ => false,
    }
}

/// СНИЛС check number (Pension Fund rules): Σ dᵢ·(9−i) over the first nine digits; below 100
/// it is the check number, 100 and 101 give 00, above that the sum mod 101 (100 → 00). Numbers
/// up to 001-001-998 have no check number.
pub fn valid_snils(snils: &str) -> bool {
    let cleaned: String = snils.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    let Some(d) = digits(&cleaned) else {
        return false;
    };
    if d.len() != 11 {
        return false;
    }
    let number = d.iter().take(9).fold(0u32, |acc, x| acc * 10 + x);
    let check = d.get(9).copied().unwrap_or(0) * 10 + d.get(10).copied().unwrap_or(0);
    if number <= 1_001_998 {
        return true;
    }
    let sum: u32 = d.iter().take(9).zip((1..=9).rev()).map(|(a, w)| a * w).sum();
    let expected = match sum {
        0..=99 => sum,
        100 | 101 => 0,
        _ => {
            let m = sum % 101;
            if m == 100 {
                0
            } else {
                m
            }
        }
    };
    expected == check
}

/// ОГРН (13 digits: the first 12 mod 11, mod 10) or ОГРНИП (15 digits: the first 14 mod 13,
/// mod 10) check digit (Order of the Federal Tax Service on the registers).
pub fn valid_ogrn(ogrn: &str) -> bool {
    let Some(d) = digits(ogrn) else {
        return false;
    };
    let (modulus, body) = match d.len() {
        13 => (11u64, 12),
        15 => (13u64, 14),
        _ => return false,
    };
    let number = d.iter().take(body).fold(0u64, |acc, x| acc * 10 + u64::from(*x));
    u32::try_from(number % modulus % 10).ok() == d.get(body).copied()
}

/// ОГРНИП (15 digits) check digit.
pub fn valid_ogrnip(ogrnip: &str) -> bool {
    ogrnip.len() == 15 && valid_ogrn(ogrnip)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::cms::certificate::NameAttribute;

    #[test]
    fn check_digits() {
        // From the fixtures' README: every number there has valid check digits.
        for inn in ["781382931018", "784238585434", "7812197875", "7834566565", "780159613593"] {
            assert!(valid_inn(inn), "{inn}");
        }
        assert!(!valid_inn("781382931019"));
        assert!(!valid_inn("7812197876"));
        assert!(!valid_inn("78121978"));
        for snils in ["95987517203", "95640927647", "49364902629", "112-233-445 95"] {
            assert!(valid_snils(snils), "{snils}");
        }
        assert!(!valid_snils("95987517204"));
        assert!(valid_ogrn("1167811239860"));
        assert!(valid_ogrn("1057808333252"));
        assert!(!valid_ogrn("1167811239861"));
        assert!(valid_ogrnip("304500116000157"));
        assert!(!valid_ogrnip("304500116000158"));
        assert!(!valid_ogrnip("1167811239860"));
    }

    fn name(pairs: &[(const_oid::ObjectIdentifier, &str)]) -> Name {
        Name {
            rdns: pairs.iter().map(|(o, v)| vec![NameAttribute { oid: *o, value: (*v).to_owned(), tag: 18 }]).collect(),
        }
    }

    #[test]
    fn old_organisation_inn() {
        let id = Identity::from_name(&name(&[(oid::AT_INN, "007812197875"), (oid::AT_OGRN, "1167811239860")]));
        assert_eq!(id.inn, None);
        assert_eq!(id.inn_raw.as_deref(), Some("007812197875"));
        assert_eq!(id.innle.as_deref(), Some("7812197875"));
        assert_eq!(id.innle_valid, Some(true));
        assert_eq!(id.ogrn_valid, Some(true));
        // Next to ИНН ЮЛ (certificates of 2020-2021 carry both), `00` + 10 digits is still no
        // person's ИНН; ИНН ЮЛ wins.
        let id = Identity::from_name(&name(&[(oid::AT_INN, "007812197875"), (oid::AT_INNLE, "7812197875")]));
        assert_eq!((id.inn, id.innle.as_deref()), (None, Some("7812197875")));
        let id = Identity::from_name(&name(&[(oid::AT_INN, "007812197875"), (oid::AT_INNLE, "7834566565")]));
        assert_eq!(id.inn, None);
        assert_eq!(id.inn_raw.as_deref(), Some("007812197875"));
        assert_eq!(id.innle.as_deref(), Some("7834566565"));
        // A representative's own 12-digit ИНН next to ИНН ЮЛ stays the person's.
        let id = Identity::from_name(&name(&[(oid::AT_INN, "784238585434"), (oid::AT_INNLE, "7812197875")]));
        assert_eq!((id.inn.as_deref(), id.innle.as_deref()), (Some("784238585434"), Some("7812197875")));
    }
}
