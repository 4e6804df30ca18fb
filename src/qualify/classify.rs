//! УКЭП, УКЭП?, УНЭП or invalid, with reasons (Federal Law 63-ФЗ arts. 5, 11, 16, 18).
//!
//! - invalid: the signature does not verify, the certificate was not valid at the signing time,
//!   the chain is broken, or the certificate was revoked before the signing time (art. 11);
//! - УКЭП: valid, a GOST R 34.10-2012 key (GOST R 34.10-2001 may not create qualified signatures
//!   after 31.12.2018), the qualified certificate profile (FSB order 795), a chain to the trust
//!   list, and the issuing CA accredited at the signing time (art. 16);
//! - УКЭП?: the same without a trust list: everything but the accreditation holds;
//! - УНЭП: valid, but a qualified condition fails.

use crate::cms::Certificate;
use crate::error::{Code, Finding};
use crate::qualify::ProfileVerdict;
use crate::report::Kind;
use crate::time::Time;
use crate::trust::{Authority, CaCertificate, KeyMatch, TrustList};

/// The end of GOST R 34.10-2001 for qualified signatures: 2019-01-01T00:00:00 Moscow time.
pub const GOST2001_END: Time = Time(1_546_290_000);

/// What the trust list says of a certificate's issuer.
#[derive(Clone, Debug)]
pub struct Accreditation {
    /// The issuer's CA was accredited at the time.
    pub accredited: bool,
    /// The reason, held or not.
    pub finding: Finding,
}

/// Looks up the issuer in the trust list by authorityKeyIdentifier, then by name, and judges the
/// accreditation at `at` from the status history.
pub fn accreditation(list: &TrustList, aki: Option<&[u8]>, issuer_der: &[u8], at: Time) -> Accreditation {
    if let Some(hit) = list.accredited_issuer_at(aki, Some(issuer_der), at) {
        return Accreditation {
            accredited: true,
            finding: Finding::new(Code::QualIssuerAccredited)
                .arg("ca", &hit.authority.name)
                .arg("number", hit.authority.registry_number.as_deref().unwrap_or("-"))
                .arg("time", at),
        };
    }
    let listed = aki.and_then(|id| list.find_by_key_id(id).next()).or_else(|| list.find_by_subject(issuer_der).next());
    match listed {
        Some(hit) => Accreditation {
            accredited: false,
            finding: Finding::new(Code::QualIssuerNotAccredited)
                .arg("ca", &hit.authority.name)
                .arg("status", status_at(hit.authority, at))
                .arg("time", at),
        },
        None => Accreditation { accredited: false, finding: Finding::new(Code::QualIssuerNotListed) },
    }
}

/// The accreditation of the CA whose certificate `issuer` issued the signer's certificate, for
/// a chain that verified: the trust list must hold that CA certificate, or another certificate
/// of the same public key, under a key found by `issuer`'s subjectKeyIdentifier or subject
/// Name; a key listed by identifier alone (no certificate to compare) is matched by the
/// subjectKeyIdentifier. Unlike [`accreditation`], this does not take the signer certificate's
/// word (authorityKeyIdentifier, issuer Name) for which CA issued it: a certificate that names
/// an accredited CA but chains to another key (one the caller trusted) is not listed.
pub fn accreditation_of_issuer(list: &TrustList, issuer: &Certificate, at: Time) -> Accreditation {
    let same_key = |listed: &CaCertificate| {
        listed.der == issuer.der || Certificate::from_der(&listed.der).is_ok_and(|c| c.spki_der == issuer.spki_der)
    };
    let by_key = issuer.subject_key_id.as_deref().map(|id| list.find_by_key_id(id)).into_iter().flatten();
    let by_name = list.find_by_subject(&issuer.subject_der);
    let matching: Vec<KeyMatch<'_>> = by_key
        .chain(by_name)
        .filter(|hit| match hit.certificate {
            Some(listed) => same_key(listed),
            None => hit.key.certificates.is_empty() || hit.key.certificates.iter().any(same_key),
        })
        .collect();
    if let Some(hit) = matching.iter().find(|hit| hit.authority.accredited_at(at)) {
        return Accreditation {
            accredited: true,
            finding: Finding::new(Code::QualIssuerAccredited)
                .arg("ca", &hit.authority.name)
                .arg("number", hit.authority.registry_number.as_deref().unwrap_or("-"))
                .arg("time", at),
        };
    }
    match matching.first() {
        Some(hit) => Accreditation {
            accredited: false,
            finding: Finding::new(Code::QualIssuerNotAccredited)
                .arg("ca", &hit.authority.name)
                .arg("status", status_at(hit.authority, at))
                .arg("time", at),
        },
        None => Accreditation { accredited: false, finding: Finding::new(Code::QualIssuerNotListed) },
    }
}

