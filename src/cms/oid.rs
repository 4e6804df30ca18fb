//! Object identifiers used by the CMS and certificate readers, each with the document that
//! defines it, and the name maps the report uses (`key_algorithm_name`, `digest_algorithm_name`,
//! `attribute_name`).

use const_oid::ObjectIdentifier;

/// An OID constant.
const fn oid(s: &str) -> ObjectIdentifier {
    ObjectIdentifier::new_unwrap(s)
}

// ---------------------------------------------------------------------------------------------
// CMS content types

/// id-data, RFC 5652 §4.
pub const DATA: ObjectIdentifier = oid("1.2.840.113549.1.7.1");
/// id-signedData, RFC 5652 §5.1.
pub const SIGNED_DATA: ObjectIdentifier = oid("1.2.840.113549.1.7.2");
/// id-envelopedData, RFC 5652 §6.1.
pub const ENVELOPED_DATA: ObjectIdentifier = oid("1.2.840.113549.1.7.3");
/// id-ct-TSTInfo, RFC 3161 §2.4.2.
pub const TST_INFO: ObjectIdentifier = oid("1.2.840.113549.1.9.16.1.4");

// ---------------------------------------------------------------------------------------------
// CMS attributes (RFC 5652 §11, RFC 2634, RFC 5035, RFC 3161, ETSI EN 319 122-1)

