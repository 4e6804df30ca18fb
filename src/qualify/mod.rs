//! УКЭП or УНЭП: the qualified certificate profile (FSB order 795) and the classification.
//!
//! - [`profile795`]: does a certificate have the form of a qualified certificate?
//! - [`classify`]: УКЭП, УКЭП?, УНЭП or invalid, with reasons.

pub mod classify;
pub mod profile795;

pub use profile795::{check_profile, ProfileInput, ProfileVerdict, SubjectKind};
