//! The object identifiers of the algorithms the crypto layer knows, each with the document that
//! defines it.

use const_oid::ObjectIdentifier;

/// id-tc26-gost3411-12-256, GOST R 34.11-2012 256 bit (RFC 9215 §2, R 1323565.1.024).
pub const STREEBOG_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.2.2");
/// id-tc26-gost3411-12-512, GOST R 34.11-2012 512 bit (RFC 9215 §2).
pub const STREEBOG_512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.2.3");
/// id-GostR3411-94, GOST R 34.11-94 (RFC 4357 §10.4; RFC 4490 §2.1).
pub const GOST_R3411_94: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.2.2.9");
/// id-GostR3411-94-CryptoProParamSet, the hash parameters of CryptoPro (RFC 4357 §11.2).
pub const GOST_R3411_94_CRYPTOPRO_PARAMS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.2.2.30.1");
/// id-sha1 (RFC 3279 §2.2.1).
pub const SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
/// id-sha256 (RFC 5754 §2).
pub const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
/// id-sha384 (RFC 5754 §2).
pub const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
/// id-sha512 (RFC 5754 §2).
pub const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// id-tc26-gost3410-12-256, a GOST R 34.10-2012 256-bit public key (RFC 9215 §2).
pub const GOST2012_256_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.1.1");
/// id-tc26-gost3410-12-512, a GOST R 34.10-2012 512-bit public key (RFC 9215 §2).
pub const GOST2012_512_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.1.2");
/// id-GostR3410-2001, a GOST R 34.10-2001 public key (RFC 4491 §2.3.2).
pub const GOST2001_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.2.2.19");
/// id-tc26-signwithdigest-gost3410-12-256 (RFC 9215 §3.1).
pub const GOST2012_256_WITH_STREEBOG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.3.2");
/// id-tc26-signwithdigest-gost3410-12-512 (RFC 9215 §3.1).
pub const GOST2012_512_WITH_STREEBOG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.7.1.1.3.3");
/// id-GostR3411-94-with-GostR3410-2001 (RFC 4491 §2.2.2).
pub const GOST2001_WITH_GOST94: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.643.2.2.3");

/// rsaEncryption (RFC 8017 Appendix C; RFC 3279 §2.3.1).
pub const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// id-RSASSA-PSS (RFC 4055 §3.1; RFC 8017 Appendix C).
pub const RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
/// id-mgf1 (RFC 8017 Appendix B.2.1).
pub const MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");
/// sha1WithRSAEncryption (RFC 3279 §2.2.1).
pub const SHA1_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5");
/// sha256WithRSAEncryption (RFC 4055 §5).
pub const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
/// sha384WithRSAEncryption (RFC 4055 §5).
pub const SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
/// sha512WithRSAEncryption (RFC 4055 §5).
pub const SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");

/// id-ecPublicKey (RFC 5480 §2.1.1).
pub const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// secp256r1, NIST P-256 (RFC 5480 §2.1.1.1).
pub const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
/// secp384r1, NIST P-384 (RFC 5480 §2.1.1.1).
pub const SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
/// ecdsa-with-SHA1 (RFC 3279 §2.2.3).
pub const ECDSA_WITH_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.1");
/// ecdsa-with-SHA256 (RFC 5758 §3.2).
pub const ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
/// ecdsa-with-SHA384 (RFC 5758 §3.2).
pub const ECDSA_WITH_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
/// ecdsa-with-SHA512 (RFC 5758 §3.2).
pub const ECDSA_WITH_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
