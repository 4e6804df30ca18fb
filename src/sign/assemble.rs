//! The second half of signing: the CMS SignedData around a raw signature value (RFC 5652 §5),
//! new or joined to an existing detached signature file (co-signing).
//!
//! ```text
//! ContentInfo ::= SEQUENCE { contentType id-signedData, content [0] EXPLICIT SignedData }
//! SignedData ::= SEQUENCE {
//!   version 1, digestAlgorithms SET OF AlgorithmIdentifier,
//!   encapContentInfo SEQUENCE { id-data },                       -- detached: no eContent
//!   certificates [0] IMPLICIT SET OF Certificate,
//!   signerInfos SET OF SignerInfo }
//! SignerInfo ::= SEQUENCE {
//!   version 1, sid IssuerAndSerialNumber, digestAlgorithm,
//!   signedAttrs [0] IMPLICIT SET OF Attribute, signatureAlgorithm, signature OCTET STRING }
//! ```
//!
//! Before anything is returned the result is parsed back with [`crate::cms::parse`] and every
//! SignerInfo in it is verified: the signature over its signed attributes, the messageDigest
//! against the document's digest, and the ESS certificate identifier against the certificate.

use std::borrow::Cow;

use super::prepare::Prepared;
use super::{any_digest, der, digest_algorithm_der, Output, Profile, RawSignatureOrder};
use crate::cms::ber::{universal, Class, Reader, Tag};
use crate::cms::{self, oid, Certificate, ParsedSignature, SignerId, SignerInfo};
use crate::crypto::{self, DigestAlgorithm, PublicKey};
use crate::error::{Code, Finding};
use crate::limits::Limits;

/// Options of [`assemble`] and [`cosign`].
#[derive(Clone, Debug, Default)]
pub struct AssembleOptions {
    /// How the raw signature value is laid out.
    pub order: RawSignatureOrder,
    /// DER or PEM.
    pub output: Output,
    /// Bounds for reading an existing signature file.
    pub limits: Limits,
}

/// Builds a detached CMS SignedData from the prepared state and the raw signature value the
/// external signer returned over [`Prepared::hash`].
///
/// # Errors
/// `SIGN_SIGNATURE_INVALID` when the value (read in `options.order`) does not verify with the
/// certificate's key; the detail says so when it would verify in another order.
/// `OPTIONS_INVALID` for an order that means nothing for the key.
pub fn assemble(prepared: &Prepared, raw_signature: &[u8], options: &AssembleOptions) -> Result<Vec<u8>, Finding> {
    let profile = Profile::of(prepared.certificate())?;
    let value = checked_value(prepared, &profile, raw_signature, options.order)?;
    let mut certificates = vec![prepared.certificate().der.clone()];
    for cert in prepared.chain() {
        if !certificates.contains(&cert.der) {
            certificates.push(cert.der.clone());
        }
    }
    let signer_info = signer_info(prepared, &profile, &value);
    let cms = signed_data(
        1,
        vec![profile.digest_algorithm_der()],
        sorted(certificates),
        None,
        std::slice::from_ref(&signer_info),
    );
    let content =
        ContentCheck { digest: prepared.digest_algorithm(), value: prepared.message_digest(), document: None };
    verify_output(&cms, &[], &signer_info, &content, &options.limits)?;
    Ok(options.output.encode(cms))
}

/// Adds a signer to an existing detached signature file (DER, BER, PEM or base64): a new
/// SignerInfo from the prepared state and the raw value, and the signer's certificate (and
/// chain) when the file lacks them.
///
/// The SignerInfos and certificates already there are copied byte for byte; only the outer
/// containers (ContentInfo, SignedData, the SETs) are written anew, in DER, with the new
/// digest algorithm added to digestAlgorithms when it is new. The signers stay in signing
/// order, the new one last (as CryptoPro CSP appends a co-signer), so readers that list signers
/// in file order show the first signer first; this is the one departure from DER, which would
/// sort the SignerInfos by their encodings (X.690 §11.6), and it is valid BER.
///
/// Every signer already in the file must verify before and after: its signature over its
/// signed attributes, and, when it used the same digest algorithm, its messageDigest against
/// this document's digest.
///
/// # Errors
/// As [`assemble`]; the codes of [`crate::cms::parse`] for an unreadable file;
/// `SIGN_EXISTING_INVALID` for a file that is not a detached signature of data, or whose
/// signers do not verify; `SIGN_DOCUMENT_MISMATCH` when a signer there signed another document;
/// `SIGN_SIGNER_PRESENT` when this certificate has signed already.
pub fn cosign(
    existing: &[u8],
    prepared: &Prepared,
    raw_signature: &[u8],
    options: &AssembleOptions,
) -> Result<Vec<u8>, Finding> {
    cosign_with(existing, prepared, raw_signature, options, None)
}