/// The status in force at `at` by the history, as [`Authority::accredited_at`] reads it
/// (not the current status: a CA suspended at the signing time may be active again today);
/// "—" before the first status or after an entry's end.
fn status_at(authority: &Authority, at: Time) -> &str {
    let index = authority.history.partition_point(|p| p.from <= at);
    match index.checked_sub(1).and_then(|i| authority.history.get(i)) {
        Some(period) if period.to.is_none_or(|to| at < to) => period.status.as_str(),
        _ => "—",
    }
}

/// The facts a kind is decided from.
#[derive(Clone, Debug)]
pub struct Facts {
    /// The signature verifies and the message digest matches.
    pub signature_valid: bool,
    /// The certificate was valid at the validity time.
    pub cert_valid: bool,
    /// The chain: valid, broken, or undecided (`None`: no issuer certificate available).
    pub chain_valid: Option<bool>,
    /// Revoked at the validity time (`None`: not checked).
    pub revoked: Option<bool>,
    /// The key algorithm name (`gost2012-256`, ...).
    pub key_algorithm: Option<String>,
    /// The time validity was judged at.
    pub validity_time: Time,
    /// The order 795 profile.
    pub profile: ProfileVerdict,
    /// The trust list's word, when a trust list was given.
    pub accreditation: Option<Accreditation>,
    /// The signer's certificate names itself as its issuer (self-signed): never qualified.
    pub self_issued: bool,
}