/// id-contentType, RFC 5652 §11.1.
pub const ATTR_CONTENT_TYPE: ObjectIdentifier = oid("1.2.840.113549.1.9.3");
/// id-messageDigest, RFC 5652 §11.2.
pub const ATTR_MESSAGE_DIGEST: ObjectIdentifier = oid("1.2.840.113549.1.9.4");
/// id-signingTime, RFC 5652 §11.3.
pub const ATTR_SIGNING_TIME: ObjectIdentifier = oid("1.2.840.113549.1.9.5");
/// id-countersignature, RFC 5652 §11.4.
pub const ATTR_COUNTER_SIGNATURE: ObjectIdentifier = oid("1.2.840.113549.1.9.6");
/// smimeCapabilities, RFC 8551 §2.5.2.
pub const ATTR_SMIME_CAPABILITIES: ObjectIdentifier = oid("1.2.840.113549.1.9.15");
/// id-aa-CMSAlgorithmProtection, RFC 6211 §2.
pub const ATTR_CMS_ALGORITHM_PROTECTION: ObjectIdentifier = oid("1.2.840.113549.1.9.52");
/// id-aa-receiptRequest, RFC 2634 §2.7.
pub const ATTR_RECEIPT_REQUEST: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.1");
/// id-aa-contentHint, RFC 2634 §2.9.
pub const ATTR_CONTENT_HINT: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.4");
/// id-aa-contentIdentifier, RFC 2634 §2.7.
pub const ATTR_CONTENT_IDENTIFIER: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.7");
/// id-aa-signingCertificate (ESS, SHA-1), RFC 2634 §5.4.
pub const ATTR_SIGNING_CERTIFICATE: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.12");
/// id-aa-signatureTimeStampToken, RFC 3161 Appendix A; ETSI EN 319 122-1 §5.3.
pub const ATTR_SIGNATURE_TIME_STAMP: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.14");
/// id-aa-ets-sigPolicyId, ETSI EN 319 122-1 §5.2.9.
pub const ATTR_SIGNATURE_POLICY: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.15");
/// id-aa-ets-commitmentType, ETSI EN 319 122-1 §5.2.3.
pub const ATTR_COMMITMENT_TYPE: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.16");
/// id-aa-ets-signerLocation, ETSI EN 319 122-1 §5.2.5.
pub const ATTR_SIGNER_LOCATION: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.17");
/// id-aa-ets-signerAttr, ETSI EN 319 122-1 §5.2.6.1 (RFC 5126).
pub const ATTR_SIGNER_ATTRIBUTES: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.18");
/// id-aa-ets-contentTimestamp, ETSI EN 319 122-1 §5.2.8.
pub const ATTR_CONTENT_TIME_STAMP: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.20");
/// id-aa-ets-certificateRefs (complete-certificate-references), ETSI EN 319 122-1 §A.1.1.
pub const ATTR_CERTIFICATE_REFS: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.21");
/// id-aa-ets-revocationRefs (complete-revocation-references), ETSI EN 319 122-1 §A.1.2.
pub const ATTR_REVOCATION_REFS: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.22");
/// id-aa-ets-certValues (certificate-values), ETSI EN 319 122-1 §A.1.3.
pub const ATTR_CERTIFICATE_VALUES: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.23");
/// id-aa-ets-revocationValues (revocation-values), ETSI EN 319 122-1 §A.1.4.
pub const ATTR_REVOCATION_VALUES: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.24");
/// id-aa-ets-escTimeStamp (CAdES-C-timestamp), ETSI EN 319 122-1 §A.1.5.
pub const ATTR_CADES_C_TIME_STAMP: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.25");
/// id-aa-ets-certCRLTimestamp (time-stamped-certs-crls-references), ETSI EN 319 122-1 §A.1.6.
pub const ATTR_CERT_CRL_TIME_STAMP: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.26");
/// id-aa-ets-archiveTimestamp (v1, obsolete), RFC 3126 §6.4.1.
pub const ATTR_ARCHIVE_TIME_STAMP_V1: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.27");
/// id-aa-signingCertificateV2 (ESS), RFC 5035 §3.
pub const ATTR_SIGNING_CERTIFICATE_V2: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.47");
/// id-aa-ets-archiveTimestampV2, RFC 5126 §6.4.1.
pub const ATTR_ARCHIVE_TIME_STAMP_V2: ObjectIdentifier = oid("1.2.840.113549.1.9.16.2.48");
/// id-aa-ets-longTermValidation, ETSI TS 101 733 v1.8.1 §6.4.2.
pub const ATTR_LONG_TERM_VALIDATION: ObjectIdentifier = oid("0.4.0.1733.2.2");
/// id-aa-ets-archiveTimestampV3, ETSI EN 319 122-1 §5.5.3.
pub const ATTR_ARCHIVE_TIME_STAMP_V3: ObjectIdentifier = oid("0.4.0.1733.2.4");
/// id-aa-ATSHashIndex, ETSI TS 101 733 v2.2.1 §6.4.2.
pub const ATTR_ATS_HASH_INDEX: ObjectIdentifier = oid("0.4.0.1733.2.5");
/// id-aa-ATSHashIndex-v3, ETSI EN 319 122-1 §5.5.2.
pub const ATTR_ATS_HASH_INDEX_V3: ObjectIdentifier = oid("0.4.0.19122.1.5");
/// id-aa-ets-signerAttrV2, ETSI EN 319 122-1 §5.2.6.1.
pub const ATTR_SIGNER_ATTRIBUTES_V2: ObjectIdentifier = oid("0.4.0.19122.1.1");
/// id-aa-ets-sigPolicyStore, ETSI EN 319 122-1 §5.2.10.
pub const ATTR_SIGNATURE_POLICY_STORE: ObjectIdentifier = oid("0.4.0.19122.1.3");
/// Vendor attribute «комментарий к подписи», arc 1.2.643.2.45.1.1 of Russian signing tools
/// (names as in the gostcrypto OID table; no public specification).
pub const ATTR_SIGNATURE_COMMENT: ObjectIdentifier = oid("1.2.643.2.45.1.1.1");
/// Vendor attribute «имя документа» (the signed file's name), arc 1.2.643.2.45.1.1 of Russian
/// signing tools (resourceName in the gostcrypto OID table; no public specification).
pub const ATTR_RESOURCE_NAME: ObjectIdentifier = oid("1.2.643.2.45.1.1.2");
/// Vendor attribute «назначение подписи», arc 1.2.643.2.45.1.1 of Russian signing tools
/// (signatureUsage in the gostcrypto OID table; no public specification).
pub const ATTR_SIGNATURE_USAGE: ObjectIdentifier = oid("1.2.643.2.45.1.1.3");

// ---------------------------------------------------------------------------------------------
// Digest algorithms

