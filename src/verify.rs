//! One signature file against the document: parse, identify each signer, check the message
//! digest, the signature value, the certificate's validity at the signing time, the chain, the
//! CRLs, then classify (УКЭП / УКЭП? / УНЭП / invalid) with reasons.

use std::collections::BTreeMap;

use const_oid::ObjectIdentifier;

use crate::check::SignatureFile;
use crate::cms::{self, Certificate, ParsedSignature, SignerInfo, TimeStamp};
use crate::crypto::{self, DigestAlgorithm, PublicKey};
use crate::error::{Code, Finding};
use crate::limits::Limits;
use crate::qualify::classify::{self, Facts};
use crate::report::{CertificateSummary, Kind, SignatureReport, SignerDetails, SignerReport};
use crate::time::Time;
use crate::trust::path::{self, AnchorSource, Candidate, Search};
use crate::trust::{Crl, RevokedEntry, TrustList};

/// What every signature of one check shares.
pub(crate) struct Context<'a> {
    /// The document's bytes.
    pub document: &'a [u8],
    /// The document's size: more than `document.len()` when the streaming API kept none of an
    /// oversize document (then no attached content can equal it).
    pub document_size: u64,
    /// The time to check at.
    pub at: Time,
    /// The trust list, when given.
    pub trust_list: Option<&'a TrustList>,
    /// CA certificates the caller trusts.
    pub ca_certificates: &'a [Certificate],
    /// CRLs the caller passed.
    pub crls: &'a [Crl],
    /// Bounds.
    pub limits: &'a Limits,
}

/// Document digests computed once per algorithm, shared by every signer and file.
#[derive(Default)]
pub(crate) struct Digests {
    done: BTreeMap<&'static str, Vec<u8>>,
    /// The document's bytes are not all there (image data left out, `stream.rs`): a digest of it
    /// not recorded cannot be computed.
    absent: bool,
}

impl Digests {
    /// Records the document's digest by `algorithm`, computed elsewhere (the streaming API hashes
    /// while the document arrives).
    pub(crate) fn insert(&mut self, algorithm: DigestAlgorithm, digest: Vec<u8>) {
        self.done.insert(algorithm.name(), digest);
    }

    /// Marks the document's bytes as incomplete: digests not recorded are not computed.
    pub(crate) fn document_absent(&mut self) {
        self.absent = true;
    }

    fn of(&mut self, algorithm: DigestAlgorithm, data: &[u8], is_document: bool) -> Option<Vec<u8>> {
        if !is_document {
            return Some(algorithm.digest(data));
        }
        if self.absent {
            return self.done.get(algorithm.name()).cloned();
        }
        Some(self.done.entry(algorithm.name()).or_insert_with(|| algorithm.digest(data)).clone())
    }
}

/// The chain searches of one signature file (its signers' and their time-stamps') share this
/// many signature checks: four searches' worth of `Limits::max_signature_checks`. A real file
/// needs a few; a file of 64 signers each with hundreds of decoy issuers would otherwise cost
/// 64 full searches. When the pool runs dry, the remaining searches end with `LIMIT_BUDGET`
/// (undecided).
fn checks_per_file(limits: &Limits) -> u32 {
    u32::from(limits.max_signature_checks).saturating_mul(4)
}

