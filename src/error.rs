//! Stable error codes with Russian and English texts, and [`Finding`], a code with its context.
//!
//! A released code string never changes meaning: retire it, never reuse it. Every code has one
//! arm in [`Code::as_str`] and one in [`Code::texts`], so a missing translation does not compile.
//! Templates name their slots in braces (`{offset}`); [`Finding::args`] fills them.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// Stable error and finding codes, `AREA_WHAT`, in alphabetical order.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum Code {
    /// An extension appears more than once in a certificate.
    CertDuplicateExtension,
    /// The signer's certificate had expired at the validity time.
    CertExpired,
    /// The public key of a certificate is malformed or not a point of its curve.
    CertKeyInvalid,
    /// The public key algorithm or its parameters are not supported.
    CertKeyUnsupported,
    /// A certificate is malformed.
    CertMalformed,
    /// The signer's certificate was not yet valid at the validity time.
    CertNotYetValid,
    /// A certificate has a critical extension the checker does not know.
    CertUnknownCriticalExtension,
    /// No signing time: the certificate is valid at the check time.
    CertValidAtCheckTime,
    /// The certificate was valid at the signing time.
    CertValidAtSigning,
    /// A CA certificate of the chain had expired.
    ChainCertificateExpired,
    /// A CA certificate of the chain was not yet valid.
    ChainCertificateNotYetValid,
    /// The CRL has an unknown critical extension (RFC 5280 §5.2): it must not be used.
    ChainCrlCriticalExtension,
    /// The CRL file is neither DER nor PEM (`X509 CRL`).
    ChainCrlEncoding,
    /// The CRL is malformed DER.
    ChainCrlMalformed,
    /// A CRL's signature does not verify with its issuer's key.
    ChainCrlSignatureInvalid,
    /// A CRL's nextUpdate is before the time that matters: it cannot show the status then.
    ChainCrlStale,
    /// A CRL could not be checked: its issuer's certificate is not known.
    ChainCrlUnverified,
    /// A CA's key cannot be read.
    ChainIssuerKeyUnsupported,
    /// A CA certificate's keyUsage does not allow certificate signing.
    ChainKeyUsage,
    /// An issuer certificate is not a CA certificate.
    ChainNotCa,
    /// The certificate was not revoked at the validity time.
    ChainNotRevoked,
    /// No certificate of the issuer is available.
    ChainNoIssuer,
    /// A CA's basicConstraints pathLenConstraint allows fewer intermediate CAs below it than the chain has (RFC 5280 §4.2.1.9).
    ChainPathLength,
    /// No CRL of the issuer was given.
    ChainRevocationNotChecked,
    /// The certificate was revoked before the validity time.
    ChainRevoked,
    /// A certificate's signature does not verify with its issuer's key.
    ChainSignatureInvalid,
    /// The chain is longer than the limit.
    ChainTooLong,
    /// The chain ends at a root that is not trusted.
    ChainUntrustedRoot,
    /// The chain verifies to a trusted CA.
    ChainValid,
    /// A signed attribute appears more than once, or has several values.
    CmsAttributeDuplicate,
    /// The signed attributes lack a required attribute.
    CmsAttributeMissing,
    /// The CMS uses BER with an indefinite length that is never closed.
    CmsBerUnterminated,
    /// The input is a certificate, not a signature.
    CmsCertificateNotSignature,
    /// The content-type attribute differs from the signed content type.
    CmsContentTypeMismatch,
    /// A DER or BER element is malformed.
    CmsMalformed,
    /// The file is not a CMS SignedData structure.
    CmsNotSignedData,
    /// The SignedData has no SignerInfo.
    CmsNoSigners,
    /// The signed attributes are not DER.
    CmsSignedAttrsNotDer,
    /// Bytes follow the signature in the file.
    CmsTrailingData,
    /// The CMS data ends before a declared length.
    CmsTruncated,
    /// The input looks like a PDF, not a signature.
    CmsUnexpectedPdf,
    /// The input is neither DER/BER, PEM nor base64.
    CmsUnknownEncoding,
    /// The check needs bytes of the document that a streaming check left out (image data):
    /// the document must be checked whole.
    DocumentNeededWhole,
    /// The document is empty.
    InputEmpty,
    /// The input is larger than the configured maximum.
    InputTooLarge,
    /// A file cannot be read (missing, no permission).
    InputUnreadable,
    /// An internal invariant failed; a bug report is welcome.
    Internal,
    /// The work budget ran out before the check finished.
    LimitBudget,
    /// A CMS carries more certificates than allowed.
    LimitCmsCertificates,
    /// A list in a CMS or certificate is longer than allowed.
    LimitCmsElements,
    /// ASN.1 nesting is deeper than allowed.
    LimitCmsNesting,
    /// A CMS has more signers than allowed.
    LimitCmsSigners,
    /// A stream inflated beyond a decompression bound.
    LimitDecompressed,
    /// PDF objects are nested deeper than the bound.
    LimitNesting,
    /// The PDF has more objects than the bound.
    LimitObjects,
    /// The options given to `check` are invalid.
    OptionsInvalid,
    /// The time given in the options is not RFC 3339.
    OptionsTime,
    /// The PDF header is missing or malformed.
    PdfHeader,
    /// The document fails PDF/A-1 rules.
    PdfNotConforming,
    /// The file is not a PDF document.
    PdfNotPdf,
    /// The document does not claim PDF/A-1 in its XMP metadata.
    PdfNotPdfA1,
    /// The PDF file cannot be parsed.
    PdfParse,
    /// The document size is above 15 000 000 bytes but within 15 MiB.
    PdfSizeNearLimit,
    /// The document is larger than the portal accepts.
    PdfSizeOverLimit,
    /// The PDF is truncated (no `%%EOF`).
    PdfTruncated,
    /// The document date is neither RFC 3339 nor DD.MM.YYYY.
    PolicyDateInvalid,
    /// The document type id is not in the catalogue.
    PolicyDocumentTypeUnknown,
    /// The employee's signature is of a kind the law does not allow here.
    PolicyEmployeeKindNotAllowed,
    /// The employee does not sign this document type.
    PolicyEmployeeNotSigner,
    /// The employee must sign, and no employee signature was given.
    PolicyEmployeeSignatureMissing,
    /// The employee signs later, in the portal.
    PolicyEmployeeSignsOnPortal,
    /// The employer's signature is of a kind the law does not allow here.
    PolicyEmployerKindNotAllowed,
    /// The employer does not sign this document type.
    PolicyEmployerNotSigner,
    /// The employer must sign, and no employer signature was given.
    PolicyEmployerSignatureMissing,
    /// A part of the portal's file name is empty after cleaning.
    PolicyFileNameEmpty,
    /// The metadata lacks parts of the portal's file name.
    PolicyFileNameIncomplete,
    /// The file name was shortened to fit the length bound.
    PolicyFileNameShortened,
    /// An УКЭП? signature: qualified only if its CA is accredited.
    PolicyKindUnconfirmed,
    /// An УКЭП? signature declared УКЭП because the caller accepted it.
    PolicyKindUnconfirmedAccepted,
    /// An УНЭП is allowed only if issued in the e-government infrastructure or agreed.
    PolicyKindUnepConditional,
    /// On the portal an УНЭП must come from the e-government infrastructure.
    PolicyKindUnepEgovRequired,
    /// No signature was given for a document that needs one.
    PolicyNoSignatures,
    /// The document type may not be electronic.
    PolicyPaperOnly,
    /// The parties list does not match the signature files.
    PolicyPartiesMismatch,
    /// The party of a signature file cannot be inferred.
    PolicyPartyUnknown,
    /// An invalid signature satisfies no rule.
    PolicySignatureInvalid,
    /// The key is GOST R 34.10-2012 (or 2001 before 2019).
    QualAlgorithmGost,
    /// GOST R 34.10-2001 after 31.12.2018.
    QualAlgorithmGost2001,
    /// The key is not GOST.
    QualAlgorithmNotGost,
    /// The chain to the accredited CA was not verified.
    QualChainUnverified,
    /// FSB order 795: a КС class policy (1.2.643.100.113.1–6) is present.
    QualClassPolicy,
    /// FSB order 795: the subject has a common name (CN).
    QualCommonName,
    /// An identifying subject attribute appears twice with different values.
    QualDuplicateAttribute,
    /// IdentificationKind (1.2.643.100.114) says how the owner was identified.
    QualIdentificationKind,
    /// FSB order 795: the owner's ИНН (1.2.643.3.131.1.1) has 12 digits with valid check digits.
    QualInn,
    /// FSB order 795: the organisation's ИНН ЮЛ (1.2.643.100.4) has 10 digits with a valid check digit.
    QualInnle,
    /// The issuing CA was accredited at the time.
    QualIssuerAccredited,
    /// The issuing CA is listed but not accredited at the time.
    QualIssuerNotAccredited,
    /// The issuing CA is not in the trust list.
    QualIssuerNotListed,
    /// FSB order 795: issuerSignTool (1.2.643.100.112) names its four items.
    QualIssuerSignTool,
    /// The keyUsage allows making signatures.
    QualKeyUsage,
    /// FSB order 795: the subject has a surname (SN) and given names (GN).
    QualName,
    /// The certificate lacks the qualified profile.
    QualNoProfile,
    /// No trust list: the accreditation was not checked.
    QualNoTrustList,
    /// FSB order 795: the ОГРН (1.2.643.100.1) has 13 digits with a valid check digit.
    QualOgrn,
    /// FSB order 795: the ОГРНИП (1.2.643.100.5) has 15 digits with a valid check digit.
    QualOgrnip,
    /// FSB order 795: the organisation's name (O) is present.
    QualOrganization,
    /// The certificate has the qualified profile.
    QualProfile,
    /// The signer's certificate is self-signed.
    QualSelfSigned,
    /// FSB order 795: the СНИЛС (1.2.643.100.3) has 11 digits with a valid check number.
    QualSnils,
    /// FSB order 795: subjectSignTool (1.2.643.100.111) is present.
    QualSubjectSignTool,
    /// The kind is УКЭП? and nobody confirmed it.
    QualUnconfirmed,
    /// The signer's certificate is not valid at the signing time.
    SignCertificateNotValid,
    /// A document digest given for signing has the wrong length for its algorithm.
    SignDigestInvalid,
    /// A signature already in the file signs another document.
    SignDocumentMismatch,
    /// The signature file to co-sign cannot take another signer.
    SignExistingInvalid,
    /// The private key does not belong to the certificate.
    SignKeyCertificateMismatch,
    /// A private key for signing is malformed or unsupported.
    SignKeyInvalid,
    /// The key algorithm cannot be used for signing here.
    SignKeyUnsupported,
    /// The signature value does not verify with the certificate; no signature file was made.
    SignSignatureInvalid,
    /// The certificate has already signed this signature file.
    SignSignerPresent,
    /// The saved state between preparing and assembling a signature cannot be used.
    SignStateInvalid,
    /// The signature algorithm does not match the key or the digest.
    SigAlgorithmMismatch,
    /// The attached content differs from the document.
    SigContentMismatch,
    /// The messageDigest attribute differs from the document's digest.
    SigDigestMismatch,
    /// The signature value is malformed (length, DER).
    SigEncoding,
    /// The signature does not verify (one opaque code for every mathematical failure).
    SigInvalid,
    /// No signature file was given.
    SigMissing,
    /// The signer's certificate is not available.
    SigNoCertificate,
    /// ESS signingCertificate names another certificate.
    SigSigningCertificateMismatch,
    /// The signing time (or time-stamp) is after the check time.
    SigSigningTimeAfterCheck,
    /// A signature time-stamp does not verify: it does not establish the signing time.
    SigTimestampInvalid,
    /// A signature time-stamp verifies and establishes the signing time.
    SigTimestampVerified,
    /// The signature or digest algorithm is not supported.
    SigUnsupportedAlgorithm,
    /// The signature verifies and belongs to the document.
    SigVerified,
    /// A base64 value in the trust list is malformed.
    TslBadBase64,
    /// A date in the trust list is malformed.
    TslBadDate,
    /// A hexadecimal value (key identifier, thumbprint, serial) in the trust list is malformed.
    TslBadHex,
    /// A CA certificate in the trust list cannot be read as X.509.
    TslCertificateUnreadable,
    /// The trust list is not well-formed XML.
    TslNotXml,
    /// A thumbprint written in the trust list is not the SHA-1 of the certificate beside it.
    TslThumbprintMismatch,
    /// The trust list exceeds a configured bound.
    TslTooLarge,
    /// The trust list ends before its elements are closed.
    TslTruncated,
    /// The XML is not a list of accredited CAs (wrong root element).
    TslWrongRoot,
}