/// id-sha1, RFC 3370 §2.1.
pub const SHA1: ObjectIdentifier = oid("1.3.14.3.2.26");
/// id-sha256, RFC 5754 §2.2.
pub const SHA256: ObjectIdentifier = oid("2.16.840.1.101.3.4.2.1");
/// id-sha384, RFC 5754 §2.3.
pub const SHA384: ObjectIdentifier = oid("2.16.840.1.101.3.4.2.2");
/// id-sha512, RFC 5754 §2.4.
pub const SHA512: ObjectIdentifier = oid("2.16.840.1.101.3.4.2.3");
/// id-sha224, RFC 5754 §2.1.
pub const SHA224: ObjectIdentifier = oid("2.16.840.1.101.3.4.2.4");
/// id-GostR3411-94 (GOST R 34.11-94), RFC 4357 §10.4.
pub const GOSTR3411_94: ObjectIdentifier = oid("1.2.643.2.2.9");
/// id-tc26-gost3411-12-256 (Streebog-256, GOST R 34.11-2012), RFC 9215 §2.1.
pub const STREEBOG_256: ObjectIdentifier = oid("1.2.643.7.1.1.2.2");
/// id-tc26-gost3411-12-512 (Streebog-512, GOST R 34.11-2012), RFC 9215 §2.1.
pub const STREEBOG_512: ObjectIdentifier = oid("1.2.643.7.1.1.2.3");

// ---------------------------------------------------------------------------------------------
// Public key and signature algorithms

/// rsaEncryption, RFC 8017 Appendix C; RFC 3279 §2.3.1.
pub const RSA_ENCRYPTION: ObjectIdentifier = oid("1.2.840.113549.1.1.1");
/// id-RSASSA-PSS, RFC 8017 Appendix C; RFC 4055 §3.1.
pub const RSASSA_PSS: ObjectIdentifier = oid("1.2.840.113549.1.1.10");
/// sha256WithRSAEncryption, RFC 4055 §5.
pub const SHA256_WITH_RSA: ObjectIdentifier = oid("1.2.840.113549.1.1.11");
/// sha384WithRSAEncryption, RFC 4055 §5.
pub const SHA384_WITH_RSA: ObjectIdentifier = oid("1.2.840.113549.1.1.12");
/// sha512WithRSAEncryption, RFC 4055 §5.
pub const SHA512_WITH_RSA: ObjectIdentifier = oid("1.2.840.113549.1.1.13");
/// id-ecPublicKey, RFC 5480 §2.1.1.
pub const EC_PUBLIC_KEY: ObjectIdentifier = oid("1.2.840.10045.2.1");
/// ecdsa-with-SHA256, RFC 5758 §3.2.
pub const ECDSA_WITH_SHA256: ObjectIdentifier = oid("1.2.840.10045.4.3.2");
/// ecdsa-with-SHA384, RFC 5758 §3.2.
pub const ECDSA_WITH_SHA384: ObjectIdentifier = oid("1.2.840.10045.4.3.3");
/// secp256r1 (P-256), RFC 5480 §2.1.1.1.
pub const SECP256R1: ObjectIdentifier = oid("1.2.840.10045.3.1.7");
/// secp384r1 (P-384), RFC 5480 §2.1.1.1.
pub const SECP384R1: ObjectIdentifier = oid("1.3.132.0.34");
/// id-GostR3410-2001 (public key), RFC 4491 §2.3.2.
pub const GOSTR3410_2001: ObjectIdentifier = oid("1.2.643.2.2.19");
/// id-GostR3411-94-with-GostR3410-2001 (signature), RFC 4491 §2.2.2.
pub const GOSTR3411_94_WITH_GOSTR3410_2001: ObjectIdentifier = oid("1.2.643.2.2.3");
/// id-tc26-gost3410-12-256 (public key), RFC 9215 §3.
pub const GOST2012_256: ObjectIdentifier = oid("1.2.643.7.1.1.1.1");
/// id-tc26-gost3410-12-512 (public key), RFC 9215 §3.
pub const GOST2012_512: ObjectIdentifier = oid("1.2.643.7.1.1.1.2");
/// id-tc26-signwithdigest-gost3410-12-256, RFC 9215 §4.
pub const GOST2012_256_WITH_STREEBOG: ObjectIdentifier = oid("1.2.643.7.1.1.3.2");
/// id-tc26-signwithdigest-gost3410-12-512, RFC 9215 §4.
pub const GOST2012_512_WITH_STREEBOG: ObjectIdentifier = oid("1.2.643.7.1.1.3.3");