/// [`cosign`], checking the existing signers against the document itself when it is given
/// (so signers that used another digest algorithm are checked too).
pub(crate) fn cosign_with(
    existing: &[u8],
    prepared: &Prepared,
    raw_signature: &[u8],
    options: &AssembleOptions,
    document: Option<&[u8]>,
) -> Result<Vec<u8>, Finding> {
    let decoded = cms::decode(existing, &options.limits)?;
    let parsed = cms::parse(&decoded.bytes, &options.limits)?;
    if parsed.content_type != oid::DATA.to_string() {
        return Err(existing_invalid(format!("it signs content of type {}, not data", parsed.content_type)));
    }
    if parsed.content.is_some() {
        return Err(existing_invalid("it carries the document inside (an attached signature)".to_owned()));
    }
    let cert = prepared.certificate();
    if parsed.signers.iter().any(|s| s.certificate(std::slice::from_ref(cert)).is_some()) {
        return Err(Finding::new(Code::SignSignerPresent).arg("signer", cert.subject.display()));
    }
    let content = ContentCheck { digest: prepared.digest_algorithm(), value: prepared.message_digest(), document };
    for signer in &parsed.signers {
        verify_signer(&parsed, signer, &content, false).map_err(SignerProblem::into_existing)?;
    }

    let profile = Profile::of(cert)?;
    let value = checked_value(prepared, &profile, raw_signature, options.order)?;
    let parts = split(&decoded.bytes, &options.limits)?;

    let mut digest_algorithms = parts.digest_algorithms.clone();
    if !parsed.digest_algorithms.contains(&prepared.digest_algorithm().oid().to_string()) {
        digest_algorithms.push(digest_algorithm_der(prepared.digest_algorithm()));
    }
    let mut certificates: Vec<Vec<u8>> = parts.certificates.iter().map(|c| c.to_vec()).collect();
    for extra in std::iter::once(cert).chain(prepared.chain()) {
        let present = parsed.certificates.iter().any(|c| c.der == extra.der || same_certificate(c, extra));
        if !present && !certificates.contains(&extra.der) {
            certificates.push(extra.der.clone());
        }
    }
    let new_signer = signer_info(prepared, &profile, &value);
    let mut signer_infos: Vec<Vec<u8>> = parts.signer_infos.iter().map(|s| s.to_vec()).collect();
    signer_infos.push(new_signer.clone());
    let cms = signed_data(parts.version.max(1), digest_algorithms, sorted(certificates), parts.crls, &signer_infos);
    verify_output(&cms, &parts.signer_infos, &new_signer, &content, &options.limits)?;
    Ok(options.output.encode(cms))
}

/// The raw value in CMS form, verified against the prepared hash; on failure, tries the other
/// orders so the error can say which one the signer used.
fn checked_value(
    prepared: &Prepared,
    profile: &Profile,
    raw: &[u8],
    order: RawSignatureOrder,
) -> Result<Vec<u8>, Finding> {
    let verifies = |value: &[u8]| {
        crypto::verify_prehash(
            &profile.key,
            &profile.signature_oid,
            profile.signature_params,
            prepared.digest_algorithm(),
            prepared.hash(),
            value,
        )
    };
    let value = order.to_cms_value(profile.kind, raw)?;
    match verifies(&value) {
        Ok(()) => Ok(value),
        Err(e) => {
            let other = RawSignatureOrder::ALL
                .into_iter()
                .filter(|o| *o != order)
                .find(|o| o.to_cms_value(profile.kind, raw).is_ok_and(|v| verifies(&v).is_ok()));
            let detail = match other {
                Some(o) => format!("read as «{}» it does not verify, read as «{}» it does", order.name(), o.name()),
                None => format!(
                    "read as «{}»: {} (was the hash signed with the key of this certificate?)",
                    order.name(),
                    e.message_en()
                ),
            };
            Err(Finding::new(Code::SignSignatureInvalid).arg("detail", detail))
        }
    }
}