/// Checks one signature file.
pub(crate) fn check_file(file: &SignatureFile<'_>, context: &Context<'_>, digests: &mut Digests) -> SignatureReport {
    let size = u64::try_from(file.bytes.len()).unwrap_or(u64::MAX);
    let mut report = SignatureReport {
        file: file.name.to_owned(),
        size,
        encoding: None,
        parse: "error".to_owned(),
        error: None,
        content_attached: false,
        content_matches: None,
        signers: Vec::new(),
        findings: Vec::new(),
        kind: Kind::Invalid,
    };
    let parsed = match cms::parse(file.bytes, context.limits) {
        Ok(parsed) => parsed,
        Err(finding) => {
            report.encoding = cms::sniff(file.bytes).map(|e| e.name().to_owned());
            let finding = match finding.code {
                Code::InputEmpty | Code::InputTooLarge if finding.get("file").is_none() => {
                    finding.arg("file", file.name)
                }
                _ => finding,
            };
            report.error = Some(finding.to_message());
            return report;
        }
    };
    report.encoding = Some(parsed.encoding.name().to_owned());
    report.parse = "ok".to_owned();
    report.findings = parsed.findings.iter().map(Finding::to_message).collect();
    // An empty eContent (an empty OCTET STRING, or PKCS #7's `[0] { NULL }` that some tools
    // write into detached signatures) carries nothing: the signature is over the document.
    let attached = parsed.content.as_ref().filter(|c| !c.is_empty());
    let content: &[u8] = match attached {
        Some(content) => {
            report.content_attached = true;
            let same_size = u64::try_from(content.len()).is_ok_and(|len| len == context.document_size);
            report.content_matches = Some(same_size && content.as_slice() == context.document);
            content
        }
        None => context.document,
    };
    let is_document = attached.is_none() || report.content_matches == Some(true);
    let mut pool = checks_per_file(context.limits);
    for signer in &parsed.signers {
        crate::progress::tick();
        report.signers.push(check_signer(signer, &parsed, content, is_document, context, digests, &mut pool));
    }
    if report.content_matches == Some(false) {
        // The signers signed other content: for this document none of them is a signature.
        let mismatch = Finding::new(Code::SigContentMismatch).to_message();
        for signer in &mut report.signers {
            signer.kind = Some(Kind::Invalid);
            signer.signature_valid = false;
            signer.reasons.insert(0, crate::report::Reason { ok: false, message: mismatch.clone() });
        }
        report.error = Some(mismatch);
    }
    report.kind = report.signers.iter().filter_map(|s| s.kind).min().unwrap_or(Kind::Invalid);
    report
}