// ---------------------------------------------------------------------------------------------
// Name attributes (RFC 5280 Appendix A, X.520; FSB order 795 §18; PKCS #9)

/// id-at-commonName (CN), X.520; RFC 5280 Appendix A.1.
pub const AT_COMMON_NAME: ObjectIdentifier = oid("2.5.4.3");
/// id-at-surname (SN), X.520; RFC 5280 Appendix A.1.
pub const AT_SURNAME: ObjectIdentifier = oid("2.5.4.4");
/// id-at-serialNumber, X.520; RFC 5280 Appendix A.1.
pub const AT_SERIAL_NUMBER: ObjectIdentifier = oid("2.5.4.5");
/// id-at-countryName (C), X.520; RFC 5280 Appendix A.1.
pub const AT_COUNTRY: ObjectIdentifier = oid("2.5.4.6");
/// id-at-localityName (L), X.520; RFC 5280 Appendix A.1.
pub const AT_LOCALITY: ObjectIdentifier = oid("2.5.4.7");
/// id-at-stateOrProvinceName (ST, «S» in Russian tools), X.520; RFC 5280 Appendix A.1.
pub const AT_STATE: ObjectIdentifier = oid("2.5.4.8");
/// id-at-streetAddress (STREET), X.520 §6.3.3; FSB order 795 §18.
pub const AT_STREET: ObjectIdentifier = oid("2.5.4.9");
/// id-at-organizationName (O), X.520; RFC 5280 Appendix A.1.
pub const AT_ORGANIZATION: ObjectIdentifier = oid("2.5.4.10");
/// id-at-organizationalUnitName (OU), X.520; RFC 5280 Appendix A.1.
pub const AT_ORGANIZATIONAL_UNIT: ObjectIdentifier = oid("2.5.4.11");
/// id-at-title (T), X.520; RFC 5280 Appendix A.1.
pub const AT_TITLE: ObjectIdentifier = oid("2.5.4.12");
/// id-at-givenName (GN, «G» in Russian tools), X.520; RFC 5280 Appendix A.1.
pub const AT_GIVEN_NAME: ObjectIdentifier = oid("2.5.4.42");
/// id-at-pseudonym, X.520; RFC 5280 Appendix A.1.
pub const AT_PSEUDONYM: ObjectIdentifier = oid("2.5.4.65");
/// emailAddress (E), PKCS #9 (RFC 2985 §5.2.1).
pub const AT_EMAIL: ObjectIdentifier = oid("1.2.840.113549.1.9.1");
/// ОГРН (OGRN, 13 digits), FSB order 795 §18.
pub const AT_OGRN: ObjectIdentifier = oid("1.2.643.100.1");
/// СНИЛС (SNILS, 11 digits), FSB order 795 §18.
pub const AT_SNILS: ObjectIdentifier = oid("1.2.643.100.3");
/// ИНН ЮЛ (INNLE, an organisation's 10-digit INN), FSB order 795 §18 (as amended in 2020).
pub const AT_INNLE: ObjectIdentifier = oid("1.2.643.100.4");
/// ОГРНИП (OGRNIP, 15 digits), FSB order 795 §18.
pub const AT_OGRNIP: ObjectIdentifier = oid("1.2.643.100.5");
/// ИНН (INN, 12 digits for a person), FSB order 795 §18.
pub const AT_INN: ObjectIdentifier = oid("1.2.643.3.131.1.1");

// ---------------------------------------------------------------------------------------------
// Certificate extensions (RFC 5280 §4.2; FSB order 795 §§ 3, 4, 7)

