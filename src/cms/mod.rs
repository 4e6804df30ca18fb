//! Detached CMS / CAdES signatures (RFC 5652, RFC 5035, ETSI EN 319 122-1) as Russian signing
//! tools write them: DER, BER with indefinite lengths, PEM and bare base64; and who signed.
//!
//! - [`input`]: sniffs the file (DER, BER, PEM, base64; a PDF or a certificate given by mistake)
//!   and normalises BER to DER on request;
//! - [`signed_data`]: [`parse`] reads ContentInfo / SignedData / SignerInfo straight from BER,
//!   keeping the signed attributes, each certificate and its TBSCertificate exactly as received;
//! - [`attrs`]: signed and unsigned attributes, ESS signing-certificate(-v2), time-stamps;
//! - [`certificate`]: X.509 with the FSB order 795 extensions; [`Name`] with Russian short names;
//! - [`identity`]: СНИЛС, ИНН, ОГРН and the rest of the subject, with check digits;
//! - [`oid`]: every OID, with the document that defines it.
//!
//! No signature is verified and no GOST hash computed here: that is `crypto`'s job.
//!
//! ```
//! use ekdo_check::cms::{parse, Identity};
//! use ekdo_check::Limits;
//!
//! let sig = include_bytes!("../../tests/data/signatures/02-qualified-employer-ber/document.pdf.sig");
//! let parsed = parse(sig, &Limits::default()).unwrap();
//! assert_eq!(parsed.encoding.name(), "ber");
//! let signer = &parsed.signers[0];
//! let cert = signer.certificate(&parsed.certificates).unwrap();
//! let who = Identity::from_name(&cert.subject);
//! assert_eq!(who.ogrn.as_deref(), Some("1167811239860"));
//! assert_eq!(who.innle_valid, Some(true));
//! ```

pub mod attrs;
pub(crate) mod ber;
pub mod certificate;
pub mod identity;
pub mod input;
pub mod oid;
pub mod signed_data;

pub use attrs::{sha_digest, Attribute, DigestFn, EssCertIdV2, SignedAttrs, TimeStamp};
pub use certificate::{AccessDescription, AuthorityKeyId, Certificate, Extension, Name, NameAttribute};
pub use identity::{valid_inn, valid_ogrn, valid_ogrnip, valid_snils, Identity};
pub use input::{decode, sniff, to_der, Decoded, Encoding};
pub use signed_data::{parse, AlgorithmId, ParsedSignature, SignerId, SignerInfo};