fn check_signer(
    signer: &SignerInfo,
    parsed: &ParsedSignature,
    content: &[u8],
    is_document: bool,
    context: &Context<'_>,
    digests: &mut Digests,
    pool: &mut u32,
) -> SignerReport {
    let mut report = SignerReport::default();
    let mut details = SignerDetails {
        signer_id: Some(signer.signer_id_kind().to_owned()),
        signature_algorithm_oid: Some(signer.signature_algorithm.oid.to_string()),
        digest_algorithm_oid: Some(signer.digest_algorithm.oid.to_string()),
        ..SignerDetails::default()
    };
    let mut findings: Vec<Finding> = signer.findings.clone();
    let mut reasons: Vec<(bool, Finding)> = Vec::new();

    let digest = DigestAlgorithm::from_oid(&signer.digest_algorithm.oid);
    report.digest_algorithm = digest.map(|d| d.name().to_owned());
    if let Some(attrs) = &signer.signed_attrs {
        details.signing_time = attrs.signing_time;
        details.signed_attributes = attrs.labels();
    }
    details.unsigned_attributes = signer.unsigned_attrs.iter().map(|a| a.label()).collect();
    if let Some(stamp) = signer.timestamps.first() {
        details.timestamp = Some(stamp.gen_time);
        details.timestamp_authority = tsa_label(stamp);
    }

    // The signer's certificate: in the CMS, else among the caller's certificates.
    let certificate = signer.certificate(&parsed.certificates).or_else(|| signer.certificate(context.ca_certificates));
    let Some(certificate) = certificate else {
        reasons.push((false, Finding::new(Code::SigNoCertificate)));
        report.signature_valid = false;
        report.kind = Some(Kind::Invalid);
        finish(&mut report, details, findings, reasons);
        return report;
    };
    findings.extend(certificate.findings());
    let identity = cms::Identity::from_name(&certificate.subject);
    report.subject_cn = identity.subject_cn.clone();
    report.surname = identity.surname.clone();
    report.given_name = identity.given_name.clone();
    report.inn = identity.inn.clone();
    report.innle = identity.innle.clone();
    report.snils = identity.snils.clone();
    report.ogrn = identity.ogrn.clone().or_else(|| identity.ogrnip.clone());
    report.organization = identity.organization.clone();
    report.title = identity.title.clone();
    report.serial_hex = Some(certificate.serial_hex());
    report.issuer_cn = certificate.issuer.common_name().map(str::to_owned);
    details.certificate = Some(summary(certificate));

    // The key.
    let key = match PublicKey::from_spki_der(&certificate.spki_der) {
        Ok(key) => Some(key),
        Err(finding) => {
            findings.push(finding);
            None
        }
    };
    report.key_algorithm = key
        .as_ref()
        .map(|k| k.algorithm_name().to_owned())
        .or_else(|| certificate.key_algorithm_name().map(str::to_owned));
    details.key_parameters_oid = key.as_ref().and_then(PublicKey::parameters_oid);
    details.key_parameters = key.as_ref().and_then(|k| k.parameters_name()).map(str::to_owned);

    // Step 1: the message digest and the signature value.
    let (digest_matches, verifies) = match (digest, &key) {
        (Some(digest), Some(key)) => 'step: {
            let Some(content_digest) = digests.of(digest, content, is_document) else {
                findings.push(Finding::new(Code::DocumentNeededWhole));
                break 'step (None, None);
            };
            let (digest_matches, prehash) = match &signer.signed_attrs {
                Some(attrs) => {
                    let matches = attrs.message_digest.as_deref() == Some(content_digest.as_slice());
                    (Some(matches), digest.digest(&attrs.to_be_signed()))
                }
                None => (None, content_digest),
            };
            let verified = crypto::verify_prehash(
                key,
                &signer.signature_algorithm.oid,
                signer.signature_algorithm.params_der.as_deref(),
                digest,
                &prehash,
                &signer.signature,
            );
            if let Err(finding) = &verified {
                if finding.code != Code::SigInvalid {
                    findings.push(finding.clone());
                }
            }
            (digest_matches, Some(verified.is_ok()))
        }
        (None, _) => {
            findings
                .push(Finding::new(Code::SigUnsupportedAlgorithm).arg("oid", signer.digest_algorithm.oid.to_string()));
            (None, None)
        }
        (_, None) => (None, None),
    };
    details.digest_matches = digest_matches;
    details.signature_verifies = verifies;
    let ess = signer.signing_certificate_matches_with(certificate, &ess_digest);
    details.signing_certificate_matches = ess;
    let signature_valid = verifies == Some(true) && digest_matches != Some(false) && ess != Some(false);
    report.signature_valid = signature_valid;
    if signature_valid {
        reasons.push((true, Finding::new(Code::SigVerified)));
    } else if digest_matches == Some(false) {
        reasons.push((false, Finding::new(Code::SigDigestMismatch)));
    } else if ess == Some(false) {
        reasons.push((false, Finding::new(Code::SigSigningCertificateMismatch)));
    } else {
        reasons.push((false, Finding::new(Code::SigInvalid)));
    }

    // Step 2: the time validity is judged at, and the certificate's validity then. A
    // time-stamp counts only when it verifies.
    let (stamp, stamp_failures) = verified_timestamp(signer, &parsed.certificates, context, pool);
    if let Some(stamp) = stamp {
        details.timestamp = Some(stamp.gen_time);
        details.timestamp_authority = tsa_label(stamp);
        reasons.push((
            true,
            Finding::new(Code::SigTimestampVerified)
                .arg("time", stamp.gen_time)
                .arg("tsa", details.timestamp_authority.as_deref().unwrap_or("—")),
        ));
    }
    let (mut validity_time, mut source) = match (details.signing_time, stamp.map(|s| s.gen_time)) {
        (Some(t), _) => (t, "signing_time"),
        (None, Some(t)) => (t, "timestamp"),
        (None, None) => (context.at, "check_time"),
    };
    if validity_time > context.at {
        // A signing time after the check cannot be true (a certificate not valid yet would pass
        // at its claimed time): judge at the check time.
        reasons.push((
            false,
            Finding::new(Code::SigSigningTimeAfterCheck).arg("signing_time", validity_time).arg("time", context.at),
        ));
        (validity_time, source) = (context.at, "check_time");
    }
    details.validity_time = Some(validity_time);
    details.validity_time_source = Some(source.to_owned());
    let valid_then = certificate.not_before <= validity_time && validity_time <= certificate.not_after;
    report.cert_valid_at_signing = (source != "check_time").then_some(valid_then);
    let validity_code = match (valid_then, source == "check_time", validity_time < certificate.not_before) {
        (true, false, _) => Code::CertValidAtSigning,
        (true, true, _) => Code::CertValidAtCheckTime,
        (false, _, true) => Code::CertNotYetValid,
        (false, _, false) => Code::CertExpired,
    };
    reasons.push((
        valid_then,
        Finding::new(validity_code)
            .arg("time", validity_time)
            .arg("not_before", certificate.not_before)
            .arg("not_after", certificate.not_after),
    ));
    reasons.extend(stamp_failures.into_iter().map(|f| (false, f)));

    // Step 3: the chain to a trusted CA, at the same time.
    let (chain_valid, chain_issuer) =
        chain(certificate, parsed, validity_time, context, pool, &mut details, &mut reasons);
    details.chain_valid = chain_valid;

    // Step 4: revocation, from the CRLs the caller passed.
    let revoked = revocation(
        certificate,
        chain_issuer.as_ref(),
        validity_time,
        context,
        &mut details,
        (&mut reasons, &mut findings),
    );

    // Step 5: the qualified profile and the issuer's accreditation.
    let verdict = crate::qualify::check_profile(&crate::qualify::ProfileInput {
        subject_attrs: &certificate
            .subject
            .attributes()
            .map(|a| (a.oid.to_string(), a.value.clone()))
            .collect::<Vec<_>>(),
        has_subject_sign_tool: certificate.subject_sign_tool.is_some(),
        issuer_sign_tool_count: certificate.issuer_sign_tool.as_ref().map_or(0, Vec::len),
        policy_oids: &certificate.certificate_policies.iter().map(ObjectIdentifier::to_string).collect::<Vec<_>>(),
        key_usage: &certificate.key_usage.iter().flatten().map(|u| (*u).to_owned()).collect::<Vec<_>>(),
        identification_kind: certificate.identification_kind,
    });
    report.qualified_profile = verdict.qualified_profile;
    // With a verified chain, the CA certificate that issued the signer's decides; without one,
    // what the signer's certificate says of its issuer (it cannot be УКЭП then anyway).
    let accreditation = context.trust_list.map(|list| match &chain_issuer {
        Some(issuer) => classify::accreditation_of_issuer(list, issuer, validity_time),
        None => {
            let aki = certificate.authority_key_id.as_ref().and_then(|a| a.key_id.as_deref());
            classify::accreditation(list, aki, &certificate.issuer_der, validity_time)
        }
    });
    report.issuer_accredited = accreditation.as_ref().map(|a| a.accredited);

    let facts = Facts {
        signature_valid,
        cert_valid: valid_then,
        chain_valid,
        revoked,
        key_algorithm: report.key_algorithm.clone(),
        validity_time,
        profile: verdict,
        accreditation,
        self_issued: certificate.subject.same_as(&certificate.issuer),
    };
    let (kind, more) = classify::classify(&facts);
    reasons.extend(more);
    report.kind = Some(kind);
    finish(&mut report, details, findings, reasons);
    report
}

