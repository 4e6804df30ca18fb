//! Certificate path building and validation at a given time (RFC 5280 §6, simplified to what
//! qualified-signature checking needs).
//!
//! From the signer's certificate, issuers are looked up among the candidates (the CMS
//! certificates, the caller's CA certificates and the trust list's CA certificates), each link's
//! signature is verified over the TBSCertificate as received, and the search backtracks over
//! several candidates with the same name. It ends at a trust anchor: a certificate of the trust
//! list or one the caller passed. Work is bounded: path length by `Limits::max_intermediates`,
//! signature verifications by `Limits::max_signature_checks`; running out ends the search at
//! once (`LIMIT_BUDGET`). When every candidate failed, the most specific reason is reported, as
//! rustls-webpki's `Error::most_specific` does.

use crate::cms::Certificate;
use crate::crypto::{self, PublicKey};
use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::time::Time;

/// Where a trust anchor came from.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum AnchorSource {
    /// A CA certificate of the trust list of accredited CAs.
    TrustList,
    /// A CA certificate the caller passed (`--ca`).
    Caller,
}

/// A possible issuer: a certificate, and whether it is a trust anchor.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The certificate.
    pub certificate: Certificate,
    /// `Some` when this certificate is trusted as it is.
    pub anchor: Option<AnchorSource>,
}

/// A validated path: the signer's certificate first, the trust anchor last.
#[derive(Clone, Debug)]
pub struct Path {
    /// The certificates, leaf first.
    pub certificates: Vec<Certificate>,
    /// Where the anchor came from.
    pub anchor: AnchorSource,
}

/// What a path search needs.
pub struct Search<'a> {
    /// Finds the certificates that may have issued the given one (same subject name as its
    /// issuer, or a subjectKeyIdentifier equal to its authorityKeyIdentifier).
    pub issuers: &'a dyn Fn(&Certificate) -> Vec<Candidate>,
    /// The time validity is judged at.
    pub at: Time,
    /// Bounds.
    pub limits: &'a Limits,
}

/// Ranks failures: a higher rank is more specific and wins when several candidates failed.
fn rank(code: Code) -> u8 {
    match code {
        Code::LimitBudget => 255,
        Code::ChainSignatureInvalid => 60,
        Code::ChainCertificateExpired | Code::ChainCertificateNotYetValid => 50,
        Code::ChainNotCa | Code::ChainKeyUsage | Code::ChainPathLength => 40,
        Code::ChainTooLong => 30,
        Code::ChainIssuerKeyUnsupported => 20,
        _ => 10,
    }
}

/// Builds and validates a path from `leaf` to a trust anchor.
///
/// The leaf's own validity is judged by the caller (it is reported as `cert_valid_at_signing`);
/// here every issuer must be valid at `search.at`, be a CA (basicConstraints cA, or a trust anchor
/// without basicConstraints: old roots omit it) with keyCertSign when keyUsage is present and no
/// more intermediate CAs below it than its pathLenConstraint allows, and have signed the
/// certificate below it.
///
/// # Errors
/// `CHAIN_NO_ISSUER` when no candidate issuer is known, or the most specific failure of the
/// candidates tried; `LIMIT_BUDGET` when the work bound ran out.
pub fn build(leaf: &Certificate, search: &Search<'_>) -> Result<Path, Finding> {
    let mut pool = u32::from(search.limits.max_signature_checks);
    build_within(leaf, search, &mut pool)
}

/// [`build`] drawing its signature checks from `pool` as well: the search stops at
/// `Limits::max_signature_checks` or when the pool runs dry, whichever comes first, and the
/// checks it did are taken from the pool. Several searches (the signers of one file and their
/// time-stamps) can so share one bound.
///
/// # Errors
/// As [`build`].
pub fn build_within(leaf: &Certificate, search: &Search<'_>, pool: &mut u32) -> Result<Path, Finding> {
    let start = (*pool).min(u32::from(search.limits.max_signature_checks));
    let mut checks_left = start;
    let mut path = vec![leaf.clone()];
    let outcome = extend(&mut path, search, &mut checks_left, 0);
    *pool = pool.saturating_sub(start.saturating_sub(checks_left));
    outcome.map(|anchor| Path { certificates: path, anchor })
}