/// id-ce-subjectKeyIdentifier, RFC 5280 §4.2.1.2.
pub const EXT_SUBJECT_KEY_ID: ObjectIdentifier = oid("2.5.29.14");
/// id-ce-keyUsage, RFC 5280 §4.2.1.3.
pub const EXT_KEY_USAGE: ObjectIdentifier = oid("2.5.29.15");
/// id-ce-privateKeyUsagePeriod, RFC 3280 §4.2.1.4 (FSB order 795 requires it for the key's term).
pub const EXT_PRIVATE_KEY_USAGE_PERIOD: ObjectIdentifier = oid("2.5.29.16");
/// id-ce-subjectAltName, RFC 5280 §4.2.1.6.
pub const EXT_SUBJECT_ALT_NAME: ObjectIdentifier = oid("2.5.29.17");
/// id-ce-issuerAltName, RFC 5280 §4.2.1.7.
pub const EXT_ISSUER_ALT_NAME: ObjectIdentifier = oid("2.5.29.18");
/// id-ce-basicConstraints, RFC 5280 §4.2.1.9.
pub const EXT_BASIC_CONSTRAINTS: ObjectIdentifier = oid("2.5.29.19");
/// id-ce-cRLDistributionPoints, RFC 5280 §4.2.1.13.
pub const EXT_CRL_DISTRIBUTION_POINTS: ObjectIdentifier = oid("2.5.29.31");
/// id-ce-certificatePolicies, RFC 5280 §4.2.1.4.
pub const EXT_CERTIFICATE_POLICIES: ObjectIdentifier = oid("2.5.29.32");
/// id-ce-freshestCRL, RFC 5280 §4.2.1.15.
pub const EXT_FRESHEST_CRL: ObjectIdentifier = oid("2.5.29.46");
/// id-ce-authorityKeyIdentifier, RFC 5280 §4.2.1.1.
pub const EXT_AUTHORITY_KEY_ID: ObjectIdentifier = oid("2.5.29.35");
/// id-ce-extKeyUsage, RFC 5280 §4.2.1.12.
pub const EXT_EXTENDED_KEY_USAGE: ObjectIdentifier = oid("2.5.29.37");
/// id-pe-authorityInfoAccess, RFC 5280 §4.2.2.1.
pub const EXT_AUTHORITY_INFO_ACCESS: ObjectIdentifier = oid("1.3.6.1.5.5.7.1.1");
/// subjectSignTool (средство ЭП владельца), FSB order 795 §3.
pub const EXT_SUBJECT_SIGN_TOOL: ObjectIdentifier = oid("1.2.643.100.111");
/// issuerSignTool (средства ЭП и УЦ издателя), FSB order 795 §4.
pub const EXT_ISSUER_SIGN_TOOL: ObjectIdentifier = oid("1.2.643.100.112");
/// IdentificationKind (способ идентификации владельца), FSB order 795 §7 (as amended in 2020).
pub const EXT_IDENTIFICATION_KIND: ObjectIdentifier = oid("1.2.643.100.114");

/// id-ad-ocsp, RFC 5280 §4.2.2.1.
pub const AD_OCSP: ObjectIdentifier = oid("1.3.6.1.5.5.7.48.1");
/// id-ad-caIssuers, RFC 5280 §4.2.2.1.
pub const AD_CA_ISSUERS: ObjectIdentifier = oid("1.3.6.1.5.5.7.48.2");
/// id-kp-timeStamping, RFC 5280 §4.2.1.12; a TSA's certificate must have it (RFC 3161 §2.3).
pub const KP_TIME_STAMPING: ObjectIdentifier = oid("1.3.6.1.5.5.7.3.8");

// ---------------------------------------------------------------------------------------------
// Certificate policies: classes of signature tools (FSB order 795 §5; FSB order 796)

/// КС1 signature tool class, FSB order 795 §5.
pub const POLICY_KC1: ObjectIdentifier = oid("1.2.643.100.113.1");
/// КС2 signature tool class, FSB order 795 §5.
pub const POLICY_KC2: ObjectIdentifier = oid("1.2.643.100.113.2");
/// КС3 signature tool class, FSB order 795 §5.
pub const POLICY_KC3: ObjectIdentifier = oid("1.2.643.100.113.3");
/// КВ1 signature tool class, FSB order 795 §5.
pub const POLICY_KB1: ObjectIdentifier = oid("1.2.643.100.113.4");
/// КВ2 signature tool class, FSB order 795 §5.
pub const POLICY_KB2: ObjectIdentifier = oid("1.2.643.100.113.5");
/// КА1 signature tool class, FSB order 795 §5.
pub const POLICY_KA1: ObjectIdentifier = oid("1.2.643.100.113.6");