fn finish(
    report: &mut SignerReport,
    mut details: SignerDetails,
    findings: Vec<Finding>,
    reasons: Vec<(bool, Finding)>,
) {
    details.findings = findings.iter().map(Finding::to_message).collect();
    report.details = details;
    report.reasons =
        reasons.into_iter().map(|(ok, finding)| crate::report::Reason { ok, message: finding.to_message() }).collect();
}

/// Hashes for the ESS signingCertificate(V2) check: SHA and GOST digests by OID.
fn ess_digest(oid: &ObjectIdentifier, data: &[u8]) -> Option<Vec<u8>> {
    DigestAlgorithm::from_oid(oid).map(|d| d.digest(data))
}

/// Builds the chain; returns (chain_valid, the issuer's certificate when the chain verified).
fn chain(
    certificate: &Certificate,
    parsed: &ParsedSignature,
    at: Time,
    context: &Context<'_>,
    pool: &mut u32,
    details: &mut SignerDetails,
    reasons: &mut Vec<(bool, Finding)>,
) -> (Option<bool>, Option<Certificate>) {
    match build_path(certificate, parsed, at, context, pool) {
        Ok(found) => {
            details.chain = found.certificates.iter().map(summary).collect();
            let anchor = found
                .certificates
                .last()
                .map(|c| c.subject.common_name().map_or_else(|| c.subject.display(), str::to_owned))
                .unwrap_or_default();
            let source = match found.anchor {
                AnchorSource::TrustList => "trust-list",
                AnchorSource::Caller => "caller",
            };
            reasons.push((true, Finding::new(Code::ChainValid).arg("anchor", anchor).arg("source", source)));
            // The issuer; a certificate that is its own anchor stands for itself.
            let issuer = found.certificates.get(1).or(found.certificates.first()).cloned();
            // An intermediate CA certificate revoked at `at` by a CRL of its own issuer breaks
            // the chain (the signer's certificate is checked by `revocation`).
            let links = found.certificates.iter().skip(1).zip(found.certificates.iter().skip(2));
            for (ca, ca_issuer) in links {
                if let Some(entry) = revoked_by_crl(ca, ca_issuer, at, context) {
                    reasons.push((
                        false,
                        Finding::new(Code::ChainRevoked)
                            .arg("serial", ca.serial_hex())
                            .arg("date", entry.invalid_from()),
                    ));
                    return (Some(false), issuer);
                }
            }
            (Some(true), issuer)
        }
        Err(finding) => {
            // No trusted issuer found, or a bound ran out: undecided, not broken.
            let undecided = matches!(
                finding.code,
                Code::ChainNoIssuer | Code::ChainUntrustedRoot | Code::ChainTooLong | Code::LimitBudget
            );
            reasons.push((false, finding));
            (if undecided { None } else { Some(false) }, None)
        }
    }
}