fn extend(
    path: &mut Vec<Certificate>,
    search: &Search<'_>,
    checks_left: &mut u32,
    depth: u8,
) -> Result<AnchorSource, Finding> {
    let Some(current) = path.last().cloned() else {
        return Err(Finding::new(Code::Internal).arg("detail", "empty path"));
    };
    // A certificate that is itself a trust anchor ends the path (the leaf may be a CA the caller trusts).
    let candidates = (search.issuers)(&current);
    if candidates.is_empty() {
        if current.subject.same_as(&current.issuer) {
            return Err(Finding::new(Code::ChainUntrustedRoot).arg("subject", current.subject.display()));
        }
        return Err(Finding::new(Code::ChainNoIssuer).arg("issuer", current.issuer.display()));
    }
    let mut best: Option<Finding> = None;
    for candidate in candidates {
        let cert = &candidate.certificate;
        // Cycles: a certificate never appears twice in a path.
        if path.iter().any(|c| c.der == cert.der) {
            continue;
        }
        // Intermediate CAs below this candidate (RFC 5280 §4.2.1.9: self-issued ones do not
        // count; the leaf is path[0] and is not an intermediate).
        let below = path.iter().skip(1).filter(|c| !c.subject.same_as(&c.issuer)).count();
        let outcome = check_link(&current, &candidate, below, search, checks_left);
        let outcome: Result<(), Finding> = match outcome {
            Ok(()) => match candidate.anchor {
                Some(source) => {
                    path.push(cert.clone());
                    return Ok(source);
                }
                None if depth >= search.limits.max_intermediates => {
                    Err(Finding::new(Code::ChainTooLong).arg("limit", search.limits.max_intermediates))
                }
                None => {
                    path.push(cert.clone());
                    match extend(path, search, checks_left, depth + 1) {
                        Ok(source) => return Ok(source),
                        Err(finding) => {
                            path.pop();
                            Err(finding)
                        }
                    }
                }
            },
            Err(finding) => Err(finding),
        };
        if let Err(finding) = outcome {
            if finding.code == Code::LimitBudget {
                return Err(finding);
            }
            if best.as_ref().is_none_or(|b| rank(finding.code) > rank(b.code)) {
                best = Some(finding);
            }
        }
    }
    Err(best.unwrap_or_else(|| {
        if current.subject.same_as(&current.issuer) {
            Finding::new(Code::ChainUntrustedRoot).arg("subject", current.subject.display())
        } else {
            Finding::new(Code::ChainNoIssuer).arg("issuer", current.issuer.display())
        }
    }))
}

fn check_link(
    child: &Certificate,
    candidate: &Candidate,
    below: usize,
    search: &Search<'_>,
    checks_left: &mut u32,
) -> Result<(), Finding> {
    let issuer = &candidate.certificate;
    let subject = issuer.subject.display();
    if search.at < issuer.not_before {
        return Err(Finding::new(Code::ChainCertificateNotYetValid)
            .arg("subject", &subject)
            .arg("not_before", issuer.not_before)
            .arg("time", search.at));
    }
    if search.at > issuer.not_after {
        return Err(Finding::new(Code::ChainCertificateExpired)
            .arg("subject", &subject)
            .arg("not_after", issuer.not_after)
            .arg("time", search.at));
    }
    match issuer.basic_constraints {
        Some((true, Some(limit))) if usize::try_from(limit).is_ok_and(|limit| below > limit) => {
            return Err(Finding::new(Code::ChainPathLength)
                .arg("subject", &subject)
                .arg("limit", limit)
                .arg("count", below));
        }
        Some((true, _)) => {}
        None if candidate.anchor.is_some() => {}
        _ => return Err(Finding::new(Code::ChainNotCa).arg("subject", &subject)),
    }
    if issuer.key_usage.as_ref().is_some_and(|usage| !usage.contains(&"keyCertSign")) {
        return Err(Finding::new(Code::ChainKeyUsage).arg("subject", &subject));
    }
    *checks_left = checks_left
        .checked_sub(1)
        .ok_or_else(|| Finding::new(Code::LimitBudget).arg("what", "signature checks while building the chain"))?;
    let key = PublicKey::from_spki_der(&issuer.spki_der)
        .map_err(|e| Finding::new(Code::ChainIssuerKeyUnsupported).arg("subject", &subject).arg("detail", e.code))?;
    crypto::verify_signed(
        &key,
        &child.signature_algorithm.oid,
        child.signature_algorithm.params_der.as_deref(),
        &child.tbs,
        &child.signature,
    )
    .map_err(|_| {
        Finding::new(Code::ChainSignatureInvalid).arg("subject", child.subject.display()).arg("issuer", &subject)
    })
}