impl Code {
    /// Every code, in alphabetical order.
    pub const ALL: &'static [Code] = &[
        Code::CertDuplicateExtension,
        Code::CertExpired,
        Code::CertKeyInvalid,
        Code::CertKeyUnsupported,
        Code::CertMalformed,
        Code::CertNotYetValid,
        Code::CertUnknownCriticalExtension,
        Code::CertValidAtCheckTime,
        Code::CertValidAtSigning,
        Code::ChainCertificateExpired,
        Code::ChainCertificateNotYetValid,
        Code::ChainCrlCriticalExtension,
        Code::ChainCrlEncoding,
        Code::ChainCrlMalformed,
        Code::ChainCrlSignatureInvalid,
        Code::ChainCrlStale,
        Code::ChainCrlUnverified,
        Code::ChainIssuerKeyUnsupported,
        Code::ChainKeyUsage,
        Code::ChainNotCa,
        Code::ChainNotRevoked,
        Code::ChainNoIssuer,
        Code::ChainPathLength,
        Code::ChainRevocationNotChecked,
        Code::ChainRevoked,
        Code::ChainSignatureInvalid,
        Code::ChainTooLong,
        Code::ChainUntrustedRoot,
        Code::ChainValid,
        Code::CmsAttributeDuplicate,
        Code::CmsAttributeMissing,
        Code::CmsBerUnterminated,
        Code::CmsCertificateNotSignature,
        Code::CmsContentTypeMismatch,
        Code::CmsMalformed,
        Code::CmsNotSignedData,
        Code::CmsNoSigners,
        Code::CmsSignedAttrsNotDer,
        Code::CmsTrailingData,
        Code::CmsTruncated,
        Code::CmsUnexpectedPdf,
        Code::CmsUnknownEncoding,
        Code::DocumentNeededWhole,
        Code::InputEmpty,
        Code::InputTooLarge,
        Code::InputUnreadable,
        Code::Internal,
        Code::LimitBudget,
        Code::LimitCmsCertificates,
        Code::LimitCmsElements,
        Code::LimitCmsNesting,
        Code::LimitCmsSigners,
        Code::LimitDecompressed,
        Code::LimitNesting,
        Code::LimitObjects,
        Code::OptionsInvalid,
        Code::OptionsTime,
        Code::PdfHeader,
        Code::PdfNotConforming,
        Code::PdfNotPdf,
        Code::PdfNotPdfA1,
        Code::PdfParse,
        Code::PdfSizeNearLimit,
        Code::PdfSizeOverLimit,
        Code::PdfTruncated,
        Code::PolicyDateInvalid,
        Code::PolicyDocumentTypeUnknown,
        Code::PolicyEmployeeKindNotAllowed,
        Code::PolicyEmployeeNotSigner,
        Code::PolicyEmployeeSignatureMissing,
        Code::PolicyEmployeeSignsOnPortal,
        Code::PolicyEmployerKindNotAllowed,
        Code::PolicyEmployerNotSigner,
        Code::PolicyEmployerSignatureMissing,
        Code::PolicyFileNameEmpty,
        Code::PolicyFileNameIncomplete,
        Code::PolicyFileNameShortened,
        Code::PolicyKindUnconfirmed,
        Code::PolicyKindUnconfirmedAccepted,
        Code::PolicyKindUnepConditional,
        Code::PolicyKindUnepEgovRequired,
        Code::PolicyNoSignatures,
        Code::PolicyPaperOnly,
        Code::PolicyPartiesMismatch,
        Code::PolicyPartyUnknown,
        Code::PolicySignatureInvalid,
        Code::QualAlgorithmGost,
        Code::QualAlgorithmGost2001,
        Code::QualAlgorithmNotGost,
        Code::QualChainUnverified,
        Code::QualClassPolicy,
        Code::QualCommonName,
        Code::QualDuplicateAttribute,
        Code::QualIdentificationKind,
        Code::QualInn,
        Code::QualInnle,
        Code::QualIssuerAccredited,
        Code::QualIssuerNotAccredited,
        Code::QualIssuerNotListed,
        Code::QualIssuerSignTool,
        Code::QualKeyUsage,
        Code::QualName,
        Code::QualNoProfile,
        Code::QualNoTrustList,
        Code::QualOgrn,
        Code::QualOgrnip,
        Code::QualOrganization,
        Code::QualProfile,
        Code::QualSelfSigned,
        Code::QualSnils,
        Code::QualSubjectSignTool,
        Code::QualUnconfirmed,
        Code::SignCertificateNotValid,
        Code::SignDigestInvalid,
        Code::SignDocumentMismatch,
        Code::SignExistingInvalid,
        Code::SignKeyCertificateMismatch,
        Code::SignKeyInvalid,
        Code::SignKeyUnsupported,
        Code::SignSignatureInvalid,
        Code::SignSignerPresent,
        Code::SignStateInvalid,
        Code::SigAlgorithmMismatch,
        Code::SigContentMismatch,
        Code::SigDigestMismatch,
        Code::SigEncoding,
        Code::SigInvalid,
        Code::SigMissing,
        Code::SigNoCertificate,
        Code::SigSigningCertificateMismatch,
        Code::SigSigningTimeAfterCheck,
        Code::SigTimestampInvalid,
        Code::SigTimestampVerified,
        Code::SigUnsupportedAlgorithm,
        Code::SigVerified,
        Code::TslBadBase64,
        Code::TslBadDate,
        Code::TslBadHex,
        Code::TslCertificateUnreadable,
        Code::TslNotXml,
        Code::TslThumbprintMismatch,
        Code::TslTooLarge,
        Code::TslTruncated,
        Code::TslWrongRoot,
    ];

    /// The stable string of this code, such as `"CMS_BER_UNTERMINATED"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::CertDuplicateExtension => "CERT_DUPLICATE_EXTENSION",
            Code::CertExpired => "CERT_EXPIRED",
            Code::CertKeyInvalid => "CERT_KEY_INVALID",
            Code::CertKeyUnsupported => "CERT_KEY_UNSUPPORTED",
            Code::CertMalformed => "CERT_MALFORMED",
            Code::CertNotYetValid => "CERT_NOT_YET_VALID",
            Code::CertUnknownCriticalExtension => "CERT_UNKNOWN_CRITICAL_EXTENSION",
            Code::CertValidAtCheckTime => "CERT_VALID_AT_CHECK_TIME",
            Code::CertValidAtSigning => "CERT_VALID_AT_SIGNING",
            Code::ChainCertificateExpired => "CHAIN_CERTIFICATE_EXPIRED",
            Code::ChainCertificateNotYetValid => "CHAIN_CERTIFICATE_NOT_YET_VALID",
            Code::ChainCrlCriticalExtension => "CHAIN_CRL_CRITICAL_EXTENSION",
            Code::ChainCrlEncoding => "CHAIN_CRL_ENCODING",
            Code::ChainCrlMalformed => "CHAIN_CRL_MALFORMED",
            Code::ChainCrlSignatureInvalid => "CHAIN_CRL_SIGNATURE_INVALID",
            Code::ChainCrlStale => "CHAIN_CRL_STALE",
            Code::ChainCrlUnverified => "CHAIN_CRL_UNVERIFIED",
            Code::ChainIssuerKeyUnsupported => "CHAIN_ISSUER_KEY_UNSUPPORTED",
            Code::ChainKeyUsage => "CHAIN_KEY_USAGE",
            Code::ChainNotCa => "CHAIN_NOT_CA",
            Code::ChainNotRevoked => "CHAIN_NOT_REVOKED",
            Code::ChainNoIssuer => "CHAIN_NO_ISSUER",
            Code::ChainPathLength => "CHAIN_PATH_LENGTH",
            Code::ChainRevocationNotChecked => "CHAIN_REVOCATION_NOT_CHECKED",
            Code::ChainRevoked => "CHAIN_REVOKED",
            Code::ChainSignatureInvalid => "CHAIN_SIGNATURE_INVALID",
            Code::ChainTooLong => "CHAIN_TOO_LONG",
            Code::ChainUntrustedRoot => "CHAIN_UNTRUSTED_ROOT",
            Code::ChainValid => "CHAIN_VALID",
            Code::CmsAttributeDuplicate => "CMS_ATTRIBUTE_DUPLICATE",
            Code::CmsAttributeMissing => "CMS_ATTRIBUTE_MISSING",
            Code::CmsBerUnterminated => "CMS_BER_UNTERMINATED",
            Code::CmsCertificateNotSignature => "CMS_CERTIFICATE_NOT_SIGNATURE",
            Code::CmsContentTypeMismatch => "CMS_CONTENT_TYPE_MISMATCH",
            Code::CmsMalformed => "CMS_MALFORMED",
            Code::CmsNotSignedData => "CMS_NOT_SIGNED_DATA",
            Code::CmsNoSigners => "CMS_NO_SIGNERS",
            Code::CmsSignedAttrsNotDer => "CMS_SIGNED_ATTRS_NOT_DER",
            Code::CmsTrailingData => "CMS_TRAILING_DATA",
            Code::CmsTruncated => "CMS_TRUNCATED",
            Code::CmsUnexpectedPdf => "CMS_UNEXPECTED_PDF",
            Code::CmsUnknownEncoding => "CMS_UNKNOWN_ENCODING",
            Code::DocumentNeededWhole => "DOCUMENT_NEEDED_WHOLE",
            Code::InputEmpty => "INPUT_EMPTY",
            Code::InputTooLarge => "INPUT_TOO_LARGE",
            Code::InputUnreadable => "INPUT_UNREADABLE",
            Code::Internal => "INTERNAL",
            Code::LimitBudget => "LIMIT_BUDGET",
            Code::LimitCmsCertificates => "LIMIT_CMS_CERTIFICATES",
            Code::LimitCmsElements => "LIMIT_CMS_ELEMENTS",
            Code::LimitCmsNesting => "LIMIT_CMS_NESTING",
            Code::LimitCmsSigners => "LIMIT_CMS_SIGNERS",
            Code::LimitDecompressed => "LIMIT_DECOMPRESSED",
            Code::LimitNesting => "LIMIT_NESTING",
            Code::LimitObjects => "LIMIT_OBJECTS",
            Code::OptionsInvalid => "OPTIONS_INVALID",
            Code::OptionsTime => "OPTIONS_TIME",
            Code::PdfHeader => "PDF_HEADER",
            Code::PdfNotConforming => "PDF_NOT_CONFORMING",
            Code::PdfNotPdf => "PDF_NOT_PDF",
            Code::PdfNotPdfA1 => "PDF_NOT_PDFA1",
            Code::PdfParse => "PDF_PARSE",
            Code::PdfSizeNearLimit => "PDF_SIZE_NEAR_LIMIT",
            Code::PdfSizeOverLimit => "PDF_SIZE_OVER_LIMIT",
            Code::PdfTruncated => "PDF_TRUNCATED",
            Code::PolicyDateInvalid => "POLICY_DATE_INVALID",
            Code::PolicyDocumentTypeUnknown => "POLICY_DOCUMENT_TYPE_UNKNOWN",
            Code::PolicyEmployeeKindNotAllowed => "POLICY_EMPLOYEE_KIND_NOT_ALLOWED",
            Code::PolicyEmployeeNotSigner => "POLICY_EMPLOYEE_NOT_SIGNER",
            Code::PolicyEmployeeSignatureMissing => "POLICY_EMPLOYEE_SIGNATURE_MISSING",
            Code::PolicyEmployeeSignsOnPortal => "POLICY_EMPLOYEE_SIGNS_ON_PORTAL",
            Code::PolicyEmployerKindNotAllowed => "POLICY_EMPLOYER_KIND_NOT_ALLOWED",
            Code::PolicyEmployerNotSigner => "POLICY_EMPLOYER_NOT_SIGNER",
            Code::PolicyEmployerSignatureMissing => "POLICY_EMPLOYER_SIGNATURE_MISSING",
            Code::PolicyFileNameEmpty => "POLICY_FILE_NAME_EMPTY",
            Code::PolicyFileNameIncomplete => "POLICY_FILE_NAME_INCOMPLETE",
            Code::PolicyFileNameShortened => "POLICY_FILE_NAME_SHORTENED",
            Code::PolicyKindUnconfirmed => "POLICY_KIND_UNCONFIRMED",
            Code::PolicyKindUnconfirmedAccepted => "POLICY_KIND_UNCONFIRMED_ACCEPTED",
            Code::PolicyKindUnepConditional => "POLICY_KIND_UNEP_CONDITIONAL",
            Code::PolicyKindUnepEgovRequired => "POLICY_KIND_UNEP_EGOV_REQUIRED",
            Code::PolicyNoSignatures => "POLICY_NO_SIGNATURES",
            Code::PolicyPaperOnly => "POLICY_PAPER_ONLY",
            Code::PolicyPartiesMismatch => "POLICY_PARTIES_MISMATCH",
            Code::PolicyPartyUnknown => "POLICY_PARTY_UNKNOWN",
            Code::PolicySignatureInvalid => "POLICY_SIGNATURE_INVALID",
            Code::QualAlgorithmGost => "QUAL_ALGORITHM_GOST",
            Code::QualAlgorithmGost2001 => "QUAL_ALGORITHM_GOST2001",
            Code::QualAlgorithmNotGost => "QUAL_ALGORITHM_NOT_GOST",
            Code::QualChainUnverified => "QUAL_CHAIN_UNVERIFIED",
            Code::QualClassPolicy => "QUAL_CLASS_POLICY",
            Code::QualCommonName => "QUAL_COMMON_NAME",
            Code::QualDuplicateAttribute => "QUAL_DUPLICATE_ATTRIBUTE",
            Code::QualIdentificationKind => "QUAL_IDENTIFICATION_KIND",
            Code::QualInn => "QUAL_INN",
            Code::QualInnle => "QUAL_INNLE",
            Code::QualIssuerAccredited => "QUAL_ISSUER_ACCREDITED",
            Code::QualIssuerNotAccredited => "QUAL_ISSUER_NOT_ACCREDITED",
            Code::QualIssuerNotListed => "QUAL_ISSUER_NOT_LISTED",
            Code::QualIssuerSignTool => "QUAL_ISSUER_SIGN_TOOL",
            Code::QualKeyUsage => "QUAL_KEY_USAGE",
            Code::QualName => "QUAL_NAME",
            Code::QualNoProfile => "QUAL_NO_PROFILE",
            Code::QualNoTrustList => "QUAL_NO_TRUST_LIST",
            Code::QualOgrn => "QUAL_OGRN",
            Code::QualOgrnip => "QUAL_OGRNIP",
            Code::QualOrganization => "QUAL_ORGANIZATION",
            Code::QualProfile => "QUAL_PROFILE",
            Code::QualSelfSigned => "QUAL_SELF_SIGNED",
            Code::QualSnils => "QUAL_SNILS",
            Code::QualSubjectSignTool => "QUAL_SUBJECT_SIGN_TOOL",
            Code::QualUnconfirmed => "QUAL_UNCONFIRMED",
            Code::SignCertificateNotValid => "SIGN_CERTIFICATE_NOT_VALID",
            Code::SignDigestInvalid => "SIGN_DIGEST_INVALID",
            Code::SignDocumentMismatch => "SIGN_DOCUMENT_MISMATCH",
            Code::SignExistingInvalid => "SIGN_EXISTING_INVALID",
            Code::SignKeyCertificateMismatch => "SIGN_KEY_CERTIFICATE_MISMATCH",
            Code::SignKeyInvalid => "SIGN_KEY_INVALID",
            Code::SignKeyUnsupported => "SIGN_KEY_UNSUPPORTED",
            Code::SignSignatureInvalid => "SIGN_SIGNATURE_INVALID",
            Code::SignSignerPresent => "SIGN_SIGNER_PRESENT",
            Code::SignStateInvalid => "SIGN_STATE_INVALID",
            Code::SigAlgorithmMismatch => "SIG_ALGORITHM_MISMATCH",
            Code::SigContentMismatch => "SIG_CONTENT_MISMATCH",
            Code::SigDigestMismatch => "SIG_DIGEST_MISMATCH",
            Code::SigEncoding => "SIG_ENCODING",
            Code::SigInvalid => "SIG_INVALID",
            Code::SigMissing => "SIG_MISSING",
            Code::SigNoCertificate => "SIG_NO_CERTIFICATE",
            Code::SigSigningCertificateMismatch => "SIG_SIGNING_CERTIFICATE_MISMATCH",
            Code::SigSigningTimeAfterCheck => "SIG_SIGNING_TIME_AFTER_CHECK",
            Code::SigTimestampInvalid => "SIG_TIMESTAMP_INVALID",
            Code::SigTimestampVerified => "SIG_TIMESTAMP_VERIFIED",
            Code::SigUnsupportedAlgorithm => "SIG_UNSUPPORTED_ALGORITHM",
            Code::SigVerified => "SIG_VERIFIED",
            Code::TslBadBase64 => "TSL_BAD_BASE64",
            Code::TslBadDate => "TSL_BAD_DATE",
            Code::TslBadHex => "TSL_BAD_HEX",
            Code::TslCertificateUnreadable => "TSL_CERTIFICATE_UNREADABLE",
            Code::TslNotXml => "TSL_NOT_XML",
            Code::TslThumbprintMismatch => "TSL_THUMBPRINT_MISMATCH",
            Code::TslTooLarge => "TSL_TOO_LARGE",
            Code::TslTruncated => "TSL_TRUNCATED",
            Code::TslWrongRoot => "TSL_WRONG_ROOT",
        }
    }

    /// The (Russian, English) message templates of this code.
    pub const fn texts(self) -> (&'static str, &'static str) {
        match self {
            Code::CertDuplicateExtension => (
                "Расширение {oid} встречается в сертификате более одного раза",
                "The extension {oid} appears more than once in the certificate",
            ),
            Code::CertExpired => (
                "Сертификат подписанта истёк до момента {time} (действовал с {not_before} по {not_after})",
                "The signer's certificate had expired before {time} (valid from {not_before} to {not_after})",
            ),
            Code::CertKeyInvalid => (
                "Открытый ключ сертификата неверен: {detail}",
                "The certificate's public key is invalid: {detail}",
            ),
            Code::CertKeyUnsupported => (
                "Алгоритм открытого ключа {oid} не поддерживается",
                "The public key algorithm {oid} is not supported",
            ),
            Code::CertMalformed => (
                "Сертификат повреждён: неверная структура (байт {offset}: {detail})",
                "The certificate is malformed (byte {offset}: {detail})",
            ),
            Code::CertNotYetValid => (
                "Сертификат подписанта ещё не действовал в момент {time} (действует с {not_before} по {not_after})",
                "The signer's certificate was not yet valid at {time} (valid from {not_before} to {not_after})",
            ),
            Code::CertUnknownCriticalExtension => (
                "Сертификат содержит неизвестное критическое расширение {oid}",
                "The certificate has an unknown critical extension {oid}",
            ),
            Code::CertValidAtCheckTime => (
                "Времени подписания в подписи нет; сертификат действует на момент проверки {time} (с {not_before} по {not_after}; ст. 11 63-ФЗ)",
                "The signature has no signing time; the certificate is valid at the check time {time} (from {not_before} to {not_after}; 63-FZ art. 11)",
            ),
            Code::CertValidAtSigning => (
                "Сертификат действовал в момент подписания {time} (с {not_before} по {not_after})",
                "The certificate was valid at the signing time {time} (from {not_before} to {not_after})",
            ),
            Code::ChainCertificateExpired => (
                "Сертификат УЦ «{subject}» истёк {not_after}, до момента {time}",
                "The CA certificate «{subject}» expired on {not_after}, before {time}",
            ),
            Code::ChainCertificateNotYetValid => (
                "Сертификат УЦ «{subject}» действует только с {not_before}, позже момента {time}",
                "The CA certificate «{subject}» is valid only from {not_before}, after {time}",
            ),
            Code::ChainCrlCriticalExtension => (
                "Список отзыва (CRL) содержит неизвестное критическое расширение {oid}: его нельзя использовать",
                "The CRL has an unknown critical extension {oid}: it must not be used",
            ),
            Code::ChainCrlEncoding => (
                "Файл не является списком отзыва (CRL) в DER или PEM «X509 CRL»: {detail}",
                "The file is not a CRL in DER or PEM «X509 CRL»: {detail}",
            ),
            Code::ChainCrlMalformed => (
                "Список отзыва (CRL) повреждён: {detail} (байт {offset})",
                "The CRL is malformed: {detail} (byte {offset})",
            ),
            Code::ChainCrlSignatureInvalid => (
                "Подпись списка отзыва УЦ «{issuer}» неверна; список не применён",
                "The signature of the CRL of «{issuer}» does not verify; the CRL was not applied",
            ),
            Code::ChainCrlStale => (
                "Список отзыва УЦ «{issuer}» выпущен {this_update} и действовал до {next_update}: он не показывает статус сертификата на момент {time}; список не применён",
                "The CRL of «{issuer}» was issued at {this_update} and was current until {next_update}: it does not show the certificate's status at {time}; the CRL was not applied",
            ),
            Code::ChainCrlUnverified => (
                "Список отзыва УЦ «{issuer}» не применён: сертификат издателя не найден, подпись списка не проверить",
                "The CRL of «{issuer}» was not applied: the issuer's certificate is not known, so the CRL's signature cannot be checked",
            ),
            Code::ChainIssuerKeyUnsupported => (
                "Ключ сертификата УЦ «{subject}» не поддерживается ({detail})",
                "The key of the CA certificate «{subject}» is not supported ({detail})",
            ),
            Code::ChainKeyUsage => (
                "Сертификат УЦ «{subject}» не разрешает подписывать сертификаты (keyUsage без keyCertSign)",
                "The CA certificate «{subject}» does not allow certificate signing (keyUsage without keyCertSign)",
            ),
            Code::ChainNotCa => (
                "Сертификат «{subject}» не является сертификатом УЦ (basicConstraints)",
                "The certificate «{subject}» is not a CA certificate (basicConstraints)",
            ),
            Code::ChainNotRevoked => (
                "Сертификат не был отозван на момент {time} (по переданному списку отзыва)",
                "The certificate was not revoked at {time} (by the CRL given)",
            ),
            Code::ChainNoIssuer => (
                "Сертификат издателя «{issuer}» не найден ни в подписи, ни в перечне УЦ, ни среди переданных сертификатов: цепочка не проверена",
                "The issuer's certificate «{issuer}» is not in the signature, the trust list or the certificates given: the chain was not checked",
            ),
            Code::ChainPathLength => (
                "Сертификат УЦ {subject} допускает не более {limit} промежуточных УЦ ниже себя, а в цепочке их {count}",
                "The CA certificate {subject} allows at most {limit} intermediate CAs below it; the chain has {count}",
            ),
            Code::ChainRevocationNotChecked => (
                "Отзыв сертификата не проверен: список отзыва издателя не передан",
                "Revocation was not checked: no CRL of the issuer was given",
            ),
            Code::ChainRevoked => (
                "Сертификат {serial} отозван и недействителен с {date}, до момента подписания",
                "The certificate {serial} is revoked, invalid from {date}, before the signing time",
            ),
            Code::ChainSignatureInvalid => (
                "Подпись сертификата «{subject}» не проверяется ключом УЦ «{issuer}»",
                "The signature on «{subject}» does not verify with the key of «{issuer}»",
            ),
            Code::ChainTooLong => (
                "Цепочка сертификатов длиннее {limit} звеньев",
                "The certificate chain is longer than {limit} links",
            ),
            Code::ChainUntrustedRoot => (
                "Цепочка заканчивается корневым сертификатом «{subject}», которого нет в перечне УЦ и среди переданных сертификатов",
                "The chain ends at the root «{subject}», which is neither in the trust list nor among the certificates given",
            ),
            Code::ChainValid => (
                "Цепочка сертификатов проверена до доверенного УЦ «{anchor}»",
                "The certificate chain verifies to the trusted CA «{anchor}»",
            ),
            Code::CmsAttributeDuplicate => (
                "Подписанный атрибут {name} встречается более одного раза или имеет несколько значений",
                "The signed attribute {name} appears more than once or has several values",
            ),
            Code::CmsAttributeMissing => (
                "В подписанных атрибутах нет обязательного атрибута {name} (RFC 5652 §5.3)",
                "The signed attributes lack the required attribute {name} (RFC 5652 §5.3)",
            ),
            Code::CmsBerUnterminated => (
                "Подпись в кодировке BER: неопределённая длина не закрыта (байт {offset})",
                "The signature uses BER with an indefinite length that is never closed (byte {offset})",
            ),
            Code::CmsCertificateNotSignature => (
                "Вместо файла подписи передан сертификат",
                "A certificate was given instead of a signature file",
            ),
            Code::CmsContentTypeMismatch => (
                "Атрибут content-type ({attribute}) не совпадает с типом подписанного содержимого ({content})",
                "The content-type attribute ({attribute}) differs from the signed content type ({content})",
            ),
            Code::CmsMalformed => (
                "Подпись повреждена: неверная структура ASN.1 (байт {offset}: {detail})",
                "The signature is malformed ASN.1 (byte {offset}: {detail})",
            ),
            Code::CmsNotSignedData => (
                "Файл не является подписью CMS SignedData (тип содержимого {oid})",
                "The file is not a CMS SignedData signature (content type {oid})",
            ),
            Code::CmsNoSigners => (
                "В файле нет ни одной подписи (только сертификаты)",
                "The file holds no signature (certificates only)",
            ),
            Code::CmsSignedAttrsNotDer => (
                "Подписанные атрибуты записаны не в DER (RFC 5652 §5.3); подпись проверяется по полученным байтам",
                "The signed attributes are not DER (RFC 5652 §5.3); the signature is checked over the bytes as received",
            ),
            Code::CmsTrailingData => (
                "После подписи в файле есть лишние данные: {size} байт с байта {offset}",
                "The file has {size} extra bytes after the signature, from byte {offset}",
            ),
            Code::CmsTruncated => (
                "Файл подписи обрезан: данные кончаются раньше объявленной длины (байт {offset})",
                "The signature file is truncated: the data ends before a declared length (byte {offset})",
            ),
            Code::CmsUnexpectedPdf => (
                "Вместо файла подписи передан PDF-документ",
                "A PDF document was given instead of a signature file",
            ),
            Code::CmsUnknownEncoding => (
                "Файл подписи не в DER, BER, PEM или base64",
                "The signature file is not DER, BER, PEM or base64",
            ),
            Code::DocumentNeededWhole => (
                "Для этой проверки нужен весь документ: данные изображений были пропущены при чтении; проверьте документ целиком",
                "This check needs the whole document: image data were left out while reading it; check the whole document",
            ),
            Code::InputEmpty => (
                "Файл «{file}» пуст",
                "The file «{file}» is empty",
            ),
            Code::InputTooLarge => (
                "Файл «{file}» слишком велик: {size} байт, предел {limit} байт",
                "The file «{file}» is too large: {size} bytes, the limit is {limit} bytes",
            ),
            Code::InputUnreadable => (
                "Не удалось прочитать файл «{file}»: {detail}",
                "Cannot read the file «{file}»: {detail}",
            ),
            Code::Internal => (
                "Внутренняя ошибка проверки: {detail}",
                "Internal error of the checker: {detail}",
            ),
            Code::LimitBudget => (
                "Проверка остановлена: исчерпан предел работы ({what}); вердикт не вынесен",
                "The check stopped: the work limit ran out ({what}); no verdict",
            ),
            Code::LimitCmsCertificates => (
                "В подписи больше {limit} сертификатов; проверка остановлена",
                "The signature carries more than {limit} certificates; the check stopped",
            ),
            Code::LimitCmsElements => (
                "{what}: больше {limit} элементов; проверка остановлена",
                "{what}: more than {limit} elements; the check stopped",
            ),
            Code::LimitCmsNesting => (
                "Вложенность ASN.1 глубже {limit} уровней (байт {offset}); проверка остановлена",
                "The ASN.1 nesting is deeper than {limit} levels (byte {offset}); the check stopped",
            ),
            Code::LimitCmsSigners => (
                "В подписи больше {limit} подписантов; проверка остановлена",
                "The signature has more than {limit} signers; the check stopped",
            ),
            Code::LimitDecompressed => (
                "Проверка PDF/A остановлена: поток «{what}» распаковывается сверх предела ({limit} байт на поток, общий предел или степень сжатия); вердикт не вынесен",
                "The PDF/A check stopped: the stream «{what}» inflates beyond a bound ({limit} bytes per stream, the total or the ratio); no verdict",
            ),
            Code::LimitNesting => (
                "Проверка PDF/A остановлена: {what} вложен глубже предела {limit}; вердикт не вынесен",
                "The PDF/A check stopped: {what} is nested deeper than the limit {limit}; no verdict",
            ),
            Code::LimitObjects => (
                "Проверка PDF/A остановлена: в файле {count} объектов, предел {limit}; вердикт не вынесен",
                "The PDF/A check stopped: the file has {count} objects, the limit is {limit}; no verdict",
            ),
            Code::OptionsInvalid => (
                "Неверный параметр проверки: {detail}",
                "Invalid check option: {detail}",
            ),
            Code::OptionsTime => (
                "Время «{value}» не в формате RFC 3339 (например, 2026-11-25T12:00:00Z)",
                "The time «{value}» is not RFC 3339 (for example 2026-11-25T12:00:00Z)",
            ),
            Code::PdfHeader => (
                "Заголовок PDF отсутствует или неверен: {detail}",
                "The PDF header is missing or malformed: {detail}",
            ),
            Code::PdfNotConforming => (
                "Документ не соответствует PDF/A-1: нарушено правил — {count}, первое — {rule}",
                "The document does not conform to PDF/A-1: {count} rules fail, the first is {rule}",
            ),
            Code::PdfNotPdf => (
                "Документ не является файлом PDF",
                "The document is not a PDF file",
            ),
            Code::PdfNotPdfA1 => (
                "Документ не заявлен как PDF/A-1: в метаданных XMP нет pdfaid:part = 1 ({detail})",
                "The document does not claim PDF/A-1: its XMP metadata has no pdfaid:part = 1 ({detail})",
            ),
            Code::PdfParse => (
                "Не удалось разобрать PDF: {detail}",
                "The PDF cannot be parsed: {detail}",
            ),
            Code::PdfSizeNearLimit => (
                "Размер {size} байт больше 15 000 000: портал может считать «15 Мб» в десятичных мегабайтах",
                "The size {size} bytes is above 15,000,000: the portal may count «15 MB» in decimal megabytes",
            ),
            Code::PdfSizeOverLimit => (
                "Документ слишком велик для портала: {size} байт, предел {limit} байт (15 МиБ)",
                "The document is too large for the portal: {size} bytes, the limit is {limit} bytes (15 MiB)",
            ),
            Code::PdfTruncated => (
                "Файл PDF обрезан: нет маркера %%EOF",
                "The PDF file is truncated: there is no %%EOF marker",
            ),
            Code::PolicyDateInvalid => (
                "Дата документа «{value}» не в формате ДД.ММ.ГГГГ или RFC 3339 (например, 25.11.2026 или 2026-11-25)",
                "The document date «{value}» is neither DD.MM.YYYY nor RFC 3339 (for example 25.11.2026 or 2026-11-25)",
            ),
            Code::PolicyDocumentTypeUnknown => (
                "Тип документа «{value}» неизвестен; список типов выдаёт catalogue",
                "The document type «{value}» is unknown; the catalogue lists the types",
            ),
            Code::PolicyEmployeeKindNotAllowed => (
                "Подпись работника вида {kind} не допускается для документа «{document}»: допустимы {allowed}",
                "The employee's {kind} signature is not allowed for «{document}»: allowed are {allowed}",
            ),
            Code::PolicyEmployeeNotSigner => (
                "Работник не подписывает документ «{document}»: проверьте тип документа или стороны подписей",
                "The employee does not sign «{document}»: check the document type or the parties of the signatures",
            ),
            Code::PolicyEmployeeSignatureMissing => (
                "Нет подписи работника под документом «{document}» (допустимы {allowed})",
                "The employee's signature on «{document}» is missing (allowed are {allowed})",
            ),
            Code::PolicyEmployeeSignsOnPortal => (
                "Работник подпишет документ «{document}» или ознакомится с ним на портале «Работа России» (допустимы {allowed})",
                "The employee signs or acknowledges «{document}» later on the «Работа России» portal (allowed are {allowed})",
            ),
            Code::PolicyEmployerKindNotAllowed => (
                "Подпись работодателя вида {kind} не допускается для документа «{document}»: допустимы {allowed}",
                "The employer's {kind} signature is not allowed for «{document}»: allowed are {allowed}",
            ),
            Code::PolicyEmployerNotSigner => (
                "Работодатель не подписывает документ «{document}»: проверьте тип документа или стороны подписей",
                "The employer does not sign «{document}»: check the document type or the parties of the signatures",
            ),
            Code::PolicyEmployerSignatureMissing => (
                "Нет подписи работодателя под документом «{document}» (допустимы {allowed})",
                "The employer's signature on «{document}» is missing (allowed are {allowed})",
            ),
            Code::PolicyFileNameEmpty => (
                "Для имени файла не осталось текста в поле {field} после удаления недопустимых символов",
                "No text is left in the field {field} for the file name after removing characters that are not allowed",
            ),
            Code::PolicyFileNameIncomplete => (
                "Имя файла по правилу портала («ФИО работника Подтип № документа от Дата») не составлено: нет полей {fields}",
                "The portal's file name («employee Subtype № number от date») cannot be made: the fields {fields} are missing",
            ),
            Code::PolicyFileNameShortened => (
                "Имя файла сокращено до {limit} байт UTF-8; дата и расширение сохранены",
                "The file name was shortened to {limit} UTF-8 bytes; the date and the extension are kept",
            ),
            Code::PolicyKindUnconfirmed => (
                "Подпись «УКЭП?» — квалифицированная, только если её удостоверяющий центр аккредитован: проверьте с перечнем аккредитованных УЦ или явно примите её как УКЭП (допустимы {allowed})",
                "The «УКЭП?» signature is qualified only if its CA is accredited: check it with the trust list of accredited CAs or accept it as УКЭП explicitly (allowed are {allowed})",
            ),
            Code::PolicyKindUnconfirmedAccepted => (
                "Подпись «УКЭП?» заявлена порталу как УКЭП по решению вызывающей стороны: аккредитация УЦ не проверена",
                "The «УКЭП?» signature is declared to the portal as УКЭП because the caller accepted it: the CA's accreditation is not checked",
            ),
            Code::PolicyKindUnepConditional => (
                "УНЭП допустима, только если её сертификат создан в инфраструктуре электронного правительства (ЕСИА) или порядок её проверки установлен соглашением сторон; по файлу подписи этого не установить",
                "An УНЭП is allowed only if its certificate was issued in the e-government infrastructure (ЕСИА) or the parties agreed how it is verified; the signature file cannot show which",
            ),
            Code::PolicyKindUnepEgovRequired => (
                "На портале «Работа России» допустима только УНЭП, сертификат которой создан и используется в инфраструктуре электронного правительства (ЕСИА); по файлу подписи этого не установить",
                "On the «Работа России» portal an УНЭП is allowed only if its certificate was issued and is used in the e-government infrastructure (ЕСИА); the signature file cannot show it",
            ),
            Code::PolicyNoSignatures => (
                "К документу «{document}» не приложено ни одной подписи",
                "No signature is given for «{document}»",
            ),
            Code::PolicyPaperOnly => (
                "Документ «{document}» оформляется только на бумаге ({citation}); загружать его в ЭКДО нельзя",
                "The document «{document}» is kept on paper only ({citation}); it may not be uploaded to ЭКДО",
            ),
            Code::PolicyPartiesMismatch => (
                "В метаданных указано сторон: {parties}, а файлов подписи: {signatures}",
                "The metadata names {parties} parties for {signatures} signature files",
            ),
            Code::PolicyPartyUnknown => (
                "Неизвестно, чья подпись в файле «{file}»: укажите стороны (parties) в метаданных",
                "It is unknown whose signature the file «{file}» holds: give the parties in the metadata",
            ),
            Code::PolicySignatureInvalid => (
                "Недействительная подпись не подтверждает документ и не может быть загружена на портал",
                "An invalid signature does not sign the document and cannot be uploaded to the portal",
            ),
            Code::QualAlgorithmGost => (
                "Ключ по ГОСТ Р 34.10 ({algorithm}) — допустим для квалифицированной подписи",
                "The key is GOST R 34.10 ({algorithm}): allowed for a qualified signature",
            ),
            Code::QualAlgorithmGost2001 => (
                "Ключ ГОСТ Р 34.10-2001 не допускается для квалифицированной подписи после 31.12.2018",
                "A GOST R 34.10-2001 key may not make a qualified signature after 31.12.2018",
            ),
            Code::QualAlgorithmNotGost => (
                "Ключ {algorithm} — не ГОСТ Р 34.10-2012: квалифицированной подпись быть не может",
                "The key is {algorithm}, not GOST R 34.10-2012: the signature cannot be qualified",
            ),
            Code::QualChainUnverified => (
                "Цепочка до аккредитованного УЦ не проверена: квалифицированность не подтверждена",
                "The chain to the accredited CA was not verified: the signature is not confirmed as qualified",
            ),
            Code::QualClassPolicy => (
                "Сертификат должен указывать класс средства ЭП (политика КС1–КА1, 1.2.643.100.113.1–6); указано: {found}",
                "The certificate must name a signature tool class (policy КС1–КА1, 1.2.643.100.113.1–6); it names: {found}",
            ),
            Code::QualCommonName => (
                "Имя владельца должно содержать общее имя (CN); в сертификате «{value}»",
                "The subject must have a common name (CN); the certificate has «{value}»",
            ),
            Code::QualDuplicateAttribute => (
                "Атрибут {oid} указан в имени владельца несколько раз с разными значениями",
                "The attribute {oid} appears in the subject more than once with different values",
            ),
            Code::QualIdentificationKind => (
                "Способ идентификации владельца (IdentificationKind, 1.2.643.100.114) должен быть 0–3; в сертификате {value}",
                "How the owner was identified (IdentificationKind, 1.2.643.100.114) must be 0–3; the certificate has {value}",
            ),
            Code::QualInn => (
                "ИНН владельца (1.2.643.3.131.1.1) должен иметь 12 цифр с верными контрольными цифрами; в сертификате «{value}»",
                "The owner's INN (1.2.643.3.131.1.1) must have 12 digits with valid check digits; the certificate has «{value}»",
            ),
            Code::QualInnle => (
                "ИНН юридического лица (1.2.643.100.4) должен иметь 10 цифр с верной контрольной цифрой; в сертификате «{value}»",
                "The organisation's INN (INNLE, 1.2.643.100.4) must have 10 digits with a valid check digit; the certificate has «{value}»",
            ),
            Code::QualIssuerAccredited => (
                "УЦ-издатель «{ca}» (реестровый № {number}) аккредитован на момент {time}",
                "The issuing CA «{ca}» (register no. {number}) was accredited at {time}",
            ),
            Code::QualIssuerNotAccredited => (
                "Аккредитация УЦ «{ca}» не действовала на момент {time} (статус в перечне: {status})",
                "The accreditation of «{ca}» was not in force at {time} (status in the list: {status})",
            ),
            Code::QualIssuerNotListed => (
                "УЦ-издатель отсутствует в перечне аккредитованных УЦ",
                "The issuing CA is not in the list of accredited CAs",
            ),
            Code::QualIssuerSignTool => (
                "Сертификат должен указывать средства ЭП и УЦ издателя (issuerSignTool, 1.2.643.100.112) четырьмя строками; в сертификате {count}",
                "The certificate must name the issuer's signature and CA tools (issuerSignTool, 1.2.643.100.112) in four strings; it has {count}",
            ),
            Code::QualKeyUsage => (
                "Использование ключа (keyUsage) должно допускать подпись (digitalSignature или nonRepudiation); указано: {found}",
                "The key usage (keyUsage) must allow signing (digitalSignature or nonRepudiation); it has: {found}",
            ),
            Code::QualName => (
                "Имя владельца должно содержать фамилию (SN) и имя с отчеством (GN); в сертификате «{surname}» «{given_name}»",
                "The subject must have a surname (SN) and given names (GN); the certificate has «{surname}» «{given_name}»",
            ),
            Code::QualNoProfile => (
                "Сертификат не соответствует профилю квалифицированного сертификата (приказ ФСБ № 795)",
                "The certificate does not have the qualified certificate profile (FSB order 795)",
            ),
            Code::QualNoTrustList => (
                "Перечень аккредитованных УЦ не передан: аккредитация издателя не проверена",
                "No trust list was given: the issuer's accreditation was not checked",
            ),
            Code::QualOgrn => (
                "ОГРН (1.2.643.100.1) должен иметь 13 цифр с верной контрольной цифрой; в сертификате «{value}»",
                "The OGRN (1.2.643.100.1) must have 13 digits with a valid check digit; the certificate has «{value}»",
            ),
            Code::QualOgrnip => (
                "ОГРНИП (1.2.643.100.5) должен иметь 15 цифр с верной контрольной цифрой; в сертификате «{value}»",
                "The OGRNIP (1.2.643.100.5) must have 15 digits with a valid check digit; the certificate has «{value}»",
            ),
            Code::QualOrganization => (
                "Имя владельца должно содержать наименование организации (O); в сертификате «{value}»",
                "The subject must have the organisation's name (O); the certificate has «{value}»",
            ),
            Code::QualProfile => (
                "Сертификат соответствует профилю квалифицированного сертификата (приказ ФСБ № 795)",
                "The certificate has the qualified certificate profile (FSB order 795)",
            ),
            Code::QualSelfSigned => (
                "Сертификат подписанта самоподписанный: квалифицированный сертификат выдаёт аккредитованный УЦ",
                "The signer's certificate is self-signed: a qualified certificate is issued by an accredited CA",
            ),
            Code::QualSnils => (
                "СНИЛС владельца (1.2.643.100.3) должен иметь 11 цифр с верным контрольным числом; в сертификате «{value}»",
                "The owner's SNILS (1.2.643.100.3) must have 11 digits with a valid check number; the certificate has «{value}»",
            ),
            Code::QualSubjectSignTool => (
                "Сертификат должен указывать средство ЭП владельца (subjectSignTool, 1.2.643.100.111); в сертификате: {found}",
                "The certificate must name the owner's signature tool (subjectSignTool, 1.2.643.100.111); it has: {found}",
            ),
            Code::QualUnconfirmed => (
                "Подпись «{file}» похожа на УКЭП, но аккредитация УЦ не проверена: передайте перечень аккредитованных УЦ, чтобы указать порталу тип подписи",
                "The signature «{file}» looks qualified, but the CA's accreditation was not checked: give the list of accredited CAs to declare the signature type to the portal",
            ),
            Code::SignCertificateNotValid => (
                "Сертификат подписанта не действует на время подписания {at}: срок действия с {not_before} по {not_after}",
                "The signer's certificate is not valid at the signing time {at}: it is valid from {not_before} to {not_after}",
            ),
            Code::SignDigestInvalid => (
                "Хэш документа для подписи должен иметь длину {expected} байт ({algorithm}); передано {actual} байт",
                "The document digest to sign must be {expected} bytes long ({algorithm}); {actual} bytes were given",
            ),
            Code::SignDocumentMismatch => (
                "Подпись «{signer}», уже имеющаяся в файле, поставлена под другим документом; добавить к ней подпись этого документа нельзя",
                "The signature of «{signer}» already in the file signs another document; a signature of this document cannot join it",
            ),
            Code::SignExistingInvalid => (
                "К файлу подписи нельзя добавить подпись: {detail}",
                "A signature cannot be added to the signature file: {detail}",
            ),
            Code::SignKeyCertificateMismatch => (
                "Закрытый ключ не соответствует сертификату «{subject}»: открытый ключ сертификата другой",
                "The private key does not belong to the certificate «{subject}»: the certificate holds another public key",
            ),
            Code::SignKeyInvalid => (
                "Закрытый ключ нельзя использовать: {detail}",
                "The private key cannot be used: {detail}",
            ),
            Code::SignKeyUnsupported => (
                "Подписание ключом {algorithm} не поддерживается: {detail}",
                "Signing with {algorithm} keys is not supported: {detail}",
            ),
            Code::SignSignatureInvalid => (
                "Значение подписи не проверяется открытым ключом сертификата; файл подписи не создан: {detail}",
                "The signature value does not verify with the certificate's public key; no signature file was made: {detail}",
            ),
            Code::SignSignerPresent => (
                "Владелец сертификата «{signer}» уже подписал этот файл подписи",
                "The holder of the certificate «{signer}» has already signed this signature file",
            ),
            Code::SignStateInvalid => (
                "Сохранённое состояние подписания нельзя использовать: {detail}",
                "The saved signing state cannot be used: {detail}",
            ),
            Code::SigAlgorithmMismatch => (
                "Алгоритм подписи {algorithm} не соответствует ключу {key}",
                "The signature algorithm {algorithm} does not match the key {key}",
            ),
            Code::SigContentMismatch => (
                "Подпись содержит вложенный документ, и он отличается от проверяемого",
                "The signature carries attached content that differs from the document",
            ),
            Code::SigDigestMismatch => (
                "Хэш документа не совпадает с подписанным (messageDigest): документ изменён после подписания или подпись не к нему",
                "The document's digest differs from the signed one (messageDigest): the document changed after signing or the signature is for another one",
            ),
            Code::SigEncoding => (
                "Значение подписи имеет неверный формат: {detail}",
                "The signature value is malformed: {detail}",
            ),
            Code::SigInvalid => (
                "Подпись неверна: математическая проверка не прошла",
                "The signature is invalid: the mathematical check failed",
            ),
            Code::SigMissing => (
                "Нет файла откреплённой подписи: портал ждёт документ и его подпись",
                "No detached signature file: the portal expects the document and its signature",
            ),
            Code::SigNoCertificate => (
                "Сертификат подписанта не найден ни в подписи, ни среди переданных сертификатов",
                "The signer's certificate is neither in the signature nor among the certificates given",
            ),
            Code::SigSigningCertificateMismatch => (
                "Подписанный атрибут signingCertificate указывает на другой сертификат, не на вложенный",
                "The signed signingCertificate attribute names another certificate than the one embedded",
            ),
            Code::SigSigningTimeAfterCheck => (
                "Время подписания {signing_time} позже момента проверки {time}: оно не может быть верным, сертификат проверен на момент проверки",
                "The signing time {signing_time} is after the check time {time}: it cannot be true, the certificate is judged at the check time",
            ),
            Code::SigTimestampInvalid => (
                "Штамп времени {time} не принят: {detail}; время подписания по нему не установлено",
                "The time-stamp of {time} is not accepted: {detail}; it does not establish the signing time",
            ),
            Code::SigTimestampVerified => (
                "Штамп времени {time} службы «{tsa}» проверен: подпись создана не позже этого момента",
                "The time-stamp of {time} by «{tsa}» verifies: the signature existed at that time",
            ),
            Code::SigUnsupportedAlgorithm => (
                "Алгоритм подписи или хэширования {oid} не поддерживается",
                "The signature or digest algorithm {oid} is not supported",
            ),
            Code::SigVerified => (
                "Подпись верна и относится к этому документу",
                "The signature verifies and belongs to this document",
            ),
            Code::TslBadBase64 => (
                "Список УЦ: неверный base64 в элементе {element} (байт {offset})",
                "Trust list: malformed base64 in the element {element} (byte {offset})",
            ),
            Code::TslBadDate => (
                "Список УЦ: неверная дата «{value}» в элементе {element} (байт {offset})",
                "Trust list: malformed date «{value}» in the element {element} (byte {offset})",
            ),
            Code::TslBadHex => (
                "Список УЦ: неверное шестнадцатеричное значение «{value}» в элементе {element} (байт {offset})",
                "Trust list: malformed hexadecimal value «{value}» in the element {element} (byte {offset})",
            ),
            Code::TslCertificateUnreadable => (
                "Список УЦ: сертификат УЦ «{authority}» не читается как X.509 ({detail}); он не участвует в поиске по имени",
                "Trust list: a certificate of the CA «{authority}» cannot be read as X.509 ({detail}); it is not searched by name",
            ),
            Code::TslNotXml => (
                "Список УЦ не является корректным XML: {detail} (байт {offset})",
                "The trust list is not well-formed XML: {detail} (byte {offset})",
            ),
            Code::TslThumbprintMismatch => (
                "Список УЦ: отпечаток {written} у УЦ «{authority}» не совпадает с SHA-1 сертификата {computed}",
                "Trust list: the thumbprint {written} of the CA «{authority}» is not the SHA-1 of its certificate, {computed}",
            ),
            Code::TslTooLarge => (
                "Список УЦ превышает предел: {what} больше {limit}",
                "The trust list exceeds a bound: {what} is over {limit}",
            ),
            Code::TslTruncated => (
                "Список УЦ обрезан: файл кончается до закрытия элементов (байт {offset})",
                "The trust list is truncated: the file ends before its elements are closed (byte {offset})",
            ),
            Code::TslWrongRoot => (
                "Файл не является списком аккредитованных УЦ: корневой элемент «{name}», ожидался «АккредитованныеУдостоверяющиеЦентры»",
                "The file is not a list of accredited CAs: the root element is «{name}», not «АккредитованныеУдостоверяющиеЦентры»",
            ),
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A code with the context that fills its message: what went wrong, and where.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Finding {
    /// The stable code.
    pub code: Code,
    /// Named values for the message slots, in the order they were added.
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    /// A finding without context.
    pub fn new(code: Code) -> Self {
        Finding { code, args: Vec::new() }
    }

    /// Adds a named value for a slot of the message.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The value of a named argument.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// The Russian message with its slots filled.
    pub fn message_ru(&self) -> String {
        fill(self.code.texts().0, &self.args)
    }

    /// The English message with its slots filled.
    pub fn message_en(&self) -> String {
        fill(self.code.texts().1, &self.args)
    }

    /// The finding as the report writes it.
    pub fn to_message(&self) -> Message {
        Message {
            code: self.code.as_str().to_owned(),
            message_ru: self.message_ru(),
            message_en: self.message_en(),
            args: self.args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        }
    }
}

impl From<Code> for Finding {
    fn from(code: Code) -> Self {
        Finding::new(code)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message_en())
    }
}

impl std::error::Error for Finding {}

/// A coded message as the report carries it: the code, both texts and the arguments, so a
/// frontend can re-render it.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct Message {
    /// The stable code, such as `"PDF_NOT_PDF"`.
    pub code: String,
    /// The Russian text.
    pub message_ru: String,
    /// The English text.
    pub message_en: String,
    /// The values that filled the message slots.
    pub args: BTreeMap<String, String>,
}