/// The SignerInfo (version 1, issuerAndSerialNumber as order № 472 requires).
fn signer_info(prepared: &Prepared, profile: &Profile, value: &[u8]) -> Vec<u8> {
    let cert = prepared.certificate();
    let mut attrs = prepared.signed_attrs().to_vec();
    if let Some(tag) = attrs.first_mut() {
        *tag = der::tag::CONTEXT_0;
    }
    der::sequence(&[
        &der::small_integer(1),
        &der::sequence(&[&cert.issuer_der, &der::integer_contents(&cert.serial)]),
        &profile.digest_algorithm_der(),
        &attrs,
        &profile.signature_algorithm_der(),
        &der::octet_string(value),
    ])
}

/// ContentInfo with SignedData: digestAlgorithms and certificates sorted (DER), the SignerInfos
/// in the order given, crls (the `[1]` element) copied as received.
fn signed_data(
    version: u8,
    digest_algorithms: Vec<Vec<u8>>,
    certificates: Vec<Vec<u8>>,
    crls: Option<&[u8]>,
    signer_infos: &[Vec<u8>],
) -> Vec<u8> {
    let certificates =
        if certificates.is_empty() { Vec::new() } else { der::tlv(der::tag::CONTEXT_0, &certificates.concat()) };
    let signed = der::sequence(&[
        &der::small_integer(version),
        &der::set_of(der::tag::SET, digest_algorithms),
        &der::sequence(&[&der::oid(&oid::DATA)]),
        &certificates,
        crls.unwrap_or_default(),
        &der::tlv(der::tag::SET, &signer_infos.concat()),
    ]);
    der::sequence(&[&der::oid(&oid::SIGNED_DATA), &der::tlv(der::tag::CONTEXT_0, &signed)])
}

fn sorted(mut members: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    members.sort();
    members
}

fn same_certificate(a: &Certificate, b: &Certificate) -> bool {
    a.serial == b.serial && a.issuer.same_as(&b.issuer)
}

/// The parts of an existing SignedData, as received.
struct Parts<'a> {
    version: u8,
    /// digestAlgorithms members, normalised to DER (they are not signed).
    digest_algorithms: Vec<Vec<u8>>,
    /// certificates members as received.
    certificates: Vec<&'a [u8]>,
    /// The whole `[1]` crls element as received.
    crls: Option<&'a [u8]>,
    /// SignerInfos as received.
    signer_infos: Vec<&'a [u8]>,
}

/// Finds the parts of a SignedData (BER or DER) that co-signing keeps. The file was parsed by
/// [`cms::parse`] already, so errors here are unexpected; they carry the parser's codes.
fn split<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Parts<'a>, Finding> {
    let max_depth = usize::from(limits.max_nesting);
    let mut top = Reader::new(bytes, max_depth);
    let content_info = top.sequence("ContentInfo (SEQUENCE)")?;
    let mut ci = content_info.reader()?;
    ci.read()?; // contentType, checked by the parser
    let explicit = ci.expect(Tag { class: Class::Context, constructed: true, number: 0 }, "[0] content")?;
    let mut inner = explicit.reader()?;
    let sd = inner.sequence("SignedData (SEQUENCE)")?;
    let mut f = sd.reader()?;
    let version_tlv = f.expect(Tag::universal(universal::INTEGER, false), "the version")?;
    let version = version_tlv.version("bad SignedData version")?;
    let digest_set = f.expect(Tag::universal(universal::SET, true), "digestAlgorithms (SET)")?;
    let digest_algorithms =
        members(&digest_set)?.into_iter().map(|m| cms::to_der(m, limits)).collect::<Result<Vec<_>, _>>()?;
    f.sequence("encapContentInfo (SEQUENCE)")?;
    let certificates = match f.read_if(Class::Context, 0)? {
        Some(set) => members(&set)?,
        None => Vec::new(),
    };
    let crls = f.read_if(Class::Context, 1)?.map(|t| t.raw);
    let signer_set = f.expect(Tag::universal(universal::SET, true), "signerInfos (SET)")?;
    f.finish("SignedData")?;
    Ok(Parts { version, digest_algorithms, certificates, crls, signer_infos: members(&signer_set)? })
}

fn members<'a>(set: &crate::cms::ber::Tlv<'a>) -> Result<Vec<&'a [u8]>, Finding> {
    let mut out = Vec::new();
    let mut reader = set.reader()?;
    while !reader.is_empty() {
        out.push(reader.read()?.raw);
    }
    Ok(out)
}