/// The path from `certificate` to a trust anchor at `at`, through the certificates of `parsed`
/// (the signature, or a time-stamp token) and the caller's and the trust list's CAs. When no
/// path is found but the certificate is itself trusted (a self-signed certificate the caller
/// gave), it is a path of one. The search comes first: a signer's certificate passed by the
/// caller because the signature lacks it must still reach its CA, whose accreditation counts.
fn build_path(
    certificate: &Certificate,
    parsed: &ParsedSignature,
    at: Time,
    context: &Context<'_>,
    pool: &mut u32,
) -> Result<path::Path, Finding> {
    let issuers = |child: &Certificate| -> Vec<Candidate> { candidates(child, parsed, context) };
    let search = Search { issuers: &issuers, at, limits: context.limits };
    match path::build_within(certificate, &search, pool) {
        Err(finding) if finding.code != Code::LimitBudget => match anchor_source(certificate, context) {
            Some(anchor) => Ok(path::Path { certificates: vec![certificate.clone()], anchor }),
            None => Err(finding),
        },
        outcome => outcome,
    }
}

/// Where `certificate` is trusted as it is: one of the caller's CA certificates, or a trust-list
/// certificate, byte for byte.
fn anchor_source(certificate: &Certificate, context: &Context<'_>) -> Option<AnchorSource> {
    if context.ca_certificates.iter().any(|c| c.der == certificate.der) {
        return Some(AnchorSource::Caller);
    }
    context.trust_list.and_then(|list| list.find_by_certificate_der(&certificate.der)).map(|_| AnchorSource::TrustList)
}