/// Decides the kind and lists the reasons (beyond the signature, validity and chain reasons the
/// caller already has).
pub fn classify(facts: &Facts) -> (Kind, Vec<(bool, Finding)>) {
    let mut reasons: Vec<(bool, Finding)> = Vec::new();
    let algorithm = facts.key_algorithm.as_deref().unwrap_or("-");
    let gost2012 = matches!(algorithm, "gost2012-256" | "gost2012-512");
    let gost2001_allowed = algorithm == "gost2001" && facts.validity_time < GOST2001_END;
    let algorithm_ok = gost2012 || gost2001_allowed;
    let algorithm_code = if algorithm_ok {
        Code::QualAlgorithmGost
    } else if algorithm == "gost2001" {
        Code::QualAlgorithmGost2001
    } else {
        Code::QualAlgorithmNotGost
    };
    reasons.push((algorithm_ok, Finding::new(algorithm_code).arg("algorithm", algorithm)));
    reasons.push((
        facts.profile.qualified_profile,
        Finding::new(if facts.profile.qualified_profile { Code::QualProfile } else { Code::QualNoProfile }),
    ));
    reasons.extend(facts.profile.reasons.iter().filter(|(ok, _)| !ok).cloned());
    match &facts.accreditation {
        Some(a) => reasons.push((a.accredited, a.finding.clone())),
        None => reasons.push((false, Finding::new(Code::QualNoTrustList))),
    }

    let broken =
        !facts.signature_valid || !facts.cert_valid || facts.chain_valid == Some(false) || facts.revoked == Some(true);
    if facts.self_issued {
        reasons.push((false, Finding::new(Code::QualSelfSigned)));
    }
    let qualified_form = algorithm_ok && facts.profile.qualified_profile && !facts.self_issued;
    let kind = if broken {
        Kind::Invalid
    } else if !qualified_form {
        Kind::Unqualified
    } else {
        match &facts.accreditation {
            None => Kind::QualifiedUnconfirmed,
            Some(a) if a.accredited && facts.chain_valid == Some(true) => Kind::Qualified,
            Some(a) if a.accredited => {
                reasons.push((false, Finding::new(Code::QualChainUnverified)));
                Kind::Unqualified
            }
            Some(_) => Kind::Unqualified,
        }
    };
    (kind, reasons)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qualify::SubjectKind;

    fn facts() -> Facts {
        Facts {
            signature_valid: true,
            cert_valid: true,
            chain_valid: Some(true),
            revoked: None,
            key_algorithm: Some("gost2012-256".into()),
            validity_time: Time(1_790_000_000),
            profile: ProfileVerdict {
                qualified_profile: true,
                subject_kind: SubjectKind::Person,
                reasons: Vec::new(),
                advisories: Vec::new(),
                classes: vec!["КС1"],
            },
            accreditation: Some(Accreditation { accredited: true, finding: Finding::new(Code::QualIssuerAccredited) }),
            self_issued: false,
        }
    }

    #[test]
    fn qualified_needs_everything() {
        assert_eq!(classify(&facts()).0, Kind::Qualified);
        let mut f = facts();
        f.accreditation = None;
        assert_eq!(classify(&f).0, Kind::QualifiedUnconfirmed);
        let mut f = facts();
        f.key_algorithm = Some("rsa".into());
        assert_eq!(classify(&f).0, Kind::Unqualified);
        let mut f = facts();
        f.profile.qualified_profile = false;
        assert_eq!(classify(&f).0, Kind::Unqualified);
        let mut f = facts();
        f.chain_valid = None;
        assert_eq!(classify(&f).0, Kind::Unqualified);
    }

    #[test]
    fn a_self_signed_certificate_is_never_qualified() {
        let mut f = facts();
        f.self_issued = true;
        f.accreditation = None;
        assert_eq!(classify(&f).0, Kind::Unqualified);
    }

    #[test]
    fn broken_is_invalid() {
        for change in [
            |f: &mut Facts| f.signature_valid = false,
            |f: &mut Facts| f.cert_valid = false,
            |f: &mut Facts| f.chain_valid = Some(false),
            |f: &mut Facts| f.revoked = Some(true),
        ] {
            let mut f = facts();
            change(&mut f);
            assert_eq!(classify(&f).0, Kind::Invalid);
        }
    }

    #[test]
    fn status_at_reads_the_history() {
        use crate::trust::{AccreditationStatus, StatusPeriod};
        let period = |status, from, to| StatusPeriod { status, from: Time(from), to };
        let authority = Authority {
            name: "УЦ".into(),
            short_name: None,
            inn: None,
            ogrn: None,
            registry_number: None,
            status: AccreditationStatus::Active,
            status_since: Some(Time(300)),
            history: vec![
                period(AccreditationStatus::Active, 100, None),
                period(AccreditationStatus::Suspended, 200, None),
                period(AccreditationStatus::Active, 300, Some(Time(400))),
            ],
            keys: Vec::new(),
        };
        let at = |t| status_at(&authority, Time(t));
        assert_eq!(
            [at(99), at(100), at(199), at(200), at(299), at(300), at(399), at(400)],
            ["—", "Действует", "Действует", "Приостановлена", "Приостановлена", "Действует", "Действует", "—"]
        );
        for t in [99, 100, 200, 300, 400] {
            assert_eq!(authority.accredited_at(Time(t)), at(t) == "Действует", "{t}");
        }
    }

    #[test]
    fn gost2001_was_qualified_until_2019() {
        let mut f = facts();
        f.key_algorithm = Some("gost2001".into());
        assert_eq!(classify(&f).0, Kind::Unqualified);
        f.validity_time = Time(1_500_000_000);
        assert_eq!(classify(&f).0, Kind::Qualified);
    }
}