/// Fills `{name}` slots of a template; a slot without a value is left as it is.
fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        match after.find('}') {
            Some(close) => {
                let name = after.get(1..close).unwrap_or_default();
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(after.get(..=close).unwrap_or_default()),
                }
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The slot names a template uses, in order.
pub fn slots(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        match after.find('}') {
            Some(close) => {
                names.push(after.get(..close).unwrap_or_default());
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_translated() {
        let mut seen = std::collections::BTreeSet::new();
        let mut previous = "";
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(s > previous, "{s} is out of alphabetical order");
            previous = s;
            let (ru, en) = code.texts();
            assert!(!ru.trim().is_empty() && !en.trim().is_empty(), "{s} lacks a text");
            let mut ru_slots = slots(ru);
            let mut en_slots = slots(en);
            ru_slots.sort_unstable();
            en_slots.sort_unstable();
            assert_eq!(ru_slots, en_slots, "{s}: the two texts use different slots");
        }
    }

    #[test]
    fn golden_list_matches() {
        let golden = include_str!("../tests/data/codes.txt");
        let listed: Vec<&str> = golden.lines().filter(|l| !l.trim().is_empty()).collect();
        let actual: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, actual, "tests/data/codes.txt must list every code in order");
    }

    #[test]
    fn fills_slots() {
        let f = Finding::new(Code::InputTooLarge).arg("file", "a.pdf").arg("size", 10).arg("limit", 5);
        assert_eq!(f.message_en(), "The file «a.pdf» is too large: 10 bytes, the limit is 5 bytes");
        assert!(f.message_ru().contains("a.pdf"));
        let m = f.to_message();
        assert_eq!(m.code, "INPUT_TOO_LARGE");
        assert_eq!(m.args.get("size").map(String::as_str), Some("10"));
    }
}