/// Possible issuers of `child`: trust-list CA certificates and the caller's CAs (anchors), and the
/// CMS's certificates (intermediates), by subject name or key identifier. Those whose
/// subjectKeyIdentifier is `child`'s authorityKeyIdentifier come first and those with another
/// key identifier last, so that many certificates under one name (a CA's renewed keys, or
/// decoys) cost few signature checks.
fn candidates(child: &Certificate, parsed: &ParsedSignature, context: &Context<'_>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let aki = child.authority_key_id.as_ref().and_then(|a| a.key_id.as_deref());
    let names_issuer =
        |c: &Certificate| c.subject.same_as(&child.issuer) || (aki.is_some() && c.subject_key_id.as_deref() == aki);
    if let Some(list) = context.trust_list {
        let by_key = aki.map(|id| list.find_by_key_id(id)).into_iter().flatten();
        let by_name = list.find_by_subject(&child.issuer_der);
        for hit in by_key.chain(by_name) {
            let certificates = match hit.certificate {
                Some(c) => vec![c],
                None => hit.key.certificates.iter().collect(),
            };
            for ca in certificates {
                if out.iter().any(|c| c.certificate.der == ca.der) {
                    continue;
                }
                if let Ok(certificate) = Certificate::from_der(&ca.der) {
                    if names_issuer(&certificate) {
                        out.push(Candidate { certificate, anchor: Some(AnchorSource::TrustList) });
                    }
                }
            }
        }
    }
    for ca in context.ca_certificates.iter().filter(|c| names_issuer(c)) {
        if !out.iter().any(|c| c.certificate.der == ca.der) {
            out.push(Candidate { certificate: ca.clone(), anchor: Some(AnchorSource::Caller) });
        }
    }
    for ca in parsed.certificates.iter().filter(|c| names_issuer(c) && c.der != child.der) {
        if !out.iter().any(|c| c.certificate.der == ca.der) {
            out.push(Candidate { certificate: ca.clone(), anchor: None });
        }
    }
    if let Some(aki) = aki {
        out.sort_by_key(|c| match c.certificate.subject_key_id.as_deref() {
            Some(ski) if ski == aki => 0u8,
            None => 1,
            Some(_) => 2,
        });
    }
    out
}

/// Applies the caller's CRLs of the certificate's issuer at `at`; `Some(true)` when the
/// certificate was revoked then, `Some(false)` when a CRL shows it was not, `None` when no CRL
/// could tell (RFC 5280 §6.3, simplified: no delta or indirect CRLs, no distribution points).
///
/// A CRL counts when its signature verifies with the key of the issuer found in the chain (CRLs
/// of the same CA name under another key, by authorityKeyIdentifier, are left aside). A
/// revocation listed with a date not after `at` is proof at any CRL age; "not revoked" needs a
/// complete CRL that covers `at`: issued after it, or current at it (nextUpdate after it).
fn revocation(
    certificate: &Certificate,
    issuer: Option<&Certificate>,
    at: Time,
    context: &Context<'_>,
    details: &mut SignerDetails,
    (reasons, findings): (&mut Vec<(bool, Finding)>, &mut Vec<Finding>),
) -> Option<bool> {
    let mut good = false;
    let mut problems: Vec<Finding> = Vec::new();
    let issuer_name = || certificate.issuer.common_name().map_or_else(|| certificate.issuer.display(), str::to_owned);
    for crl in context.crls.iter().filter(|c| c.issuer_der() == certificate.issuer_der.as_slice()) {
        // The CRL must be signed by the certificate's issuer.
        let Some(issuer) = issuer else {
            problems.push(Finding::new(Code::ChainCrlUnverified).arg("issuer", issuer_name()));
            continue;
        };
        let other_key = matches!(
            (&crl.authority_key_id, &issuer.subject_key_id),
            (Some(crl_key), Some(issuer_key)) if crl_key != issuer_key
        );
        if other_key {
            continue;
        }
        if !crl_signed_by(crl, issuer) {
            problems.push(Finding::new(Code::ChainCrlSignatureInvalid).arg("issuer", issuer_name()));
            continue;
        }
        if let Some(entry) = crl.is_revoked(&certificate.serial, at) {
            details.revocation = Some("revoked".to_owned());
            reasons.push((
                false,
                Finding::new(Code::ChainRevoked)
                    .arg("serial", certificate.serial_hex())
                    .arg("date", entry.invalid_from()),
            ));
            return Some(true);
        }
        if crl.is_delta() {
            continue; // a delta CRL lists changes only: it cannot show a certificate is good
        }
        let stale = crl.this_update < at && crl.next_update.is_some_and(|next| next <= at);
        if stale {
            problems.push(
                Finding::new(Code::ChainCrlStale)
                    .arg("issuer", issuer_name())
                    .arg("this_update", crl.this_update)
                    .arg("next_update", crl.next_update.map_or_else(|| "—".to_owned(), |t| t.to_string()))
                    .arg("time", at),
            );
            continue;
        }
        good = true;
    }
    if good {
        details.revocation = Some("good".to_owned());
        reasons.push((true, Finding::new(Code::ChainNotRevoked).arg("time", at)));
        findings.extend(problems);
        Some(false)
    } else {
        details.revocation = Some("not-checked".to_owned());
        if problems.is_empty() {
            reasons.push((false, Finding::new(Code::ChainRevocationNotChecked)));
        }
        reasons.extend(problems.into_iter().map(|p| (false, p)));
        None
    }
}

