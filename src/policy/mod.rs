//! Labour Code arts. 22.1–22.3: who may sign what with which kind of signature, and the upload
//! manifest for «Работа России».
//!
//! - [`catalogue`]: the personnel document types, with their portal group, the Минтруд codifier,
//!   who signs them and whether they may be electronic at all (art. 22.1).
//! - [`tk223`]: the matrix document type × party × channel → allowed signature kinds (art. 22.3),
//!   and whether a verdict of the signature checker ([`Kind`](crate::report::Kind)) satisfies it.
//! - [`file_name`]: the portal's file name «ФИО работника + Подтип + № документа + от + Дата».
//! - [`manifest`]: the document metadata from the HR system and [`manifest::evaluate`], which
//!   fills the labour-law part of the report and the upload steps.
//! - [`render`]: the matrix as text for the CLI and the catalogue as JSON for the JS API.
//!
//! Choices the sources leave open are written down, with their reasons, in `docs/policy.md`.

pub mod catalogue;
pub mod file_name;
pub mod manifest;
pub mod render;
pub mod tk223;

pub use catalogue::{Codifier, DocumentInfo, DocumentType, Form, PortalGroup, Signers};
pub use file_name::{document_file_name, signature_file_name, FileName, SignatureSuffix};
pub use manifest::{evaluate, DocumentMeta, PolicyOutcome};
pub use render::{catalogue_json, render_matrix, render_one};
pub use tk223::{allowed, allowed_with, kind_allowed, Allowed, Channel, Facts, KindDecision, Party, SignatureKind};