/// What the signers' messageDigest must be: this document's digest with one algorithm, and
/// the document itself when known (for signers with other algorithms).
struct ContentCheck<'a> {
    digest: DigestAlgorithm,
    value: &'a [u8],
    document: Option<&'a [u8]>,
}

impl ContentCheck<'_> {
    fn expected(&self, algorithm: DigestAlgorithm) -> Option<Cow<'_, [u8]>> {
        if algorithm == self.digest {
            Some(Cow::Borrowed(self.value))
        } else {
            self.document.map(|d| Cow::Owned(algorithm.digest(d)))
        }
    }
}

/// Why one signer does not verify.
struct SignerProblem {
    signer: String,
    /// Its messageDigest is not this document's.
    other_document: bool,
    detail: String,
}

impl SignerProblem {
    fn into_existing(self) -> Finding {
        if self.other_document {
            Finding::new(Code::SignDocumentMismatch).arg("signer", self.signer)
        } else {
            existing_invalid(format!("the signature of «{}» does not verify: {}", self.signer, self.detail))
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn existing_invalid(detail: String) -> Finding {
    Finding::new(Code::SignExistingInvalid).arg("detail", detail)
}

/// Verifies one SignerInfo of a parsed file: its certificate is there, its ESS identifier (when
/// present) names that certificate, its messageDigest (when the expected one is known) is this
/// document's, and its signature verifies.
fn verify_signer(
    parsed: &ParsedSignature,
    signer: &SignerInfo,
    content: &ContentCheck<'_>,
    strict: bool,
) -> Result<(), SignerProblem> {
    let problem = |signer: String, detail: String| SignerProblem { signer, other_document: false, detail };
    let Some(cert) = signer.certificate(&parsed.certificates) else {
        let id = match &signer.sid {
            SignerId::IssuerSerial { serial, .. } => format!("serial {}", hex(serial)),
            SignerId::SubjectKeyId(id) => format!("key id {}", hex(id)),
        };
        return Err(problem(id, "its certificate is not in the file".to_owned()));
    };
    let who = cert.subject.common_name().map_or_else(|| cert.subject.display(), str::to_owned);
    let key = PublicKey::from_spki_der(&cert.spki_der).map_err(|e| problem(who.clone(), e.message_en()))?;
    let Some(digest) = DigestAlgorithm::from_oid(&signer.digest_algorithm.oid) else {
        return Err(problem(who, format!("the digest algorithm {} is not supported", signer.digest_algorithm.oid)));
    };
    let expected = content.expected(digest);
    let prehash = match &signer.signed_attrs {
        Some(signed) => {
            // Our own new signer must be flawless; a signer already there only needs what its
            // verification needs (a signer with BER signed attributes or an unreadable
            // time-stamp still verifies, and co-signing does not touch it).
            if let Some(first) = signer.findings.first().filter(|_| strict) {
                return Err(problem(who, first.message_en()));
            }
            if signed.message_digest.is_none() {
                return Err(problem(who, "its signed attributes lack the message digest".to_owned()));
            }
            if signer.signing_certificate_matches_with(cert, &any_digest) == Some(false) {
                return Err(problem(who, "signingCertificateV2 names another certificate".to_owned()));
            }
            if let (Some(expected), Some(md)) = (&expected, &signed.message_digest) {
                if expected.as_ref() != md.as_slice() {
                    return Err(SignerProblem { signer: who, other_document: true, detail: String::new() });
                }
            }
            digest.digest(&signed.to_be_signed())
        }
        None => match expected {
            Some(expected) => expected.into_owned(),
            None => {
                return Err(problem(
                    who,
                    format!("it has no signed attributes and its digest {} needs the document", digest.name()),
                ))
            }
        },
    };
    let params = signer.signature_algorithm.params_der.as_deref();
    crypto::verify_prehash(&key, &signer.signature_algorithm.oid, params, digest, &prehash, &signer.signature)
        .map_err(|e| problem(who, e.message_en()))
}

/// Parses the made file back and verifies every signer; checks the old SignerInfos are there
/// unchanged, in order, followed by the new one.
fn verify_output(
    cms: &[u8],
    old_signer_infos: &[&[u8]],
    new_signer_info: &[u8],
    content: &ContentCheck<'_>,
    limits: &Limits,
) -> Result<(), Finding> {
    let failed = |detail: String| Finding::new(Code::SignSignatureInvalid).arg("detail", detail);
    let parsed =
        cms::parse(cms, limits).map_err(|e| failed(format!("the file made does not parse: {}", e.message_en())))?;
    let parts = split(cms, limits).map_err(|e| failed(format!("the file made does not parse: {}", e.message_en())))?;
    let mut expected: Vec<&[u8]> = old_signer_infos.to_vec();
    expected.push(new_signer_info);
    if parts.signer_infos != expected || parsed.signers.len() != expected.len() {
        return Err(failed("the signers of the file made are not the ones expected".to_owned()));
    }
    let old_count = old_signer_infos.len();
    for (index, signer) in parsed.signers.iter().enumerate() {
        verify_signer(&parsed, signer, content, index >= old_count)
            .map_err(|p| failed(format!("«{}» in the file made: {}", p.signer, p.detail)))?;
    }
    let new = parsed.signers.last().ok_or_else(|| failed("no signer".to_owned()))?;
    if new.ess_cert_id().is_none() || new.signed_attrs.as_ref().and_then(|s| s.message_digest.as_ref()).is_none() {
        return Err(failed("the new signer lacks its signed attributes".to_owned()));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::crypto::gost::SigningKey;
    use crate::sign::prepare::{prepare, Content, PrepareOptions};
    use crate::time::Time;

    const CERT: &[u8] = include_bytes!("../../tests/data/signatures/keys/smirnova.crt.pem");
    const KEY: &str = include_str!("../../tests/data/signatures/keys/smirnova.key.pem");

    fn prepared(document: &[u8]) -> Prepared {
        let at = Time::parse_rfc3339("2026-11-25T12:00:00Z").unwrap();
        prepare(Content::Document(document), CERT, at, &PrepareOptions::default()).unwrap()
    }

    #[test]
    fn assembles_and_verifies() {
        let p = prepared(b"document");
        let key = SigningKey::from_pkcs8_pem(KEY).unwrap();
        let sig = key.sign_prehash_with_rng(p.hash()).unwrap().to_cms_bytes();
        let cms = assemble(&p, &sig, &AssembleOptions::default()).unwrap();
        let parsed = cms::parse(&cms, &Limits::default()).unwrap();
        assert_eq!(parsed.encoding.name(), "der");
        assert_eq!(parsed.signers.len(), 1);
        assert_eq!(parsed.signers[0].signature, sig);
        assert_eq!(parsed.signers[0].signed_attrs.as_ref().unwrap().to_be_signed(), p.signed_attrs());
        assert_eq!(parsed.certificates.len(), 1);
        assert!(parsed.content.is_none());
    }

    #[test]
    fn wrong_order_is_named() {
        let p = prepared(b"document");
        let key = SigningKey::from_pkcs8_pem(KEY).unwrap();
        let sig = key.sign_prehash_with_rng(p.hash()).unwrap();
        let r_then_s = [sig.r(), sig.s()].concat();
        let err = assemble(&p, &r_then_s, &AssembleOptions::default()).unwrap_err();
        assert_eq!(err.code, Code::SignSignatureInvalid);
        assert!(err.get("detail").unwrap().contains("«r-then-s» it does"), "{err}");
        let ok = AssembleOptions { order: RawSignatureOrder::RThenS, ..AssembleOptions::default() };
        assert!(assemble(&p, &r_then_s, &ok).is_ok());
        let err = assemble(&p, &[1u8; 64], &AssembleOptions::default()).unwrap_err();
        assert_eq!(err.code, Code::SignSignatureInvalid);
    }

    #[test]
    fn cosign_refuses_a_second_signature_by_the_same_certificate_and_another_document() {
        let p = prepared(b"document");
        let key = SigningKey::from_pkcs8_pem(KEY).unwrap();
        let sig = key.sign_prehash_with_rng(p.hash()).unwrap().to_cms_bytes();
        let cms = assemble(&p, &sig, &AssembleOptions::default()).unwrap();
        let err = cosign(&cms, &p, &sig, &AssembleOptions::default()).unwrap_err();
        assert_eq!(err.code, Code::SignSignerPresent);
        let other = include_bytes!("../../tests/data/signatures/02-qualified-employer-ber/document.pdf.sig");
        let err = cosign(other, &p, &sig, &AssembleOptions::default()).unwrap_err();
        assert_eq!(err.code, Code::SignDocumentMismatch);
        let attached = include_bytes!("../../tests/data/signatures/18-pdf-as-signature/document.pdf.sig");
        assert_eq!(cosign(attached, &p, &sig, &AssembleOptions::default()).unwrap_err().code, Code::CmsUnexpectedPdf);
    }
}