/// Whether `issuer`'s key verifies the signature of `crl`.
fn crl_signed_by(crl: &Crl, issuer: &Certificate) -> bool {
    PublicKey::from_spki_der(&issuer.spki_der).ok().is_some_and(|key| {
        crl.signature_algorithm.parse::<ObjectIdentifier>().is_ok_and(|algorithm| {
            crypto::verify_signed(&key, &algorithm, crl.signature_parameters.as_deref(), crl.tbs(), &crl.signature)
                .is_ok()
        })
    })
}

/// The entry that revokes `certificate` at `at` in one of the caller's CRLs signed by `issuer`
/// (a CRL under the same name but another key, or with a bad signature, is passed over).
fn revoked_by_crl(
    certificate: &Certificate,
    issuer: &Certificate,
    at: Time,
    context: &Context<'_>,
) -> Option<RevokedEntry> {
    context
        .crls
        .iter()
        .filter(|crl| crl.issuer_der() == certificate.issuer_der.as_slice())
        .filter(|crl| crl_signed_by(crl, issuer))
        .find_map(|crl| crl.is_revoked(&certificate.serial, at))
}

/// The most time-stamp tokens verified per signer; a signature carries one or two.
const MAX_TIMESTAMPS_CHECKED: usize = 4;

/// The first signature time-stamp that verifies (RFC 3161 §2.4.2; ETSI EN 319 102-1 §5.6.2.4),
/// and a finding for each one checked before it that did not. A token verifies when its
/// messageImprint is the hash of this signature value, the TSA's signature over the TSTInfo
/// verifies (message digest, signing-certificate attribute), and the TSA's certificate has
/// id-kp-timeStamping, was valid at genTime and chains to a trusted CA at genTime.
/// The TSA's certificate is looked up in the token, then in the signature's certificates (some
/// tools put it there), then among the caller's.
fn verified_timestamp<'s>(
    signer: &'s SignerInfo,
    outer: &[Certificate],
    context: &Context<'_>,
    pool: &mut u32,
) -> (Option<&'s TimeStamp>, Vec<Finding>) {
    let mut failures = Vec::new();
    for stamp in signer.timestamps.iter().take(MAX_TIMESTAMPS_CHECKED) {
        match check_timestamp(stamp, &signer.signature, outer, context, pool) {
            Ok(()) => return (Some(stamp), failures),
            Err(detail) => {
                failures.push(Finding::new(Code::SigTimestampInvalid).arg("time", stamp.gen_time).arg("detail", detail))
            }
        }
    }
    (None, failures)
}

