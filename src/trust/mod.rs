//! Trust: the list of accredited CAs (Минцифры XML), certificate paths and CRLs.
//!
//! - [`tsl`]: the list of accredited CAs, parsed as a stream and indexed ([`TrustList`]).
//! - [`crl`]: X.509 certificate revocation lists (RFC 5280 §5), parsed with their signed bytes
//!   kept as received ([`Crl`]).

mod asn1;
pub mod crl;
pub mod path;
pub mod tsl;

pub use crl::{Crl, RevocationReason, RevokedEntry};
pub use tsl::{AccreditationStatus, Authority, AuthorityKey, CaCertificate, KeyMatch, StatusPeriod, TrustList};