/// The class name (`"КС1"` .. `"КА1"`) of a signature-tool policy OID.
pub fn policy_class(policy: &ObjectIdentifier) -> Option<&'static str> {
    const CLASSES: [(ObjectIdentifier, &str); 6] = [
        (POLICY_KC1, "КС1"),
        (POLICY_KC2, "КС2"),
        (POLICY_KC3, "КС3"),
        (POLICY_KB1, "КВ1"),
        (POLICY_KB2, "КВ2"),
        (POLICY_KA1, "КА1"),
    ];
    CLASSES.iter().find(|(o, _)| o == policy).map(|(_, n)| *n)
}

/// The report's name of a public key algorithm: `gost2012-256`, `gost2012-512`, `gost2001`,
/// `rsa`, `ecdsa-p256`, `ecdsa-p384`. `curve` is the EC named curve (the key parameters) and is
/// only looked at for id-ecPublicKey.
pub fn key_algorithm_name(oid: &ObjectIdentifier, curve: Option<&ObjectIdentifier>) -> Option<&'static str> {
    if *oid == GOST2012_256 {
        Some("gost2012-256")
    } else if *oid == GOST2012_512 {
        Some("gost2012-512")
    } else if *oid == GOSTR3410_2001 {
        Some("gost2001")
    } else if *oid == RSA_ENCRYPTION {
        Some("rsa")
    } else if *oid == EC_PUBLIC_KEY {
        match curve {
            Some(c) if *c == SECP256R1 => Some("ecdsa-p256"),
            Some(c) if *c == SECP384R1 => Some("ecdsa-p384"),
            _ => None,
        }
    } else {
        None
    }
}

/// The report's name of a digest algorithm: `streebog256`, `streebog512`, `gostr3411-94`,
/// `sha1`, `sha256`, `sha384`, `sha512`.
pub fn digest_algorithm_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    const DIGESTS: [(ObjectIdentifier, &str); 7] = [
        (STREEBOG_256, "streebog256"),
        (STREEBOG_512, "streebog512"),
        (GOSTR3411_94, "gostr3411-94"),
        (SHA1, "sha1"),
        (SHA256, "sha256"),
        (SHA384, "sha384"),
        (SHA512, "sha512"),
    ];
    DIGESTS.iter().find(|(o, _)| o == oid).map(|(_, n)| *n)
}