fn check_timestamp(
    stamp: &TimeStamp,
    signature: &[u8],
    outer: &[Certificate],
    context: &Context<'_>,
    pool: &mut u32,
) -> Result<(), String> {
    let imprint = DigestAlgorithm::from_oid(&stamp.imprint_algorithm.oid)
        .ok_or_else(|| format!("unsupported imprint hash {}", stamp.imprint_algorithm.oid))?;
    if imprint.digest(signature) != stamp.imprint {
        return Err("it stamps another signature value".to_owned());
    }
    let token = &stamp.token;
    let tsa = token.signers.first().ok_or("the token has no signer")?;
    let certificate = tsa
        .certificate(&token.certificates)
        .or_else(|| tsa.certificate(outer))
        .or_else(|| tsa.certificate(context.ca_certificates))
        .ok_or("the TSA's certificate is not in the token")?;
    let key = PublicKey::from_spki_der(&certificate.spki_der).map_err(|e| e.message_en())?;
    let digest = DigestAlgorithm::from_oid(&tsa.digest_algorithm.oid)
        .ok_or_else(|| format!("unsupported digest {}", tsa.digest_algorithm.oid))?;
    let content = token.content.as_deref().ok_or("the token has no TSTInfo")?;
    let prehash = match &tsa.signed_attrs {
        Some(attrs) => {
            if attrs.message_digest.as_deref() != Some(digest.digest(content).as_slice()) {
                return Err("the TSTInfo's digest does not match".to_owned());
            }
            digest.digest(&attrs.to_be_signed())
        }
        None => digest.digest(content),
    };
    crypto::verify_prehash(
        &key,
        &tsa.signature_algorithm.oid,
        tsa.signature_algorithm.params_der.as_deref(),
        digest,
        &prehash,
        &tsa.signature,
    )
    .map_err(|_| "the TSA's signature does not verify".to_owned())?;
    if tsa.signing_certificate_matches_with(certificate, &ess_digest) == Some(false) {
        return Err("its signingCertificate names another certificate".to_owned());
    }
    if !certificate.extended_key_usage.contains(&cms::oid::KP_TIME_STAMPING) {
        return Err("the TSA's certificate lacks id-kp-timeStamping".to_owned());
    }
    if stamp.gen_time < certificate.not_before || stamp.gen_time > certificate.not_after {
        return Err("the TSA's certificate was not valid at genTime".to_owned());
    }
    build_path(certificate, token, stamp.gen_time, context, pool)
        .map(|_| ())
        .map_err(|finding| format!("the TSA's certificate: {}", finding.message_en()))
}

/// The TSA's name as the report shows it: the token's `tsa` field, else its signer's subject.
fn tsa_label(stamp: &TimeStamp) -> Option<String> {
    stamp.tsa_name.clone().or_else(|| stamp.signer_name.clone())
}

/// A certificate as the report shows it.
pub(crate) fn summary(certificate: &Certificate) -> CertificateSummary {
    CertificateSummary {
        subject: certificate.subject.display(),
        issuer: certificate.issuer.display(),
        serial_hex: certificate.serial_hex(),
        not_before: Some(certificate.not_before),
        not_after: Some(certificate.not_after),
        sha1: certificate.sha1_hex(),
        subject_key_id: certificate.subject_key_id_hex(),
        authority_key_id: certificate
            .authority_key_id
            .as_ref()
            .and_then(|a| a.key_id.as_deref())
            .map(crate::check::hex),
        key_algorithm: certificate.key_algorithm_name().map(str::to_owned),
        key_usage: certificate.key_usage.iter().flatten().map(|u| (*u).to_owned()).collect(),
        extended_key_usage: certificate.extended_key_usage.iter().map(ObjectIdentifier::to_string).collect(),
        policies: certificate.certificate_policies.iter().map(ObjectIdentifier::to_string).collect(),
        classes: certificate.classes().iter().map(|c| (*c).to_owned()).collect(),
        subject_sign_tool: certificate.subject_sign_tool.clone(),
        issuer_sign_tool: certificate.issuer_sign_tool.clone().unwrap_or_default(),
        identification_kind: certificate.identification_kind,
        crl_urls: certificate.crl_distribution_points.clone(),
        aia_urls: certificate.authority_info_access.iter().map(|a| a.url.clone()).collect(),
        is_ca: certificate.is_ca(),
    }
}
