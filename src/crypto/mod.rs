//! Digests and signature verification: GOST R 34.10-2012/2001 (written here, on crypto-bigint),
//! RSA and ECDSA (through the RustCrypto crates).

pub mod digest;
pub mod gost;
pub mod oid;

pub use digest::{DigestAlgorithm, Hasher};