/// The name of a CMS / CAdES attribute, as ETSI EN 319 122-1 and RFC 5652 write it
/// (`"signing-certificate-v2"`, `"signature-time-stamp"`, ...), vendor ones included.
pub fn attribute_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    const NAMES: [(ObjectIdentifier, &str); 34] = [
        (ATTR_CONTENT_TYPE, "content-type"),
        (ATTR_MESSAGE_DIGEST, "message-digest"),
        (ATTR_SIGNING_TIME, "signing-time"),
        (ATTR_COUNTER_SIGNATURE, "countersignature"),
        (ATTR_SMIME_CAPABILITIES, "smime-capabilities"),
        (ATTR_CMS_ALGORITHM_PROTECTION, "cms-algorithm-protection"),
        (ATTR_RECEIPT_REQUEST, "receipt-request"),
        (ATTR_CONTENT_HINT, "content-hints"),
        (ATTR_CONTENT_IDENTIFIER, "content-identifier"),
        (ATTR_SIGNING_CERTIFICATE, "signing-certificate"),
        (ATTR_SIGNATURE_TIME_STAMP, "signature-time-stamp"),
        (ATTR_SIGNATURE_POLICY, "signature-policy-identifier"),
        (ATTR_COMMITMENT_TYPE, "commitment-type-indication"),
        (ATTR_SIGNER_LOCATION, "signer-location"),
        (ATTR_SIGNER_ATTRIBUTES, "signer-attributes"),
        (ATTR_CONTENT_TIME_STAMP, "content-time-stamp"),
        (ATTR_CERTIFICATE_REFS, "complete-certificate-references"),
        (ATTR_REVOCATION_REFS, "complete-revocation-references"),
        (ATTR_CERTIFICATE_VALUES, "certificate-values"),
        (ATTR_REVOCATION_VALUES, "revocation-values"),
        (ATTR_CADES_C_TIME_STAMP, "cades-c-time-stamp"),
        (ATTR_CERT_CRL_TIME_STAMP, "time-stamped-certs-crls-references"),
        (ATTR_ARCHIVE_TIME_STAMP_V1, "archive-time-stamp-v1"),
        (ATTR_SIGNING_CERTIFICATE_V2, "signing-certificate-v2"),
        (ATTR_ARCHIVE_TIME_STAMP_V2, "archive-time-stamp-v2"),
        (ATTR_LONG_TERM_VALIDATION, "long-term-validation"),
        (ATTR_ARCHIVE_TIME_STAMP_V3, "archive-time-stamp-v3"),
        (ATTR_ATS_HASH_INDEX, "ats-hash-index"),
        (ATTR_ATS_HASH_INDEX_V3, "ats-hash-index-v3"),
        (ATTR_SIGNER_ATTRIBUTES_V2, "signer-attributes-v2"),
        (ATTR_SIGNATURE_POLICY_STORE, "signature-policy-store"),
        (ATTR_SIGNATURE_COMMENT, "signature-comment"),
        (ATTR_RESOURCE_NAME, "resource-name"),
        (ATTR_SIGNATURE_USAGE, "signature-usage"),
    ];
    NAMES.iter().find(|(o, _)| o == oid).map(|(_, n)| *n)
}

/// The short name of a name attribute as Russian tools and the trust list write distinguished
/// names (`CN`, `SN`, `G`, `T`, `O`, `OU`, `C`, `S`, `L`, `STREET`, `E`, `ОГРН`, `ОГРНИП`, `ИНН`,
/// `ИНН ЮЛ`, `СНИЛС`).
pub fn name_attribute_short(oid: &ObjectIdentifier) -> Option<&'static str> {
    const SHORT: [(ObjectIdentifier, &str); 18] = [
        (AT_COMMON_NAME, "CN"),
        (AT_SURNAME, "SN"),
        (AT_GIVEN_NAME, "G"),
        (AT_TITLE, "T"),
        (AT_ORGANIZATION, "O"),
        (AT_ORGANIZATIONAL_UNIT, "OU"),
        (AT_COUNTRY, "C"),
        (AT_STATE, "S"),
        (AT_LOCALITY, "L"),
        (AT_STREET, "STREET"),
        (AT_EMAIL, "E"),
        (AT_SERIAL_NUMBER, "SERIALNUMBER"),
        (AT_PSEUDONYM, "PSEUDONYM"),
        (AT_OGRN, "ОГРН"),
        (AT_OGRNIP, "ОГРНИП"),
        (AT_INN, "ИНН"),
        (AT_INNLE, "ИНН ЮЛ"),
        (AT_SNILS, "СНИЛС"),
    ];
    SHORT.iter().find(|(o, _)| o == oid).map(|(_, n)| *n)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(key_algorithm_name(&GOST2012_256, None), Some("gost2012-256"));
        assert_eq!(key_algorithm_name(&EC_PUBLIC_KEY, Some(&SECP256R1)), Some("ecdsa-p256"));
        assert_eq!(key_algorithm_name(&EC_PUBLIC_KEY, None), None);
        assert_eq!(digest_algorithm_name(&GOSTR3411_94), Some("gostr3411-94"));
        assert_eq!(attribute_name(&ATTR_RESOURCE_NAME), Some("resource-name"));
        assert_eq!(policy_class(&POLICY_KA1), Some("КА1"));
        assert_eq!(name_attribute_short(&AT_INNLE), Some("ИНН ЮЛ"));
        assert_eq!(SIGNED_DATA.to_string(), "1.2.840.113549.1.7.2");
    }
}
